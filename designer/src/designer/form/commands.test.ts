import { describe, expect, it } from 'vitest';
import type { Form } from '../model/types';
import { addField, moveField, removeField, renameField, setField } from './commands';

const form = (): Form => ({
  'applicant-types': ['person'],
  fields: [
    { id: 'schoolLevel', label: '申请资格种类', type: 'select', required: true, options: [{ value: 'primary', label: '小学' }] },
    { id: 'subject', label: '任教学科', type: 'text', when: "form.schoolLevel != 'kindergarten'" },
  ],
  rules: [{ rule: "form.schoolLevel != 'x' || form.subject != '语文'", message: 'm' }],
});

describe('form commands', () => {
  it('adds fields of every type with what the type needs', () => {
    let f = addField('select').apply(form());
    expect(f.fields[2]).toMatchObject({ id: 'field3', type: 'select', options: [{ value: 'a', label: '选项一' }, { value: 'b', label: '选项二' }] });
    f = addField('table', 'schoolLevel').apply(f);
    expect(f.fields[1]).toMatchObject({ type: 'table', columns: [{ id: 'name', label: '名称', type: 'text' }] });
  });

  it('changing the type drops what only the old type meant', () => {
    const f = setField('schoolLevel', { type: 'text' }).apply(form());
    expect(f.fields[0].options).toBeUndefined();
    expect(f.fields[0].type).toBe('text');
  });

  it('renames a field and every form.x in conditions and rules', () => {
    const f = renameField('schoolLevel', 'level').apply(form());
    expect(f.fields[0].id).toBe('level');
    expect(f.fields[1].when).toBe("form.level != 'kindergarten'");
    expect(f.rules![0].rule).toBe("form.level != 'x' || form.subject != '语文'");
    const same = form();
    expect(renameField('schoolLevel', 'Bad-Id').apply(same)).toBe(same);
  });

  it('moves and removes fields', () => {
    let f = moveField(1, 0).apply(form());
    expect(f.fields.map((x) => x.id)).toEqual(['subject', 'schoolLevel']);
    f = removeField('subject').apply(f);
    expect(f.fields.map((x) => x.id)).toEqual(['schoolLevel']);
  });
});
