import { describe, expect, it } from 'vitest';
import { matches, pinyinKeys, searchable } from './search';

describe('item search', () => {
  it('finds an item by its pinyin initials and full pinyin', () => {
    expect(pinyinKeys('教师资格认定').initials).toBe('jszgrd');
    const s = searchable('教师资格认定', '000117002000', '教育局', '行政许可');
    expect(matches(s, 'jszg')).toBe(true);
    expect(matches(s, 'jiaoshi')).toBe(true);
    expect(matches(s, 'JSZG')).toBe(true);
  });

  it('finds an item by name, code and keyword, and not by something else', () => {
    const s = searchable('取水许可', '000138012000', '水务局', '行政许可');
    expect(matches(s, '取水')).toBe(true);
    expect(matches(s, '138012')).toBe(true);
    expect(matches(s, '水务局')).toBe(true);
    expect(matches(s, '教师')).toBe(false);
    expect(matches(s, 'jszg')).toBe(false);
  });
});
