// A condition in words for a department editor: `form.byAgent == true && applicant.type == 'person'`
// reads 「由代理人办理」为“是”，且申请人类型为“个人”. Built from the expression's tree (the same parser
// the browser evaluates conditions with), never from the text, so what is described is what runs.
// Anything outside the usual shapes is still described piece by piece; only an expression that does
// not parse has no words (null), and the editor then shows its code.

import { parse, type Node } from '../../forms/interpreter';
import type { CompletionContext } from './completion';

const applicantWords: Record<string, string> = {
  type: '申请人类型', name: '申请人姓名或名称', idNumber: '申请人身份证号码', uscc: '统一社会信用代码', phone: '联系电话',
  address: '地址', legalRepresentative: '法定代表人',
};
const applicantTypes: Record<string, string> = { person: '个人', organization: '单位' };
const genders: Record<string, string> = { male: '男', female: '女' };

const comparisons: Record<string, { is: string; not: string }> = {
  '==': { is: '为', not: '不为' }, '===': { is: '为', not: '不为' }, '!=': { is: '不为', not: '为' }, '!==': { is: '不为', not: '为' },
  '<': { is: '小于', not: '不小于' }, '<=': { is: '不大于', not: '大于' }, '>': { is: '大于', not: '不大于' }, '>=': { is: '不小于', not: '小于' },
};
const arithmetic: Record<string, string> = { '+': '加', '-': '减', '*': '乘', '/': '除以', '%': '除以…的余数' };

/** The condition in Chinese, or null when it does not parse (the editor then shows the code). */
export function describeCondition(expression: string, context: CompletionContext): string | null {
  const text = expression.trim();
  if (!text) return null;
  let tree: Node;
  try { tree = parse(text); } catch { return null; }
  return new Describer(context).condition(tree, false);
}

class Describer {
  constructor(private readonly context: CompletionContext) {}

  /** A yes/no condition; `negated` flips it (from a surrounding !). */
  condition(node: Node, negated: boolean): string {
    if (node.kind === 'unary' && node.operator === '!') return this.condition(node.operand, !negated);
    if (node.kind === 'binary' && (node.operator === '&&' || node.operator === '||')) {
      // De Morgan, so a negated "and" reads as an "or" of negated parts instead of 并非（…）.
      const and = (node.operator === '&&') !== negated;
      const part = (n: Node) => {
        const words = this.condition(n, negated);
        const mixed = n.kind === 'binary' && (n.operator === '&&' || n.operator === '||') && n.operator !== node.operator;
        return mixed ? `（${words}）` : words;
      };
      return `${part(node.left)}${and ? '，且' : '，或'}${part(node.right)}`;
    }
    if (node.kind === 'binary' && comparisons[node.operator]) return this.comparison(node.operator, node.left, node.right, negated);
    if (node.kind === 'literal' && typeof node.value === 'boolean') return node.value !== negated ? '始终成立' : '始终不成立';
    if (node.kind === 'call') {
      const words = this.call(node);
      if (words.predicate) return negated ? `${words.subject}${words.predicate.not}` : `${words.subject}${words.predicate.is}`;
    }
    const subject = this.value(node);
    const received = this.materialReceived(node);
    if (received) return negated ? `未收取${received}` : `已收取${received}`;
    return negated ? `${subject}为“否”或未填写` : `${subject}为“是”`;
  }

  private comparison(operator: string, left: Node, right: Node, negated: boolean): string {
    const words = comparisons[operator];
    const verb = negated ? words.not : words.is;
    // A literal on the left (`'school' == form.x`) reads the same as on the right.
    if (left.kind === 'literal' && right.kind !== 'literal' && (operator.startsWith('=') || operator.startsWith('!'))) [left, right] = [right, left];
    const received = this.materialReceived(left);
    if (received && right.kind === 'literal' && typeof right.value === 'boolean') {
      const yes = (right.value === true) === (verb === '为');
      return yes ? `已收取${received}` : `未收取${received}`;
    }
    return `${this.value(left)}${verb}${this.value(right, left)}`;
  }

  /** `materials['x'].received` → “材料名称”. */
  private materialReceived(node: Node): string | null {
    if (node.kind !== 'member' || this.key(node.property) !== 'received') return null;
    const m = node.object;
    if (m.kind !== 'member' || m.object.kind !== 'name' || m.object.name !== 'materials') return null;
    const id = this.key(m.property);
    return id ? `“${this.context.materials?.find((x) => x.id === id)?.name ?? id}”` : null;
  }

  private key(node: Node): string | null {
    if (node.kind === 'literal' && typeof node.value === 'string') return node.value;
    if (node.kind === 'name') return node.name;
    return null;
  }

  /** A value; `compared` is the other side of a comparison, so an option value shows its label. */
  value(node: Node, compared?: Node): string {
    switch (node.kind) {
      case 'literal': return this.literal(node.value, compared);
      case 'name':
        if (node.name === 'today') return '今天';
        if (node.name === 'applicant') return '申请人';
        return node.name;
      case 'member': return this.member(node);
      case 'call': return this.call(node).subject;
      case 'unary':
        if (node.operator === '!') return `并非（${this.condition(node.operand, false)}）`;
        return `${node.operator === '-' ? '负' : ''}${this.value(node.operand)}`;
      case 'binary':
        if (arithmetic[node.operator]) return `${this.value(node.left)}${arithmetic[node.operator]}${this.value(node.right)}`;
        return `（${this.condition(node, false)}）`;
      case 'conditional': return `（${this.condition(node.test, false)}时为${this.value(node.then)}，否则为${this.value(node.otherwise)}）`;
      case 'array': return node.items.map((i) => this.value(i)).join('、');
    }
  }

  private literal(value: unknown, compared?: Node): string {
    if (value === true) return '“是”';
    if (value === false) return '“否”';
    if (value === null || value === undefined) return '空';
    if (typeof value === 'number') return String(value);
    const text = String(value);
    if (compared?.kind === 'member') {
      const owner = compared.object.kind === 'name' ? compared.object.name : null;
      const field = this.key(compared.property);
      if (owner === 'applicant' && field === 'type') return `“${applicantTypes[text] ?? text}”`;
      if (owner === 'form' && field) {
        const option = this.context.fields.find((f) => f.id === field)?.options?.find((o) => o.value === text);
        if (option) return `“${option.label}”`;
      }
    }
    if (compared?.kind === 'call' && this.calleeName(compared.callee) === 'idcard.gender') return `“${genders[text] ?? text}”`;
    return text === '' ? '空' : `“${text}”`;
  }

  private member(node: Extract<Node, { kind: 'member' }>): string {
    const property = this.key(node.property);
    if (node.object.kind === 'name' && property) {
      if (node.object.name === 'form') {
        const field = this.context.fields.find((f) => f.id === property);
        return `「${field?.label ?? property}」`;
      }
      if (node.object.name === 'applicant') return applicantWords[property] ?? `申请人的 ${property}`;
    }
    if (property === 'length') return `${this.value(node.object)}的个数`;
    // A table row's column: form.people[0].age → 「人员」第 1 行的「年龄」.
    const row = node.object;
    if (row.kind === 'member' && row.computed && row.property.kind === 'literal' && typeof row.property.value === 'number' && row.object.kind === 'member') {
      const tableId = this.key(row.object.property);
      const column = this.context.fields.find((f) => f.id === tableId)?.columns?.find((c) => c.id === property);
      return `${this.value(row.object)}第 ${row.property.value + 1} 行的「${column?.label ?? property}」`;
    }
    if (node.computed && node.property.kind === 'literal' && typeof node.property.value === 'number') return `${this.value(node.object)}第 ${node.property.value + 1} 项`;
    return `${this.value(node.object)}的 ${property ?? this.value(node.property)}`;
  }

  private calleeName(callee: Node): string | null {
    if (callee.kind === 'name') return callee.name;
    if (callee.kind === 'member' && callee.object.kind === 'name') {
      const p = this.key(callee.property);
      return p ? `${callee.object.name}.${p}` : null;
    }
    return null;
  }

  /** A helper call: its value as words, and when it answers yes/no, the predicate. */
  private call(node: Extract<Node, { kind: 'call' }>): { subject: string; predicate?: { is: string; not: string } } {
    const name = this.calleeName(node.callee);
    const arg = (i: number) => (node.args[i] ? this.value(node.args[i]) : '');
    switch (name) {
      case 'age': return { subject: node.args[1] ? `${arg(0)}在${arg(1)}的周岁年龄` : `按${arg(0)}计算的周岁年龄` };
      case 'idcard.valid': return { subject: arg(0), predicate: { is: '是有效的身份证号码', not: '不是有效的身份证号码' } };
      case 'uscc.valid': return { subject: arg(0), predicate: { is: '是有效的统一社会信用代码', not: '不是有效的统一社会信用代码' } };
      case 'idcard.birth': return { subject: `${arg(0)}中的出生日期` };
      case 'idcard.gender': return { subject: `${arg(0)}中的性别` };
      case 'workdays.add': return { subject: `${arg(0)}加 ${arg(1)} 个工作日` };
      case 'workdays.between': return { subject: `${arg(0)}至${arg(1)}的工作日数` };
      case 'date.addDays': return { subject: `${arg(0)}加 ${arg(1)} 天` };
      case 'date.format': return { subject: `${arg(0)}（格式 ${arg(1)}）` };
    }
    // String and array methods the language allows.
    if (node.callee.kind === 'member') {
      const method = this.key(node.callee.property);
      const target = this.value(node.callee.object);
      if (method === 'indexOf') return { subject: `${arg(0)}在${target}中的位置` };
      if (method === 'includes') return { subject: target, predicate: { is: `包含${arg(0)}`, not: `不包含${arg(0)}` } };
      if (method === 'startsWith') return { subject: target, predicate: { is: `以${arg(0)}开头`, not: `不以${arg(0)}开头` } };
      if (method === 'endsWith') return { subject: target, predicate: { is: `以${arg(0)}结尾`, not: `不以${arg(0)}结尾` } };
      if (method === 'trim') return { subject: `${target}（去掉首尾空格）` };
    }
    return { subject: `${name ?? this.value(node.callee)}（${node.args.map((a) => this.value(a)).join('，')}）` };
  }
}
