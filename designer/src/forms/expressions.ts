// Script conditions of the definitions (one ES5 expression: `form.schoolLevel != 'kindergarten'`),
// evaluated in the browser for visibility and live checks. The server evaluates them again and is
// the authority: here an expression that cannot be evaluated yet (a field still empty, a helper the
// browser does not have) counts as "unknown", never as an error of the applicant.
import { ageAt, isValidResidentId, isValidUscc, residentIdBirthDate, residentIdGender } from './checks';
import type { ApplicantValues, FormValues } from './model';

export interface ScriptScope {
  form: FormValues;
  applicant?: ApplicantValues;
  materials?: Record<string, { received?: boolean }>;
  /** yyyy-mm-dd; defaults to the browser's date. */
  today?: string;
}

const compiled = new Map<string, ((...args: unknown[]) => unknown) | null>();
// Names a definition script may not reach in the browser (the server's validator rejects them anyway).
const shadowed = ['window', 'self', 'globalThis', 'document', 'fetch', 'XMLHttpRequest', 'localStorage', 'sessionStorage', 'location', 'navigator', 'Function', 'setTimeout', 'setInterval', 'importScripts'];
const parameters = ['form', 'applicant', 'materials', 'today', 'idcard', 'uscc', 'age', 'date', 'workdays', ...shadowed];

function compile(expression: string): ((...args: unknown[]) => unknown) | null {
  if (compiled.has(expression)) return compiled.get(expression)!;
  let fn: ((...args: unknown[]) => unknown) | null;
  try {
    fn = new Function(...parameters, `"use strict"; return (${expression});`) as (...args: unknown[]) => unknown;
  } catch {
    fn = null;
  }
  compiled.set(expression, fn);
  return fn;
}

export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function toIsoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function helpers(today: string) {
  const birthOf = (s: unknown): string | null => {
    if (typeof s !== 'string') return null;
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
    return residentIdBirthDate(s);
  };
  return {
    idcard: {
      valid: (s: unknown) => typeof s === 'string' && isValidResidentId(s),
      birth: (s: unknown) => (typeof s === 'string' && isValidResidentId(s) ? residentIdBirthDate(s) : null),
      gender: (s: unknown) => (typeof s === 'string' ? residentIdGender(s) : null),
    },
    uscc: { valid: (s: unknown) => typeof s === 'string' && isValidUscc(s) },
    age: (s: unknown, at?: unknown) => {
      const birth = birthOf(s);
      if (!birth) throw new Unknown();
      return ageAt(birth, typeof at === 'string' ? at : today);
    },
    date: {
      addDays: (d: string, n: number) => { const x = new Date(d + 'T00:00:00Z'); x.setUTCDate(x.getUTCDate() + n); return toIsoDate(x); },
      format: (d: string, pattern: string) => {
        const [y, m, day] = d.split('-');
        return pattern.replace('yyyy', y).replace('MM', m).replace('dd', day).replace('M', String(Number(m))).replace('d', String(Number(day)));
      },
    },
    // Working days need the county calendar: the server knows it, the browser does not.
    workdays: { add: () => { throw new Unknown(); }, between: () => { throw new Unknown(); } },
  };
}

class Unknown extends Error {}

/** true / false, or undefined when the expression cannot be decided here. */
export function evaluate(expression: string, scope: ScriptScope): unknown {
  const fn = compile(expression);
  if (!fn) return undefined;
  const today = scope.today ?? localToday();
  const h = helpers(today);
  try {
    return fn(scope.form, scope.applicant ?? { type: 'person' }, scope.materials ?? {}, today, h.idcard, h.uscc, h.age, h.date, h.workdays,
      ...shadowed.map(() => undefined));
  } catch {
    return undefined;
  }
}

/** The form fields an expression reads (`form.x`, `form['x']`). */
export function referencedFields(expression: string): string[] {
  const names = new Set<string>();
  for (const m of expression.matchAll(/form\.([A-Za-z_$][\w$]*)|form\[['"]([^'"]+)['"]\]/g)) names.add(m[1] ?? m[2]);
  return [...names];
}

/** A visibility condition: absent = visible; undecidable = visible (the server decides). */
export function isVisible(when: string | undefined, scope: ScriptScope): boolean {
  if (!when) return true;
  const result = evaluate(when, scope);
  return result === undefined ? true : Boolean(result);
}
