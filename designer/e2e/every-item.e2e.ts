// Issue 6, "Done when": the whole lifecycle of every sample item runs from the browser alone. For each
// item in definitions/items: the item's window accepts it (applicant, form, every material received),
// each workflow task is opened from the inbox of an account that may act on it and passed or granted
// (parallel branches included) until the case waits for issuance; the 统一出件 window opens the result
// document and records the delivery at the window; the applicant rates 满意 on the window's paired
// tablet (a device session of its own, never the clerk's); the case page shows 已办结. The immediate
// item (即办件) is finished on the spot at the window. Every case action is a click; the API is only
// read (the case's pinned definition and its active tasks) and used by the admin to pair the tablets.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forms, organization, person, youngPerson } from './fixtures';
import { launchBrowser, newPage, repoRoot, shot, signIn, startServer, type RunningServer } from './harness';
import { decide, fillApplicant, fillForm, pickItem, waitForChecklist, type Field } from './intake';
import { pairTablet, rateOnTablet } from './tablet';

const suite = 'every-item';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ demoCases: false });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const tablet of tablets.values()) await tablet.context().close();
  await browser?.close();
  await server?.stop();
});

/** One paired rating tablet per window, made when the window first closes a case. */
const tablets = new Map<string, Page>();
async function tabletOf(window: string): Promise<Page> {
  let tablet = tablets.get(window);
  if (!tablet) tablets.set(window, tablet = await pairTablet(browser, server, window));
  return tablet;
}

const address = '黑龙江省七台河市桃山区桃北街18号';

/** Per item: the search text, the applicant and the form a clerk types in (valid against form.yaml). */
const samples: Record<string, { query: string; applicant: Parameters<typeof fillApplicant>[1]; form: Record<string, unknown> }> = {
  'agri-machinery-registration': {
    query: '拖拉机', applicant: youngPerson,
    form: {
      machines: [{ machineType: 'wheeled-tractor', brand: '东方红', model: 'LX904', engineNumber: 'E2026A0917', chassisNumber: 'C2026B0917', color: '红色', purchaseDate: '2026-03-02' }],
      usage: 'farming', ownerAddress: address,
    },
  },
  'bookkeeping-agency': {
    query: '代理记账', applicant: organization,
    form: {
      agencyName: '七台河市桃山区诚信代理记账有限公司', agencyUscc: organization.idNumber, officeAddress: address, managerName: '张会平',
      managerQualification: 'accountant',
      staff: [
        { name: '王晓明', idNumber: youngPerson.idNumber, title: 'accountant' },
        { name: '孙立军', idNumber: '230903197806123513', title: 'assistant' },
        { name: '李秀兰', idNumber: person.idNumber, title: 'senior-accountant' },
      ],
    },
  },
  'entertainment-venue': {
    query: '娱乐', applicant: organization,
    form: {
      venueName: '桃山区欢乐歌厅', venueType: 'karaoke', venueAddress: address, businessArea: 300, roomCount: 12,
      legalRepresentative: '刘强', contactPhone: '13945671234',
    },
  },
  'hazardous-chemicals': {
    query: '危险化学品', applicant: organization,
    form: {
      companyName: '七台河市桃山区安达化工商贸有限公司', companyUscc: organization.idNumber, premisesAddress: address, premisesArea: 200,
      operationMode: 'store', hasStorageFacility: false, restrictedChemicals: false,
      chemicals: [{ name: '乙醇', casNumber: '64-17-5', hazardClass: 'flammable-liquid' }],
      safetyOfficer: '周安全', employeeCount: 5,
    },
  },
  'private-kindergarten': { query: '幼儿园', applicant: organization, form: forms['private-kindergarten'] },
  'senior-preferential-card': {
    query: '优待证', applicant: person,
    form: { residenceType: 'household', applyType: 'first', contactPhone: '13945671234' },
  },
  'social-organization': {
    query: '社会团体', applicant: youngPerson,
    form: {
      orgName: '七台河市桃山区书法家协会', businessScope: '开展书法交流、培训和展览活动', residence: address, supervisingUnit: '七台河市桃山区文化广电和旅游局',
      activityFunds: 5, individualMembers: 60, unitMembers: 0, fullTimeStaff: 2,
      leaders: [{ name: '王晓明', idNumber: youngPerson.idNumber, position: 'president', phone: '13804641234' }],
    },
  },
  'teacher-qualification': { query: '教师资格', applicant: youngPerson, form: forms['teacher-qualification'] },
  'water-permit': { query: '取水', applicant: organization, form: forms['water-permit'] },
};

const items = readdirSync(path.join(repoRoot, 'definitions', 'items')).sort();

interface Who { department?: string | null; role?: string | null; window?: string | null }
interface Step { id: string; kind: string; name: string; by?: Who | null; signers: (Who | null)[]; outcomes: { outcome: string }[] }
interface Definition { steps: Step[] }
interface CaseView { id: string; number: string; status: string; statusLabel: string; case: { activeTasks: { id: string; stepId: string }[] } }

async function read<T>(page: Page, url: string): Promise<T> {
  const r = await page.request.get(url);
  if (!r.ok()) throw new Error(`GET ${url}: ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

/** The outcome that carries the case forward: grant, pass, or a step without outcomes' complete. */
function forward(step: Step): string {
  const outcomes = step.outcomes.map((o) => o.outcome);
  return ['grant', 'pass', 'approve', 'agree', 'complete'].find((o) => outcomes.includes(o)) ?? outcomes[0] ?? 'complete';
}

function userOf(who: Who): string {
  if (who.window) return `clerk-${who.window}`;
  return `${who.department}-${who.role}`;
}

/** Opens the case's task from the account's inbox and records the outcome with an opinion. */
async function act(user: string, number: string, step: Step, outcome: string): Promise<void> {
  const { context, page } = await newPage(browser, server);
  try {
    await signIn(page, user);
    await page.goto('/workbench/tasks?scope=mine');
    const row = page.getByTestId(`task-${number}`).filter({ hasText: step.name });
    await row.first().waitFor();
    await row.first().getByRole('button', { name: /办\s*理/ }).click();
    await page.getByTestId('task-actions').waitFor();
    await page.getByTestId('opinion').fill(`${step.name}：同意`);
    await page.getByTestId(`outcome-${outcome}`).click();
    await page.locator('.ant-message-success').waitFor();
  } finally {
    await context.close();
  }
}

/** The applicant rates 满意 on the tablet of the window that closed the case (it shows the case by itself). */
async function rate(window: string, number: string): Promise<void> {
  const tablet = await tabletOf(window);
  await rateOnTablet(tablet, number, '满意').catch(async (e) => {
    await shot(tablet, suite, `failure-rating-${number}`);
    throw e;
  });
}

describe('every sample item, from the browser alone', () => {
  it('covers all nine sample items', () => {
    expect(items).toEqual(Object.keys(samples).sort());
  });

  for (const itemId of items) {
    it(`${itemId}: intake, every task, issuance, delivery, 满意, 已办结`, async () => {
      const sample = samples[itemId];
      expect(sample, `no sample data for ${itemId}`).toBeDefined();

      // 1. intake at the item's window
      const { context: clerkContext, page: clerk } = await newPage(browser, server);
      let definition: Definition | null = null;
      const intakeWindow = intakeWindowOf(itemId);
      await signIn(clerk, `clerk-${intakeWindow}`);
      const item = await read<{ form: { fields: Field[] }; acceptance?: { setUp: string } }>(clerk, `/api/items/${itemId}`);
      // 前台收件、后台受理 (代理记账资格): the window only receives; the department's 受理审查 task accepts below.
      const backOffice = item.acceptance?.setUp === 'back-office';
      await pickItem(clerk, sample.query, itemId);
      await fillApplicant(clerk, sample.applicant);
      await fillForm(clerk, item.form.fields, sample.form);
      await waitForChecklist(clerk);
      const marks = clerk.locator('[data-testid^="mark-"]');
      for (let i = 0; i < await marks.count(); i++) await marks.nth(i).getByText('已收取', { exact: true }).click();
      await waitForChecklist(clerk);
      if (backOffice) await clerk.getByTestId('back-office-acceptance').waitFor();
      await decide(clerk, backOffice ? 'receive' : 'accept').catch(async (e) => {
        await shot(clerk, suite, `${itemId}-failure-accept`);
        throw new Error(`${itemId}: ${String(e)}`);
      });
      // The notice is issued next (a PDF rendered); the number shows once the page has it.
      await clerk.getByTestId('case-number').waitFor({ timeout: 150_000 });
      const number = (await clerk.getByTestId('case-number').innerText()).trim();
      const documentSrc = (await clerk.getByTestId('document-frame').getAttribute('src'))!;
      const caseId = documentSrc.split('/')[3];
      definition = await read<Definition>(clerk, `/api/cases/${caseId}/definition`);
      const stepOf = (id: string) => definition!.steps.find((s) => s.id === id)!;

      // 2. the workflow's tasks, each from the inbox of an account that may act on it
      const done: string[] = [];
      for (let round = 0; round < 20; round++) {
        const view = await read<CaseView>(clerk, `/api/cases/${caseId}`);
        const open = view.case.activeTasks.map((t) => stepOf(t.stepId)).filter((s) => s.kind === 'task');
        if (open.length === 0) throw new Error(`${itemId}: no open task, status ${view.status}, done ${done.join(' → ')}`);
        const deliver = open.find((s) => s.by?.window);
        if (deliver) break;
        const step = open[0];
        const actors = step.signers.length > 0 ? step.signers.filter((s): s is Who => !!s).map(userOf) : [userOf(step.by!)];
        for (const user of actors) await act(user, number, step, forward(step));
        done.push(step.id);
      }

      const immediate = definition.steps.some((s) => s.kind === 'task' && s.by?.window && s.by.window !== 'issuance');
      if (immediate) {
        // 即办件: finished on the spot at the intake window; the notice is the printed result
        const modalClose = clerk.locator('.ant-modal-close');
        if (await modalClose.isVisible()) await modalClose.click();
        await clerk.getByTestId('finish-on-the-spot').click();
        await clerk.getByTestId('case-closed').waitFor({ timeout: 60_000 });
        const r = await clerk.request.get(documentSrc);
        expect(r.status()).toBe(200);
        await rate(intakeWindow, number);
        await clerk.goto(`/workbench/cases/${caseId}`);
        await expect.poll(async () => (await clerk.getByTestId('case-status').innerText()).trim(), { timeout: 15_000 }).toBe('已办结');
        await shot(clerk, suite, itemId);
        await clerkContext.close();
        return;
      }
      await clerkContext.close();
      expect(done.length).toBeGreaterThan(0);

      // 3. 统一出件: open the result document, deliver at the window, the applicant rates 满意
      const { context, page } = await newPage(browser, server);
      await signIn(page, 'clerk-issuance');
      await page.getByRole('menuitem', { name: '统一出件' }).click();
      await page.waitForURL('**/workbench/issuance');
      const row = page.locator('tr', { hasText: number });
      await row.waitFor();
      const print = row.getByTestId('print-result');
      const href = (await print.getAttribute('href'))!;
      const [popup] = await Promise.all([page.waitForEvent('popup'), print.click()]);
      await popup.close();
      const pdf = await page.request.get(href);
      expect(pdf.status()).toBe(200);
      expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await row.getByRole('button', { name: /送\s*达/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('窗口领取', { exact: false }).first().click();
      await dialog.getByTestId('delivery-submit').click();
      await dialog.getByText('已送达，办件办结').waitFor();
      await dialog.getByRole('button', { name: /完\s*成/ }).click();
      await rate('issuance', number);
      await page.goto(`/workbench/cases/${caseId}`);
      await expect.poll(async () => (await page.getByTestId('case-status').innerText()).trim(), { timeout: 15_000 }).toBe('已办结');
      await shot(page, suite, itemId);
      await context.close();
    }, 300_000);
  }
});

/** The window whose clerk receives the item: the intake step's `by: window:` in the item's workflow.yaml. */
function intakeWindowOf(itemId: string): string {
  const yaml = readFileSync(path.join(repoRoot, 'definitions', 'items', itemId, 'workflow.yaml'), 'utf8');
  const window = /kind:\s*intake[\s\S]*?window:\s*(\S+)/.exec(yaml)?.[1];
  if (!window) throw new Error(`${itemId}: no intake window in workflow.yaml`);
  return window;
}
