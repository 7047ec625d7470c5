import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page, type Response } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:5099';
export const password = process.env.E2E_PASSWORD ?? 'Demo-2026!';
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Debian's chromium, never a downloaded browser. */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  // Generous waits: the suite shares two cores with .NET builds and other test runs. Steps that call the API wait for
  // its answer (apiCall) and fail at once, with the status and problem, when it is an error: a slow machine waits, a
  // broken flow still fails fast.
  page.setDefaultTimeout(30_000);
  page.setDefaultNavigationTimeout(60_000);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: false });
}

/** Runs the action (a click) and waits for the API call it makes (method and path, e.g. 'POST', /\/api\/v1\/visits$/);
 *  throws with the status and problem body when the API answers with an error. */
export async function apiCall(page: Page, method: string, path: RegExp, action: () => Promise<unknown>, timeout = 60_000): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname), { timeout }),
    action(),
  ]);
  if (response.status() >= 400) throw new Error(`${method} ${new URL(response.url()).pathname} answered ${response.status()}: ${await response.text().catch(() => '')}`);
  return response;
}

export async function logIn(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/邮箱|Email/).fill(email);
  await page.getByLabel(/密码|Password/).fill(password);
  await apiCall(page, 'POST', /\/api\/v1\/auth\/login$/, () => page.getByRole('button', { name: /登\s*录|Sign in/ }).click());
  await page.getByTestId('user-menu').waitFor();
}

export async function pickOption(page: Page, combobox: ReturnType<Page['getByRole']>, option: string): Promise<void> {
  await combobox.click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

/**
 * Picks a language in the header and waits until the header speaks it (the switch's own label changes). A pick made
 * while the page is still settling (after a reload, or a dialog fading out) was sometimes lost in CI, and every later
 * step then ran in the wrong language, so the pick is tried up to three times before the test fails.
 */
export async function switchLanguage(page: Page, currentLabel: string, option: string, nextLabel: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await pickOption(page, page.getByRole('combobox', { name: currentLabel }), option);
    try {
      await page.getByRole('combobox', { name: nextLabel }).first().waitFor({ state: 'visible', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** Waits until the locator's (first) element is visible; fails the test on timeout. */
export async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
}

export type AxeFinding = { id: string; impact: string; nodes: number; help: string; targets: string[] };

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page and returns the serious and critical violations; prints a summary. */
export async function axeSeriousViolations(page: Page, name: string): Promise<AxeFinding[]> {
  // axe reads computed colours: a menu item still fading into its selected colour (Ant Design's 0.2–0.3 s transitions)
  // can measure as low contrast. Ending every transition and animation checks what the user sees once they settle.
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const all = result.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', nodes: v.nodes.length, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  console.log(`axe ${name}: ${result.passes.length} rules passed, ${all.length} violated${all.length ? ` (${all.map((v) => `${v.id}/${v.impact}×${v.nodes}`).join(', ')})` : ''}`);
  const serious = all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of serious) console.log(`  ${v.id}: ${v.help} — ${v.targets.join(' | ')}`);
  if (process.env.AXE_DETAIL) {
    for (const v of result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
      for (const n of v.nodes.slice(0, 8)) console.log(`    ${v.id} ${n.target.join(' ')} :: ${n.html.slice(0, 160)} :: ${n.failureSummary?.split('\n').slice(1, 2).join(' ')}`);
  }
  return serious;
}
