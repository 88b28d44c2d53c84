// Issue 6: a supplement round trip: one-time notice at the window, the applicant brings the
// materials, the clerk records them and accepts; the reviewer then has the task.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forms, youngPerson } from './fixtures';
import { launchBrowser, moveClock, newPage, savePdf, shot, signIn, startServer, type RunningServer } from './harness';
import { decide, fillApplicant, fillForm, markMaterial, markRemaining, pickItem, waitForChecklist, type Field } from './intake';

const suite = 'workbench-supplement';
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

describe('一次性告知补正 → 补正到件 → 受理', () => {
  it('round-trips a supplement from the window to the reviewer', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'clerk-comprehensive-1');
    await page.waitForURL('**/workbench/intake');
    await pickItem(page, 'jszg', 'teacher-qualification');
    await fillApplicant(page, youngPerson);
    const item = await (await page.request.get('/api/items/teacher-qualification')).json() as { form: { fields: Field[] } };
    await fillForm(page, item.form.fields, forms['teacher-qualification']);
    await waitForChecklist(page);
    await markMaterial(page, 'diploma', '缺少', '未带学历证书原件');
    await markMaterial(page, 'physical-exam', '有误', '体检表缺体检医院盖章');
    await markRemaining(page);
    await decide(page, 'request-supplement', async (dialog) => {
      const list = dialog.getByTestId('supplement-list');
      expect(await list.innerText()).toContain('未带学历证书原件');
      expect(await list.innerText()).toContain('体检表缺体检医院盖章');
      await shot(page, suite, '01-one-time-notice-dialog');
    });

    await page.getByTestId('case-number').waitFor({ timeout: 90_000 });
    const number = (await page.getByTestId('case-number').innerText()).trim();
    const src = (await page.getByTestId('document-frame').getAttribute('src'))!;
    const caseId = src.split('/')[3];
    await savePdf(page, suite, '02-supplement-notice', src);
    const supplementing = await (await page.request.get(`/api/cases/${caseId}`)).json();
    expect(supplementing.status).toBe('supplementing');
    expect(supplementing.case.openSupplement.deficiencies.map((d: { materialId: string; kind: string }) => `${d.materialId}:${d.kind}`).sort())
      .toEqual(['diploma:missing', 'physical-exam:defective']);
    expect(supplementing.case.documents.map((d: { templateId: string }) => d.templateId)).toContain('notices/supplement');
    await page.locator('.ant-modal-close').click();
    await shot(page, suite, '03-case-number');

    // The applicant comes back with both: the clerk records them in the case view, then accepts.
    await page.getByRole('button', { name: '办件详情' }).click();
    await page.getByTestId('task-actions').waitFor();
    expect(await page.getByTestId('case-status').innerText()).toBe('补正中');
    await page.getByTestId('action-supplement').click();
    await shot(page, suite, '04-supplement-arrived');
    await page.getByTestId('dialog-ok').click();
    await page.getByTestId('action-accept').waitFor();
    expect(await page.getByTestId('case-status').innerText()).toBe('已收件');
    await page.getByTestId('action-accept').click();
    await page.getByTestId('document-frame').waitFor();
    await page.locator('.ant-modal-close').click();
    await page.getByText('资格审查').first().waitFor();
    expect(await page.getByTestId('case-status').innerText()).toBe('办理中');
    const accepted = await (await page.request.get(`/api/cases/${caseId}`)).json();
    expect(accepted.case.materials.diploma.status).toBe('received');
    expect(accepted.case.documents.map((d: { templateId: string }) => d.templateId)).toEqual(['notices/supplement', 'notices/acceptance']);
    await page.getByRole('tab', { name: '时间线' }).click();
    await page.getByTestId('timeline').getByText('补正/补交材料').waitFor();
    await shot(page, suite, '05-accepted-timeline');
    await context.close();

    const reviewer = await newPage(browser, server);
    await signIn(reviewer.page, 'education-reviewer');
    await reviewer.page.goto('/workbench/tasks?scope=mine');
    const row = reviewer.page.getByTestId(`task-${number}`);
    await row.waitFor();
    expect(await row.getAttribute('data-level')).toBe('normal');
    await shot(reviewer.page, suite, '06-reviewer-inbox');
    // Six weeks later the review is past its 10 working days: the inbox shows it red, overdue.
    await moveClock(server, 42);
    await reviewer.page.reload();
    await row.waitFor();
    expect(await row.getAttribute('data-level')).toBe('overdue');
    expect(await row.getByTestId('remaining').innerText()).toMatch(/超期 \d+ 个工作日/);
    await shot(reviewer.page, suite, '07-reviewer-inbox-overdue');
    await reviewer.context.close();
  });
});
