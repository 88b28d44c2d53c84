// Script conditions of the definitions (one ES5 expression: `form.schoolLevel != 'kindergarten'`),
// evaluated in the browser for visibility and live checks by a small interpreter (interpreter.ts):
// definition code never runs as JavaScript in the page. The server evaluates them again and is
// the authority: here an expression that cannot be evaluated yet (a field still empty, a helper the
// browser does not have) counts as "unknown", never as an error of the applicant.
import { ageAt, isValidResidentId, isValidUscc, residentIdBirthDate, residentIdGender } from './checks';
import { callable, parse, run, type Node } from './interpreter';
import type { ApplicantValues, FormValues } from './model';

export interface ScriptScope {
  form: FormValues;
  applicant?: ApplicantValues;
  materials?: Record<string, { received?: boolean }>;
  /** yyyy-mm-dd; defaults to the browser's date. */
  today?: string;
}

const parsed = new Map<string, Node | null>();

/** The expression's tree, parsed once; null when it is not in the language. */
function compile(expression: string): Node | null {
  if (parsed.has(expression)) return parsed.get(expression)!;
  let node: Node | null;
  try {
    node = parse(expression);
  } catch {
    node = null;
  }
  parsed.set(expression, node);
  return node;
}

/** Today in Beijing time (yyyy-mm-dd), whatever the clerk's PC is set to: the server counts days in China time. */
export function localToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
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
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return {
    idcard: {
      valid: callable((s) => typeof s === 'string' && isValidResidentId(s)),
      birth: callable((s) => (typeof s === 'string' && isValidResidentId(s) ? residentIdBirthDate(s) : null)),
      gender: callable((s) => (typeof s === 'string' ? residentIdGender(s) : null)),
    },
    uscc: { valid: callable((s) => typeof s === 'string' && isValidUscc(s)) },
    age: callable((s, at) => {
      const birth = birthOf(s);
      if (!birth) throw new Unknown();
      return ageAt(birth, typeof at === 'string' ? at : today);
    }),
    date: {
      addDays: callable((d, n) => { const x = new Date(String(d) + 'T00:00:00Z'); x.setUTCDate(x.getUTCDate() + Number(n)); return toIsoDate(x); }),
      // The server's patterns (Workflows.Scripting DatePattern): runs of y, M and d, padded to the run's
      // length (yy is the year's last two digits); every other character as is.
      format: callable((d, pattern) => {
        const [y, m, day] = String(d).split('-').map(Number);
        return String(pattern).replace(/y+|M+|d+/g, (t) =>
          t[0] === 'y' ? (t.length === 2 ? pad(y % 100, 2) : pad(y, t.length)) : pad(t[0] === 'M' ? m : day, t.length));
      }),
    },
    // Working days need the county calendar: the server knows it, the browser does not.
    workdays: { add: callable(() => { throw new Unknown(); }), between: callable(() => { throw new Unknown(); }) },
  };
}

class Unknown extends Error {}

/** true / false, or undefined when the expression cannot be decided here. */
export function evaluate(expression: string, scope: ScriptScope): unknown {
  const node = compile(expression);
  if (!node) return undefined;
  const today = scope.today ?? localToday();
  const h = helpers(today);
  try {
    return run(node, {
      form: scope.form, applicant: scope.applicant ?? { type: 'person' }, materials: scope.materials ?? {}, today,
      idcard: h.idcard, uscc: h.uscc, age: h.age, date: h.date, workdays: h.workdays,
    });
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
