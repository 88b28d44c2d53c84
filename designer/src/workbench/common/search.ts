import { pinyin } from 'pinyin-pro';

/** Pinyin initials (教师资格认定 → jszgrd) and full pinyin without tones, for the item search. */
export function pinyinKeys(text: string): { initials: string; full: string } {
  const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
  const full = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
  return { initials, full };
}

export interface Searchable { haystack: string; initials: string; full: string }

export function searchable(...parts: (string | null | undefined)[]): Searchable {
  const text = parts.filter(Boolean).join(' ');
  const name = parts[0] ?? '';
  const { initials, full } = pinyinKeys(name);
  return { haystack: text.toLowerCase(), initials, full };
}

/** Name, code, keyword (any part), pinyin initials or full pinyin. */
export function matches(s: Searchable, query: string): boolean {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return true;
  return s.haystack.replace(/\s+/g, '').includes(q) || s.initials.includes(q) || s.full.includes(q);
}
