import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, logIn, newPage } from './browser';

const rowsToLoad = 10_000;

// The customer table is virtualised: with 10,000 loaded rows only the rows in view are in the DOM. The list API is
// answered in the browser with 10,000 generated customers (one page, no cursor), then the table is scrolled top to
// bottom for a fixed number of animation frames while the frame times are recorded. Bounded: ~300 frames.
describe('customer table with 10,000 loaded rows', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('scrolls smoothly and keeps the DOM small', async () => {
    await logIn(page, 'admin@demo.crm');
    const items = Array.from({ length: rowsToLoad }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, code: `C-${String(i + 1).padStart(6, '0')}`, name: `压测客户 ${i + 1}`,
      kind: i % 3 ? 'Company' : 'Person', level: ['Special', 'A', 'B', 'C'][i % 4], isKeyAccount: i % 10 === 0, lifecycle: 'Active', state: 'Actual',
      region: ['华东', '华南', '华北', '西南'][i % 4], industry: '制造业', phone: '021-6688 0000', points: i * 7, tier: null, isAlerted: i % 50 === 0,
      primaryContactName: '王经理', isPriorityLead: false, ownerId: '00000000-0000-0000-0000-000000000001', ownerName: '系统管理员',
      createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z', version: 1,
    }));
    const body = JSON.stringify({ items, nextCursor: null });
    await page.route(/\/api\/v1\/customers\?/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));

    const started = Date.now();
    await page.goto('/customers');
    const table = page.getByTestId('customer-table');
    await table.getByRole('link', { name: '压测客户 1', exact: true }).waitFor();
    await page.getByText(`已加载 ${rowsToLoad.toLocaleString('zh-CN')} 条`).or(page.getByText(`已加载 ${rowsToLoad} 条`)).first().waitFor();
    const loadMs = Date.now() - started;
    console.log(`10k rows: table ready after ${loadMs} ms`);
    const domRows = await table.locator('[role=row]').count();

    // Two passes, each a fixed number of animation frames: a steady scroll (2 rows a frame, a fast mouse wheel) and
    // a jump scroll from top to bottom (~250 rows a frame, the worst case: every frame renders all new rows).
    const measure = (mode: 'steady' | 'jump') =>
      table.evaluate(async (el: HTMLElement, m: string) => {
        const total = el.scrollHeight - el.clientHeight;
        const frameCount = m === 'steady' ? 150 : 40;
        // A frame is waited for at most 500 ms: a renderer starved by other work on the machine slows the run down
        // (and shows in the figures) but cannot hold the test past its timeout.
        const nextFrame = () => new Promise<void>((resolve) => { requestAnimationFrame(() => resolve()); setTimeout(resolve, 500); });
        el.scrollTop = 0;
        await nextFrame();
        const times: number[] = [];
        let last = performance.now();
        for (let i = 1; i <= frameCount; i++) {
          el.scrollTop = m === 'steady' ? i * 96 : (total * i) / frameCount;
          await nextFrame();
          const now = performance.now();
          times.push(now - last);
          last = now;
        }
        return { times, scrolledTo: el.scrollTop, total };
      }, mode);
    const summary = (times: number[]) => {
      const sorted = [...times].sort((a, b) => a - b);
      const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
      const mean = times.reduce((a, b) => a + b, 0) / times.length;
      return { text: `mean ${mean.toFixed(1)} ms, p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms`, p95: pct(95) };
    };
    // Main-thread CPU time per frame (Chrome's ThreadTime) does not count the time the renderer waits for a core,
    // so it stays meaningful when the machine is busy; the frame intervals above do count it.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const cpu = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000;
    const c0 = await cpu();
    const steady = await measure('steady');
    const c1 = await cpu();
    const jump = await measure('jump');
    const c2 = await cpu();
    await table.getByText(`压测客户 ${rowsToLoad}`, { exact: true }).waitFor();
    const s1 = summary(steady.times);
    const s2 = summary(jump.times);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const load = (() => { try { return readFileSync('/proc/loadavg', 'utf8').split(' ')[0]; } catch { return '?'; } })();
    console.log(`10k rows: loaded and first rendered in ${loadMs} ms; ${domRows} row elements in the DOM (${cores} cores, load average ${load})`);
    console.log(`10k rows: steady scroll, ${steady.times.length} frames of 96 px: ${s1.text} per frame; main-thread CPU ${((c1 - c0) / steady.times.length).toFixed(1)} ms per frame`);
    console.log(`10k rows: jump scroll top→bottom, ${jump.times.length} frames: ${s2.text} per frame; main-thread CPU ${((c2 - c1) / jump.times.length).toFixed(1)} ms per frame`);
    const frames = jump;
    expect(domRows).toBeLessThan(120);
    expect(frames.scrolledTo).toBeGreaterThan(frames.total - 2);
    // Only a sanity bound: the printed figures are the measurement, and this shared 2-core machine runs other builds.
    expect(s1.p95).toBeLessThan(1000);
  }, 180_000);
});
