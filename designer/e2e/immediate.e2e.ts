// Issue 6: an immediate item (即办件) finished on the spot, and the form's conditional fields and
// check digits as a clerk meets them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person } from './fixtures';
import { launchBrowser, newPage, shot, signIn, startServer, type RunningServer } from './harness';
import { decide, fillApplicant, fillField, pickItem, markRemaining, waitForChecklist, type Field } from './intake';

const suite = 'workbench-immediate';
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

describe('即办件：当场办结', () => {
  it('shows the agent fields only for an agent, checks the ID, and finishes 老年人优待证 on the spot', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'clerk-comprehensive-2');
    await pickItem(page, 'lnr', 'senior-preferential-card');
    await fillApplicant(page, person);
    const item = await (await page.request.get('/api/items/senior-preferential-card')).json() as { form: { fields: Field[] } };
    const field = (id: string) => item.form.fields.find((f) => f.id === id)!;
    await fillField(page, field('residenceType'), 'household');
    await fillField(page, field('applyType'), 'first');
    await fillField(page, field('contactPhone'), '13945671234');
    expect(await page.getByTestId('field-agentName').count()).toBe(0);
    await fillField(page, field('byAgent'), true);
    await page.getByTestId('field-agentName').waitFor();
    await fillField(page, field('agentName'), '李明');
    // A mistyped check digit is caught as the clerk types, naming the right one.
    await fillField(page, field('agentIdNumber'), '110105194912310021');
    await page.getByTestId('field-agentIdNumber').getByText('校验码错误（应为 X）').waitFor();
    await shot(page, suite, '01-agent-id-check');
    await fillField(page, field('agentIdNumber'), '11010519491231002X');
    const relation = field('agentRelation');
    await fillField(page, relation, relation.options![0].value);
    await waitForChecklist(page);
    // The agent's ID card now applies (the server evaluated the condition).
    await page.getByTestId('mark-agent-id-card').waitFor();
    await markRemaining(page);
    await decide(page, 'accept');
    await page.getByTestId('case-number').waitFor({ timeout: 90_000 }).catch(async () => {
      await shot(page, suite, 'failure-decision');
      throw new Error(`no case number: ${await page.locator('.ant-notification, .ant-message').allInnerTexts()}`);
    });
    await page.locator('.ant-modal-close').click();
    await page.getByTestId('finish-on-the-spot').click();
    await page.getByTestId('case-closed').waitFor({ timeout: 60_000 });
    await shot(page, suite, '02-finished-on-the-spot');
    const number = (await page.getByTestId('case-number').innerText()).trim();
    const found = await (await page.request.get(`/api/cases?number=${encodeURIComponent(number)}`)).json();
    expect(found.items[0].status).toBe('completed');
    await context.close();
  });
});
