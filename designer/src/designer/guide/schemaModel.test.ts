import { describe, expect, it } from 'vitest';
import { CommandStack } from '../commands/commandStack';
import { emptyOf, getAt, setAt, setGuideValue } from './schemaModel';

describe('guide model by path', () => {
  const guide = { name: '教师资格认定', limits: { statutory: '30wd', promised: '15wd' }, basis: [{ kind: 'law', title: '《教师法》' }] };

  it('reads and writes nested values without changing the original', () => {
    const changed = setAt(guide, ['limits', 'promised'], '12wd');
    expect(getAt(changed, ['limits', 'promised'])).toBe('12wd');
    expect(guide.limits.promised).toBe('15wd');
    expect(getAt(setAt(guide, ['basis', 0, 'article'], '第十条'), ['basis', 0])).toEqual({ kind: 'law', title: '《教师法》', article: '第十条' });
  });

  it('removes a key set to empty', () => {
    expect('sub-item' in setAt({ ...guide, 'sub-item': 'x' }, ['sub-item'], '')).toBe(false);
  });

  it('typing into one field is one undo step', () => {
    const stack = new CommandStack<typeof guide>(guide);
    stack.execute(setGuideValue(['limits', 'promised'], '1', '承诺时限'));
    stack.execute(setGuideValue(['limits', 'promised'], '12wd', '承诺时限'));
    expect(stack.history).toEqual(['修改 承诺时限']);
    stack.undo();
    expect(stack.state).toBe(guide);
  });

  it('makes empty entries with the required keys', () => {
    expect(emptyOf({ type: 'object', required: ['kind', 'title'], properties: { kind: { type: 'string', enum: ['law', 'rule'] }, title: { type: 'string' }, text: { type: 'string' } } }))
      .toEqual({ kind: 'law', title: '' });
  });
});
