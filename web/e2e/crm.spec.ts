import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, logIn, newPage, pickOption, screenshot, visible } from './browser';

// One story through the real API on a fresh, demo-seeded SQLite database: an administrator works a new
// customer end to end in the Chinese UI, then a rep sees only their own customers.
describe('CRM SPA against the real API', () => {
  let browser: Browser;
  let page: Page;
  const name = `E2E 华东精密机械 ${Date.now().toString(36)}`;

  beforeAll(async () => {
    browser = await launch();
    page = await newPage(browser);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await screenshot(page, `failed-${context.task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs the administrator in (zh-CN) and shows the home page and admin menu', async () => {
    await page.goto('/customers');
    await page.waitForURL(/\/login\?returnTo=%2Fcustomers/);
    await screenshot(page, '01-login');
    await page.getByLabel('邮箱').fill('admin@demo.crm');
    await page.getByLabel('密码').fill('Demo-2026!');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/customers$/);
    await visible(page.getByRole('heading', { name: '客户档案' }));
    await visible(page.getByRole('navigation').getByText('系统管理'));
    await page.getByTestId('customer-table').getByRole('row').nth(5).waitFor();
    await screenshot(page, '03-customers');

    await page.getByRole('navigation').getByRole('link', { name: '首页' }).click();
    await visible(page.getByText(/欢迎回来/));
    await screenshot(page, '02-home');
  });

  it('creates a customer', async () => {
    await page.goto('/customers/new');
    await page.getByLabel('客户名称').fill(name);
    await page.getByLabel('行业').fill('制造业');
    await page.getByLabel('电话').fill('021-6688 1234');
    await pickOption(page, page.getByRole('combobox', { name: '客户级别' }), 'A 级');
    await screenshot(page, '04-customer-form');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    await visible(page.getByRole('heading', { name }));
    await visible(page.getByText('潜在客户').first());
  });

  it('finds the customer by search, with the filter kept in the URL', async () => {
    await page.goto('/customers');
    await page.getByTestId('customer-search').fill(name);
    await page.waitForURL(/q=/);
    const table = page.getByTestId('customer-table');
    await visible(table.getByRole('link', { name }));
    await screenshot(page, '05-search');
    await table.getByRole('link', { name }).click();
    await visible(page.getByRole('heading', { name }));
  });

  it('edits the customer', async () => {
    await page.getByRole('button', { name: /编\s*辑/ }).click();
    await page.getByLabel('地区').fill('华东');
    await page.getByLabel('爱好').fill('高尔夫');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    await visible(page.getByText('华东', { exact: true }));
    await visible(page.getByText('高尔夫'));
    await screenshot(page, '06-customer-detail');
  });

  it('adds a contact', async () => {
    await page.getByRole('tab', { name: '联系人' }).click();
    await page.getByRole('button', { name: '添加联系人' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('王经理');
    await dialog.getByLabel('职务').fill('采购部经理');
    await dialog.getByLabel('手机').fill('13800138000');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await visible(page.getByRole('cell', { name: /王经理/ }));
    await visible(page.getByRole('cell', { name: '13800138000' }));
    await screenshot(page, '07-contacts');
  });

  it('records a purchase, which makes the prospect an active customer', async () => {
    await page.getByRole('tab', { name: '成交档案' }).click();
    await page.getByRole('button', { name: '记录成交' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('产品', { exact: true }).fill('数控机床 CK6150');
    await dialog.getByLabel('产品类别').fill('机床');
    await dialog.getByLabel('数量').fill('2');
    await dialog.getByLabel('单价').first().fill('128000');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await visible(page.getByRole('cell', { name: '数控机床 CK6150' }));
    await visible(page.locator('.ant-card').first().getByText('现实客户'));
    await screenshot(page, '08-purchases');
  });

  it('switches to English', async () => {
    await pickOption(page, page.getByRole('combobox', { name: '语言' }), 'English');
    await visible(page.getByRole('tab', { name: 'Deal records' }));
    await visible(page.getByRole('navigation').getByRole('link', { name: 'Customers' }));
    await visible(page.locator('.ant-card').first().getByText('Active'));
    await screenshot(page, '09-english');
    await page.reload();
    await visible(page.getByRole('tab', { name: 'Overview' }));
    await pickOption(page, page.getByRole('combobox', { name: 'Language' }), '简体中文');
    await visible(page.getByRole('tab', { name: '概览' }));
  });

  it('shows the admin pages', async () => {
    await page.goto('/admin/users');
    await visible(page.getByRole('cell', { name: 'rep1@demo.crm' }));
    await screenshot(page, '10-admin-users');
    await page.goto('/admin/teams');
    await visible(page.getByText('成员').first());
    await screenshot(page, '11-admin-teams');
    await page.goto('/admin/api-keys');
    await page.getByRole('button', { name: '新建密钥' }).click();
    await page.getByRole('dialog').getByLabel('名称').fill('ERP 集成');
    await page.getByRole('dialog').getByRole('button', { name: /新\s*建/ }).click();
    await visible(page.getByTestId('api-key-secret'));
    await screenshot(page, '12-api-key-secret');
    await page.locator('.ant-modal-footer:visible').getByRole('button', { name: /关\s*闭/ }).click();
    await visible(page.getByRole('cell', { name: 'ERP 集成' }));
  });

  it('lets a rep see only their own customers, without the admin menu', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(/\/login/);
    await logIn(page, 'rep1@demo.crm');
    await expect.poll(() => page.getByRole('navigation').getByText('系统管理').count(), { timeout: 10_000 }).toBe(0);
    await page.goto('/customers');
    const table = page.getByTestId('customer-table');
    await table.getByRole('row').nth(1).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    const owners = await table.locator('[role=row] [role=cell]:nth-child(10)').allInnerTexts();
    expect(owners.length).toBeGreaterThan(0);
    expect(new Set(owners)).toEqual(new Set([me.displayName]));
    await expect.poll(() => table.getByRole('link', { name }).count(), { timeout: 10_000 }).toBe(0);
    await screenshot(page, '13-rep-customers');
    await page.goto('/admin/users');
    await visible(page.getByText('没有权限'));
  });
});
