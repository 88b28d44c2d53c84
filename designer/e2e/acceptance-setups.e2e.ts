// Issue 12 (DOMAIN §3, who decides acceptance): the two lawful set-ups, and 容缺 that ends in 终止办理.
// 委托受理: the delegated 综合受理2号窗口 accepts 取水许可 in 水务局's name; the 受理通知书 says so.
// 前台收件、后台受理: the 3号窗口 only receives 代理记账资格 and issues the 材料接收凭证; 财政局's first task is the
// acceptance decision, and the department accepts. 容缺 overdue: the server's test clock passes the catch-up
// date (催补 in the case and the inbox) and the grace period (终止办理 with its notice). Every wait is on a state.
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forms, organization, person } from './fixtures';
import { apiAs, launchBrowser, newPage, savePdf, setClock, shot, signIn, startServer, type RunningServer } from './harness';
import { decide, fillApplicant, fillForm, markMaterial, markRemaining, pickItem, tick, waitForChecklist, type Field } from './intake';

const suite = 'acceptance-setups';
const office = '七台河市桃山区政务服务中心';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ demoCases: false });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const pdfText = (bytes: Buffer): string => spawnSync('pdftotext', ['-', '-'], { input: bytes }).stdout.toString().replace(/\s+/g, '');

/** The notice the intake page opened after the decision: its case id and its text (pdftotext). */
async function openedNotice(page: Page, name: string): Promise<{ caseId: string; number: string; text: string }> {
  await page.getByTestId('case-number').waitFor({ timeout: 90_000 });
  const number = (await page.getByTestId('case-number').innerText()).trim();
  const src = (await page.getByTestId('document-frame').getAttribute('src'))!;
  const bytes = await savePdf(page, suite, name, src);
  return { caseId: src.split('/')[3], number, text: pdfText(bytes) };
}

interface View { status: string; closed: boolean; case: { activeTasks: { id: string; stepId: string }[]; documents: { templateId: string }[]; materials: Record<string, { status: string; catchUpDue?: string; remindedOn?: string | null; terminatesAfter?: string | null }> } }

describe('委托受理（综合窗口以部门名义受理）', () => {
  it('the delegated window accepts 取水许可: the 受理通知书 is in 水务局\'s name with the delegation line', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'clerk-comprehensive-2');
    await pickItem(page, '取水', 'water-permit');
    await fillApplicant(page, organization);
    const item = await (await page.request.get('/api/items/water-permit')).json() as { form: { fields: Field[] }; acceptance?: { setUp: string } };
    expect(item.acceptance?.setUp ?? 'window').toBe('window');
    await fillForm(page, item.form.fields, forms['water-permit']);
    await waitForChecklist(page);
    await markRemaining(page);
    await decide(page, 'accept');

    const notice = await openedNotice(page, '01-water-acceptance');
    await shot(page, suite, '01-delegated-accepted');
    expect(notice.text).toContain('受理通知书');
    expect(notice.text).toContain(`${office}受七台河市桃山区水务局委托`);
    // Signed by the department, not the centre: its name follows the delegation line.
    expect(notice.text.indexOf('七台河市桃山区水务局', notice.text.indexOf('委托出具'))).toBeGreaterThan(0);
    const view = await apiAs<View>(page, 'GET', `/api/cases/${notice.caseId}`);
    expect(view.status).toBe('in-progress');
    await context.close();
  });
});

describe('前台收件、后台受理', () => {
  let number = '';
  let caseId = '';

  it('the window only receives 代理记账资格 and hands over the 材料接收凭证', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'clerk-comprehensive-3');
    await pickItem(page, '代理记账', 'bookkeeping-agency');
    await fillApplicant(page, organization);
    await fillForm(page, (await (await page.request.get('/api/items/bookkeeping-agency')).json() as { form: { fields: Field[] } }).form.fields, {
      agencyName: '七台河市桃山区诚信代理记账有限公司', agencyUscc: organization.idNumber, officeAddress: '黑龙江省七台河市桃山区桃北街18号',
      managerName: '张会平', managerQualification: 'accountant',
      staff: [{ name: '王晓明', idNumber: '230903199503152412', title: 'accountant' }, { name: '孙立军', idNumber: '230903197806123513', title: 'assistant' },
        { name: '李秀兰', idNumber: person.idNumber, title: 'senior-accountant' }],
    });
    await waitForChecklist(page);
    await markRemaining(page);
    await page.getByTestId('back-office-acceptance').waitFor();
    await decide(page, 'receive');

    const receipt = await openedNotice(page, '02-bookkeeping-receipt');
    number = receipt.number;
    caseId = receipt.caseId;
    await shot(page, suite, '02-received');
    expect(receipt.text).toContain('材料接收凭证');
    const view = await apiAs<View>(page, 'GET', `/api/cases/${caseId}`);
    expect(view.status).toBe('received');
    expect(view.case.activeTasks.map((t) => t.stepId)).toEqual(['accept-decision']);
    await context.close();
  });

  it('财政局\'s first task is the acceptance decision; the department accepts and its review begins', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'finance-reviewer');
    await page.goto('/workbench/tasks?scope=mine');
    const row = page.getByTestId(`task-${number}`);
    await row.waitFor();
    expect(await row.innerText()).toContain('受理审查');
    await row.getByRole('button', { name: /办\s*理/ }).click();
    await page.getByTestId('task-actions').waitFor();
    await page.getByTestId('opinion').fill('材料齐全、符合法定形式，予以受理');
    await page.getByTestId('outcome-accept').click();
    await page.locator('.ant-message-success').waitFor();
    await page.getByTestId('case-status').filter({ hasText: '办理中' }).waitFor();
    await shot(page, suite, '03-department-accepted');
    const view = await apiAs<View>(page, 'GET', `/api/cases/${caseId}`);
    expect(view.status).toBe('in-progress');
    expect(view.case.activeTasks.map((t) => t.stepId)).toEqual(['review']);
    await context.close();
  });
});

describe('容缺逾期：催补，宽限期满终止办理', () => {
  let caseId = '';
  let number = '';

  /** Moves the server's clock a day at a time (timers fire with each move) until the case shows what `until` waits for. */
  async function advanceUntil(page: Page, from: string, until: (v: View) => boolean): Promise<View> {
    for (let day = Date.parse(`${from}T09:00:00+08:00`), i = 0; i < 15; day += 86_400_000, i++) {
      await setClock(server, new Date(day).toISOString());
      const view = await apiAs<View>(page, 'GET', `/api/cases/${caseId}`);
      if (until(view)) return view;
    }
    throw new Error(`the case did not get there: ${JSON.stringify(await apiAs<View>(page, 'GET', `/api/cases/${caseId}`))}`);
  }

  it('a deferred material not supplied is reminded in the case and the inbox, then the case is terminated with its notice', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'clerk-comprehensive-1');
    await pickItem(page, 'mbyey', 'private-kindergarten');
    await fillApplicant(page, person);
    const item = await (await page.request.get('/api/items/private-kindergarten')).json() as { form: { fields: Field[] } };
    await fillForm(page, item.form.fields, forms['private-kindergarten']);
    await waitForChecklist(page);
    await markMaterial(page, 'staff-health', '容缺后补', '体检报告下周出具');
    await markRemaining(page);
    await decide(page, 'accept-with-deferral', async (dialog) => { await tick(dialog.getByTestId('pledge-signed')); });
    const accepted = await openedNotice(page, '04-deferral-acceptance');
    caseId = accepted.caseId;
    number = accepted.number;
    const deferred = await apiAs<View>(page, 'GET', `/api/cases/${caseId}`);
    const catchUpDue = deferred.case.materials['staff-health']?.catchUpDue;
    if (!catchUpDue) throw new Error(`no catch-up date: ${JSON.stringify(deferred.case.materials['staff-health'])} ${deferred.status} (${caseId})`);
    await context.close();

    // The day after the catch-up date (or the next working day) brings the 催补.
    const head = await newPage(browser, server);
    await signIn(head.page, 'education-head');
    const next = new Date(Date.parse(`${catchUpDue}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const reminded = await advanceUntil(head.page, next, (v) => !!v.case.materials['staff-health'].remindedOn);
    const health = reminded.case.materials['staff-health'];
    expect(health.terminatesAfter).toBeTruthy();
    await head.page.goto(`/workbench/cases/${caseId}`);
    await head.page.getByRole('tab', { name: /材料/ }).click();
    await head.page.getByTestId('catch-up-staff-health').filter({ hasText: `已催补 ${health.remindedOn}` }).waitFor();
    await head.page.getByTestId('action-terminate').waitFor();
    await shot(head.page, suite, '05-reminded-case');

    const reviewer = await newPage(browser, server);
    await signIn(reviewer.page, 'education-reviewer');
    await reviewer.page.goto('/workbench/tasks?scope=mine');
    await reviewer.page.getByTestId(`task-${number}`).getByTestId('catch-up').waitFor();
    await shot(reviewer.page, suite, '06-reminded-inbox');
    await reviewer.context.close();

    // The working day after the grace period: 终止办理, with the department's notice.
    const after = new Date(Date.parse(`${health.terminatesAfter}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const ended = await advanceUntil(head.page, after, (v) => v.status === 'terminated');
    expect(ended.closed).toBe(true);
    expect(ended.case.activeTasks).toEqual([]);
    expect(ended.case.documents.map((d) => d.templateId)).toContain('notices/termination');
    await head.page.reload();
    await head.page.getByTestId('case-status').filter({ hasText: '终止办理' }).waitFor();
    await head.page.getByRole('tab', { name: /文书/ }).click();
    await head.page.getByText('终止办理告知书').first().waitFor();
    await shot(head.page, suite, '07-terminated');
    const views = await apiAs<{ case: { documents: { templateId: string; documentId: string }[] } }>(head.page, 'GET', `/api/cases/${caseId}`);
    const documentId = views.case.documents.find((d) => d.templateId === 'notices/termination')!.documentId;
    const text = pdfText(await savePdf(head.page, suite, '08-termination-notice', `/api/cases/${caseId}/documents/${documentId}`));
    expect(text).toContain('终止办理告知书');
    expect(text).toContain('七台河市桃山区教育局');
    expect(text).toContain('教职工健康证明');
    expect(text).toContain('行政复议');
    await head.context.close();
  });
});
