import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiCall, launch, logIn, newPage, pickOption, screenshot, visible, switchLanguage } from './browser';

// One story through the real API on a fresh, demo-seeded SQLite database: an administrator works a new
// customer end to end in the Chinese UI, then a rep sees only their own customers.
describe('CRM SPA against the real API', () => {
  let browser: Browser;
  let page: Page;
  const name = `E2E 华东精密机械 ${Date.now().toString(36)}`;
  const imported = `E2E 导入客户 ${Date.now().toString(36)}`;

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
    await apiCall(page, 'POST', /\/api\/v1\/auth\/login$/, () => page.getByRole('button', { name: /登\s*录/ }).click());
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
    await apiCall(page, 'POST', /\/api\/v1\/customers$/, () => page.getByRole('button', { name: /保\s*存/ }).click());
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

  it('exports the filtered list and imports a CSV: dry-run plan, confirm, job progress and report', async () => {
    await page.goto(`/customers?q=${encodeURIComponent(name)}`);
    await visible(page.getByTestId('customer-table').getByRole('link', { name }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导\s*出/ }).click()]);
    const exported = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(exported[0]).toMatch(/^code,name,/);
    expect(exported).toHaveLength(2); // the header and the one customer the search finds
    expect(exported[1]).toContain(name);

    const csv = `name,level,phone,region\n${imported},B,021-5555 0101,华东\n,Z,,\n`;
    const file = join(tmpdir(), `import-${Date.now()}.csv`);
    writeFileSync(file, csv);
    await page.getByRole('button', { name: /导\s*入/ }).click();
    await page.locator('.ant-dropdown:visible').getByRole('menuitem', { name: '客户', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles(file);
    await visible(dialog.getByText(/^import-\d+\.csv$/));
    await apiCall(page, 'POST', /\/api\/v1\/imports\/customers$/, () => dialog.getByRole('button', { name: /预\s*检/ }).click());
    const plan = dialog.getByTestId('import-plan');
    await visible(plan.getByText("'name' must not be empty", { exact: false }));
    await screenshot(page, '05b-import-plan');
    // The invalid row would hold back its whole batch: remove it from the file and check again.
    writeFileSync(file, csv.split('\n').slice(0, 2).join('\n'));
    await dialog.getByRole('button', { name: '重新选择文件' }).click();
    await dialog.locator('input[type=file]').setInputFiles(file);
    await apiCall(page, 'POST', /\/api\/v1\/imports\/customers$/, () => dialog.getByRole('button', { name: /预\s*检/ }).click());
    await visible(plan.getByRole('cell', { name: '新建' }));
    await apiCall(page, 'POST', /\/api\/v1\/imports\/customers$/, () => dialog.getByRole('button', { name: /确认导入（1 行）/ }).click());
    await visible(dialog.getByTestId('import-job').locator('.ant-result-title').getByText('导入完成', { exact: true }));
    await visible(dialog.getByText('新建 1，更新 0，跳过 0，失败 0'));
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/ }).click();
    await page.goto(`/customers?q=${encodeURIComponent(imported)}`);
    await visible(page.getByTestId('customer-table').getByRole('link', { name: imported }));

    // Back to the customer the next steps work on.
    await page.goto(`/customers?q=${encodeURIComponent(name)}`);
    await page.getByTestId('customer-table').getByRole('link', { name }).click();
    await visible(page.getByRole('heading', { name }));
  });

  it('sends an expired session to the login page and back to the page it was on', async () => {
    const detail = new URL(page.url()).pathname;
    await page.context().clearCookies(); // the session cookie is gone, as when it expires on the server
    try {
      await page.getByRole('tab', { name: '联系人' }).click(); // the tab's first request answers 401
      await page.waitForURL(/\/login\?returnTo=/);
      await visible(page.getByText('登录已过期，请重新登录'));
      await page.getByLabel('邮箱').fill('admin@demo.crm');
      await page.getByLabel('密码').fill('Demo-2026!');
      await apiCall(page, 'POST', /\/api\/v1\/auth\/login$/, () => page.getByRole('button', { name: /登\s*录/ }).click());
      await page.waitForURL((url) => url.pathname === detail);
      await visible(page.getByRole('heading', { name }));
    } finally {
      // Whatever happened above, the next steps need a signed-in administrator on this customer.
      if ((await page.context().cookies()).length === 0 || page.url().includes('/login')) {
        await logIn(page, 'admin@demo.crm');
        await page.goto(detail);
      }
    }
  });

  it('edits the customer', async () => {
    await page.getByRole('button', { name: /编\s*辑/ }).click();
    await page.getByLabel('地区').fill('华东');
    await page.getByLabel('爱好').fill('高尔夫');
    await apiCall(page, 'PUT', /\/api\/v1\/customers\/[0-9a-f-]{36}$/, () => page.getByRole('button', { name: /保\s*存/ }).click());
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
    await apiCall(page, 'POST', /\/purchases$/, () => dialog.getByRole('button', { name: /保\s*存/ }).click());
    await visible(page.getByRole('cell', { name: '数控机床 CK6150' }));
    await visible(page.locator('.ant-card').first().getByText('现实客户'));
    // The dialog fades out after the save; its mask can still cover the header when the next step clicks there.
    await dialog.first().waitFor({ state: 'hidden' });
    await screenshot(page, '08-purchases');
  });

  it('switches to English', async () => {
    await switchLanguage(page, '语言', 'English', 'Language');
    await visible(page.getByRole('tab', { name: 'Deal records' }));
    await visible(page.getByRole('navigation').getByRole('link', { name: 'Customers' }));
    await visible(page.locator('.ant-card').first().getByText('Active'));
    await screenshot(page, '09-english');
    await page.reload();
    await visible(page.getByRole('tab', { name: 'Overview' }));
    await switchLanguage(page, 'Language', '简体中文', '语言');
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

  it('opens the work settings and overview pages as administrator', async () => {
    await page.goto('/admin/visit-policy');
    await visible(page.getByRole('heading', { name: '拜访频率' }));
    await visible(page.getByRole('cell', { name: '特级' }));
    await page.goto('/complaints/answers');
    await visible(page.getByRole('heading', { name: '标准回答' }));
    await page.goto('/visits/compliance');
    await visible(page.getByRole('heading', { name: '大客户拜访达标' }));
    await page.goto('/complaints/stats');
    await visible(page.getByRole('heading', { name: '投诉统计' }));
    await visible(page.getByText('收到投诉'));
    await page.goto('/visits');
    await visible(page.getByTestId('visit-week'));
  });

  it('lets a rep see only their own customers, without the admin menu', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(/\/login/);
    await logIn(page, 'rep1@demo.crm');
    await expect.poll(() => page.getByRole('navigation').getByText('系统管理').count(), { timeout: 30_000 }).toBe(0);
    await page.goto('/customers');
    const table = page.getByTestId('customer-table');
    await table.getByRole('row').nth(1).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    const owners = await table.locator('[role=row] [role=cell]:nth-child(10)').allInnerTexts();
    expect(owners.length).toBeGreaterThan(0);
    expect(new Set(owners)).toEqual(new Set([me.displayName]));
    await expect.poll(() => table.getByRole('link', { name }).count(), { timeout: 30_000 }).toBe(0);
    await screenshot(page, '13-rep-customers');
    await page.goto('/admin/users');
    await visible(page.getByText('没有权限'));
  });

  // ---- Work screens: visits, complaints, board, referrals and points ----
  let visitedCustomer = '';
  const prospect = `E2E 转介绍客户 ${Date.now().toString(36)}`;
  const taskTitle = `E2E 回访投诉客户 ${Date.now().toString(36)}`;

  async function switchUser(email: string) {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(/\/login/);
    await logIn(page, email);
  }

  async function searchAndPick(combobox: Locator, text: string) {
    await combobox.click();
    await combobox.fill(text);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
  }

  it('lets rep1 plan a visit from "my week" and complete it with a record', async () => {
    await page.goto('/visits/my-week');
    const due = page.getByTestId('due-visits');
    await visible(due.locator('.ant-card'));
    await screenshot(page, '14-my-week');
    const first = due.locator('.ant-card').first();
    visitedCustomer = (await first.locator('.ant-card-head-title a').innerText()).trim();
    await first.getByRole('button', { name: '计划拜访' }).click();
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByText(visitedCustomer));
    const planned = await apiCall(page, 'POST', /\/api\/v1\/visits$/, () => dialog.getByRole('button', { name: /保\s*存/ }).click());
    const visitId = ((await planned.json()) as { id: string }).id;
    await page.waitForURL(new RegExp(`/visits/${visitId}$`));
    await visible(page.getByTestId('visit-status').getByText('已计划'));

    await page.getByRole('button', { name: '填写拜访记录' }).click();
    const record = page.getByRole('dialog');
    await record.getByLabel('拜访纪要').fill('太短');
    await record.getByRole('button', { name: /保\s*存/ }).click();
    await visible(record.getByText('拜访纪要至少 10 个字'));
    await record.getByLabel('拜访纪要').fill('与采购部王经理讨论了明年的框架协议和交货计划，客户对服务满意。');
    await record.getByLabel('下一步').fill('下周发送报价单');
    await apiCall(page, 'POST', /\/api\/v1\/visits\/[0-9a-f-]{36}\/complete$/, () => record.getByRole('button', { name: /保\s*存/ }).click());
    await visible(page.getByTestId('visit-status').getByText('已完成'));
    await visible(page.getByTestId('visit-status').getByText('待核查'));

    // The month board shows the visit on its day and links to it.
    await page.goto('/visits?view=month');
    await visible(page.getByTestId('visit-month').locator(`a[href="/visits/${visitId}"]`));
    await screenshot(page, '14b-visit-month');
  });

  it('lets manager1 approve the record from the review queue', async () => {
    await switchUser('manager1@demo.crm');
    await page.goto('/visits/review');
    const row = page.getByTestId('review-queue').getByRole('row').filter({ hasText: visitedCustomer });
    await visible(row);
    await screenshot(page, '15-review-queue');
    await apiCall(page, 'POST', /\/api\/v1\/visits\/[0-9a-f-]{36}\/review$/, () => row.getByRole('button', { name: '核查通过' }).click());
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(0);
  });

  it('lets the service desk log a complaint and resolve it as factual', async () => {
    await switchUser('service@demo.crm');
    await page.goto('/complaints');
    await visible(page.getByRole('heading', { name: '投诉处理' }));
    await page.getByRole('button', { name: '登记投诉' }).click();
    const dialog = page.getByRole('dialog');
    await searchAndPick(dialog.getByRole('combobox', { name: '客户' }), name);
    await pickOption(page, dialog.getByRole('combobox', { name: '投诉类别' }), '产品质量');
    await dialog.getByLabel('投诉内容').fill('CK6150 主轴运行两周后出现异响，客户要求上门检修。');
    await apiCall(page, 'POST', /\/api\/v1\/complaints$/, () => dialog.getByRole('button', { name: /保\s*存/ }).click());
    await page.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
    await visible(page.getByTestId('complaint-status').getByText('待受理'));
    const detailUrl = page.url();
    await page.goto('/complaints');
    await visible(page.getByTestId('complaint-queue').getByRole('row').filter({ hasText: name }));
    await screenshot(page, '16-complaint-queue');
    await page.goto(detailUrl);
    await apiCall(page, 'POST', /\/api\/v1\/complaints\/[0-9a-f-]{36}\/advance$/, () => page.getByRole('button', { name: /受\s*理/ }).click());
    await visible(page.getByTestId('complaint-status').getByText('已受理'));

    await page.getByRole('button', { name: /解\s*决/ }).click();
    const resolve = page.getByRole('dialog');
    await resolve.getByText('属实', { exact: true }).click();
    await resolve.getByRole('button', { name: /解\s*决/ }).click();
    await visible(resolve.getByText('请填写根本原因'));
    await pickOption(page, resolve.getByRole('combobox', { name: '解决方式' }), '维修');
    await resolve.getByLabel('根本原因').fill('主轴轴承装配预紧力不足');
    await resolve.getByLabel('改进措施').fill('装配工序增加预紧力检测，并对同批次设备回访');
    await apiCall(page, 'POST', /\/api\/v1\/complaints\/[0-9a-f-]{36}\/resolve$/, () => resolve.getByRole('button', { name: /解\s*决/ }).click());
    await visible(page.getByTestId('complaint-status').getByText('已解决'));
    await visible(page.getByText('主轴轴承装配预紧力不足'));
  });

  it('shows the weekly board and creates a task on it', async () => {
    await page.goto('/board');
    await visible(page.getByTestId('board'));
    await page.getByRole('button', { name: '新建任务' }).click();
    await page.getByLabel('任务', { exact: true }).fill(taskTitle);
    await page.locator('.ant-drawer').getByRole('button', { name: /保\s*存/ }).click();
    await visible(page.getByTestId('column-dueToday').getByText(taskTitle));
    await page.locator('.ant-drawer-content-wrapper:visible').waitFor({ state: 'hidden' }).catch(() => undefined);
    await screenshot(page, '17-board');
    // Drag the card into "done": the task's status becomes Done.
    await page.getByTestId('column-dueToday').getByTestId('task-card').filter({ hasText: taskTitle }).dragTo(page.getByTestId('column-doneThisWeek'));
    await visible(page.getByTestId('column-doneThisWeek').getByText(taskTitle));
    // The monthly board (月看板).
    await page.getByText('月看板', { exact: true }).click();
    await page.waitForURL(/view=month/);
    await visible(page.getByTestId('month-board'));
    await screenshot(page, '17b-month-board');
  });

  it('lets rep1 record a referral with a new prospect; the first purchase rewards the referrer', async () => {
    await switchUser('rep1@demo.crm');
    await page.goto('/referrals');
    await page.getByRole('button', { name: '记录转介绍' }).click();
    const dialog = page.getByRole('dialog');
    await searchAndPick(dialog.getByRole('combobox', { name: '介绍人' }), visitedCustomer);
    await dialog.getByLabel('潜在客户名称').fill(prospect);
    await dialog.getByLabel('联系人').fill('李总');
    await apiCall(page, 'POST', /\/api\/v1\/referrals$/, () => dialog.getByRole('button', { name: /保\s*存/ }).click());
    await visible(page.getByTestId('funnel-New').getByText(prospect));
    await page.locator('.ant-modal-wrap:visible').waitFor({ state: 'hidden' }).catch(() => undefined);
    await screenshot(page, '18-referral-funnel');

    await page.getByTestId('funnel-New').getByRole('link', { name: prospect }).click();
    await visible(page.getByRole('heading', { name: prospect }));
    await page.getByRole('tab', { name: '成交档案' }).click();
    await page.getByRole('button', { name: '记录成交' }).click();
    const purchase = page.getByRole('dialog');
    await purchase.getByLabel('产品', { exact: true }).fill('数控车床 CK6140');
    await purchase.getByLabel('产品类别').fill('机床');
    await purchase.getByLabel('数量').fill('1');
    await purchase.getByLabel('单价').first().fill('86000');
    await apiCall(page, 'POST', /\/purchases$/, () => purchase.getByRole('button', { name: /保\s*存/ }).click());
    await visible(page.getByRole('cell', { name: '数控车床 CK6140' }));

    await page.goto('/referrals');
    await page.getByTestId('funnel-Won').getByText(prospect).waitFor();
    const referrerLink = page.getByTestId('funnel-Won').locator('[data-testid=referral-card]').filter({ hasText: prospect });
    const referrerId = await page.evaluate(async (p) => {
      const r = await (await fetch('/api/v1/referrals?limit=200')).json();
      return r.items.find((x: { referredName: string }) => x.referredName === p).referrerId as string;
    }, prospect);
    expect(await referrerLink.count()).toBe(1);
    await page.goto(`/customers/${referrerId}?tab=points`);
    const entries = page.getByRole('row').filter({ hasText: '转介绍' });
    await visible(entries.filter({ hasText: '+100' }));
    await visible(page.getByText('积分余额'));
  });
  // ---- Loyalty, analytics and admin screens ----
  it('shows the dashboard charts, composition analysis and the loyalty portfolio', async () => {
    await switchUser('admin@demo.crm');
    await page.goto('/');
    const dashboard = page.getByTestId('dashboard');
    await visible(dashboard.getByTestId('chart-targets').locator('svg'));
    await visible(dashboard.getByTestId('chart-complaints').locator('svg'));
    await screenshot(page, '19-dashboard');
    // A bar of the complaints chart clicks through to the filtered queue; the card link does the same by keyboard.
    await dashboard.getByTestId('card-complaints').getByRole('link').click();
    await page.waitForURL(/\/complaints\?sla=breached/);

    await page.getByRole('navigation').getByRole('link', { name: '客户构成分析' }).click();
    await page.waitForURL(/\/analytics\/composition/);
    await visible(page.getByTestId('pareto-chart').locator('svg'));
    await page.getByTestId('pareto-table').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, '20-composition');
    await page.getByText('地区', { exact: true }).click();
    await page.waitForURL(/by=region/);
    await page.getByTestId('pareto-table').locator('tbody tr.ant-table-row').first().waitFor();
    await visible(page.getByTestId('pareto-table').getByText(/^[ABC]$/));

    await page.goto('/analytics/loyalty');
    await visible(page.getByTestId('chart-stage').locator('svg'));
    await screenshot(page, '21-loyalty-portfolio');
    await page.getByRole('tab', { name: /挽回名单/ }).click();
    await visible(page.getByTestId('win-back'));
    await screenshot(page, '22-win-back');
  });

  it('shows the loyalty metrics of a customer and records a relationship assessment', async () => {
    await page.goto('/customers');
    await page.getByTestId('customer-search').fill(name);
    await page.getByTestId('customer-table').getByRole('link', { name }).click();
    await visible(page.getByRole('heading', { name }));
    await page.getByRole('tab', { name: '忠诚度' }).click();
    await visible(page.getByTestId('loyalty-stage'));
    await visible(page.getByTestId('loyalty-components').getByText('12 个月购买次数'));
    await screenshot(page, '23-customer-loyalty');

    await page.getByRole('tab', { name: '关系评估' }).click();
    await page.getByRole('button', { name: /填写评估表/ }).click();
    const dialog = page.getByRole('dialog');
    const scores = dialog.getByRole('spinbutton');
    await scores.first().waitFor();
    const count = await scores.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) await scores.nth(i).fill('80');
    await visible(dialog.getByTestId('scorecard-grade').getByText('B'));
    await visible(dialog.getByTestId('scorecard-suggested').getByText('维持关系'));
    await screenshot(page, '24-scorecard');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const row = page.getByTestId('assessments-table').locator('tbody tr.ant-table-row').first();
    await visible(row.getByText('80.0'));
    await visible(row.getByText('维持关系'));

    // The timeline gathers the profile, the deal, the complaint and the assessment, newest first.
    await page.getByRole('tab', { name: '时间线' }).click();
    const timeline = page.getByTestId('customer-timeline');
    await visible(timeline.getByText(/^关系评估 80\.0 分/));
    await visible(timeline.getByText('成交：数控机床 CK6150 × 2'));
    await visible(timeline.getByText(/^投诉 .+：产品质量$/));
    await visible(timeline.getByText('资料修改'));
    await screenshot(page, '24b-timeline');

    // The record's tasks drawer.
    await page.getByTestId('record-tasks-button').click();
    await visible(page.locator('.ant-drawer').getByText('相关任务'));
    await page.keyboard.press('Escape');
  });

  it('opens targets, reminders, assessments due and the new admin settings', async () => {
    await page.goto('/analytics/targets');
    await visible(page.getByTestId('targets-table'));
    await visible(page.getByTestId('team-split'));
    await screenshot(page, '25-targets');
    await page.goto('/analytics/reminders');
    await visible(page.locator('.ant-picker-calendar'));
    await visible(page.getByTestId('reminders-day'));
    await screenshot(page, '26-reminders');
    await page.goto('/analytics/assessments-due');
    await visible(page.getByTestId('assessments-due'));
    await page.goto('/admin/scorecard');
    await visible(page.getByTestId('weight-sum').getByText('权重合计 100 / 100'));
    await screenshot(page, '27-scorecard-template');
    await page.goto('/admin/complaint-sla');
    await visible(page.getByTestId('sla-table').getByText('严重'));
    await page.goto('/admin/loyalty');
    await visible(page.getByTestId('tier-row').first());
    await page.goto('/admin/holidays');
    await visible(page.getByTestId('holidays-table'));
    await screenshot(page, '28-holidays');
  });

  it('fits a tablet screen (portrait iPad): no page-wide horizontal scrolling on the main pages', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    try {
      for (const [path, ready, shot] of [
        ['/', page.getByTestId('dashboard').getByTestId('chart-targets').locator('svg'), '29-tablet-home'],
        ['/customers', page.getByTestId('customer-table').getByRole('row').nth(3), '30-tablet-customers'],
        ['/visits?view=month', page.getByTestId('visit-month'), '31-tablet-visit-month'],
        ['/complaints', page.getByTestId('complaint-queue'), '32-tablet-complaints'],
      ] as const) {
        await page.goto(path);
        await visible(ready);
        await screenshot(page, shot);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
      }
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });
});
