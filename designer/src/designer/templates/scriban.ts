// The template editor's Scriban support: a Monarch tokenizer (markup outside `{{ }}`, Scriban
// code inside) and completion of the data fields from the template's sample data. Pure (no
// Monaco import), so both are tested without an editor; monaco/setup.ts registers them.

import type { CompletionItem, Completions } from '../conditions/completion';

export const SCRIBAN_LANGUAGE = 'wf-scriban';

/** The functions of server/Workflows.Documents/Templates/TemplateFunctions.cs, documented in templates/README.md. */
export const TEMPLATE_FUNCTIONS: { name: string; signature: string; description: string }[] = [
  { name: 'formatDate', signature: "formatDate value 'chinese'", description: "日期：chinese 2026年11月16日，chinese-time，upper 二〇二六年十一月十六日，iso" },
  { name: 'amountUpper', signature: 'amountUpper n', description: '金额大写：人民币壹佰元整' },
  { name: 'workdays', signature: 'workdays n', description: 'n个工作日' },
  { name: 'materialTable', signature: 'materialTable materials', description: '材料表（序号、材料名称、原件/复印件、份数、形式…）' },
  { name: 'qr', signature: "qr value '25mm'", description: '二维码元素' },
];

const MODULES = ['string', 'array', 'math'];
const KEYWORDS = ['if', 'else', 'end', 'for', 'in', 'while', 'break', 'continue', 'capture', 'with', 'func', 'ret', 'case', 'when'];
const CONSTANTS = ['this', 'null', 'true', 'false', 'empty'];
/** Data keys that are Scriban keywords: reachable only as `this.<key>`. */
const RESERVED = new Set([...KEYWORDS, ...CONSTANTS, 'import', 'readonly', 'tablerow', 'wrap', 'do']);

/** Monarch tokens: markup tags and text outside, Scriban code inside `{{ }}`, `{{## … ##}}` and `{{# … }}` comments. */
export const scribanMonarch = {
  defaultToken: '',
  keywords: KEYWORDS,
  constants: CONSTANTS,
  functions: [...TEMPLATE_FUNCTIONS.map((f) => f.name), ...MODULES],
  tokenizer: {
    root: [
      [/\{\{-?##/, { token: 'comment', next: '@blockComment' }],
      [/\{\{-?~?#/, { token: 'comment', next: '@lineComment' }],
      [/\{\{-?~?/, { token: 'delimiter.scriban', next: '@code' }],
      [/<\/?[\w-]+/, 'tag'],
      [/\/?>/, 'tag'],
      [/[\w-]+(?==)/, 'attribute.name'],
      [/"[^"{]*"/, 'attribute.value'],
      [/[^<{>"]+/, ''],
      [/./, ''],
    ],
    blockComment: [
      [/##-?~?\}\}/, { token: 'comment', next: '@pop' }],
      [/./, 'comment'],
    ],
    lineComment: [
      [/-?~?\}\}/, { token: 'comment', next: '@pop' }],
      [/./, 'comment'],
    ],
    code: [
      [/-?~?\}\}/, { token: 'delimiter.scriban', next: '@pop' }],
      [/'([^'\\]|\\.)*'|"([^"\\]|\\.)*"/, 'string'],
      [/\d+(\.\d+)?/, 'number'],
      [/[a-zA-Z_]\w*/, { cases: { '@keywords': 'keyword', '@constants': 'keyword', '@functions': 'type', '@default': 'variable' } }],
      [/[=!<>]=?|&&|\|\||[+\-*/%|.]/, 'operator'],
      [/\s+/, ''],
      [/./, ''],
    ],
  },
};

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(v: Json): string {
  if (v === null) return '空值 null';
  if (Array.isArray(v)) return `列表（${v.length} 项）`;
  if (isObject(v)) return '对象';
  return `${typeof v === 'string' ? '"' + v + '"' : String(v)}`.slice(0, 40);
}

/** The loop variables open before the cursor: `for material in materials` binds material to the list's first item. */
function loopVariables(text: string, resolve: (path: string) => Json): Map<string, Json> {
  const vars = new Map<string, Json>();
  for (const m of text.matchAll(/\{\{-?~?\s*for\s+([a-zA-Z_]\w*)\s+in\s+([\w.]+)/g)) {
    const list = resolve(m[2]);
    vars.set(m[1], Array.isArray(list) ? list.find((x) => x !== null) ?? null : undefined);
  }
  return vars;
}

/**
 * What the template editor offers at the cursor, inside `{{ }}` only: the members of the object
 * a dotted name stands for (`applicant.` → name, idNumber…; `this.case.` → number, receivedAt…;
 * a loop variable → its list's item), else the top-level fields, functions and keywords.
 */
export function completeTemplate(textBeforeCursor: string, sample: Record<string, Json> | null): Completions {
  const text = textBeforeCursor;
  const open = text.lastIndexOf('{{');
  if (open < 0 || text.indexOf('}}', open) >= 0 || /^\{\{-?~?#/.test(text.slice(open))) return { from: text.length, items: [] };
  const data = sample ?? {};
  let vars = new Map<string, Json>();
  const resolve = (path: string): Json => {
    const parts = path.split('.');
    let v: Json = parts[0] === 'this' ? data : vars.has(parts[0]) ? vars.get(parts[0]) : data[parts[0]];
    for (const p of parts.slice(1)) v = isObject(v) ? v[p] : undefined;
    return v;
  };
  vars = loopVariables(text, resolve);

  const member = /([a-zA-Z_]\w*(?:\.[a-zA-Z_]\w*)*)\.(\w*)$/.exec(text);
  if (member) {
    const target = resolve(member[1]);
    const prefix = member[2];
    if (!isObject(target)) return { from: text.length - prefix.length, items: [] };
    const items: CompletionItem[] = Object.entries(target)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => ({ label: k, insertText: k, detail: describe(v), kind: isObject(v) ? 'property' : 'field' }));
    return { from: text.length - prefix.length, items };
  }

  const word = /([a-zA-Z_]\w*)?$/.exec(text)![1] ?? '';
  const items: CompletionItem[] = [];
  for (const [name, v] of vars) items.push({ label: name, insertText: name, detail: `循环变量：${describe(v)}`, kind: 'variable' });
  for (const [k, v] of Object.entries(data)) {
    const insert = RESERVED.has(k) ? `this.${k}` : k;
    items.push({ label: insert, insertText: insert, detail: RESERVED.has(k) ? `${describe(v)}（${k} 是关键字，写作 this.${k}）` : describe(v), kind: isObject(v) ? 'property' : 'field' });
  }
  for (const f of TEMPLATE_FUNCTIONS) items.push({ label: f.name, insertText: f.name + ' ', detail: `${f.signature}：${f.description}`, kind: 'function' });
  for (const m of MODULES) items.push({ label: m, insertText: m, detail: 'Scriban 内置函数', kind: 'function' });
  items.push({ label: 'for … in …', insertText: 'for item in list }}\n{{ end', detail: '循环（for.index 从 0 开始）', kind: 'snippet' });
  items.push({ label: 'if … end', insertText: 'if value }}\n{{ end', detail: '条件（null、""、0、空列表为假）', kind: 'snippet' });
  for (const k of KEYWORDS) items.push({ label: k, insertText: k, detail: '关键字', kind: 'value' });
  const matches = items.filter((i) => i.label.startsWith(word) || (word.length > 0 && i.label.startsWith('this.' + word)));
  return { from: text.length - word.length, items: word.length === 0 ? items : matches };
}
