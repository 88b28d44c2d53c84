// The designer against the REAL server and git (issue 5): a department editor changes a checklist
// and publishes it; an administrator adds a joint review and cases follow their own version; a
// conflicting save loses nothing. Screenshots of every screen go to .test-results/screenshots/designer.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, shot, signIn, startServer, writeHeaders, type RunningServer } from './harness';
import samples from '../../tests/fixtures/sample-applications.json';

const suite = 'designer';
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

/** expect.poll with room for a busy machine (the default gives up after one second). */
const poll = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 30_000, interval: 250 });

async function open(user: string) {
  const { context, page } = await newPage(browser, server);
  page.setDefaultTimeout(45_000);
  await signIn(page, user);
  return { context, page };
}

/** The window as the user sees it (the long guide form would make a full-page shot unreadable). */
async function viewShot(page: Page, name: string) {
  const file = await shot(page, suite, name);
  await page.screenshot({ path: file });
}

const county = () => path.join(server.dataDir, 'county');
const git = (...args: string[]) => execFileSync('git', ['-C', county(), ...args], { encoding: 'utf8' });

/** Picks an option of the antd Select inside `within` (the dropdown renders in the body). */
async function choose(page: Page, within: ReturnType<Page['locator']>, option: string) {
  await within.locator('.ant-select').first().click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  // The list must be gone before the next click, or it takes that click (seen on a busy machine).
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}

/** A session of its own for API calls (cases are made through the API, as the issue allows). */
async function apiSession(user: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: server.url, reducedMotion: 'reduce' });
  const r = await context.request.post('/api/auth/login', { data: { userName: user, password: 'demo2026' }, headers: writeHeaders });
  expect(r.ok()).toBe(true);
  return context;
}

async function post<T>(context: BrowserContext, url: string, body: unknown): Promise<T> {
  const r = await context.request.post(url, { data: body, headers: { 'Idempotency-Key': crypto.randomUUID(), ...writeHeaders } });
  if (!r.ok()) throw new Error(`POST ${url}: ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

interface CaseAnswer { id: string; case: { definitionVersion: string; visitedSteps: string[]; activeTasks: { id: string; stepId: string }[] } }

const tractorApplication = (name: string) => ({
  itemId: 'agri-machinery-registration',
  applicant: { type: 'person', name, idNumber: '230903197806123513', phone: '13800000000' },
  form: samples.items['agri-machinery-registration'].form,
  materials: ['application', 'owner-id-card', 'origin-proof', 'conformity-certificate', 'inspection-certificate'].map((materialId) => ({ materialId, status: 'received' })),
  decision: { kind: 'accept' },
});

describe('the designer', () => {
  it('lets a department editor make a material deferrable, add a conditional one, preview, and publish exactly those lines', async () => {
    const { context, page } = await open('education-editor');
    await page.goto('/designer');
    // Roles: only the 教育局's items, no templates, no new items.
    await page.getByRole('link', { name: '教师资格认定' }).waitFor();
    const names = await page.locator('[data-testid="catalog"] tbody tr a').allInnerTexts();
    expect(names.sort()).toEqual(['教师资格认定', '民办幼儿园设立'].sort());
    expect(await page.getByRole('button', { name: '新建事项' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: '文书模板' }).count()).toBe(0);
    await shot(page, suite, '01-catalog-department-editor');

    await page.getByRole('link', { name: '教师资格认定' }).click();
    await page.getByRole('tab', { name: '申请材料' }).click();
    await page.getByTestId('material-row-id-card').waitFor();
    const preview = page.getByTestId('checklist-preview');
    const personIdCard = page.getByTestId('sample-0').getByTestId('preview-material').filter({ hasText: '居民身份证' });
    await poll(() => personIdCard.innerText()).toContain('必要');

    // 居民身份证 becomes 容缺 (deferrable).
    await choose(page, page.getByTestId('select-id-card-necessity'), '容缺');
    await poll(() => personIdCard.innerText()).toContain('容缺');

    // A new material only organisations hand in.
    await page.getByRole('button', { name: '添加材料' }).click();
    const details = page.locator('[data-testid^="material-details-material-"]').last();
    await details.getByLabel('材料标识').fill('business-license');
    await details.getByLabel('材料标识').blur();
    const row = page.getByTestId('material-row-business-license');
    await row.getByLabel('材料名称').fill('营业执照');
    await page.locator('[data-testid="material-details-business-license"] .monaco-editor').first().click();
    await page.keyboard.type("applicant.type == 'organization'", { delay: 15 });
    await page.keyboard.press('Escape');
    const license = (sample: number) => page.getByTestId(`sample-${sample}`).getByTestId('preview-material').filter({ hasText: '营业执照' });
    await poll(() => license(0).getAttribute('data-applies')).toBe('false');
    expect(await license(1).getAttribute('data-applies')).toBe('true');
    await preview.scrollIntoViewIfNeeded();
    await shot(page, suite, '02-checklist-editor-preview');

    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('已保存到工作区').waitFor();

    // Forms and workflows are the administrators': read-only here.
    await page.getByRole('tab', { name: '办理流程' }).click();
    await page.getByTestId('workflow-canvas').waitFor();
    expect(await page.getByTestId('workflow-editor').getByText('只读：您无权修改此文件').count()).toBe(1);
    await shot(page, suite, '03-workflow-read-only');

    await page.getByRole('button', { name: '查看修改并发布' }).click();
    const semantic = page.getByTestId('semantic-diff').first();
    await semantic.waitFor();
    const lines = await semantic.innerText();
    expect(lines).toContain('新增材料 营业执照');
    expect(lines).toContain('材料 居民身份证: 必要 → 容缺');
    await page.getByTestId('raw-diff').first().waitFor();
    await shot(page, suite, '04-changes');
    await page.getByLabel('发布说明').fill('居民身份证可容缺受理；单位申请人须提交营业执照');
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByTestId('publish-result').waitFor();
    await shot(page, suite, '05-published');

    // The commit: authored by the editor, one file, only those lines.
    expect(git('log', '-1', '--format=%an <%ae>|%s').trim()).toBe('教育局事项编辑 <education-editor@workflows.local>|居民身份证可容缺受理；单位申请人须提交营业执照');
    expect(git('show', '--name-only', '--format=', 'HEAD').trim()).toBe('definitions/items/teacher-qualification/materials.yaml');
    const changed = git('show', '--no-ext-diff', '-U0', '--format=', 'HEAD').split('\n').filter((l) => /^[+-]/.test(l) && !/^(\+\+\+|---) /.test(l));
    expect(changed).toEqual([
      '-  necessity: required',
      '+  necessity: deferrable',
      '+  deferral-limit: 5wd',
      '+- id: business-license',
      '+  name: 营业执照',
      '+  kind: original',
      '+  form: paper',
      '+  copies: 1',
      '+  necessity: required',
      '+  pledge: false',
      '+  source: applicant',
      "+  when: applicant.type == 'organization'",
    ]);
    expect(git('status', '--porcelain').trim()).toBe('');

    // The item's history shows the new version and the diff between the two.
    await page.goto('/designer/items/teacher-qualification/history');
    await page.getByTestId('item-history').getByTestId('semantic-diff').first().waitFor();
    expect(await page.getByTestId('item-history').getByTestId('semantic-diff').first().innerText()).toContain('材料 居民身份证: 必要 → 容缺');
    await shot(page, suite, '06-item-history-diff');

    // The published checklist is what the server runs now.
    const published = await (await page.request.post('/api/items/teacher-qualification/checklist', { data: { applicant: { type: 'organization', name: '某公司' }, form: {} }, headers: writeHeaders })).json() as { materials: { material: { id: string; necessity: string }; applies: boolean }[] };
    expect(published.materials.find((m) => m.material.id === 'business-license')?.applies).toBe(true);
    expect(published.materials.find((m) => m.material.id === 'id-card')?.material.necessity).toBe('deferrable');
    await context.close();
  });

  it('lets an administrator add a joint review and publish: a new case takes the new route, an older case keeps its version', async () => {
    const clerk = await apiSession('clerk-comprehensive-2');
    const older = await post<CaseAnswer>(clerk, '/api/cases', tractorApplication('张建国'));
    expect(older.case.activeTasks.map((t) => t.stepId)).toEqual(['review']);

    const { context, page } = await open('admin');
    await page.goto('/designer/items/agri-machinery-registration/workflow');
    await page.getByTestId('step-node-intake').click();
    await page.getByTestId('palette-joint-review').click();
    const modal = page.locator('.ant-modal:visible');
    // On a busy machine the dropdown may still be animating when the option is clicked, and the
    // click is lost: pick the department until its tag shows in the select, then wait for 添加.
    const picked = modal.locator('.ant-select-selection-item[title="七台河市桃山区水务局"]');
    await poll(async () => {
      if (await picked.count() === 0) {
        await modal.locator('.ant-select').nth(1).click();
        const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="七台河市桃山区水务局"]');
        await option.waitFor();
        await option.click();
      }
      return picked.count();
    }).toBe(1);
    await modal.locator('.ant-modal-title').click();
    const add = modal.getByRole('button', { name: '添加' });
    await poll(() => add.isEnabled()).toBe(true);
    await add.click();
    await page.getByTestId('step-node-joint-review').waitFor();

    // Every edit is a command: Ctrl+Z takes the whole joint review back, Ctrl+Shift+Z redoes it.
    await page.locator('body').press('Control+z');
    await poll(() => page.getByTestId('step-node-joint-review').count()).toBe(0);
    await page.locator('body').press('Control+Shift+Z');
    await poll(() => page.getByTestId('step-node-joint-review').count()).toBe(1);
    // The six steps of 拖拉机登记 (no refusal step after acceptance) and the joint review's five.
    await poll(() => page.locator('[data-testid^="step-node-"]').count()).toBe(11);
    await page.getByText('校验通过').waitFor();
    await shot(page, suite, '07-workflow-joint-review');

    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('已保存到工作区').waitFor();
    await page.getByRole('button', { name: '查看修改并发布' }).click();
    await page.getByTestId('semantic-diff').first().waitFor();
    expect(await page.getByTestId('semantic-diff').first().innerText()).toContain('步骤 intake: 下一步 review → joint-review');
    await page.getByLabel('发布说明').fill('拖拉机登记增加农业农村局、水务局联合审查');
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByTestId('publish-result').waitFor();
    expect(git('log', '-1', '--format=%an').trim()).toBe('系统管理员');
    expect(git('show', '--name-only', '--format=', 'HEAD').trim()).toBe('definitions/items/agri-machinery-registration/workflow.yaml');

    // A new case runs the new route: the two review tasks at once.
    const newer = await post<CaseAnswer>(clerk, '/api/cases', tractorApplication('李春梅'));
    expect(newer.case.definitionVersion).not.toBe(older.case.definitionVersion);
    expect(newer.case.visitedSteps).toContain('joint-review');
    expect(newer.case.activeTasks.map((t) => t.stepId).sort()).toEqual(['joint-review-agriculture', 'joint-review-water']);

    // The older case keeps the version it started on: its review leads to the decision, not to a joint review.
    const reviewer = await apiSession('agriculture-reviewer');
    const passed = await post<CaseAnswer>(reviewer, `/api/cases/${older.id}/complete`, { taskId: older.case.activeTasks[0].id, outcome: 'pass', opinion: '材料齐全' });
    expect(passed.case.definitionVersion).toBe(older.case.definitionVersion);
    expect(passed.case.activeTasks.map((t) => t.stepId)).toEqual(['decide']);

    await page.goto('/designer/history');
    await page.getByText('拖拉机登记增加农业农村局、水务局联合审查').waitFor();
    await shot(page, suite, '08-history');
    await Promise.all([clerk.close(), reviewer.close(), context.close()]);
  });

  it('shows both versions when someone else saved first, and loses nothing', async () => {
    const { context, page } = await open('admin');
    await page.goto('/designer/items/water-permit/materials');
    const firstName = page.locator('[data-testid^="material-row-"]').first().getByLabel('材料名称');
    await firstName.waitFor();
    const original = await firstName.inputValue();

    // Meanwhile someone else saves the same file.
    const other = await apiSession('water-editor');
    const file = await (await other.request.get('/api/designer/items/water-permit/materials')).json() as { etag: string; model: { name: string }[] };
    file.model[1].name += '（其他人修改）';
    const saved = await other.request.put('/api/designer/items/water-permit/materials', { data: { model: file.model }, headers: { 'If-Match': file.etag, ...writeHeaders } });
    expect(saved.ok()).toBe(true);

    await firstName.fill(`${original}（我的修改）`);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByTestId('conflict-theirs').waitFor();
    expect(await page.getByTestId('conflict-theirs').innerText()).toContain('（其他人修改）');
    await poll(() => page.getByTestId('conflict-mine').innerText()).toContain('（我的修改）');
    await shot(page, suite, '09-conflict');
    // Merge: my change on top of theirs, both kept.
    await page.getByRole('button', { name: '合并双方修改并保存（推荐）' }).click();
    await page.getByTestId('conflict-theirs').waitFor({ state: 'detached' });
    await page.getByText('已保存到工作区').waitFor();
    // Read the file as it is now (a fresh URL, so no cached answer of the first read can stand in for it).
    const now = async () => (await (await other.request.get(`/api/designer/items/water-permit/materials?read=${Date.now()}`)).json() as { text: string }).text;
    await poll(now).toContain('（我的修改）');
    expect(await now()).toContain('（其他人修改）');
    await Promise.all([other.close(), context.close()]);
  });

  it('edits a guide with errors at their fields, a form with a live preview, and a template with a live PDF preview', async () => {
    const { context, page } = await open('admin');
    await page.goto('/designer/items/teacher-qualification/guide');
    const promised = page.getByLabel('承诺时限');
    await promised.fill('40wd');
    // The server's validator: promised ≤ statutory (30wd), shown at the field.
    const field = page.locator('.ant-form-item').filter({ has: page.locator('[data-path="limits.promised"]') });
    await poll(() => field.innerText()).toContain('WF3001');
    await field.scrollIntoViewIfNeeded();
    await viewShot(page, '10-guide-error-at-field');
    await page.locator('body').press('Control+z');
    await poll(() => promised.inputValue()).toBe('15wd');

    await page.getByRole('tab', { name: '申请表' }).click();
    await page.getByTestId('form-field-schoolLevel').waitFor();
    await page.getByTestId('form-field-subject').click();
    await page.getByLabel('标题').fill('任教学科（与合格证明一致）');
    await poll(() => page.getByTestId('form-preview').innerText()).toContain('任教学科（与合格证明一致）');
    await shot(page, suite, '11-form-editor');

    await page.getByRole('tab', { name: '文书模板' }).click();
    await page.getByTestId('pdf-preview').waitFor({ timeout: 60_000 });
    await shot(page, suite, '12-template-editor');
    await page.locator('[data-testid="template-editor"] .monaco-editor').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('{{ if holder.name }}');
    await page.getByTestId('template-error').waitFor({ timeout: 45_000 });
    expect(await page.getByTestId('template-error').innerText()).toMatch(/第 \d+ 行/);
    await shot(page, suite, '13-template-error');
    await context.close();
  });

  it('creates an item from a starter, duplicates it and retires the copy', async () => {
    const { context, page } = await open('admin');
    await page.goto('/designer');
    await page.getByRole('button', { name: '新建事项' }).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByLabel('事项名称').fill('民办培训机构设立');
    await modal.getByLabel('事项标识（英文，小写字母、数字和 -）').fill('private-training-school');
    await choose(page, modal.locator('.ant-form-item').filter({ hasText: '实施部门' }), '七台河市桃山区教育局');
    await shot(page, suite, '14-create-item');
    await modal.getByRole('button', { name: '创建' }).click();
    await page.waitForURL('**/designer/items/private-training-school**');
    await page.getByTestId('pending-tag').waitFor();

    await page.goto('/designer');
    await page.getByRole('button', { name: '复制 民办培训机构设立' }).click();
    await page.locator('.ant-modal:visible').getByRole('button', { name: '复制' }).click();
    await page.waitForURL('**/designer/items/private-training-school-copy**');
    await page.goto('/designer');
    await page.getByLabel('搜索事项').fill('培训');
    await poll(() => page.locator('[data-testid="catalog"] tbody tr').count()).toBe(2);
    const copyRow = page.locator('[data-testid="catalog"] tbody tr').filter({ hasText: 'private-training-school-copy' });
    await copyRow.getByRole('button', { name: '停用' }).click();
    await page.getByLabel('停用原因').fill('与原事项重复');
    await page.locator('.ant-modal:visible').getByRole('button', { name: '停用' }).click();
    await copyRow.getByText('已停用').waitFor();
    await shot(page, suite, '15-catalog-admin');
    await context.close();
  });
});
