import { describe, expect, it } from 'vitest';
import { templateTitle } from './TemplatesPage';

describe('templateTitle', () => {
  it('names notices and the item certificate instead of their ids', () => {
    const names: Record<string, string> = { 'teacher-qualification': '教师资格认定' };
    const itemName = (id: string) => names[id] ?? id;
    expect(templateTitle('notices/acceptance', itemName)).toBe('受理通知书');
    expect(templateTitle('certificates/teacher-qualification', itemName)).toBe('教师资格认定 · 证照');
    expect(templateTitle('notices/unknown-notice', itemName)).toBe('notices/unknown-notice');
  });
});
