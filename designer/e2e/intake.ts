// Browser steps of the window intake, shared by the workbench suites: pick the item, fill the
// applicant and the form the way a clerk does (by label and widget), mark materials.
import type { Locator, Page } from 'playwright-core';

export interface Field { id: string; label: string; type: string; when?: string; required?: boolean; options?: { value: string; label: string }[]; columns?: Field[]; 'min-rows'?: number; min?: number; max?: number }

export async function pickItem(page: Page, query: string, itemId: string): Promise<void> {
  await page.getByTestId('item-search').fill(query);
  await page.getByTestId(`item-${itemId}`).click();
  await page.getByTestId('intake-item').waitFor();
}

export async function fillApplicant(page: Page, applicant: { type?: 'person' | 'organization'; name: string; idNumber: string; phone?: string }): Promise<void> {
  if (applicant.type === 'organization') await page.getByTestId('applicant-type').getByText('法人或其他组织').click();
  await page.locator('#applicant-name').fill(applicant.name);
  // Typed key by key as a clerk or an ID card reader does (fill() hid an input that lost focus after the first key).
  await page.locator('#applicant-id').click();
  await page.keyboard.type(applicant.idNumber);
  if (await page.locator('#applicant-id').inputValue() !== applicant.idNumber) throw new Error(`the ID field holds "${await page.locator('#applicant-id').inputValue()}" after typing ${applicant.idNumber}`);
  if (applicant.phone) await page.locator('#applicant-phone').fill(applicant.phone);
}

/** Fills one field through its widget (text, number, date, select, multi-select, boolean, ID, USCC, address, table). */
export async function fillField(page: Page, field: Field, value: unknown, scope = page.locator('body')): Promise<void> {
  const wrapper = scope.getByTestId(`field-${field.id}`);
  const input = scope.locator(`#form-${field.id}`);
  switch (field.type) {
    case 'select': {
      const label = field.options?.find((o) => o.value === value)?.label ?? String(value);
      await input.click();
      await page.locator('.ant-select-dropdown:visible').getByTitle(label, { exact: true }).click();
      break;
    }
    case 'multi-select':
      for (const v of value as string[]) await wrapper.getByText(field.options?.find((o) => o.value === v)?.label ?? v, { exact: true }).click();
      break;
    case 'boolean':
      await wrapper.getByText(value ? '是' : '否', { exact: true }).click();
      break;
    case 'date':
      await input.click();
      await input.fill(String(value));
      await input.press('Enter');
      break;
    case 'table': {
      const rows = value as Record<string, unknown>[];
      for (let i = 0; i < rows.length; i++) {
        await scope.getByTestId(`add-row-${field.id}`).click();
        for (const column of field.columns ?? []) {
          const v = rows[i][column.id];
          if (v === undefined) continue;
          const cell = scope.getByTestId(`cell-${field.id}.${i}.${column.id}`);
          if (column.type === 'select') {
            await cell.locator('.ant-select').click();
            await page.locator('.ant-select-dropdown:visible').getByTitle(column.options?.find((o) => o.value === v)?.label ?? String(v), { exact: true }).click();
          } else if (column.type === 'boolean') {
            await cell.getByText(v ? '是' : '否', { exact: true }).click();
          } else if (column.type === 'date') {
            const x = cell.locator('input');
            await x.click(); await x.fill(String(v)); await x.press('Enter');
          } else {
            await cell.locator('input').first().fill(String(v));
          }
        }
      }
      break;
    }
    default:
      await input.fill(String(value));
  }
}

/** Fills the fields in order; a field hidden by its condition is skipped. */
export async function fillForm(page: Page, fields: Field[], values: Record<string, unknown>): Promise<void> {
  for (const field of fields) {
    if (!(field.id in values)) continue;
    if (!(await page.getByTestId(`field-${field.id}`).isVisible())) continue;
    await fillField(page, field, values[field.id]);
  }
}

export type Mark = '已收取' | '容缺后补' | '缺少' | '有误' | '告知承诺';

export async function markMaterial(page: Page, materialId: string, mark: Mark, note?: string): Promise<void> {
  await page.getByTestId(`mark-${materialId}`).getByText(mark, { exact: true }).click();
  if (note) await page.getByTestId(`note-${materialId}`).fill(note);
}

/** Marks every material the clerk has not marked yet as 已收取 (the checklist starts unmarked). */
export async function markRemaining(page: Page): Promise<void> {
  const groups = page.getByTestId('checklist').locator('[data-testid^="mark-"]');
  for (let i = 0; i < await groups.count(); i++) {
    const group = groups.nth(i);
    if (await group.locator('.ant-radio-button-wrapper-checked').count() === 0) await group.getByText('已收取', { exact: true }).click();
  }
  await page.getByTestId('unmarked-count').waitFor({ state: 'detached' });
}

/** The checklist has been evaluated (rows shown, not loading). */
export async function waitForChecklist(page: Page): Promise<void> {
  await page.getByTestId('checklist').locator('tbody tr[data-row-key]').first().waitFor();
  // The server has answered for the latest form (a busy machine may take a while): 受理 waits for it.
  await page.locator('[data-testid="checklist"][data-updating="false"]').waitFor({ timeout: 60_000 });
}

/** The window's decisions; `receive` is 收件 only, for an item its department accepts (前台收件、后台受理). */
export type Decision = 'accept' | 'accept-with-deferral' | 'request-supplement' | 'refuse' | 'receive';

/**
 * Takes the window's decision as a clerk does: opens its dialog, lets `prepare` fill it (a pledge, a
 * date, reasons), waits until 确认 is enabled, presses it and waits for the server to create the case.
 * Every wait is on a state, and a miss says what the page showed instead.
 */
export async function decide(page: Page, kind: Decision, prepare?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByTestId(`decide-${kind}`).click();
  const dialog = page.locator('.ant-modal:visible');
  const confirm = page.getByTestId('decision-confirm');
  await confirm.waitFor().catch(async () => {
    throw new Error(`no decision dialog for ${kind}: ${(await page.locator('.ant-message, .ant-form-item-explain-error, .ant-alert').allInnerTexts()).join(' | ')}`);
  });
  if (prepare) await prepare(dialog);
  await page.locator('[data-testid="decision-confirm"]:not([disabled])').waitFor().catch(async () => {
    throw new Error(`确认 stayed disabled for ${kind}; the dialog shows: ${await dialog.innerText()}`);
  });
  const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/cases', { timeout: 150_000 });
  await confirm.click();
  const answer = await created;
  if (!answer.ok()) throw new Error(`the intake answered ${answer.status()}: ${await answer.text()}`);
}

/** Ticks a checkbox and waits until it shows as ticked. */
export async function tick(box: Locator): Promise<void> {
  await box.check();
  if (!(await box.isChecked())) throw new Error('the checkbox did not take the tick');
}
