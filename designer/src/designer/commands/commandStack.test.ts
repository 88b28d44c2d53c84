import { describe, expect, it } from 'vitest';
import { CommandStack, command } from './commandStack';

const add = (n: number) => command<number>('add', `加 ${n}`, (s) => s + n);

describe('CommandStack', () => {
  it('executes, undoes and redoes named commands in order', () => {
    const stack = new CommandStack(0);
    stack.execute(add(1));
    stack.execute(add(10));
    expect(stack.state).toBe(11);
    expect(stack.history).toEqual(['加 1', '加 10']);
    expect(stack.undoCommand?.label).toBe('加 10');
    stack.undo();
    expect(stack.state).toBe(1);
    expect(stack.redoCommand?.label).toBe('加 10');
    stack.redo();
    expect(stack.state).toBe(11);
    stack.undo();
    stack.undo();
    expect(stack.state).toBe(0);
    expect(stack.canUndo).toBe(false);
    expect(stack.undo()).toBe(false);
  });

  it('drops the redo branch when a new command runs after an undo', () => {
    const stack = new CommandStack(0);
    stack.execute(add(1));
    stack.execute(add(2));
    stack.undo();
    stack.execute(add(5));
    expect(stack.state).toBe(6);
    expect(stack.canRedo).toBe(false);
  });

  it('does not record a command that changes nothing', () => {
    const stack = new CommandStack({ a: 1 });
    expect(stack.execute(command('noop', '无', (s) => s))).toBe(false);
    expect(stack.canUndo).toBe(false);
  });

  it('tracks whether the state differs from the last save, across undo and redo', () => {
    const stack = new CommandStack(0);
    expect(stack.dirty).toBe(false);
    stack.execute(add(1));
    expect(stack.dirty).toBe(true);
    stack.markSaved();
    expect(stack.dirty).toBe(false);
    stack.undo();
    expect(stack.dirty).toBe(true);
    stack.redo();
    expect(stack.dirty).toBe(false);
  });

  it('notifies subscribers and forgets history on reset', () => {
    const stack = new CommandStack(0);
    const seen: number[] = [];
    const off = stack.subscribe((s) => seen.push(s));
    stack.execute(add(2));
    stack.undo();
    stack.reset(7);
    off();
    stack.execute(add(1));
    expect(seen).toEqual([2, 0, 7]);
    expect(stack.history).toEqual(['加 1']);
  });

  it('keeps at most `limit` commands', () => {
    const stack = new CommandStack(0, 3);
    for (let i = 0; i < 5; i++) stack.execute(add(1));
    let undos = 0;
    while (stack.undo()) undos++;
    expect(undos).toBe(3);
    expect(stack.state).toBe(2);
  });

  it('merges consecutive commands with the same merge key into one undo step, but not across a save', () => {
    const type = (text: string) => command<string>('name.set', '修改名称', () => text, 'name');
    const stack = new CommandStack('');
    stack.execute(type('居'));
    stack.execute(type('居民'));
    stack.execute(type('居民身份证'));
    expect(stack.history).toEqual(['修改名称']);
    stack.markSaved();
    stack.execute(type('居民身份证（复印件）'));
    expect(stack.history).toHaveLength(2);
    stack.undo();
    expect(stack.state).toBe('居民身份证');
    stack.undo();
    expect(stack.state).toBe('');
  });
});
