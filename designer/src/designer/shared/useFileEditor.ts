// Editing one item file: the model lives on a CommandStack (named edits, undo/redo), every change
// is validated by the server's validator (debounced), a save sends If-Match, and a 409 keeps the
// draft and shows both versions (see ConflictModal).

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { conflictOf, designerApi, diagnosticsOf } from '../api/designerApi';
import { CommandStack, command, type Command } from '../commands/commandStack';
import { mergeModels } from '../util/merge';
import type { DesignerFile, Diagnostic, ItemFileName } from '../model/types';

export interface Conflict<M> {
  theirs: DesignerFile<M>;
  mine: M;
  mineText: string | null;
}

export interface FileEditor<M> {
  stack: CommandStack<M>;
  model: M;
  etag: string;
  editable: boolean;
  dirty: boolean;
  diagnostics: Diagnostic[];
  canonical: string | null;
  validating: boolean;
  saving: boolean;
  conflict: Conflict<M> | null;
  execute(command: Command<M>): void;
  save(): Promise<boolean>;
  keepMine(): Promise<boolean>;
  /** Applies my changes on top of theirs (three-way, against the version I started from) and saves; returns the values both changed. */
  mergeBoth(): Promise<string[]>;
  takeTheirs(): void;
  closeConflict(): void;
}

export function useFileEditor<M>(
  itemId: string,
  fileName: ItemFileName,
  file: DesignerFile<M>,
  normalize: (model: M) => M = (m) => m,
  onSaved?: (file: DesignerFile<M>) => void,
): FileEditor<M> {
  const stack = useMemo(() => new CommandStack<M>(normalize(file.model as M)), [file]); // eslint-disable-line react-hooks/exhaustive-deps
  const model = useSyncExternalStore((cb) => stack.subscribe(cb), () => stack.state);
  const [etag, setEtag] = useState(file.etag);
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  const [canonical, setCanonical] = useState<string | null>(file.text);
  const [validating, setValidating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Conflict<M> | null>(null);
  const [, setTick] = useState(0);
  // The version my edits started from (the file as loaded or last saved), for the three-way merge.
  const base = useRef<M>(stack.state);

  useEffect(() => {
    setEtag(file.etag);
    base.current = stack.state;
  }, [file]); // eslint-disable-line react-hooks/exhaustive-deps

  // Validate the draft with the server's validator, 300 ms after the last edit.
  const first = useRef(true);
  useEffect(() => {
    const controller = new AbortController();
    const delay = first.current ? 0 : 300;
    first.current = false;
    const timer = setTimeout(async () => {
      setValidating(true);
      try {
        const answer = await designerApi.validate(itemId, fileName, { model }, controller.signal);
        setDiagnostics(answer.diagnostics);
        setCanonical(answer.canonical ?? null);
      } catch (e) {
        if ((e as Error).name !== 'AbortError') setDiagnostics(diagnosticsOf(e) ?? []);
      } finally {
        if (!controller.signal.aborted) setValidating(false);
      }
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [model, itemId, fileName]);

  const execute = useCallback((command: Command<M>) => {
    stack.execute(command);
    setTick((t) => t + 1);
  }, [stack]);

  const put = useCallback(async (withEtag: string): Promise<boolean> => {
    setSaving(true);
    try {
      const saved = await designerApi.save<M>(itemId, fileName, { model: stack.state }, withEtag);
      setEtag(saved.etag);
      setDiagnostics(saved.diagnostics);
      setCanonical(saved.text);
      stack.markSaved();
      base.current = stack.state;
      setConflict(null);
      onSaved?.(saved);
      return true;
    } catch (e) {
      const theirs = conflictOf<M>(e);
      if (theirs) {
        // My draft as the file it would be (the debounced validation may not have caught up with the last edit).
        const mine = stack.state;
        const mineText = await designerApi.validate(itemId, fileName, { model: mine }).then((a) => a.canonical ?? canonical, () => canonical);
        setConflict({ theirs, mine, mineText });
        return false;
      }
      const found = diagnosticsOf(e);
      if (found) setDiagnostics(found);
      throw e;
    } finally {
      setSaving(false);
      setTick((t) => t + 1);
    }
  }, [stack, itemId, fileName, canonical, onSaved]);

  return {
    stack,
    model,
    etag,
    editable: file.editable,
    dirty: stack.dirty,
    diagnostics,
    canonical,
    validating,
    saving,
    conflict,
    execute,
    save: () => put(etag),
    // Overwrite their version with mine, knowingly: send their ETag.
    keepMine: () => (conflict ? put(conflict.theirs.etag) : Promise.resolve(false)),
    mergeBoth: async () => {
      if (!conflict) return [];
      const theirs = normalize(conflict.theirs.model as M);
      const { merged, clashes } = mergeModels(base.current, stack.state, theirs);
      stack.execute(command('conflict.merge', '合并对方的修改', () => merged));
      base.current = theirs;
      await put(conflict.theirs.etag);
      return clashes;
    },
    takeTheirs: () => {
      if (!conflict) return;
      stack.reset(normalize(conflict.theirs.model as M));
      setEtag(conflict.theirs.etag);
      setConflict(null);
    },
    closeConflict: () => setConflict(null),
  };
}

/** Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) on the stack, except while typing in a field or editor (they have their own undo). */
export function useUndoRedoKeys(stack: { undo(): boolean; redo(): boolean }, onChange?: () => void) {
  useEffect(() => {
    const handler = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const target = e.target;
      if (target instanceof Element && target.closest('input, textarea, [contenteditable="true"], .monaco-editor')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        stack.undo();
        onChange?.();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        stack.redo();
        onChange?.();
      }
    };
    window.addEventListener('keydown', handler);
    return () => window.removeEventListener('keydown', handler);
  }, [stack, onChange]);
}
