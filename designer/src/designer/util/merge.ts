// Three-way merge of two edits of one definition file (the conflict view's "合并双方修改"): what
// only I changed is applied on top of what the other person saved; lists of entries with an
// `id` (materials, fields, steps) merge entry by entry. Where both changed the same value,
// mine wins and the key is reported, so the user can look at it before saving.

type Json = unknown;

export interface MergeResult<T> {
  merged: T;
  /** Paths both sides changed differently (mine kept). */
  clashes: string[];
}

const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const withIds = (v: Json): v is { id: string }[] => Array.isArray(v) && v.every((e) => isObject(e) && typeof e.id === 'string');

export function mergeModels<T>(base: T, mine: T, theirs: T): MergeResult<T> {
  const clashes: string[] = [];
  const merged = merge(base, mine, theirs, '', clashes) as T;
  return { merged, clashes };
}

function merge(base: Json, mine: Json, theirs: Json, path: string, clashes: string[]): Json {
  if (same(mine, base)) return theirs;
  if (same(theirs, base) || same(mine, theirs)) return mine;
  if (isObject(base) && isObject(mine) && isObject(theirs)) {
    const out: Record<string, Json> = {};
    const keys = [...new Set([...Object.keys(theirs), ...Object.keys(mine)])];
    for (const key of keys) {
      const value = merge(base[key], mine[key], theirs[key], path ? `${path}.${key}` : key, clashes);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  if (withIds(base) && withIds(mine) && withIds(theirs)) {
    const byId = (list: { id: string }[]) => new Map(list.map((e) => [e.id, e]));
    const b = byId(base);
    const m = byId(mine);
    const t = byId(theirs);
    const out: Json[] = [];
    for (const entry of theirs) {
      if (!m.has(entry.id) && b.has(entry.id)) {
        // I removed it; keep it only if they changed it meanwhile.
        if (!same(b.get(entry.id), entry)) { clashes.push(`${path}[${entry.id}]`); out.push(entry); }
        continue;
      }
      out.push(m.has(entry.id) ? merge(b.get(entry.id), m.get(entry.id), entry, `${path}[${entry.id}]`, clashes) : entry);
    }
    // My new entries, after the entry they followed in my list.
    mine.forEach((entry, i) => {
      if (b.has(entry.id) || t.has(entry.id)) return;
      const before = i > 0 ? mine[i - 1].id : null;
      const at = before === null ? 0 : out.findIndex((e) => (e as { id: string }).id === before) + 1;
      out.splice(at > 0 || before === null ? at : out.length, 0, entry);
    });
    return out;
  }
  clashes.push(path || '(整个文件)');
  return mine;
}
