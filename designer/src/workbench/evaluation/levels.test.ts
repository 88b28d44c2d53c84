import { describe, expect, it } from 'vitest';
import { evaluationBody, isBad, levelLabel, levels } from './levels';

describe('好差评 levels', () => {
  it('offers the five levels in the standard order, the last two bad', () => {
    expect(levels.map((l) => l.label)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect(levels.filter((l) => isBad(l.level)).map((l) => l.label)).toEqual(['不满意', '非常不满意']);
    expect(levelLabel('basically-satisfied')).toBe('基本满意');
  });

  it('sends the comment only when something was written', () => {
    expect(evaluationBody('satisfied', '   ')).toEqual({ level: 'satisfied' });
    expect(evaluationBody('dissatisfied', ' 等候时间长 ')).toEqual({ level: 'dissatisfied', comment: '等候时间长' });
  });

});
