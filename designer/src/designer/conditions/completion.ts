// What the condition editor offers at the cursor: form fields after `form.`, applicant keys
// after `applicant.`, helpers after `idcard.` and friends, material ids in `materials['`, the
// option values of a select field after `form.x == '`, and otherwise the globals and helpers.
// Pure, so it is tested without Monaco; the Monaco adapter only maps the kinds.

import type { DesignerItem, ScriptReference } from '../model/types';

export interface CompletionField {
  id: string;
  label: string;
  type: string;
  options?: { value: string; label: string }[];
  columns?: { id: string; label: string; type: string }[];
}

/** The item's fields for completion: from the form being edited (with a select's options), else as the server listed them. */
export function completionFields(item: DesignerItem): CompletionField[] {
  const form = item.files.form?.model;
  if (form) return form.fields.map((f) => ({ id: f.id, label: f.label, type: f.type, options: f.options, columns: f.columns }));
  return item.fields.map((f) => ({ id: f.id, label: f.label, type: f.type, columns: f.columns }));
}

export interface CompletionContext {
  script: ScriptReference;
  fields: CompletionField[];
  materials?: { id: string; name: string }[];
}

export type CompletionKind = 'field' | 'property' | 'function' | 'variable' | 'value' | 'snippet';

export interface CompletionItem {
  label: string;
  insertText: string;
  detail: string;
  kind: CompletionKind;
}

export interface Completions {
  /** Offset in the text where the replaced word starts (the cursor is the end). */
  from: number;
  items: CompletionItem[];
}

const APPLICANT_TYPES = [
  { value: 'person', label: '个人' },
  { value: 'organization', label: '单位' },
];

export function complete(textBeforeCursor: string, ctx: CompletionContext): Completions {
  const text = textBeforeCursor;
  const at = (prefix: string) => text.length - prefix.length;
  let m: RegExpMatchArray | null;

  // form.x == 'k…  → option values of a select field
  if ((m = text.match(/form\.([A-Za-z_$][\w$]*)\s*(?:===?|!==?)\s*(['"])([^'"]*)$/))) {
    const field = ctx.fields.find((f) => f.id === m![1]);
    const prefix = m[3];
    return { from: at(prefix), items: (field?.options ?? []).filter((o) => o.value.startsWith(prefix)).map((o) => ({ label: o.value, insertText: o.value, detail: o.label, kind: 'value' })) };
  }
  if ((m = text.match(/applicant\.type\s*(?:===?|!==?)\s*(['"])([^'"]*)$/))) {
    const prefix = m[2];
    return { from: at(prefix), items: APPLICANT_TYPES.filter((o) => o.value.startsWith(prefix)).map((o) => ({ label: o.value, insertText: o.value, detail: o.label, kind: 'value' })) };
  }
  // materials['id…
  if ((m = text.match(/materials\[\s*(['"])([\w-]*)$/))) {
    const prefix = m[2];
    return { from: at(prefix), items: (ctx.materials ?? []).filter((x) => x.id.startsWith(prefix)).map((x) => ({ label: x.id, insertText: x.id, detail: x.name, kind: 'value' })) };
  }
  // form.table[0].col…
  if ((m = text.match(/form\.([A-Za-z_$][\w$]*)\[[^\]]*\]\.([\w$]*)$/))) {
    const field = ctx.fields.find((f) => f.id === m![1]);
    const prefix = m[2];
    return { from: at(prefix), items: (field?.columns ?? []).filter((c) => c.id.startsWith(prefix)).map((c) => ({ label: c.id, insertText: c.id, detail: `${c.label}（${c.type}）`, kind: 'field' })) };
  }
  // form.x…
  if ((m = text.match(/(?:^|[^\w$.])form\.([\w$]*)$/))) {
    const prefix = m[1];
    return { from: at(prefix), items: ctx.fields.filter((f) => f.id.startsWith(prefix)).map((f) => ({ label: f.id, insertText: f.id, detail: `${f.label}（${f.type}）`, kind: 'field' })) };
  }
  // applicant.x…
  if ((m = text.match(/(?:^|[^\w$.])applicant\.([\w$]*)$/))) {
    const prefix = m[1];
    return { from: at(prefix), items: Object.entries(ctx.script.applicant).filter(([k]) => k.startsWith(prefix)).map(([k, d]) => ({ label: k, insertText: k, detail: d, kind: 'property' })) };
  }
  // idcard.valid…, workdays.add…
  if ((m = text.match(/(?:^|[^\w$.])([A-Za-z_$][\w$]*)\.([\w$]*)$/))) {
    const ns = m[1];
    const prefix = m[2];
    const helpers = ctx.script.helpers.filter((h) => h.name.startsWith(ns + '.') && h.name.slice(ns.length + 1).startsWith(prefix));
    return { from: at(prefix), items: helpers.map((h) => ({ label: h.name.slice(ns.length + 1), insertText: h.name.slice(ns.length + 1) + '(', detail: `${h.signature} — ${h.description}`, kind: 'function' })) };
  }
  // a bare word: globals, top-level helpers, and a few whole conditions
  m = text.match(/(?:^|[^\w$.'"])([A-Za-z_$][\w$]*)?$/);
  if (!m || /['"][^'"]*$/.test(text.replace(/(['"])(?:(?!\1).)*\1/g, ''))) return { from: text.length, items: [] };
  const prefix = m[1] ?? '';
  const items: CompletionItem[] = [];
  const described: Record<string, string> = { applicant: '申请人', ...ctx.script.data };
  for (const g of ctx.script.globals) {
    if (!g.startsWith(prefix)) continue;
    const helper = ctx.script.helpers.find((h) => h.name === g);
    if (helper) items.push({ label: g, insertText: g + '(', detail: `${helper.signature} — ${helper.description}`, kind: 'function' });
    else {
      const ns = ctx.script.helpers.filter((h) => h.name.startsWith(g + '.'));
      items.push({ label: g, insertText: g, detail: described[g] ?? (ns.length ? ns.map((h) => h.name).join('、') : ''), kind: 'variable' });
    }
  }
  if (prefix.length === 0 || 'applicant'.startsWith(prefix)) {
    items.push({ label: "applicant.type == 'person'", insertText: "applicant.type == 'person'", detail: '申请人是个人', kind: 'snippet' });
    items.push({ label: "applicant.type == 'organization'", insertText: "applicant.type == 'organization'", detail: '申请人是单位', kind: 'snippet' });
  }
  return { from: at(prefix), items };
}
