import { describe, expect, it } from 'vitest';
import { mergeModels } from './merge';

const base = [
  { id: 'application', name: '申请书', necessity: 'required' },
  { id: 'id-card', name: '居民身份证', necessity: 'required' },
];

describe('mergeModels', () => {
  it('keeps both sides when they changed different materials', () => {
    const mine = [{ ...base[0], name: '申请书（我的修改）' }, base[1]];
    const theirs = [base[0], { ...base[1], necessity: 'deferrable' }];
    const { merged, clashes } = mergeModels(base, mine, theirs);
    expect(merged).toEqual([{ id: 'application', name: '申请书（我的修改）', necessity: 'required' }, { id: 'id-card', name: '居民身份证', necessity: 'deferrable' }]);
    expect(clashes).toEqual([]);
  });

  it('adds my new entries after the one they followed and theirs where they put them', () => {
    const mine = [base[0], { id: 'photo', name: '照片', necessity: 'required' }, base[1]];
    const theirs = [...base, { id: 'license', name: '营业执照', necessity: 'required' }];
    expect(mergeModels(base, mine, theirs).merged.map((m) => m.id)).toEqual(['application', 'photo', 'id-card', 'license']);
  });

  it('reports a value both changed and keeps mine', () => {
    const { merged, clashes } = mergeModels({ limit: '5wd', name: 'a' }, { limit: '3wd', name: 'a' }, { limit: '8wd', name: 'b' });
    expect(merged).toEqual({ limit: '3wd', name: 'b' });
    expect(clashes).toEqual(['limit']);
  });

  it('drops what I removed unless they changed it', () => {
    const mine = [base[0]];
    expect(mergeModels(base, mine, base).merged).toEqual([base[0]]);
    const theirs = [base[0], { ...base[1], name: '身份证' }];
    const { merged, clashes } = mergeModels(base, mine, theirs);
    expect(merged).toEqual(theirs);
    expect(clashes).toEqual(['[id-card]']);
  });
});
