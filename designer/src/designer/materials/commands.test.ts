import { describe, expect, it } from 'vitest';
import { CommandStack } from '../commands/commandStack';
import type { Material } from '../model/types';
import { addMaterial, moveMaterial, removeMaterial, renameMaterial, setMaterial } from './commands';

const list = (): Material[] => [
  { id: 'id-card', name: '居民身份证', kind: 'original', form: 'paper', copies: 1, necessity: 'required', pledge: false, source: 'applicant' },
  { id: 'diploma', name: '学历证书', kind: 'original-and-copy', form: 'both', necessity: 'required', source: 'other' },
];

describe('materials commands', () => {
  it('marks a material deferrable with a default deferral limit, and drops it again', () => {
    const stack = new CommandStack(list());
    stack.execute(setMaterial('id-card', { necessity: 'deferrable' }, '居民身份证'));
    expect(stack.state[0]).toMatchObject({ necessity: 'deferrable', 'deferral-limit': '5wd' });
    expect(stack.undoCommand?.label).toBe('修改材料 居民身份证 的必要性');
    stack.execute(setMaterial('id-card', { necessity: 'optional' }));
    expect(stack.state[0]['deferral-limit']).toBeUndefined();
  });

  it('removes a field set to empty; an unchanged value records nothing', () => {
    const withWhen = setMaterial('diploma', { when: "applicant.type == 'person'" }).apply(list());
    expect(withWhen[1].when).toBe("applicant.type == 'person'");
    expect('when' in setMaterial('diploma', { when: '' }).apply(withWhen)[1]).toBe(false);
    const same = list();
    expect(setMaterial('id-card', { name: '居民身份证' }).apply(same)).toBe(same);
  });

  it('adds with defaults and a fresh id, removes, renames and moves', () => {
    let m = addMaterial({ name: '营业执照', when: "applicant.type == 'organization'" }).apply(list());
    expect(m[2]).toMatchObject({ id: 'material-3', name: '营业执照', necessity: 'required', source: 'applicant', when: "applicant.type == 'organization'" });
    m = moveMaterial(2, 0).apply(m);
    expect(m.map((x) => x.id)).toEqual(['material-3', 'id-card', 'diploma']);
    m = renameMaterial('material-3', 'business-license').apply(m);
    expect(m[0].id).toBe('business-license');
    expect(renameMaterial('business-license', 'diploma').apply(m)).toBe(m);
    m = removeMaterial('id-card').apply(m);
    expect(m.map((x) => x.id)).toEqual(['business-license', 'diploma']);
  });
});
