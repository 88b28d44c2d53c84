// A small interpreter of the definitions' expression language (one ES5 expression: comparisons,
// arithmetic, && || !, ?:, member access, the domain helpers and a few string and array methods).
// Definition code never runs as JavaScript in the page: it is parsed here into a tree and walked,
// and only plain data and the listed functions can be reached. The server (Jint) is the authority;
// tests/conformance holds fixtures that both sides must answer alike.

export type Node =
  | { kind: 'literal'; value: unknown }
  | { kind: 'name'; name: string }
  | { kind: 'member'; object: Node; property: Node; computed: boolean }
  | { kind: 'call'; callee: Node; args: Node[] }
  | { kind: 'unary'; operator: string; operand: Node }
  | { kind: 'binary'; operator: string; left: Node; right: Node }
  | { kind: 'conditional'; test: Node; then: Node; otherwise: Node }
  | { kind: 'array'; items: Node[] };

/** The expression is not in the language (or not valid): the browser cannot decide it. */
export class SyntaxProblem extends Error {}

/** Evaluation reached something the browser cannot know or may not touch. */
export class Undecidable extends Error {}

type Token = { type: 'number' | 'string' | 'name' | 'punct'; value: string; at: number };

// ++ and -- are tokens of their own so that `++form.n` is refused (the server would increment), not read as +(+form.n).
const punctuators = ['===', '!==', '==', '!=', '<=', '>=', '&&', '||', '++', '--', '<', '>', '+', '-', '*', '/', '%', '!', '?', ':', '.', ',', '(', ')', '[', ']'];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) { i++; continue; }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(i))!;
      tokens.push({ type: 'number', value: m[0], at: i }); i += m[0].length; continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1, text = '';
      while (j < source.length && source[j] !== c) {
        if (source[j] === '\\') {
          const e = source[j + 1];
          text += e === 'n' ? '\n' : e === 't' ? '\t' : e ?? '';
          j += 2;
        } else text += source[j++];
      }
      if (j >= source.length) throw new SyntaxProblem('unterminated string');
      tokens.push({ type: 'string', value: text, at: i }); i = j + 1; continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][\w$]*/.exec(source.slice(i))!;
      tokens.push({ type: 'name', value: m[0], at: i }); i += m[0].length; continue;
    }
    const p = punctuators.find((x) => source.startsWith(x, i));
    if (!p) throw new SyntaxProblem(`unexpected '${c}'`);
    tokens.push({ type: 'punct', value: p, at: i }); i += p.length;
  }
  return tokens;
}

const binaryPrecedence: Record<string, number> = {
  '||': 1, '&&': 2, '==': 3, '!=': 3, '===': 3, '!==': 3, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6,
};

/** Parses one expression; throws SyntaxProblem for anything outside the language. */
export function parse(source: string): Node {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const isPunct = (v: string) => peek()?.type === 'punct' && peek().value === v;
  const expect = (v: string) => { if (!isPunct(v)) throw new SyntaxProblem(`expected '${v}'`); pos++; };

  function primary(): Node {
    const t = tokens[pos++];
    if (!t) throw new SyntaxProblem('unexpected end');
    if (t.type === 'number') return { kind: 'literal', value: Number(t.value) };
    if (t.type === 'string') return { kind: 'literal', value: t.value };
    if (t.type === 'name') {
      if (t.value === 'true' || t.value === 'false') return { kind: 'literal', value: t.value === 'true' };
      if (t.value === 'null') return { kind: 'literal', value: null };
      if (t.value === 'undefined') return { kind: 'literal', value: undefined };
      if (['function', 'new', 'this', 'var', 'let', 'const', 'delete', 'void', 'in', 'instanceof', 'class', 'import', 'yield', 'await'].includes(t.value))
        throw new SyntaxProblem(`'${t.value}' is not part of the expression language`);
      return { kind: 'name', name: t.value };
    }
    if (t.value === '(') { const e = expression(); expect(')'); return e; }
    if (t.value === '[') {
      const items: Node[] = [];
      while (!isPunct(']')) { items.push(expression()); if (!isPunct(']')) expect(','); }
      pos++;
      return { kind: 'array', items };
    }
    throw new SyntaxProblem(`unexpected '${t.value}'`);
  }

  function postfix(): Node {
    let node = primary();
    for (;;) {
      if (isPunct('.')) {
        pos++;
        const t = tokens[pos++];
        if (t?.type !== 'name') throw new SyntaxProblem('expected a property name');
        node = { kind: 'member', object: node, property: { kind: 'literal', value: t.value }, computed: false };
      } else if (isPunct('[')) {
        pos++;
        const property = expression();
        expect(']');
        node = { kind: 'member', object: node, property, computed: true };
      } else if (isPunct('(')) {
        pos++;
        const args: Node[] = [];
        while (!isPunct(')')) { args.push(expression()); if (!isPunct(')')) expect(','); }
        pos++;
        node = { kind: 'call', callee: node, args };
      } else return node;
    }
  }

  function unary(): Node {
    const t = peek();
    if (t && ((t.type === 'punct' && ['!', '-', '+'].includes(t.value)) || (t.type === 'name' && t.value === 'typeof'))) {
      pos++;
      return { kind: 'unary', operator: t.value, operand: unary() };
    }
    return postfix();
  }

  function binary(minPrecedence: number): Node {
    let left = unary();
    for (;;) {
      const t = peek();
      const precedence = t?.type === 'punct' ? binaryPrecedence[t.value] : undefined;
      if (precedence === undefined || precedence < minPrecedence) return left;
      pos++;
      left = { kind: 'binary', operator: t.value, left, right: binary(precedence + 1) };
    }
  }

  function expression(): Node {
    const test = binary(1);
    if (!isPunct('?')) return test;
    pos++;
    const then = expression();
    expect(':');
    return { kind: 'conditional', test, then, otherwise: expression() };
  }

  const node = expression();
  if (pos < tokens.length) throw new SyntaxProblem(`unexpected '${tokens[pos].value}'`);
  return node;
}

/** A function the language may call: a helper of the scope or an allowed method bound to its value. */
export type Callable = { call: (...args: unknown[]) => unknown };

const stringMethods = ['slice', 'substring', 'substr', 'indexOf', 'lastIndexOf', 'charAt', 'toUpperCase', 'toLowerCase', 'trim', 'split', 'concat'] as const;
const arrayMethods = ['slice', 'indexOf', 'lastIndexOf', 'join', 'concat'] as const;
const forbidden = new Set(['constructor', 'prototype', '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

function isPlain(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function member(object: unknown, key: unknown): unknown {
  if (object === null || object === undefined || callables.has(object as object)) throw new Undecidable();
  const name = typeof key === 'number' ? String(key) : key;
  if (typeof name !== 'string' || forbidden.has(name)) throw new Undecidable();
  if (typeof object === 'string') {
    if (name === 'length') return object.length;
    if (/^\d+$/.test(name)) return object[Number(name)];
    if ((stringMethods as readonly string[]).includes(name)) {
      const method = (String.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
      return callable((...args: unknown[]) => method.apply(object, args));
    }
    return undefined;
  }
  if (Array.isArray(object)) {
    if (name === 'length') return object.length;
    if (/^\d+$/.test(name)) return object[Number(name)];
    if ((arrayMethods as readonly string[]).includes(name)) {
      const method = (Array.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
      return callable((...args: unknown[]) => method.apply(object, args));
    }
    return undefined;
  }
  if (isPlain(object)) return Object.prototype.hasOwnProperty.call(object, name) ? object[name] : undefined;
  throw new Undecidable();
}

/** Walks the tree over plain data; names not in the scope are undecidable (typeof gives 'undefined'). */
export function run(node: Node, scope: Record<string, unknown>): unknown {
  switch (node.kind) {
    case 'literal': return node.value;
    case 'name':
      if (!Object.prototype.hasOwnProperty.call(scope, node.name)) throw new Undecidable();
      return scope[node.name];
    case 'array': return node.items.map((item) => run(item, scope));
    case 'member': return member(run(node.object, scope), run(node.property, scope));
    case 'call': {
      const callee = run(node.callee, scope);
      if (!isCallable(callee)) throw new Undecidable();
      const args = node.args.map((a) => run(a, scope));
      if (args.some((a) => typeof a === 'function')) throw new Undecidable();
      return (callee as Callable).call(...args);
    }
    case 'unary': {
      if (node.operator === 'typeof') {
        try { const v = run(node.operand, scope); return isCallable(v) ? 'function' : typeof v; } catch (e) {
          if (e instanceof Undecidable && node.operand.kind === 'name') return 'undefined';
          throw e;
        }
      }
      const v = run(node.operand, scope) as number;
      return node.operator === '!' ? !v : node.operator === '-' ? -v : +v;
    }
    case 'conditional': return run(node.test, scope) ? run(node.then, scope) : run(node.otherwise, scope);
    case 'binary': {
      if (node.operator === '&&') { const l = run(node.left, scope); return l ? run(node.right, scope) : l; }
      if (node.operator === '||') { const l = run(node.left, scope); return l ? l : run(node.right, scope); }
      // Operands are plain data: converting them runs only built-in code, never the definition's.
      const l = run(node.left, scope) as number, r = run(node.right, scope) as number;
      switch (node.operator) {
        case '==': return l == r; // eslint-disable-line eqeqeq
        case '!=': return l != r; // eslint-disable-line eqeqeq
        case '===': return l === r;
        case '!==': return l !== r;
        case '<': return l < r;
        case '<=': return l <= r;
        case '>': return l > r;
        case '>=': return l >= r;
        case '+': return l + r;
        case '-': return l - r;
        case '*': return l * r;
        case '/': return l / r;
        case '%': return l % r;
      }
      throw new Undecidable();
    }
  }
}

const callables = new WeakSet<object>();

/** Marks an object of the scope as a function the language may call (helpers). */
export function callable(fn: (...args: unknown[]) => unknown): Callable {
  const c = { call: fn };
  callables.add(c);
  return c;
}

function isCallable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && callables.has(value);
}
