import { describe, expect, it } from 'vitest';
import { yamlPathAt } from './yamlPath';

const guide = `name: 教师资格认定
basis:
  - kind: law
    title: 《教师法》
  - kind: law
    title: 《教师资格条例》
limits:
  statutory: 30wd
  promised: 40wd
acceptance-conditions:
  - 具有中华人民共和国国籍
  - 年满18周岁
fee:
  charged: false
`;

describe('yamlPathAt', () => {
  it('finds the key path of a line', () => {
    expect(yamlPathAt(guide, 1)).toEqual(['name']);
    expect(yamlPathAt(guide, 9)).toEqual(['limits', 'promised']);
    expect(yamlPathAt(guide, 14)).toEqual(['fee', 'charged']);
  });
  it('counts list entries', () => {
    expect(yamlPathAt(guide, 4)).toEqual(['basis', 0, 'title']);
    expect(yamlPathAt(guide, 6)).toEqual(['basis', 1, 'title']);
    expect(yamlPathAt(guide, 12)).toEqual(['acceptance-conditions', 1]);
  });
});
