// The workflow editor's commands. Each is a named, typed, pure edit of the workflow model;
// the canvas and the side panel only ever execute these on the CommandStack.

import { command, type Command } from '../commands/commandStack';
import type { Assignee, Step, StepKind, Workflow } from '../model/types';
import { END, type ExitRef, targetOf } from './graph';

export type WorkflowCommand = Command<Workflow>;

const ID = /^[a-z][a-z0-9-]*$/;

export function isStepId(id: string): boolean {
  return ID.test(id) && id !== END && id.length <= 64;
}

/** A fresh step id like `review-2` that the workflow does not use yet. */
export function uniqueId(workflow: Workflow, base: string): string {
  const taken = new Set(workflow.steps.map((s) => s.id));
  if (!taken.has(base) && base !== END) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

const KIND_NAMES: Record<StepKind, string> = {
  intake: '受理', task: '办理', countersign: '会签', parallel: '并行', join: '汇聚', branch: '条件分支',
  document: '制证', notify: '通知', timer: '定时', subcase: '子办件', plugin: '插件',
};

export function kindName(kind: StepKind): string {
  return KIND_NAMES[kind] ?? kind;
}

/** Removes keys whose value is undefined, empty string, empty list or empty object (the files leave them out). */
export function clean<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out as T;
}

function mapStep(workflow: Workflow, id: string, change: (s: Step) => Step): Workflow {
  let changed = false;
  const steps = workflow.steps.map((s) => {
    if (s.id !== id) return s;
    const next = change(s);
    if (next !== s) changed = true;
    return next;
  });
  return changed ? { ...workflow, steps } : workflow;
}

/** Every reference to step `from` in `step` turned into `to` (undefined: removed). */
function retarget(step: Step, from: string, to: string | undefined): Step {
  let s = step;
  if (s.next === from) s = { ...s, next: to };
  if (s.otherwise === from) s = { ...s, otherwise: to };
  if (s.outcomes && Object.values(s.outcomes).includes(from)) {
    const outcomes: Record<string, string> = {};
    for (const [k, v] of Object.entries(s.outcomes)) {
      if (v !== from) outcomes[k] = v;
      else if (to !== undefined) outcomes[k] = to;
    }
    s = { ...s, outcomes };
  }
  if (s.branches?.includes(from)) s = { ...s, branches: s.branches.flatMap((b) => (b === from ? (to === undefined ? [] : [to]) : [b])) };
  if (s.cases?.some((c) => c.next === from))
    s = { ...s, cases: s.cases.flatMap((c) => (c.next === from ? (to === undefined ? [] : [{ ...c, next: to }]) : [c])) };
  return s === step ? step : clean(s);
}

export interface NewStepOptions {
  /** Insert after this step: the new step takes over its `next` and the step now leads to it. */
  after?: string;
  id?: string;
  name?: string;
  /** Defaults for the assignee (e.g. the item's department). */
  department?: string;
  window?: string;
  template?: string;
}

/** A new step of `kind` with what the validator needs (assignee, mode, after...) filled in sensibly. */
export function newStep(workflow: Workflow, kind: StepKind, options: NewStepOptions = {}): Step {
  const id = options.id ?? uniqueId(workflow, kind === 'task' ? 'review' : kind);
  const step: Step = { id, kind, name: options.name ?? kindName(kind) };
  switch (kind) {
    case 'intake': step.by = { window: options.window ?? 'comprehensive-1' }; break;
    case 'task': step.by = options.department ? { department: options.department, role: 'reviewer' } : { window: 'issuance' }; break;
    case 'countersign':
      step.mode = 'all';
      step.signers = [{ department: options.department ?? '', role: 'reviewer' }, { department: options.department ?? '', role: 'head' }];
      break;
    case 'document': case 'notify': step.template = options.template ?? (kind === 'notify' ? 'notices/completion' : undefined); break;
    case 'timer': step.after = '5wd'; break;
    case 'subcase': step.item = ''; break;
    case 'plugin': step.activity = ''; break;
  }
  return clean(step);
}

/** Adds a step of `kind`; after `options.after` it is spliced into that step's `next`. */
export function addStep(kind: StepKind, options: NewStepOptions = {}): WorkflowCommand {
  return command('step.add', `添加${kindName(kind)}步骤${options.name ? ' ' + options.name : ''}`, (workflow) => {
    const step = newStep(workflow, kind, options);
    const previous = options.after ? workflow.steps.find((s) => s.id === options.after) : undefined;
    const exitless = (s: Step) => !s.next && !s.outcomes && !s.branches && !s.cases && !s.otherwise;
    // Splice into the previous step's plain `next` (or give it one); steps with outcomes are connected by hand.
    const splice = previous !== undefined && (previous.next !== undefined || exitless(previous));
    const hasNext = kind !== 'parallel' && kind !== 'branch';
    if (hasNext) step.next = (splice ? previous!.next : undefined) ?? END;
    const steps = [...workflow.steps];
    const at = previous ? steps.indexOf(previous) : steps.length - 1;
    steps.splice(at + 1, 0, clean(step));
    const result: Workflow = { ...workflow, steps };
    return splice ? mapStep(result, previous!.id, (s) => ({ ...s, next: step.id })) : result;
  });
}

export interface JointReviewOptions {
  after: string;
  departments: string[];
  name?: string;
  role?: string;
  limit?: string;
  /** A name per department's review task, e.g. { water: '水务局审查' }. */
  names?: Record<string, string>;
}

/**
 * 联合审查: a parallel step with one review task per department and a join that continues where
 * `after` went before. One command, so one undo takes it all back.
 */
export function addJointReview(options: JointReviewOptions): WorkflowCommand {
  return command('step.add-joint-review', `添加联合审查${options.name ? ' ' + options.name : ''}`, (workflow) => {
    const previous = workflow.steps.find((s) => s.id === options.after);
    if (!previous || options.departments.length < 2) return workflow;
    const parallelId = uniqueId(workflow, 'joint-review');
    const joinId = uniqueId({ steps: [...workflow.steps, { id: parallelId, kind: 'parallel' }] }, `${parallelId}-done`);
    let scratch: Workflow = { steps: [...workflow.steps, { id: parallelId, kind: 'parallel' }, { id: joinId, kind: 'join' }] };
    const tasks: Step[] = options.departments.map((department) => {
      const id = uniqueId(scratch, `${parallelId}-${department}`);
      const task = clean<Step>({ id, kind: 'task', name: options.names?.[department] ?? '联合审查', by: { department, role: options.role ?? 'reviewer' }, limit: options.limit, next: joinId });
      scratch = { steps: [...scratch.steps, task] };
      return task;
    });
    const parallel: Step = { id: parallelId, kind: 'parallel', name: options.name ?? '联合审查', branches: tasks.map((t) => t.id) };
    const join: Step = { id: joinId, kind: 'join', name: '汇总审查意见', next: previous.next ?? END };
    const steps = [...workflow.steps];
    const at = steps.findIndex((s) => s.id === previous.id);
    steps.splice(at + 1, 0, parallel, ...tasks, join);
    return mapStep({ ...workflow, steps }, previous.id, (s) => clean({ ...s, next: parallelId }));
  });
}

/** Removes a step; whatever led to it now leads where it went (its `next`), or loses that exit. */
export function removeStep(id: string): WorkflowCommand {
  return command('step.remove', `删除步骤 ${id}`, (workflow) => {
    const step = workflow.steps.find((s) => s.id === id);
    if (!step) return workflow;
    const onward = step.next;
    return { ...workflow, steps: workflow.steps.filter((s) => s.id !== id).map((s) => retarget(s, id, onward)) };
  });
}

/** Renames a step's id and every reference to it. */
export function renameStep(from: string, to: string): WorkflowCommand {
  return command('step.rename', `步骤标识 ${from} → ${to}`, (workflow) => {
    if (from === to || !isStepId(to) || workflow.steps.some((s) => s.id === to) || !workflow.steps.some((s) => s.id === from)) return workflow;
    return { ...workflow, steps: workflow.steps.map((s) => retarget(s.id === from ? { ...s, id: to } : s, from, to)) };
  });
}

/** Sets (or, with undefined, removes) properties of a step: name, limit, mode, template, after... */
export function updateStep(id: string, patch: Partial<Omit<Step, 'id'>>, label?: string): WorkflowCommand {
  const keys = Object.keys(patch).join('、');
  return command('step.update', label ?? `修改步骤 ${id} 的 ${keys}`, (workflow) =>
    mapStep(workflow, id, (s) => {
      const next = clean({ ...s, ...patch });
      return JSON.stringify(next) === JSON.stringify(s) ? s : next;
    }), `step.update:${id}:${keys}`);
}

export function setAssignee(id: string, by: Assignee | undefined): WorkflowCommand {
  return updateStep(id, { by: by && clean(by) }, `修改步骤 ${id} 的办理人`);
}

/** Points an existing exit of a step to another target. */
export function setExitTarget(exit: ExitRef, target: string): WorkflowCommand {
  return command('edge.retarget', `改接 ${exit.source} 的${exitName(exit)} → ${target}`, (workflow) => {
    if (targetOf(workflow, exit) === undefined || targetOf(workflow, exit) === target) return workflow;
    return mapStep(workflow, exit.source, (s) => {
      switch (exit.kind) {
        case 'next': return { ...s, next: target };
        case 'otherwise': return { ...s, otherwise: target };
        case 'outcome': return { ...s, outcomes: { ...s.outcomes, [exit.key!]: target } };
        case 'branch': return { ...s, branches: s.branches!.map((b, i) => (i === Number(exit.key) ? target : b)) };
        case 'case': return { ...s, cases: s.cases!.map((c, i) => (i === Number(exit.key) ? { ...c, next: target } : c)) };
      }
    });
  });
}

/** Removes one exit of a step (the edge on the canvas). */
export function removeExit(exit: ExitRef): WorkflowCommand {
  return command('edge.remove', `删除 ${exit.source} 的${exitName(exit)}`, (workflow) => {
    if (targetOf(workflow, exit) === undefined) return workflow;
    return mapStep(workflow, exit.source, (s) => {
      switch (exit.kind) {
        case 'next': return clean({ ...s, next: undefined });
        case 'otherwise': return clean({ ...s, otherwise: undefined });
        case 'outcome': {
          const outcomes = { ...s.outcomes };
          delete outcomes[exit.key!];
          return clean({ ...s, outcomes });
        }
        case 'branch': return clean({ ...s, branches: s.branches!.filter((_, i) => i !== Number(exit.key)) });
        case 'case': return clean({ ...s, cases: s.cases!.filter((_, i) => i !== Number(exit.key)) });
      }
    });
  });
}

const OUTCOME_ORDER = ['pass', 'return', 'supplement', 'refuse', 'grant', 'deny', 'approve', 'reject'];

/**
 * A new edge drawn on the canvas from `source` to `target`: a parallel step gains a branch, a
 * branch step its `otherwise` (then a case), a step with outcomes a new outcome, any other step
 * its `next`.
 */
export function connect(source: string, target: string, outcome?: string): WorkflowCommand {
  return command('edge.add', `连接 ${source} → ${target}`, (workflow) => {
    const step = workflow.steps.find((s) => s.id === source);
    if (!step || source === target) return workflow;
    return mapStep(workflow, source, (s) => {
      if (s.kind === 'parallel') return s.branches?.includes(target) ? s : { ...s, branches: [...(s.branches ?? []), target] };
      if (s.kind === 'branch') return s.otherwise ? { ...s, cases: [...(s.cases ?? []), { when: '', next: target }] } : { ...s, otherwise: target };
      if (outcome || (s.outcomes && Object.keys(s.outcomes).length > 0)) {
        const used = new Set(Object.keys(s.outcomes ?? {}));
        const name = outcome ?? OUTCOME_ORDER.find((o) => !used.has(o)) ?? `outcome-${used.size + 1}`;
        // A step with `next` that gets an outcome: `next` becomes the first outcome (pass).
        const base: Record<string, string> = s.next && !s.outcomes ? { pass: s.next } : {};
        return clean({ ...s, next: s.next && !s.outcomes ? undefined : s.next, outcomes: { ...base, ...s.outcomes, [name]: target } });
      }
      return { ...s, next: target };
    });
  });
}

/** Renames an outcome of a step (keeps its target and position). */
export function renameOutcome(id: string, from: string, to: string): WorkflowCommand {
  return command('outcome.rename', `步骤 ${id} 的办理结果 ${from} → ${to}`, (workflow) =>
    mapStep(workflow, id, (s) => {
      if (!s.outcomes || !(from in s.outcomes) || to in s.outcomes || !ID.test(to)) return s;
      const outcomes: Record<string, string> = {};
      for (const [k, v] of Object.entries(s.outcomes)) outcomes[k === from ? to : k] = v;
      return { ...s, outcomes };
    }));
}

/** Sets a branch case's condition. */
export function setCaseCondition(id: string, index: number, when: string): WorkflowCommand {
  return command('case.condition', `修改步骤 ${id} 的条件 ${index + 1}`, (workflow) =>
    mapStep(workflow, id, (s) => {
      if (!s.cases?.[index] || s.cases[index].when === when) return s;
      return { ...s, cases: s.cases.map((c, i) => (i === index ? { ...c, when } : c)) };
    }));
}

/** Makes `id` the first step (where a case starts). */
export function makeFirst(id: string): WorkflowCommand {
  return command('step.first', `将 ${id} 设为第一步`, (workflow) => {
    const step = workflow.steps.find((s) => s.id === id);
    if (!step || workflow.steps[0] === step) return workflow;
    return { ...workflow, steps: [step, ...workflow.steps.filter((s) => s !== step)] };
  });
}

function exitName(exit: ExitRef): string {
  switch (exit.kind) {
    case 'next': return '下一步';
    case 'otherwise': return '其他情况';
    case 'outcome': return `办理结果 ${exit.key}`;
    case 'branch': return `并行分支 ${Number(exit.key) + 1}`;
    case 'case': return `条件 ${Number(exit.key) + 1}`;
  }
}
