import { residentIdProblem, usccProblem } from './checks';
import { evaluate, isVisible, referencedFields, type ScriptScope } from './expressions';
import type { FormDefinition, FormField, FormValues } from './model';

/** Errors by path: `fieldId`, or `tableId.rowIndex.columnId` for a table cell; `$rules` for cross-field rules. */
export type FormErrors = Record<string, string>;

export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

const phonePattern = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$/;

/** The fields shown for these values (visibility conditions evaluated). */
export function visibleFields(form: FormDefinition, scope: ScriptScope): FormField[] {
  return form.fields.filter((f) => isVisible(f.when, scope));
}

/** The values to send: hidden fields dropped, strings trimmed. */
export function valuesToSubmit(form: FormDefinition, scope: ScriptScope): FormValues {
  const out: FormValues = {};
  for (const field of visibleFields(form, scope)) {
    const v = scope.form[field.id];
    if (isEmpty(v)) continue;
    out[field.id] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

/** The problem of one value, or null. Rules of the field (check) are evaluated against the whole form. */
export function fieldProblem(field: FormField, value: unknown, scope: ScriptScope): string | null {
  if (field.type === 'table' && (field['min-rows'] ?? 0) > 0 && (!Array.isArray(value) || value.length < field['min-rows']!))
    return `${field.label}至少 ${field['min-rows']} 行`;
  // A choice is chosen, not written: 请选择 on selects and yes/no fields, 请填写 on the rest (as the server says).
  if (isEmpty(value)) return field.required ? `${['select', 'multi-select', 'boolean'].includes(field.type) ? '请选择' : '请填写'}${field.label}` : null;
  switch (field.type) {
    case 'idcard':
      if (typeof value === 'string') { const p = residentIdProblem(value.toUpperCase()); if (p) return p; }
      break;
    case 'uscc':
      if (typeof value === 'string') { const p = usccProblem(value); if (p) return p; }
      break;
    case 'phone':
      if (typeof value === 'string' && !phonePattern.test(value.trim())) return '电话号码格式不正确（手机 11 位，或区号-号码）';
      break;
    case 'number':
      if (typeof value !== 'number' || Number.isNaN(value)) return `${field.label}应为数字`;
      if (field.min !== undefined && value < field.min) return `${field.label}不能小于 ${field.min}`;
      if (field.max !== undefined && value > field.max) return `${field.label}不能大于 ${field.max}`;
      break;
    case 'date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return '日期格式应为 年-月-日';
      break;
    case 'select':
      if (field.options && !field.options.some((o) => o.value === value)) return '请从选项中选择';
      break;
    case 'table': {
      const rows = Array.isArray(value) ? value.length : 0;
      if (field['min-rows'] !== undefined && rows < field['min-rows']) return `${field.label}至少 ${field['min-rows']} 行`;
      if (field['max-rows'] !== undefined && rows > field['max-rows']) return `${field.label}最多 ${field['max-rows']} 行`;
      break;
    }
    default:
      break;
  }
  if (typeof value === 'string') {
    if (field['max-length'] !== undefined && [...value].length > field['max-length']) return `${field.label}最多 ${field['max-length']} 个字`;
    if (field.pattern) {
      try {
        if (!new RegExp(field.pattern).test(value)) return field.help ? `格式不正确：${field.help}` : `${field.label}格式不正确`;
      } catch { /* a bad pattern is the definition's problem, reported by the validator */ }
    }
  }
  if (field.check && (!field.check.when || evaluate(field.check.when, scope) === true)) {
    if (evaluate(field.check.rule, scope) === false) return field.check.message;
  }
  return null;
}

/** Every problem of the visible fields, table cells and cross-field rules. */
export function validateForm(form: FormDefinition, scope: ScriptScope): FormErrors {
  const errors: FormErrors = {};
  for (const field of visibleFields(form, scope)) {
    const value = scope.form[field.id];
    const problem = fieldProblem(field, value, scope);
    if (problem) errors[field.id] = problem;
    if (field.type === 'table' && Array.isArray(value)) {
      value.forEach((row, i) => {
        const cells = (row ?? {}) as FormValues;
        for (const column of field.columns ?? []) {
          const p = fieldProblem(column, cells[column.id], { ...scope, form: { ...scope.form, ...cells } });
          if (p) errors[`${field.id}.${i}.${column.id}`] = p;
        }
      });
    }
  }
  const broken = ruleProblems(form, scope);
  if (broken.length > 0) errors.$rules = broken.join('\n');
  return errors;
}

/** Cross-field rules that fail; a rule whose fields are still empty waits. */
export function ruleProblems(form: FormDefinition, scope: ScriptScope): string[] {
  const out: string[] = [];
  for (const rule of form.rules ?? []) {
    if (rule.when && evaluate(rule.when, scope) !== true) continue;
    if (referencedFields(rule.rule).some((id) => isEmpty(scope.form[id]))) continue;
    if (evaluate(rule.rule, scope) === false) out.push(rule.message);
  }
  return out;
}

/** Initial values: each field's default. */
export function defaultValues(form: FormDefinition): FormValues {
  const values: FormValues = {};
  for (const f of form.fields) {
    if (f.default === undefined) continue;
    if (f.type === 'number') values[f.id] = Number(f.default);
    else if (f.type === 'boolean') values[f.id] = f.default === 'true';
    else if (f.type === 'multi-select') values[f.id] = f.default.split(',').map((s) => s.trim());
    else values[f.id] = f.default;
  }
  return values;
}
