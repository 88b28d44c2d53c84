// Issue 6: a clerk accepts with a deferral (容缺受理), a reviewer passes, an expert review passes, a head grants.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forms, person } from './fixtures';
import { launchBrowser, newPage, savePdf, shot, signIn, startServer, type RunningServer } from './harness';
import { decide, fillApplicant, fillForm, markMaterial, markRemaining, pickItem, tick, waitForChecklist, type Field } from './intake';

const suite = 'workbench-deferral';
let server: RunningServer;
let browser: Browser;
let caseNumber = '';
let caseId = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openTask(page: Page, number: string): Promise<void> {
  await page.goto('/workbench/tasks?scope=mine');
  const row = page.getByTestId(`task-${number}`);
  await row.waitFor();
  await row.getByRole('button', { name: /办\s*理/ }).click();
  await page.getByTestId('task-actions').waitFor();
}

describe('容缺受理 → 审查通过 → 准予许可', () => {
  it('a clerk accepts 民办幼儿园设立 with the staff health certificates deferred, and the notice opens', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'clerk-comprehensive-1');
    await page.waitForURL('**/workbench/intake');
    // Pinyin initials of 民办幼儿园设立.
    await pickItem(page, 'mbyey', 'private-kindergarten');
    await fillApplicant(page, person);
    const item = await (await page.request.get('/api/items/private-kindergarten')).json() as { form: { fields: Field[] } };
    await fillForm(page, item.form.fields, forms['private-kindergarten']);
    await waitForChecklist(page);
    await markMaterial(page, 'staff-health', '容缺后补', '体检报告下周出具');
    await markRemaining(page);
    await shot(page, suite, '01-intake-filled');

    await decide(page, 'accept-with-deferral', async (dialog) => {
      await tick(dialog.getByTestId('pledge-signed'));
      await shot(page, suite, '02-deferral-dialog');
    });

    const number = page.getByTestId('case-number');
    await number.waitFor({ timeout: 90_000 });
    caseNumber = (await number.innerText()).trim();
    expect(caseNumber).toMatch(/^桃山-2026-\d{6}$/);
    // The 容缺受理通知书 opens ready to print, served by the server as a PDF.
    const frame = page.getByTestId('document-frame');
    await frame.waitFor();
    const src = await frame.getAttribute('src');
    const pdf = await savePdf(page, suite, '03-notice-deferral-acceptance', src!);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await shot(page, suite, '03-notice');
    caseId = src!.split('/')[3];

    const view = await (await page.request.get(`/api/cases/${caseId}`)).json();
    expect(view.status).toBe('in-progress');
    expect(view.case.materials['staff-health'].status).toBe('deferred');
    expect(view.case.materials['staff-health'].note).toBe('体检报告下周出具');
    expect(view.case.documents.map((d: { templateId: string }) => d.templateId)).toContain('notices/deferral-acceptance');
    await page.locator('.ant-modal-close').click();
    await shot(page, suite, '04-case-number');
    await context.close();
  });

  it('the reviewer finds the task in the inbox, coloured by its deadline, and passes it with Alt+1', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'education-reviewer');
    await page.goto('/workbench/tasks?scope=mine');
    const row = page.getByTestId(`task-${caseNumber}`);
    await row.waitFor();
    expect(await row.getAttribute('data-level')).toBe('normal');
    expect(await row.getByTestId('remaining').innerText()).toMatch(/剩余 \d+ 个工作日/);
    await shot(page, suite, '05-reviewer-inbox');
    await row.getByRole('button', { name: /办\s*理/ }).click();
    await page.getByTestId('task-actions').waitFor();
    expect(await page.getByTestId('outcome-pass').innerText()).toContain('Alt+1');
    await page.getByTestId('opinion').fill('材料齐全，同意提交专家评估');
    await shot(page, suite, '06-review');
    await page.keyboard.press('Alt+1');
    await page.getByText('已通过').waitFor();
    // Next: the expert review, also the reviewer's.
    await page.getByText('专家实地评估').first().waitFor();
    await page.getByTestId('opinion').fill('实地评估合格');
    await page.getByTestId('outcome-pass').click();
    await page.getByText('审批决定').first().waitFor();
    await page.getByRole('tab', { name: /意见/ }).click();
    expect(await page.getByTestId('opinions').innerText()).toContain('材料齐全，同意提交专家评估');
    await shot(page, suite, '07-after-review');
    await context.close();
  });

  it('the head grants: the case is granted and ready to issue', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'education-head');
    await openTask(page, caseNumber);
    await page.getByTestId('opinion').fill('准予设立');
    await page.getByTestId('outcome-grant').click();
    await page.getByText('已准予许可').waitFor();
    await page.getByRole('tab', { name: '时间线' }).click();
    await page.getByTestId('timeline').getByText('作出决定').first().waitFor().catch(() => undefined);
    await shot(page, suite, '08-granted');
    const view = await (await page.request.get(`/api/cases/${caseId}`)).json();
    expect(view.status).toBe('granted');
    expect(view.case.activeTasks.map((t: { stepId: string }) => t.stepId)).toEqual(['deliver']);
    expect(await page.getByTestId('case-status').innerText()).toBe('准予许可');
    await context.close();
  });
});
