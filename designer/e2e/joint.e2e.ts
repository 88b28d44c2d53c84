// Issue 6: a joint review (联合审查): 取水许可 goes to the water and the agriculture departments in
// parallel; the decision waits for both.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forms, organization } from './fixtures';
import { launchBrowser, newPage, shot, signIn, startServer, type RunningServer } from './harness';
import { decide, fillApplicant, fillForm, pickItem, markRemaining, waitForChecklist, type Field } from './intake';

const suite = 'workbench-joint';
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

async function complete(user: string, stepName: string, outcome: string, opinion: string, screenshot?: string): Promise<Page> {
  const { page } = await newPage(browser, server);
  await signIn(page, user);
  await page.goto('/workbench/tasks?scope=mine');
  const row = page.getByTestId(`task-${number}`);
  await row.waitFor();
  expect(await row.innerText()).toContain(stepName);
  await row.getByRole('button', { name: /办\s*理/ }).click();
  await page.getByTestId('task-actions').waitFor();
  await page.getByTestId('opinion').fill(opinion);
  if (screenshot) await shot(page, suite, screenshot);
  await page.getByTestId(`outcome-${outcome}`).click();
  await page.locator('.ant-message-success').waitFor();
  return page;
}

async function activeSteps(page: Page): Promise<string[]> {
  const view = await (await page.request.get(`/api/cases/${caseId}`)).json();
  return view.case.activeTasks.map((t: { stepId: string }) => t.stepId).sort();
}

describe('联合审查（并联审批）', () => {
  it('a clerk at window 2 accepts 取水许可 for an organisation', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'clerk-comprehensive-2');
    await pickItem(page, '取水', 'water-permit');
    await fillApplicant(page, organization);
    const item = await (await page.request.get('/api/items/water-permit')).json() as { form: { fields: Field[] } };
    await fillForm(page, item.form.fields, forms['water-permit']);
    await waitForChecklist(page);
    await markRemaining(page);
    await shot(page, suite, '01-intake');
    await decide(page, 'accept');
    await page.getByTestId('case-number').waitFor({ timeout: 90_000 });
    number = (await page.getByTestId('case-number').innerText()).trim();
    caseId = (await page.getByTestId('document-frame').getAttribute('src'))!.split('/')[3];
    await context.close();
  });

  it('the water department reviews, then both departments review in parallel, then the head grants', async () => {
    let page = await complete('water-reviewer', '初审', 'pass', '初审通过，转专家评审');
    await page.context().close();
    page = await complete('water-reviewer', '专家评审', 'pass', '专家评审通过');
    expect(await activeSteps(page)).toEqual(['review-agriculture', 'review-water']);
    await page.context().close();

    page = await complete('agriculture-reviewer', '农业农村局审查', 'complete', '不影响农业灌溉用水，同意', '02-agriculture-review');
    // The join waits for the water department.
    expect(await activeSteps(page)).toEqual(['review-water']);
    await page.reload();
    await page.getByTestId('task-actions').waitFor();
    await shot(page, suite, '03-waiting-for-water');
    await page.context().close();

    page = await complete('water-reviewer', '水务局审查', 'complete', '水资源论证充分，同意');
    expect(await activeSteps(page)).toEqual(['decide']);
    await page.context().close();

    page = await complete('water-head', '审批决定', 'grant', '准予取水许可');
    await page.getByRole('tab', { name: /意见/ }).click();
    const opinions = await page.getByTestId('opinions').innerText();
    expect(opinions).toContain('不影响农业灌溉用水，同意');
    expect(opinions).toContain('水资源论证充分，同意');
    await shot(page, suite, '04-granted-opinions');
    const view = await (await page.request.get(`/api/cases/${caseId}`)).json();
    expect(view.status).toBe('granted');
    await page.context().close();
  });
});
