// After the decision, in the browser against the real server: the 统一出件 window prints a granted
// case's certificate and records a courier delivery; the applicant rates 不满意 on the window's paired
// tablet (its own device session: the clerk only pushes the case to it), the department head sees the 整改 and records it; supervision shows a case overdue once the server's
// clock has moved on, and exports the list as CSV. Earlier steps (receive, accept, review, grant)
// go through the API to keep the tests fast.
import { readFileSync } from 'node:fs';
import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, moveClock, newPage, password, savePdf, shot, signIn, startServer, writeHeaders, type RunningServer } from './harness';
import samples from '../../tests/fixtures/sample-applications.json';
import { pairTablet, rateOnTablet } from './tablet';

const suite = 'workbench-aftercare';
let server: RunningServer;
let browser: Browser;
const sessions = new Map<string, BrowserContext>();

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of sessions.values()) await context.close();
  await browser?.close();
  await server?.stop();
});

interface CaseView {
  id: string;
  number: string;
  status: string;
  version: number;
  case: {
    tasks: { id: string; stepId: string; state: string }[];
    documents: { templateId: string; documentId: string }[];
    delivery?: { method: string; trackingNumber?: string; recipient?: string } | null;
    evaluation?: { level: string; comment?: string } | null;
    rectification?: { due: string; measures?: string | null; completedAt?: string | null } | null;
  };
}

/** A signed-in API session (its own cookies) for the steps the test does not click through. */
async function as(user: string): Promise<APIRequestContext> {
  let context = sessions.get(user);
  if (!context) {
    context = await browser.newContext({ baseURL: server.url, reducedMotion: 'reduce' });
    const r = await context.request.post('/api/auth/login', { data: { userName: user, password }, headers: writeHeaders });
    if (!r.ok()) throw new Error(`sign-in ${user}: ${r.status()} ${await r.text()}`);
    sessions.set(user, context);
  }
  return context.request;
}

async function call<T = CaseView>(user: string, method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const request = await as(user);
  const r = method === 'GET' ? await request.get(url)
    : await request.post(url, { data: body ?? {}, headers: { 'Idempotency-Key': crypto.randomUUID(), ...writeHeaders } });
  if (!r.ok()) throw new Error(`${user} ${method} ${url}: ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

function openTask(view: CaseView, stepId: string): string {
  const task = view.case.tasks.find((t) => t.stepId === stepId && (t.state === 'open' || t.state === 'claimed'));
  if (!task) throw new Error(`no open ${stepId} task on ${view.number}: ${JSON.stringify(view.case.tasks)}`);
  return task.id;
}

/** 教师资格认定: received and accepted at window 1, passed by the 教育局 reviewer, granted by its head. */
async function grantedTeacherCase(name: string): Promise<CaseView> {
  let view = await call('clerk-comprehensive-1', 'POST', '/api/cases', {
    itemId: 'teacher-qualification',
    applicant: { type: 'person', name, idNumber: '11010519491231002X', phone: '13900000000' },
    form: {
      schoolLevel: 'primary', subject: '语文', residenceType: 'household', education: 'bachelor', graduationSchool: '七台河师范学校',
      major: '汉语言文学', diplomaNumber: '123456789012345678', examCertificateNumber: 'NTCE2026000123', putonghuaLevel: 'second-a', physicalExamDate: '2026-10-20',
    },
    materials: ['application-form', 'id-card', 'diploma', 'exam-certificate', 'physical-exam', 'putonghua-certificate', 'no-criminal-record']
      .map((materialId) => ({ materialId, status: 'received' })),
    decision: { kind: 'accept' },
  });
  view = await call('education-reviewer', 'POST', `/api/cases/${view.id}/complete`, { taskId: openTask(view, 'review'), outcome: 'pass', opinion: '符合认定条件' });
  view = await call('education-head', 'POST', `/api/cases/${view.id}/complete`, { taskId: openTask(view, 'decide'), outcome: 'grant', opinion: '准予认定' });
  expect(view.status).toBe('granted');
  return view;
}

describe('after the decision: issuance, rating, rectification, supervision', () => {
  it('the issuance window prints the certificate of a granted case and records a courier delivery', async () => {
    const granted = await grantedTeacherCase('赵丽娟');
    const certificate = granted.case.documents.find((d) => d.templateId === 'certificates/teacher-qualification');
    expect(certificate).toBeDefined();

    const { context, page } = await newPage(browser, server);
    await signIn(page, 'clerk-issuance');
    await page.getByRole('menuitem', { name: '统一出件' }).click();
    await page.waitForURL('**/workbench/issuance');
    const row = page.locator('tr', { hasText: granted.number });
    await row.waitFor();
    expect(await row.innerText()).toContain('教师资格证书');
    await shot(page, suite, '01-issuance-window');

    // 打印: the certificate's PDF as the server issued it, opened in its own tab
    const print = row.getByTestId('print-result');
    expect(await print.innerText()).toContain('打印教师资格证书');
    const href = await print.getAttribute('href');
    expect(href).toBe(`/api/cases/${granted.id}/documents/${certificate!.documentId}`);
    expect(await print.getAttribute('target')).toBe('_blank');
    const head = await page.request.get(href!);
    expect(head.status()).toBe(200);
    expect(head.headers()['content-type']).toContain('application/pdf');
    const pdf = await savePdf(page, suite, '01b-certificate', href!); // kept beside the screenshots, first page as PNG
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // 邮寄送达 without its tracking number: the server's rule, shown with its code
    await row.getByRole('button', { name: /送\s*达/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('邮寄送达（EMS）').click();
    await dialog.getByTestId('delivery-submit').click();
    const error = dialog.getByTestId('delivery-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('WF6034');
    expect(await error.innerText()).toContain('快递单号');
    await shot(page, suite, '02-courier-without-tracking-number');

    await dialog.getByLabel('EMS 运单号').fill('ems1100223344');
    await dialog.getByLabel('收件人').fill('赵丽娟');
    await dialog.getByTestId('delivery-submit').click();
    await dialog.getByText('已送达，办件办结').waitFor();
    await shot(page, suite, '03-delivered');
    await dialog.getByRole('button', { name: /完\s*成/ }).click();

    await page.getByRole('tab', { name: /近 7 日已送达/ }).click();
    const delivered = page.locator('tr', { hasText: granted.number });
    await delivered.getByText('EMS1100223344').waitFor();
    expect(await delivered.innerText()).toContain('邮寄送达（EMS）');
    await shot(page, suite, '04-delivered-list');

    const after = await call('clerk-issuance', 'GET', `/api/cases/${granted.id}`);
    expect(after.status).toBe('completed');
    expect(after.case.delivery).toMatchObject({ method: 'courier', trackingNumber: 'EMS1100223344', recipient: '赵丽娟' });
    await context.close();
  });

  it('the applicant rates 不满意 on the tablet; the head sees the rectification and records it', async () => {
    const granted = await grantedTeacherCase('钱学敏');
    await call('clerk-issuance', 'POST', `/api/cases/${granted.id}/complete`, {
      taskId: openTask(granted, 'deliver'), delivery: { method: 'window', recipient: '钱学敏' },
    });

    // the issuance window's tablet, paired by the admin: a browser without any clerk session
    const tablet = await pairTablet(browser, server, 'issuance');
    // the clerk finds the case among the unrated ones and shows it on the window's tablet
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'clerk-issuance');
    await page.goto('/workbench/evaluation');
    await page.getByTestId('kiosk-hint').waitFor();
    const pending = page.locator('tr', { hasText: granted.number });
    expect(await pending.getByRole('button', { name: /请申请人评价/ }).count()).toBe(0); // no rating in the clerk's session
    const pushed = page.waitForResponse((r) => r.url().endsWith('/api/kiosk/window-case') && r.request().method() === 'POST');
    await pending.getByRole('button', { name: /推送到评价器/ }).click();
    expect((await pushed).status()).toBe(200);
    await page.getByText(`已推送 ${granted.number} 到本窗口评价器`).waitFor();
    await context.close();

    // the applicant, on the tablet: the case with the name masked, five levels, a comment
    const rating = tablet.getByTestId('kiosk-rating').filter({ hasText: `办件编号 ${granted.number}` });
    await rating.waitFor();
    expect(await rating.innerText()).toContain('钱*敏'); // masked: the tablet faces the hall
    for (const label of ['非常满意', '满意', '基本满意', '不满意', '非常不满意']) await tablet.getByRole('radio', { name: label, exact: true }).waitFor();
    await shot(tablet, suite, '05-rating-tablet');
    expect(await rateOnTablet(tablet, granted.number, '不满意', '领证排队时间太长')).toContain('限期整改');
    await shot(tablet, suite, '06-rating-thanks');
    // ready for the next applicant: back to waiting once the thanks have been shown
    await tablet.getByTestId('kiosk-idle').waitFor({ timeout: 30_000 });
    expect((await tablet.request.get('/api/cases')).status()).toBe(403); // the device sees no clerk data
    await tablet.context().close();

    const rated = await call('education-head', 'GET', `/api/cases/${granted.id}`);
    expect(rated.case.evaluation).toMatchObject({ level: 'dissatisfied', comment: '领证排队时间太长' });
    const due = rated.case.rectification!.due;

    // the 教育局 head: the open rectification with its due date, then the report of what was done
    const head = await newPage(browser, server);
    await signIn(head.page, 'education-head');
    await head.page.goto('/workbench/evaluation');
    const open = head.page.locator('[data-testid="rectifications"] tr', { hasText: granted.number });
    await open.waitFor();
    const text = await open.innerText();
    expect(text).toContain('不满意');
    expect(text).toContain('领证排队时间太长');
    expect(text).toContain(due);
    expect(text).toContain('整改中');
    await shot(head.page, suite, '07-rectifications-open');
    await open.getByRole('button', { name: /记录整改/ }).click();
    const dialog = head.page.getByRole('dialog');
    await dialog.getByLabel(/整改情况/).fill('出件窗口增设叫号屏并安排专人引导，已电话回访申请人致歉');
    await dialog.getByRole('button', { name: '提交整改情况' }).click();
    await open.waitFor({ state: 'detached' });
    await head.page.getByText('已整改', { exact: true }).click();
    const completed = head.page.locator('[data-testid="rectifications"] tr', { hasText: granted.number });
    await completed.getByText('出件窗口增设叫号屏').waitFor();
    expect(await completed.innerText()).toContain('已整改');
    await shot(head.page, suite, '08-rectification-completed');
    await head.context.close();

    const closed = await call('education-head', 'GET', `/api/cases/${granted.id}`);
    expect(closed.case.rectification?.completedAt).toBeTruthy();
  });

  it('supervision shows a case overdue after the clock moves on, and exports the list as CSV', async () => {
    // 拖拉机登记: promised in 2 working days
    const accepted = await call('clerk-comprehensive-2', 'POST', '/api/cases', {
      itemId: 'agri-machinery-registration',
      applicant: { type: 'person', name: '孙立军', idNumber: '230903197806123513', phone: '13800000000' },
      form: samples.items['agri-machinery-registration'].form,
      materials: ['application', 'owner-id-card', 'origin-proof', 'conformity-certificate', 'inspection-certificate'].map((materialId) => ({ materialId, status: 'received' })),
      decision: { kind: 'accept' },
    });

    const { context, page } = await newPage(browser, server);
    await signIn(page, 'supervisor');
    await page.getByRole('menuitem', { name: '效能监督' }).click();
    await page.getByTestId('alerts').waitFor();
    await page.getByText('统计日').waitFor();
    expect(await page.locator('[data-testid="alerts"] tr', { hasText: accepted.number }).count()).toBe(0);

    await moveClock(server, 7);
    await page.getByRole('button', { name: /刷\s*新/ }).click();
    const row = page.locator('[data-testid="alerts"] tr', { hasText: accepted.number });
    await row.waitFor();
    expect(await row.innerText()).toContain('超期');
    expect(await row.innerText()).toContain('拖拉机和联合收割机登记');
    await shot(page, suite, '09-supervision-overdue');

    const overview = await call<{ overdue: { number: string }[]; warnings: unknown[]; suspended: unknown[]; totals: { overdue: number } }>('supervisor', 'GET', '/api/supervision');
    expect(overview.totals.overdue).toBe(overview.overdue.length);
    expect(overview.overdue.map((c) => c.number)).toContain(accepted.number);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-alerts').click()]);
    expect(download.suggestedFilename()).toMatch(/^超期预警办件-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('级别,办件编号,事项,申请人,当前部门,状态,承诺办结日,剩余工作日');
    expect(lines).toHaveLength(1 + overview.overdue.length + overview.warnings.length + overview.suspended.length);
    const line = lines.find((l) => l.includes(accepted.number))!;
    expect(line.startsWith(`超期,${accepted.number},拖拉机和联合收割机登记,孙立军,农业农村局,`)).toBe(true);
    expect(lines.slice(1, 1 + overview.overdue.length).every((l) => l.startsWith('超期,'))).toBe(true);

    await page.getByRole('tab', { name: '部门效能' }).click();
    await page.getByRole('img', { name: '各部门按时办结率' }).waitFor();
    await shot(page, suite, '10-supervision-departments');
    await page.getByRole('tab', { name: /好差评/ }).click();
    await page.getByTestId('bad-ratings').waitFor();
    expect(await page.getByTestId('bad-ratings').innerText()).toContain('不满意');
    await shot(page, suite, '11-supervision-ratings');
    await context.close();
  });
});
