// Issue 12, Deliver 5 (告知承诺, docs/pledge.md): a clerk takes in 教师资格认定 with the 无犯罪记录证明
// replaced by the applicant's pledge and accepts in one call (the 告知承诺书 names the proof and the
// liability); the reviewer passes and the head grants; the 教育局's 核查 task appears in its inbox; the
// reviewer records 承诺不实 with the findings: the case shows 已撤销 with the 撤销行政许可决定书 carrying
// them. The same applicant's next pledge is refused (WF6082) at the window, with nothing typed lost,
// and the clerk goes on with the received case instead of receiving it twice. Every wait is on a state.
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forms, youngPerson } from './fixtures';
import { apiAs, launchBrowser, newPage, savePdf, shot, signIn, startServer, type RunningServer } from './harness';
import { decide, fillApplicant, fillForm, markMaterial, markRemaining, pickItem, waitForChecklist, type Field } from './intake';

const suite = 'pledge';
const item = 'teacher-qualification';
const proof = 'no-criminal-record';
const findings = '公安机关回函：申请人2019年因危险驾驶罪被判处拘役';
let server: RunningServer;
let browser: Browser;
let caseId = '';
let number = '';

beforeAll(async () => {
  server = await startServer({ demoCases: false });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const pdfText = (bytes: Buffer): string => spawnSync('pdftotext', ['-', '-'], { input: bytes }).stdout.toString().replace(/\s+/g, '');

interface View {
  status: string; statusLabel: string; closed: boolean;
  case: {
    activeTasks: { id: string; stepId: string }[]; documents: { templateId: string; documentId: string }[];
    materials: Record<string, { status: string }>; pledge: { materialIds: string[]; checkTaskId: string | null; truthful: boolean | null } | null;
    revocation: { reasons: string[] } | null;
  };
}

async function documentText(page: Page, view: View, templateId: string, name: string): Promise<string> {
  const document = view.case.documents.find((d) => d.templateId === templateId);
  if (!document) throw new Error(`no ${templateId} among ${view.case.documents.map((d) => d.templateId).join(', ')}`);
  return pdfText(await savePdf(page, suite, name, `/api/cases/${caseId}/documents/${document.documentId}`));
}

/** The clerk's intake of 教师资格认定 up to the checklist, with the proof marked 告知承诺. */
async function takeIn(page: Page): Promise<void> {
  await signIn(page, 'clerk-comprehensive-1');
  await pickItem(page, '教师资格', item);
  await fillApplicant(page, youngPerson);
  const detail = await (await page.request.get(`/api/items/${item}`)).json() as { form: { fields: Field[] } };
  await fillForm(page, detail.form.fields, forms[item]);
  await waitForChecklist(page);
  await page.getByTestId(`pledgeable-${proof}`).waitFor();
  await markMaterial(page, proof, '告知承诺');
  await page.getByTestId(`pledge-explanation-${proof}`).filter({ hasText: '信用记录' }).waitFor();
  await markRemaining(page);
}

async function openTask(page: Page, user: string): Promise<void> {
  await signIn(page, user);
  await page.goto('/workbench/tasks?scope=mine');
  const row = page.getByTestId(`task-${number}`);
  await row.waitFor({ timeout: 60_000 });
  await row.getByRole('button', { name: /办\s*理/ }).click();
  await page.getByTestId('task-actions').waitFor();
}

describe('告知承诺：受理、核查不实、撤销', () => {
  it('the clerk accepts with the 无犯罪记录证明 pledged: one call, the 告知承诺书 names the proof and the liability', async () => {
    const { context, page } = await newPage(browser, server);
    await takeIn(page);
    await shot(page, suite, '01-intake-pledged');

    const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/cases');
    await decide(page, 'accept', async (dialog) => {
      await dialog.getByTestId('decision-pledge').filter({ hasText: '无犯罪记录证明' }).waitFor();
      await shot(page, suite, '02-accept-dialog');
    });
    const body = (await sent).postDataJSON() as { pledge?: { materialIds: string[] }; decision?: { kind: string }; materials: { materialId: string; status: string }[] };
    expect(body.pledge).toEqual({ materialIds: [proof] });
    expect(body.decision?.kind).toBe('accept');
    expect(body.materials.find((m) => m.materialId === proof)?.status).toBe('missing');

    await page.getByTestId('case-number').waitFor({ timeout: 90_000 });
    number = (await page.getByTestId('case-number').innerText()).trim();
    caseId = (await page.getByTestId('document-frame').getAttribute('src'))!.split('/')[3];
    await page.locator('.ant-modal-close').click();
    await page.getByTestId('document-frame').waitFor({ state: 'detached' });
    // The 告知承诺书 opens from the result like the decision's notice.
    const view = await apiAs<View>(page, 'GET', `/api/cases/${caseId}`);
    const pledgeDocument = view.case.documents.find((d) => d.templateId === 'notices/pledge');
    expect(pledgeDocument).toBeTruthy();
    await page.getByTestId('open-pledge').click();
    expect(await page.getByTestId('document-frame').getAttribute('src')).toBe(`/api/cases/${caseId}/documents/${pledgeDocument!.documentId}`);
    await shot(page, suite, '03-pledge-notice');

    expect(view.status).toBe('in-progress');
    expect(view.case.materials[proof].status).toBe('pledged');
    const text = await documentText(page, view, 'notices/pledge', '03-pledge');
    expect(text).toContain('证明事项告知承诺书');
    expect(text).toContain('无犯罪记录证明');
    expect(text).toContain(youngPerson.name);
    expect(text).toContain('撤销已作出的决定');
    expect(text).toContain('信用记录');
    await context.close();
  });

  it('the reviewer passes and the head grants: the 教育局\'s 核查 task waits in its inbox', async () => {
    const reviewer = await newPage(browser, server);
    await openTask(reviewer.page, 'education-reviewer');
    await reviewer.page.getByTestId('opinion').fill('符合认定条件');
    await reviewer.page.getByTestId('outcome-pass').click();
    await reviewer.page.getByTestId('task-actions').getByText('认定决定').first().waitFor();
    await reviewer.context.close();

    const head = await newPage(browser, server);
    await openTask(head.page, 'education-head');
    await head.page.getByTestId('pledge-line').filter({ hasText: '无犯罪记录证明' }).waitFor();
    await head.page.getByTestId('opinion').fill('准予认定');
    await head.page.getByTestId('outcome-grant').click();
    await head.page.getByTestId('case-status').filter({ hasText: '准予许可' }).waitFor({ timeout: 60_000 });
    await head.page.getByTestId('pledge-line').filter({ hasText: '待核查' }).waitFor();
    const view = await apiAs<View>(head.page, 'GET', `/api/cases/${caseId}`);
    expect(view.case.activeTasks.map((t) => t.stepId).sort()).toEqual(['deliver', 'pledge-check']);
    await head.context.close();
  });

  it('the reviewer records 承诺不实 with the findings: the case is 已撤销 with the 撤销行政许可决定书', async () => {
    const { context, page } = await newPage(browser, server);
    await openTask(page, 'education-reviewer');
    const check = page.getByTestId('pledge-check');
    await check.waitFor();
    // The check has its own form, not the workflow's outcomes.
    expect(await page.getByTestId('outcome-complete').count()).toBe(0);
    await check.getByText('承诺不实', { exact: true }).click();
    // Without findings nothing can be sent; the warning says what 不实 does.
    await check.getByTestId('pledge-false-hint').filter({ hasText: '信用记录' }).waitFor();
    expect(await check.getByTestId('pledge-check-submit').isDisabled()).toBe(true);
    await check.getByTestId('pledge-findings').fill(findings);
    // 撤销 needs the head who approved it (WF6086 without): still nothing can be sent.
    expect(await check.getByTestId('pledge-check-submit').isDisabled()).toBe(true);
    await check.locator('input[data-testid="pledge-approver"], [data-testid="pledge-approver"] input').fill('刘志强');
    await page.locator('[data-testid="pledge-check-submit"]:not([disabled])').click();
    const confirm = page.getByTestId('pledge-revoke-confirm');
    await confirm.waitFor();
    expect(await page.locator('.ant-modal:visible').filter({ has: confirm }).innerText()).toContain('信用记录');
    await shot(page, suite, '04-confirm-revocation');
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/check-pledge'), { timeout: 90_000 });
    await confirm.click();
    expect((await answered).status()).toBe(200);

    await page.getByTestId('case-status').filter({ hasText: '已撤销' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('revocation').filter({ hasText: findings }).waitFor();
    await page.getByTestId('revocation-register').filter({ hasText: '已撤销' }).waitFor();
    // The 撤销行政许可决定书 opens by itself after the check.
    await page.getByTestId('document-frame').waitFor();
    await page.locator('.ant-modal:visible').filter({ has: page.getByTestId('document-frame') }).locator('.ant-modal-close').click();
    await page.getByTestId('document-frame').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /文书/ }).click();
    await page.getByText('撤销行政许可决定书').first().waitFor();
    await shot(page, suite, '05-revoked');

    const view = await apiAs<View>(page, 'GET', `/api/cases/${caseId}`);
    expect(view.status).toBe('revoked');
    expect(view.case.activeTasks).toEqual([]);
    const text = await documentText(page, view, 'notices/revocation', '05-revocation');
    expect(text).toContain('撤销行政许可决定书');
    expect(text).toContain(findings);
    expect(text).toContain('无犯罪记录证明');
    expect(text.replace(/\s+/g, '')).toContain('经本机关负责人刘志强批准');

    // The case search shows the status where every status is shown.
    await page.goto('/workbench/cases');
    await page.getByLabel('办件编号').fill(number);
    await page.locator('#open').click();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByTestId(`status-${number}`).filter({ hasText: '已撤销' }).waitFor();
    await context.close();
  });

  it('the same applicant\'s next pledge is refused with WF6082: nothing typed is lost, and the clerk goes on with the received case', async () => {
    const { context, page } = await newPage(browser, server);
    await takeIn(page);
    await page.getByTestId('decide-accept').click();
    await page.getByTestId('decision-confirm').waitFor();
    const refused = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/cases', { timeout: 150_000 });
    await page.getByTestId('decision-confirm').click();
    const answer = await refused;
    expect(answer.status()).toBe(422);
    const problem = await answer.json() as { code: string; caseId: string; number: string };
    expect(problem.code).toBe('WF6082');

    const alert = page.getByTestId('intake-refusal');
    await alert.filter({ hasText: 'WF6082' }).waitFor();
    expect(await alert.innerText()).toContain('虚假承诺');
    await page.getByTestId('received-only').filter({ hasText: problem.number }).waitFor();
    await shot(page, suite, '06-refused-pledge');
    // What the clerk typed and marked is all there.
    expect(await page.locator('#applicant-name').inputValue()).toBe(youngPerson.name);
    expect(await page.locator('#applicant-id').inputValue()).toBe(youngPerson.idNumber);
    expect(await page.getByTestId(`mark-${proof}`).locator('.ant-radio-button-wrapper-checked').innerText()).toBe('告知承诺');
    const received = await apiAs<View>(page, 'GET', `/api/cases/${problem.caseId}`);
    expect(received.status).toBe('received');
    expect(received.case.pledge).toBeNull();

    // The applicant must bring the proof: 一次性告知补正 on the same case, not a second receipt.
    await markMaterial(page, proof, '缺少', '须提交无犯罪记录证明');
    await page.getByTestId('decide-request-supplement').click();
    await page.getByTestId('decision-confirm').waitFor();
    const onSameCase = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/cases/${problem.caseId}/request-supplement`), { timeout: 150_000 });
    await page.getByTestId('decision-confirm').click();
    expect((await onSameCase).status()).toBe(200);
    await page.getByTestId('case-number').filter({ hasText: problem.number }).waitFor({ timeout: 90_000 });
    const supplementing = await apiAs<View>(page, 'GET', `/api/cases/${problem.caseId}`);
    expect(supplementing.status).toBe('supplementing');
    await context.close();
  });
});
