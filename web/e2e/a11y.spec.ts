import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeSeriousViolations, launch, logIn, newPage, visible } from './browser';

// axe-core on the main pages (zh-CN, signed in as the administrator against the demo data): no serious or critical
// WCAG 2.1 A/AA violations. Minor and moderate findings are printed, not failed.
describe('accessibility of the main pages (axe)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    page = await newPage(browser);
    page.setDefaultTimeout(30_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('login', async () => {
    await page.goto('/login');
    await visible(page.getByLabel('邮箱'));
    expect(await axeSeriousViolations(page, 'login')).toEqual([]);
  });

  it('dashboard', async () => {
    await logIn(page, 'admin@demo.crm');
    await page.goto('/');
    await visible(page.getByTestId('chart-targets').locator('svg'));
    expect(await axeSeriousViolations(page, 'dashboard')).toEqual([]);
  });

  it('customers list', async () => {
    await page.goto('/customers');
    await page.getByTestId('customer-table').getByRole('row').nth(3).waitFor();
    expect(await axeSeriousViolations(page, 'customers')).toEqual([]);
  });

  it('customer detail (overview and loyalty)', async () => {
    const id = await page.evaluate(async () => (await (await fetch('/api/v1/customers?limit=1&lifecycle=Active')).json()).items[0].id as string);
    await page.goto(`/customers/${id}`);
    await visible(page.getByRole('tab', { name: '概览' }));
    expect(await axeSeriousViolations(page, 'customer detail')).toEqual([]);
    await page.goto(`/customers/${id}?tab=loyalty`);
    await visible(page.getByTestId('loyalty-stage'));
    expect(await axeSeriousViolations(page, 'customer loyalty')).toEqual([]);
  });

  it('visits', async () => {
    await page.goto('/visits');
    await visible(page.getByTestId('visit-week'));
    expect(await axeSeriousViolations(page, 'visits')).toEqual([]);
  });

  it('complaints', async () => {
    await page.goto('/complaints');
    await visible(page.getByRole('heading', { name: '投诉处理' }));
    await page.getByTestId('complaint-queue').locator('tbody tr.ant-table-row, .ant-empty').first().waitFor();
    expect(await axeSeriousViolations(page, 'complaints')).toEqual([]);
  });

  it('composition analysis', async () => {
    await page.goto('/analytics/composition');
    await visible(page.getByTestId('pareto-chart').locator('svg'));
    expect(await axeSeriousViolations(page, 'composition')).toEqual([]);
  });
});
