import { useEffect, useState } from 'react';
import { workbenchApi } from '../api';
import type { ItemSummary } from '../types';

let cache: Promise<ItemSummary[]> | null = null;

/** The item catalogue (names and departments), fetched once per page load. */
export function useItems(): ItemSummary[] {
  const [items, setItems] = useState<ItemSummary[]>([]);
  useEffect(() => {
    cache ??= workbenchApi.items().then((r) => r.items).catch(() => { cache = null; return []; });
    let live = true;
    void cache.then((i) => { if (live) setItems(i); });
    return () => { live = false; };
  }, []);
  return items;
}

export function itemName(items: ItemSummary[], id: string): string {
  return items.find((i) => i.id === id)?.name ?? id;
}

/** Departments (id → name) from the catalogue. */
export function departmentsOf(items: ItemSummary[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const i of items) seen.set(i.department, i['department-name']);
  return [...seen.entries()].map(([id, name]) => ({ id, name }));
}
