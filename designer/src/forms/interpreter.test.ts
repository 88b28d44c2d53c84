import { describe, expect, it } from 'vitest';
import { evaluate } from './expressions';
import { parse, SyntaxProblem } from './interpreter';
import conformanceFile from '../../../tests/conformance/expressions.json';

interface Fixture {
  name: string; expression: string;
  data: { form?: Record<string, unknown>; applicant?: Record<string, unknown>; materials?: Record<string, { received?: boolean }>; today?: string };
  /** The value, unless the server answers with an error code; the browser then cannot decide either. */
  expected?: unknown; error?: string;
  /** Outside the browser's part of the language (bitwise operators, in, working days...): it must leave these to the server. */
  browser?: 'undecidable';
}

const conformance = conformanceFile as unknown as { fixtures: Fixture[] };

describe('the expression language in the browser: the conformance fixtures the server also runs', () => {
  for (const f of conformance.fixtures) {
    it(f.name, () => {
      const answer = evaluate(f.expression, { form: f.data.form ?? {}, applicant: f.data.applicant as never, materials: f.data.materials, today: f.data.today ?? '2026-12-01' });
      if (f.error !== undefined || f.browser === 'undecidable') expect(answer).toBeUndefined();
      else expect(answer).toEqual(f.expected);
    });
  }
});

describe('definition code never runs as JavaScript in the page', () => {
  it('does not reach a constructor, a prototype or the page, however the name is spelt', () => {
    const scope = { form: { a: 'x', o: {} } };
    for (const hostile of [
      "form.a.constructor.constructor('document.title = 1')()",
      "form['constr' + 'uctor']",
      "form.o['__proto__']",
      "form.a['constructor']['constructor']('return this')()",
      "({})['constr'+'uctor']",
      "(function () { return this })()",
      "form.a.slice.call",
      "age.call.constructor('x')",
      'window.location',
      "this.document",
      'new ' + "Function('x')",
    ]) {
      expect(evaluate(hostile, scope), hostile).toBeUndefined();
    }
  });

  it('leaves the page untouched by a hostile condition', () => {
    const before = globalThis.document?.title;
    evaluate("form.a.constructor.constructor('document.title = \"pwned\"')()", { form: { a: 'x' } });
    expect(globalThis.document?.title).toBe(before);
  });

  it('parses only the language: no assignments, functions or object literals', () => {
    for (const outside of ['a = 1', 'function () {}', '({})', 'x => x', 'a; b', 'a++', 'new Date()', 'void 0'])
      expect(() => parse(outside), outside).toThrow(SyntaxProblem);
  });

  it('answers typeof for names it does not have, as JavaScript would', () => {
    expect(evaluate('typeof window', { form: {} })).toBe('undefined');
    expect(evaluate('typeof form', { form: {} })).toBe('object');
    expect(evaluate('typeof age', { form: {} })).toBe('function');
  });
});
