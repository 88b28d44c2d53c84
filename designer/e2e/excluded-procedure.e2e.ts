// Issue 12 (特别程序, 行政许可法第四十五条): the expert review of 取水许可 is a property of its step.
// Entering it issues the 特别程序告知书 with the announced duration and stops the statutory clock; the
// case page says so; completing the step restarts the clock. Every wait is on a state, never a delay.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forms, organization } from './fixtures';
import { launchBrowser, newPage, savePdf, screenshotsRoot, shot, signIn, startServer, type RunningServer } from './harness';
import { decide, fillApplicant, fillForm, pickItem, markRemaining, waitForChecklist, type Field } from './intake';

const suite = 'excluded-procedure';
let server: RunningServer;
let browser: Browser;
let number = '';
let caseId = '';

beforeAll(async () => {
  server = await startServer({ demoCases: false });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function complete(page: Page, stepName: string, outcome: string, opinion: string): Promise<void> {
  await page.goto('/workbench/tasks?scope=mine');
  const row = page.getByTestId(`task-${number}`);
  await row.waitFor();
  expect(await row.innerText()).toContain(stepName);
  await row.getByRole('button', { name: /办\s*理/ }).click();
  await page.getByTestId('task-actions').waitFor();
  await page.getByTestId('opinion').fill(opinion);
  await page.getByTestId(`outcome-${outcome}`).click();
  await page.locator('.ant-message-success').waitFor();
}

describe('特别程序（专家评审）', () => {
  it('a clerk accepts 取水许可', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'clerk-comprehensive-2');
    await pickItem(page, '取水', 'water-permit');
    await fillApplicant(page, organization);
    const item = await (await page.request.get('/api/items/water-permit')).json() as { form: { fields: Field[] } };
    await fillForm(page, item.form.fields, forms['water-permit']);
    await waitForChecklist(page);
    await markRemaining(page);
    await decide(page, 'accept');
    await page.getByTestId('case-number').waitFor({ timeout: 90_000 });
    number = (await page.getByTestId('case-number').innerText()).trim();
    caseId = (await page.getByTestId('document-frame').getAttribute('src'))!.split('/')[3];
    await context.close();
  });

  it('passing the first review enters the expert review: notice issued, clock stopped, then restarted when it ends', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'water-reviewer');
    await complete(page, '初审', 'pass', '初审通过，报告书须经专家评审');

    await page.goto(`/workbench/cases/${caseId}`);
    const banner = page.getByTestId('active-procedure');
    await banner.waitFor();
    const text = await banner.innerText();
    expect(text).toContain('水资源论证报告书专家评审');
    expect(text).toContain('《取水许可和水资源费征收管理条例》第十二条');
    expect(text).toContain('不超过20个工作日');
    await page.getByTestId('clock-stopped').waitFor();
    await page.getByText('已暂停', { exact: true }).waitFor();
    await shot(page, suite, '01-procedure-running');

    // The notice is in the case's documents, issued by the department, with the duration.
    await page.getByRole('tab', { name: /文书/ }).click();
    await page.getByText('特别程序告知书', { exact: true }).first().waitFor();
    const view = await (await page.request.get(`/api/cases/${caseId}`)).json() as { case: { documents: { templateId: string; documentId: string }[] } };
    const notice = view.case.documents.find((d) => d.templateId === 'notices/special-procedure');
    expect(notice).toBeDefined();
    await savePdf(page, suite, '02-special-procedure', `/api/cases/${caseId}/documents/${notice!.documentId}`);
    const pdf = path.join(screenshotsRoot, suite, '02-special-procedure.pdf');
    const words = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    expect(words).toContain('特别程序告知书');
    expect(words).toContain('不超过20个工作日');

    await complete(page, '专家评审', 'pass', '专家评审通过');
    await page.goto(`/workbench/cases/${caseId}`);
    await page.getByTestId('case-status').waitFor();
    await page.getByTestId('active-procedure').waitFor({ state: 'detached' });
    const after = await (await page.request.get(`/api/cases/${caseId}`)).json() as { level: string; case: { activeProcedure: unknown; procedureHistory: unknown[] } };
    expect(after.case.activeProcedure).toBeNull();
    expect(after.case.procedureHistory).toHaveLength(1);
    expect(after.level).not.toBe('suspended');
    await shot(page, suite, '03-procedure-ended');
    await context.close();
  });
});
