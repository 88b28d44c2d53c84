import { describe, expect, it } from 'vitest';
import { CommandStack } from '../commands/commandStack';
import type { Workflow } from '../model/types';
import { addJointReview, addStep, connect, makeFirst, removeExit, removeStep, renameOutcome, renameStep, setExitTarget, updateStep } from './commands';
import { END, exitsOf, toGraph } from './graph';
import { layout } from './layout';

// The teacher-qualification route of the sample county, as the API sends it.
const sample = (): Workflow => ({
  steps: [
    { id: 'intake', kind: 'intake', name: '窗口受理', by: { window: 'comprehensive-1' }, next: 'review' },
    { id: 'review', kind: 'task', name: '资格审查', by: { department: 'education', role: 'reviewer' }, limit: '10wd', outcomes: { pass: 'decide', supplement: 'intake', refuse: 'notify-refusal' } },
    { id: 'decide', kind: 'task', name: '认定决定', by: { department: 'education', role: 'head' }, outcomes: { grant: 'issue', deny: 'notify-denial' } },
    { id: 'issue', kind: 'document', name: '制证', template: 'certificates/teacher-qualification', next: 'deliver' },
    { id: 'deliver', kind: 'task', name: '统一出件', by: { window: 'issuance' }, next: 'end' },
    { id: 'notify-refusal', kind: 'notify', template: 'notices/refusal', next: 'end' },
    { id: 'notify-denial', kind: 'notify', template: 'notices/denial-decision', next: 'end' },
  ],
});

describe('toGraph', () => {
  it('makes a node per step plus end, and an edge per exit labelled in Chinese', () => {
    const graph = toGraph(sample(), [], { kind: (k) => k, outcome: (o) => ({ pass: '通过', supplement: '补正' } as Record<string, string>)[o] ?? o });
    expect(graph.nodes.map((n) => n.id)).toEqual(['intake', 'review', 'decide', 'issue', 'deliver', 'notify-refusal', 'notify-denial', END]);
    const review = graph.edges.filter((e) => e.source === 'review');
    expect(review.map((e) => [e.target, e.label])).toEqual([['decide', '通过'], ['intake', '补正'], ['notify-refusal', 'refuse']]);
    expect(review.find((e) => e.target === 'intake')!.back).toBe(true);
    expect(graph.nodes[0].data.first).toBe(true);
  });

  it('puts diagnostics on the node of their step', () => {
    const graph = toGraph(sample(), [
      { severity: 'error', code: 'WF3002', file: 'definitions/items/x/workflow.yaml', line: 9, column: 5, message: '无法到达', element: 'step', 'element-id': 'decide' },
      { severity: 'warning', code: 'WF3020', file: 'definitions/items/x/workflow.yaml', line: 1, column: 1, message: '合计' },
    ]);
    expect(graph.nodes.find((n) => n.id === 'decide')!.data.errors.map((d) => d.code)).toEqual(['WF3002']);
    expect(graph.nodes.flatMap((n) => n.data.warnings)).toEqual([]);
  });

  it('shows a target that is not a step as a missing node', () => {
    const wf = sample();
    wf.steps[0].next = 'reveiw';
    const graph = toGraph(wf);
    expect(graph.nodes.find((n) => n.id === 'reveiw')?.type).toBe('missing');
  });
});

describe('workflow commands', () => {
  it('adds a step after another, taking over its next', () => {
    const wf = addStep('notify', { after: 'issue', name: '短信通知', template: 'notices/completion' }).apply(sample());
    const issue = wf.steps.find((s) => s.id === 'issue')!;
    const added = wf.steps.find((s) => s.id === issue.next)!;
    expect(added).toMatchObject({ kind: 'notify', name: '短信通知', template: 'notices/completion', next: 'deliver' });
    expect(wf.steps.indexOf(added)).toBe(wf.steps.indexOf(issue) + 1);
  });

  it('adds a joint review (parallel, one task per department, join) where a step went, in one command', () => {
    const stack = new CommandStack(sample());
    stack.execute(addJointReview({ after: 'intake', departments: ['education', 'civil-affairs'], limit: '5wd' }));
    const wf = stack.state;
    const intake = wf.steps[0];
    const parallel = wf.steps.find((s) => s.id === intake.next)!;
    expect(parallel.kind).toBe('parallel');
    expect(parallel.branches).toHaveLength(2);
    const tasks = parallel.branches!.map((b) => wf.steps.find((s) => s.id === b)!);
    expect(tasks.map((t) => t.by)).toEqual([{ department: 'education', role: 'reviewer' }, { department: 'civil-affairs', role: 'reviewer' }]);
    const join = wf.steps.find((s) => s.id === tasks[0].next)!;
    expect(join).toMatchObject({ kind: 'join', next: 'review' });
    expect(tasks[1].next).toBe(join.id);
    expect(stack.undoCommand?.label).toContain('联合审查');
    stack.undo();
    expect(stack.state).toEqual(sample());
  });

  it('removes a step and reconnects what led to it', () => {
    const wf = removeStep('issue').apply(sample());
    expect(wf.steps.find((s) => s.id === 'decide')!.outcomes).toEqual({ grant: 'deliver', deny: 'notify-denial' });
    expect(wf.steps.some((s) => s.id === 'issue')).toBe(false);
  });

  it('drops exits into a removed step without a next', () => {
    const wf = removeStep('review').apply(sample());
    expect(wf.steps[0].next).toBeUndefined();
  });

  it('renames a step and every reference to it; refuses a taken or bad id', () => {
    const wf = renameStep('review', 'check').apply(sample());
    expect(wf.steps[0].next).toBe('check');
    expect(wf.steps[1].id).toBe('check');
    const same = sample();
    expect(renameStep('review', 'decide').apply(same)).toBe(same);
    expect(renameStep('review', 'End').apply(same)).toBe(same);
    expect(renameStep('review', 'end').apply(same)).toBe(same);
  });

  it('updates and clears step properties; an unchanged value changes nothing', () => {
    const wf = updateStep('review', { limit: '8wd', name: undefined }).apply(sample());
    expect(wf.steps[1].limit).toBe('8wd');
    expect('name' in wf.steps[1]).toBe(false);
    const same = sample();
    expect(updateStep('review', { limit: '10wd' }).apply(same)).toBe(same);
  });

  it('connects by kind: outcome for a step with outcomes, next otherwise, branch for parallel', () => {
    let wf = connect('review', 'decide', 'return').apply(sample());
    expect(wf.steps[1].outcomes!.return).toBe('decide');
    wf = connect('issue', 'notify-denial').apply(sample());
    expect(wf.steps.find((s) => s.id === 'issue')!.next).toBe('notify-denial');
    wf = connect('issue', 'notify-denial', 'reject').apply(sample());
    expect(wf.steps.find((s) => s.id === 'issue')!).toMatchObject({ outcomes: { pass: 'deliver', reject: 'notify-denial' } });
    expect(wf.steps.find((s) => s.id === 'issue')!.next).toBeUndefined();
    wf = addStep('timer', {}).apply({ steps: [{ id: 'a', kind: 'parallel', branches: ['b'] }, { id: 'b', kind: 'join' }] });
    wf = connect('a', 'timer').apply(wf);
    expect(wf.steps[0].branches).toEqual(['b', 'timer']);
  });

  it('retargets and removes single exits', () => {
    const ref = exitsOf(sample().steps[1]).find((e) => e.exit.key === 'supplement')!.exit;
    let wf = setExitTarget(ref, 'decide').apply(sample());
    expect(wf.steps[1].outcomes!.supplement).toBe('decide');
    wf = removeExit(ref).apply(wf);
    expect(Object.keys(wf.steps[1].outcomes!)).toEqual(['pass', 'refuse']);
  });

  it('renames an outcome in place and makes a step the first', () => {
    const wf = renameOutcome('review', 'pass', 'approve').apply(sample());
    expect(Object.entries(wf.steps[1].outcomes!)[0]).toEqual(['approve', 'decide']);
    expect(makeFirst('review').apply(sample()).steps[0].id).toBe('review');
  });
});

describe('layout', () => {
  it('places every node, the first step before the later ones, without overlaps', () => {
    const graph = toGraph(sample());
    const pos = layout(graph);
    expect(pos.size).toBe(graph.nodes.length);
    expect(pos.get('intake')!.y).toBeLessThan(pos.get('review')!.y);
    expect(pos.get('review')!.y).toBeLessThan(pos.get('decide')!.y);
    const boxes = [...pos.values()];
    for (const a of boxes)
      for (const b of boxes)
        if (a !== b) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
  });
});
