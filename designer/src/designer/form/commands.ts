// The form editor's commands: named edits of form.yaml.

import { command, type Command } from '../commands/commandStack';
import type { Field, Form } from '../model/types';

export type FormCommand = Command<Form>;

const typeNames: Record<string, string> = {
  text: '文本', textarea: '多行文本', number: '数字', date: '日期', select: '单选', 'multi-select': '多选', boolean: '是否',
  idcard: '身份证号', uscc: '统一社会信用代码', phone: '电话', address: '地址', table: '表格',
};

export function typeName(type: string) {
  return typeNames[type] ?? type;
}

function stripEmpty(field: Field): Field {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(field)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0 && k !== 'options')) continue;
    out[k] = v;
  }
  return out as unknown as Field;
}

export function uniqueFieldId(form: Form, base = 'field'): string {
  const taken = new Set(form.fields.map((f) => f.id));
  for (let i = form.fields.length + 1; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

/** A new field of `type` with what its type needs (options for selects, a column for tables). */
export function newField(form: Form, type: string): Field {
  // The palette offers the schema's field types only; the validator reports anything else on save.
  const field: Field = { id: uniqueFieldId(form), label: `新${typeName(type)}字段`, type: type as Field['type'] };
  if (type === 'select' || type === 'multi-select') field.options = [{ value: 'a', label: '选项一' }, { value: 'b', label: '选项二' }];
  if (type === 'table') field.columns = [{ id: 'name', label: '名称', type: 'text' }];
  return field;
}

export function addField(type: string, after?: string): FormCommand {
  return command('field.add', `添加${typeName(type)}字段`, (form) => {
    const field = newField(form, type);
    const at = after ? form.fields.findIndex((f) => f.id === after) + 1 : form.fields.length;
    return { ...form, fields: [...form.fields.slice(0, at), field, ...form.fields.slice(at)] };
  });
}

export function setField(id: string, patch: Partial<Field>, label?: string): FormCommand {
  const keys = Object.keys(patch).join('、');
  return command('field.set', `修改字段 ${label ?? id} 的 ${keys}`, (form) => {
    const index = form.fields.findIndex((f) => f.id === id);
    if (index < 0) return form;
    let next = stripEmpty({ ...form.fields[index], ...patch });
    // A type change drops what only the old type meant.
    if (patch.type) {
      if (patch.type !== 'select' && patch.type !== 'multi-select') next = { ...next, options: undefined };
      else if (!next.options?.length) next = { ...next, options: [{ value: 'a', label: '选项一' }] };
      if (patch.type !== 'table') next = { ...next, columns: undefined, 'min-rows': undefined, 'max-rows': undefined };
      else if (!next.columns?.length) next = { ...next, columns: [{ id: 'name', label: '名称', type: 'text' }] };
      if (patch.type !== 'number') next = { ...next, min: undefined, max: undefined, unit: undefined };
      next = stripEmpty(next);
    }
    if (JSON.stringify(next) === JSON.stringify(form.fields[index])) return form;
    return { ...form, fields: form.fields.map((f, i) => (i === index ? next : f)) };
  }, `field.set:${id}:${keys}`);
}

/** Renames a field's id, and `form.old` in every condition and rule of the form. */
export function renameField(from: string, to: string): FormCommand {
  return command('field.rename', `字段标识 ${from} → ${to}`, (form) => {
    if (!/^[a-z][A-Za-z0-9]*$/.test(to) || form.fields.some((f) => f.id === to) || !form.fields.some((f) => f.id === from)) return form;
    const re = new RegExp(`\\bform\\.${from}\\b`, 'g');
    const fix = (s?: string) => (s ? s.replace(re, `form.${to}`) : s);
    return {
      ...form,
      fields: form.fields.map((f) => stripEmpty({ ...f, id: f.id === from ? to : f.id, when: fix(f.when), check: f.check && { ...f.check, rule: fix(f.check.rule)!, when: fix(f.check.when) } })),
      rules: form.rules?.map((r) => ({ ...r, rule: fix(r.rule)!, when: fix(r.when) })),
    };
  });
}

export function removeField(id: string): FormCommand {
  return command('field.remove', `删除字段 ${id}`, (form) =>
    form.fields.some((f) => f.id === id) ? { ...form, fields: form.fields.filter((f) => f.id !== id) } : form);
}

export function moveField(from: number, to: number): FormCommand {
  return command('field.move', '调整字段顺序', (form) => {
    if (from === to || to < 0 || to >= form.fields.length) return form;
    const fields = [...form.fields];
    const [moved] = fields.splice(from, 1);
    fields.splice(to, 0, moved);
    return { ...form, fields };
  });
}

export function setFormValue<K extends 'applicant-types' | 'rules'>(key: K, value: Form[K], label: string): FormCommand {
  return command('form.set', label, (form) => (JSON.stringify(form[key]) === JSON.stringify(value) ? form : { ...form, [key]: value }), `form.set:${key}`);
}
