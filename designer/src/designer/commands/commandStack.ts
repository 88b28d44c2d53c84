// A command stack in the manner of bpmn-js: every edit is a named, typed command; the stack
// executes it, remembers the state before, and undoes and redoes whole commands. Commands are
// pure functions of the model, so the stack can keep the states themselves (models are small
// and immutable), and an undo can never drift from what the command did.

export interface Command<S> {
  /** A stable type, e.g. "step.add": what kind of edit this is (tests and telemetry read it). */
  readonly type: string;
  /** What the user sees in the undo/redo tooltips, in Chinese: "添加步骤 联合审查". */
  readonly label: string;
  /** The new state; must not change `state`. Returning `state` itself means "nothing to do". */
  apply(state: S): S;
  /**
   * Consecutive commands with the same merge key become one undo step (typing a name is one edit,
   * not one per keystroke), unless the state was saved in between.
   */
  readonly mergeKey?: string;
}

interface Entry<S> {
  command: Command<S>;
  before: S;
  after: S;
}

export type StackListener<S> = (state: S) => void;

export class CommandStack<S> {
  private done: Entry<S>[] = [];
  private undone: Entry<S>[] = [];
  private listeners = new Set<StackListener<S>>();
  private current: S;
  private savedAt: Entry<S> | null = null;

  constructor(initial: S, private readonly limit = 200) {
    this.current = initial;
  }

  get state(): S {
    return this.current;
  }

  /** Runs a command. A command that changes nothing is not recorded. Returns whether it changed the state. */
  execute(command: Command<S>): boolean {
    const before = this.current;
    const after = command.apply(before);
    if (after === before) return false;
    const top = this.done[this.done.length - 1];
    if (command.mergeKey && top && top.command.mergeKey === command.mergeKey && this.undone.length === 0 && top !== this.savedAt) {
      this.done[this.done.length - 1] = { command, before: top.before, after };
      this.set(after);
      return true;
    }
    this.done.push({ command, before, after });
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
    this.set(after);
    return true;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** The command an undo would revert (for the button's tooltip). */
  get undoCommand(): Command<S> | undefined {
    return this.done[this.done.length - 1]?.command;
  }

  get redoCommand(): Command<S> | undefined {
    return this.undone[this.undone.length - 1]?.command;
  }

  /** Labels of the executed commands, oldest first. */
  get history(): string[] {
    return this.done.map((e) => e.command.label);
  }

  undo(): boolean {
    const entry = this.done.pop();
    if (!entry) return false;
    this.undone.push(entry);
    this.set(entry.before);
    return true;
  }

  redo(): boolean {
    const entry = this.undone.pop();
    if (!entry) return false;
    this.done.push(entry);
    this.set(entry.after);
    return true;
  }

  /** Starts over from a state read from the server (loading or reloading a file): no history. */
  reset(state: S): void {
    this.done = [];
    this.undone = [];
    this.savedAt = null;
    this.set(state);
  }

  /** Marks the current state as saved; `dirty` is true while the state differs from it. */
  markSaved(): void {
    this.savedAt = this.done[this.done.length - 1] ?? null;
  }

  get dirty(): boolean {
    return (this.done[this.done.length - 1] ?? null) !== this.savedAt;
  }

  subscribe(listener: StackListener<S>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(state: S) {
    this.current = state;
    for (const l of this.listeners) l(state);
  }
}

/** A command from a label and a function: `command('material.set', '修改材料 居民身份证', s => ...)`. */
export function command<S>(type: string, label: string, apply: (state: S) => S, mergeKey?: string): Command<S> {
  return { type, label, apply, mergeKey };
}
