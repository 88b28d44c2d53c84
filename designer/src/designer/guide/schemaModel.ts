// Reading and writing a guide (or any model) by key path, for the schema-driven guide form.

import { command, type Command } from '../commands/commandStack';
import type { YamlPath } from '../util/yamlPath';

export interface SchemaNode {
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: string[];
  enumDescriptions?: string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  required?: string[];
  pattern?: string;
}

export function getAt(value: unknown, path: YamlPath): unknown {
  let v = value as Record<string | number, unknown> | undefined;
  for (const key of path) {
    if (v === null || v === undefined || typeof v !== 'object') return undefined;
    v = v[key] as Record<string | number, unknown> | undefined;
  }
  return v;
}

function isEmpty(v: unknown) {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** A copy of `value` with `path` set to `next` (removed when empty, as the files leave empty keys out). */
export function setAt<T>(value: T, path: YamlPath, next: unknown): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path;
  const container = (value ?? (typeof key === 'number' ? [] : {})) as Record<string | number, unknown> | unknown[];
  const child = setAt((container as Record<string | number, unknown>)[key], rest, next);
  if (Array.isArray(container)) {
    const copy = [...container];
    copy[key as number] = child;
    return copy as T;
  }
  const copy = { ...(container as Record<string, unknown>) };
  if (isEmpty(child) && rest.length === 0) delete copy[key as string];
  else copy[key as string] = child;
  return copy as T;
}

/** A named command that sets one element of the guide; typing into one field is one undo step. */
export function setGuideValue<T>(path: YamlPath, next: unknown, title: string): Command<T> {
  return command<T>('guide.set', `修改 ${title}`, (state) => {
    if (JSON.stringify(getAt(state, path)) === JSON.stringify(next)) return state;
    return setAt(state, path, next);
  }, `guide.set:${path.join('.')}`);
}

/** An empty value for a schema node (a new list entry). */
export function emptyOf(node: SchemaNode): unknown {
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  if (type === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of node.required ?? []) {
      const child = node.properties?.[key];
      if (child) out[key] = emptyOf(child);
    }
    return out;
  }
  if (type === 'array') return [];
  if (type === 'boolean') return false;
  if (type === 'integer' || type === 'number') return 0;
  if (node.enum) return node.enum[0];
  return '';
}
