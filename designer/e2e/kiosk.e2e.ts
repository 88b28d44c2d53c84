// The rating tablet as a paired device (issue 16 item 6), in a real browser: the admin pairs a tablet
// with the issuance window, the tablet types the one-time code, the clerk there hands over a case and
// the tablet shows that case's rating and submits it; from the tablet /workbench shows no clerk data
// and the API answers 403; leaving kiosk mode needs the device PIN. Waits are on labels and answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiAs, launchBrowser, newPage, shot, signIn, startServer, type RunningServer } from './harness';

const suite = 'kiosk';
const pin = '482915';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface CaseView { id: string; number: string; status: string; case: { tasks: { id: string; stepId: string; state: string }[]; evaluation?: { level: string } | null } }

describe('the rating tablet as a device', () => {
  it('is paired by the admin, rates the case the window finished, shows no clerk data and leaves only with the PIN', async () => {
    // The issuance clerk and the window the tablet will serve.
    const { page: clerk } = await newPage(browser, server);
    await signIn(clerk, 'clerk-issuance');
    const window = (await apiAs<{ window: string }>(clerk, 'GET', '/api/auth/me')).window;

    // The admin pairs a tablet with that window.
    const { page: admin } = await newPage(browser, server);
    await signIn(admin, 'admin');
    const windowName = (await apiAs<{ windows: { id: string; name: string }[] }>(admin, 'GET', '/api/admin/users')).windows.find((w) => w.id === window)!.name;
    await admin.goto('/admin/kiosks');
    await admin.getByRole('button', { name: /配对新评价器/ }).click();
    const dialog = admin.getByRole('dialog', { name: '配对新评价器' });
    await dialog.getByLabel('名称').fill('出件窗口评价器');
    await dialog.getByLabel('窗口').click();
    await admin.locator('.ant-select-item-option', { hasText: windowName }).click();
    await dialog.getByLabel(/设备 PIN/).fill(pin);
    const created = admin.waitForResponse((r) => r.url().endsWith('/api/kiosk/devices') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: '生成配对码' }).click();
    expect((await created).status()).toBe(201);
    const code = (await admin.getByTestId('pairing-code').innerText()).replace(/\D/g, '').slice(0, 8);
    expect(code).toMatch(/^\d{8}$/);
    await shot(admin, suite, '01-pairing-code');

    // The tablet: a browser of its own, no one signed in; the code once.
    const { page: tablet } = await newPage(browser, server);
    await tablet.goto('/kiosk');
    await tablet.getByTestId('kiosk-pairing').waitFor();
    await tablet.getByLabel('配对码').fill(code);
    await tablet.getByRole('button', { name: /配\s*对/ }).click();
    await tablet.getByTestId('kiosk-idle').waitFor();
    await admin.getByRole('button', { name: /完\s*成/ }).click();
    await admin.reload();
    await admin.locator('tr', { hasText: '出件窗口评价器' }).getByText('已配对').waitFor();

    // A granted case, handed over by the issuance clerk: the tablet shows it.
    // 教师资格认定: received and accepted at window 1, passed and granted by 教育局, then handed over at the issuance window.
    const { page: intake } = await newPage(browser, server);
    await signIn(intake, 'clerk-comprehensive-1');
    let view = await apiAs<CaseView>(intake, 'POST', '/api/cases', {
      itemId: 'teacher-qualification',
      applicant: { type: 'person', name: '孙志强', idNumber: '11010519491231002X', phone: '13900000000' },
      form: {
        schoolLevel: 'primary', subject: '语文', residenceType: 'household', education: 'bachelor', graduationSchool: '七台河师范学校',
        major: '汉语言文学', diplomaNumber: '123456789012345678', examCertificateNumber: 'NTCE2026000123', putonghuaLevel: 'second-a', physicalExamDate: '2026-10-20',
      },
      materials: ['application-form', 'id-card', 'diploma', 'exam-certificate', 'physical-exam', 'putonghua-certificate', 'no-criminal-record']
        .map((materialId) => ({ materialId, status: 'received' })),
      decision: { kind: 'accept' },
    });
    for (const [account, step, outcome] of [['education-reviewer', 'review', 'pass'], ['education-head', 'decide', 'grant']] as const) {
      const { page: staff } = await newPage(browser, server);
      await signIn(staff, account);
      const task = view.case.tasks.find((t) => t.stepId === step && (t.state === 'open' || t.state === 'claimed'))!;
      view = await apiAs<CaseView>(staff, 'POST', `/api/cases/${view.id}/complete`, { taskId: task.id, outcome });
    }
    const waiting = (await apiAs<{ waiting: { caseId: string; taskId: string }[] }>(clerk, 'GET', '/api/issuance')).waiting.find((w) => w.caseId === view.id)!;
    await apiAs(clerk, 'POST', `/api/cases/${view.id}/complete`, { taskId: waiting.taskId, delivery: { method: 'window' } });

    const rating = tablet.getByTestId('kiosk-rating');
    await rating.waitFor();
    expect(await rating.innerText()).toContain(view.number);
    expect(await rating.innerText()).toContain('孙*强'); // masked: the tablet faces the hall
    await shot(tablet, suite, '02-tablet-rating');
    await tablet.getByRole('radio', { name: '满意', exact: true }).click();
    const rated = tablet.waitForResponse((r) => r.url().endsWith('/api/kiosk/evaluate'));
    await tablet.getByRole('button', { name: '提交评价' }).click();
    expect((await rated).status()).toBe(200);
    await tablet.getByTestId('kiosk-thanks').waitFor();
    expect((await apiAs<CaseView>(clerk, 'GET', `/api/cases/${view.id}`)).case.evaluation?.level).toBe('satisfied');

    // From the tablet, the workbench shows no clerk data: the API refuses the device.
    const cases = await tablet.request.get('/api/cases');
    expect(cases.status()).toBe(403);
    await tablet.goto('/workbench');
    await tablet.waitForURL('**/login**');
    expect(await tablet.locator('body').innerText()).not.toContain(view.number);
    const login = await tablet.request.post('/api/auth/login', { data: { userName: 'clerk-issuance', password: 'demo2026' }, headers: { 'X-Workflows-Request': '1' } });
    expect(login.status()).toBe(403);

    // Back to the tablet: leaving needs the PIN; a wrong one keeps it in kiosk mode.
    await tablet.goto('/kiosk');
    await tablet.getByTestId('kiosk-idle').waitFor();
    await tablet.getByRole('button', { name: /退出评价器/ }).click();
    const exit = tablet.getByRole('dialog', { name: '退出评价器' });
    await exit.getByLabel('设备 PIN').fill('000000');
    const wrong = tablet.waitForResponse((r) => r.url().endsWith('/api/kiosk/exit'));
    await exit.getByRole('button', { name: /退\s*出/ }).click();
    expect((await wrong).status()).toBe(403);
    await exit.getByRole('alert').filter({ hasText: 'WF9482' }).waitFor();
    expect((await tablet.request.get('/api/kiosk/current')).status()).toBe(200);
    await exit.getByLabel('设备 PIN').fill(pin);
    const right = tablet.waitForResponse((r) => r.url().endsWith('/api/kiosk/exit'));
    await exit.getByRole('button', { name: /退\s*出/ }).click();
    expect((await right).status()).toBe(204);
    await tablet.getByTestId('kiosk-pairing').waitFor();
    await shot(tablet, suite, '03-tablet-unpaired');
  });
});
