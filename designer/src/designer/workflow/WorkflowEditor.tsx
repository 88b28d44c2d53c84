import '@xyflow/react/dist/style.css';
import { Background, Controls, MarkerType, ReactFlow, type Connection, type Edge, type EdgeChange, type NodeChange, type ReactFlowInstance } from '@xyflow/react';
import { Button, Card, Col, Empty, Modal, Row, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DesignerFile, DesignerItem, Step, StepKind, Workflow } from '../model/types';
import { ConflictModal } from '../shared/ConflictModal';
import { useDesigner } from '../shared/DesignerContext';
import { DiagnosticsList } from '../shared/Diagnostics';
import { EditorToolbar } from '../shared/EditorToolbar';
import { useFileEditor } from '../shared/useFileEditor';
import { addJointReview, addStep, clean, connect, removeExit, removeStep, setExitTarget } from './commands';
import { toGraph, type ExitRef, type GraphEdge } from './graph';
import { layout } from './layout';
import { StepProperties } from './StepProperties';
import { EndNode, MissingNode, StepNode, type StepFlowNode } from './StepNode';
import { limitLabel } from '../../common/labels';
import { templateLabel } from '../../workbench/types';

const nodeTypes = { step: StepNode, end: EndNode, missing: MissingNode };

/** The API sends empty lists and maps; the editor (and the files) leave them out. */
export function normalizeWorkflow(workflow: Workflow): Workflow {
  return { steps: (workflow.steps ?? []).map((s) => clean({ ...s, by: s.by ? clean(s.by) : undefined })) };
}

/** 办理流程: the route as a graph, laid out automatically; every edit a named command (Ctrl+Z / Ctrl+Shift+Z). */
export function WorkflowEditor({ item, file, onSaved }: { item: DesignerItem; file: DesignerFile<Workflow>; onSaved(): void }) {
  const d = useDesigner();
  const editor = useFileEditor<Workflow>(item.id, 'workflow', file, normalizeWorkflow, onSaved);
  const workflow = editor.model;
  const readOnly = !editor.editable;
  const [selectedStep, setSelectedStep] = useState<string | null>(null);
  const [selectedEdge, setSelectedEdge] = useState<ExitRef | null>(null);
  const [jointOpen, setJointOpen] = useState(false);
  // The canvas is controlled, so the nodes' measured sizes are ours to keep (React Flow reports them as
  // 'dimensions' changes): nodes rebuilt on a re-render without them are hidden until measured again,
  // which on a busy machine left the canvas blank (seen in the designer's browser test).
  const [sizes, setSizes] = useState<Record<string, { width: number; height: number }>>({});

  const graph = useMemo(() => toGraph(workflow, editor.diagnostics, { kind: d.kindLabel, outcome: d.outcomeLabel }), [workflow, editor.diagnostics, d]);
  const positions = useMemo(() => layout(graph), [graph]);
  // A new layout (steps added or removed) is fitted into the canvas again.
  const flow = useRef<ReactFlowInstance<StepFlowNode, Edge> | null>(null);
  const shape = graph.nodes.map((n) => n.id).join(',');
  useEffect(() => {
    const timer = setTimeout(() => flow.current?.fitView({ padding: 0.08, maxZoom: 1 }), 50);
    return () => clearTimeout(timer);
  }, [shape]);

  const assigneeText = useCallback((s: Step | null) => {
    if (!s) return undefined;
    if (s.by?.window) return d.windowName(s.by.window);
    if (s.by?.department) return `${d.reference.departments.find((x) => x.id === s.by!.department)?.['short-name'] ?? d.departmentName(s.by.department)} ${d.roleName(s.by.role)}`;
    if (s.signers?.length) return `${s.mode === 'any' ? '或签' : '会签'} ${s.signers.length} 方`;
    if (s.template) return templateLabel(s.template); // 不予许可决定书, not notices/denial-decision
    return undefined;
  }, [d]);

  const nodes: StepFlowNode[] = graph.nodes.map((n) => ({
    id: n.id,
    type: n.type,
    position: { x: positions.get(n.id)!.x, y: positions.get(n.id)!.y },
    data: { ...n.data, assignee: assigneeText(n.data.step), kindLabel: n.data.step ? d.kindLabel(n.data.step.kind) : '' },
    measured: sizes[n.id],
    selected: n.id === selectedStep,
    draggable: false,
    connectable: !readOnly && n.type === 'step',
    deletable: !readOnly && n.type === 'step',
  }));
  const edgeKey = (e: ExitRef) => `${e.source}:${e.kind}:${e.key ?? ''}`;
  const edges: Edge[] = graph.edges.map((e: GraphEdge) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    label: e.label || undefined,
    type: 'smoothstep',
    animated: e.exit.kind === 'branch',
    selected: selectedEdge ? edgeKey(selectedEdge) === edgeKey(e.exit) : false,
    style: { strokeDasharray: e.back ? '6 4' : undefined, stroke: e.back ? '#faad14' : '#8c8c8c', strokeWidth: 1.5 },
    labelStyle: { fontSize: 11 },
    labelBgStyle: { fill: '#fff' },
    markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    reconnectable: !readOnly,
    deletable: !readOnly,
    data: { exit: e.exit },
  }));

  const onNodesChange = (changes: NodeChange<StepFlowNode>[]) => {
    const measured = changes.flatMap((c) => (c.type === 'dimensions' && c.dimensions ? [[c.id, c.dimensions] as const] : []));
    if (measured.length > 0) {
      setSizes((before) => measured.every(([id, size]) => before[id]?.width === size.width && before[id]?.height === size.height)
        ? before : { ...before, ...Object.fromEntries(measured) });
    }
    for (const c of changes) {
      if (c.type === 'select' && c.selected) { setSelectedStep(c.id); setSelectedEdge(null); }
      if (c.type === 'remove' && !readOnly && workflow.steps.some((s) => s.id === c.id)) { editor.execute(removeStep(c.id)); setSelectedStep(null); }
    }
  };
  const onEdgesChange = (changes: EdgeChange[]) => {
    for (const c of changes) {
      if (!('id' in c)) continue;
      const edge = graph.edges.find((e) => e.id === c.id);
      if (!edge) continue;
      if (c.type === 'select' && c.selected) { setSelectedEdge(edge.exit); setSelectedStep(null); }
      if (c.type === 'remove' && !readOnly) { editor.execute(removeExit(edge.exit)); setSelectedEdge(null); }
    }
  };
  const onConnect = (c: Connection) => { if (!readOnly && c.source && c.target) editor.execute(connect(c.source, c.target)); };
  const onReconnect = (old: Edge, c: Connection) => {
    const edge = graph.edges.find((e) => e.id === old.id);
    if (!readOnly && edge && c.target) editor.execute(setExitTarget(edge.exit, c.target));
  };

  const after = selectedStep ?? workflow.steps[workflow.steps.length - 1]?.id;
  const paletteAdd = (kind: StepKind) => {
    const before = new Set(workflow.steps.map((s) => s.id));
    editor.execute(addStep(kind, { after, department: item.department, name: d.kindLabel(kind) }));
    const added = editor.stack.state.steps.find((s) => !before.has(s.id));
    if (added) setSelectedStep(added.id);
  };

  const selected = workflow.steps.find((s) => s.id === selectedStep) ?? null;
  const edge = selectedEdge ? graph.edges.find((e) => edgeKey(e.exit) === edgeKey(selectedEdge)) : undefined;
  const unplaced = editor.diagnostics.filter((x) => !x.element || !workflow.steps.some((s) => s.id === x['element-id']));

  return (
    <div data-testid="workflow-editor">
      <EditorToolbar editor={editor} extra={<Typography.Text type="secondary">布局自动生成，不写入文件；从步骤下方的圆点拖到另一步骤即可连线，选中连线或步骤后按 Delete 删除。</Typography.Text>} />
      <DiagnosticsList diagnostics={unplaced} title="流程校验结果（步骤上的错误直接标在节点上）" />
      <Row gutter={12}>
        <Col flex="140px">
          <Card size="small" title="步骤类型" styles={{ body: { padding: 8 } }} data-testid="palette">
            <Space direction="vertical" style={{ width: '100%' }}>
              {!readOnly && <Tooltip title="并行：各部门同时审查，全部完成后汇聚" placement="right">
                <Button block type="dashed" onClick={() => setJointOpen(true)} data-testid="palette-joint-review">联合审查（并行）</Button>
              </Tooltip>}
              {d.reference['step-kinds'].filter((k) => k.value !== 'join').map((k) => (
                <Button key={k.value} block size="small" disabled={readOnly} onClick={() => paletteAdd(k.value)} data-testid={`palette-${k.value}`}>
                  {k.label}
                </Button>
              ))}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>新步骤加在{selectedStep ? `“${selected?.name ?? selectedStep}”` : '最后一步'}之后</Typography.Text>
            </Space>
          </Card>
        </Col>
        <Col flex="auto">
          <div style={{ height: '72vh', minHeight: 560, border: '1px solid #f0f0f0', borderRadius: 8, background: '#fcfcfc' }} data-testid="workflow-canvas">
            <ReactFlow<StepFlowNode, Edge>
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={onConnect}
              onReconnect={onReconnect}
              onPaneClick={() => { setSelectedStep(null); setSelectedEdge(null); }}
              fitView
              onInit={(instance) => { flow.current = instance; }}
              fitViewOptions={{ padding: 0.08, maxZoom: 1 }}
              minZoom={0.2}
              deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
              proOptions={{ hideAttribution: true }}
            >
              <Background gap={16} size={1} />
              <Controls showInteractive={false} />
            </ReactFlow>
          </div>
        </Col>
        <Col flex="340px">
          {selected ? (
            <StepProperties key={selected.id} step={selected} workflow={workflow} item={item} readOnly={readOnly} diagnostics={editor.diagnostics}
              execute={editor.execute} onSelect={setSelectedStep} />
          ) : edge ? (
            <Card size="small" title="连线" data-testid="edge-properties">
              <p>{edge.source} → {edge.target} {edge.label && <Tag>{edge.label}</Tag>}</p>
              {!readOnly && <Button danger onClick={() => { editor.execute(removeExit(edge.exit)); setSelectedEdge(null); }}>删除连线</Button>}
            </Card>
          ) : (
            <Card size="small"><Empty description="点击画布上的步骤查看和修改其属性" /></Card>
          )}
        </Col>
      </Row>
      {jointOpen && <JointReviewModal item={item} workflow={workflow} after={after} onClose={() => setJointOpen(false)}
        onAdd={(options) => {
          const before = new Set(workflow.steps.map((s) => s.id));
          editor.execute(addJointReview(options));
          const added = editor.stack.state.steps.find((s) => !before.has(s.id));
          if (added) setSelectedStep(added.id);
          setJointOpen(false);
        }} />}
      <ConflictModal editor={editor} />
    </div>
  );
}

function JointReviewModal({ item, workflow, after, onClose, onAdd }: {
  item: DesignerItem; workflow: Workflow; after?: string; onClose(): void;
  onAdd(options: { after: string; departments: string[]; limit?: string; names?: Record<string, string> }): void;
}) {
  const d = useDesigner();
  const [from, setFrom] = useState(after ?? workflow.steps[0]?.id);
  const [departments, setDepartments] = useState<string[]>(item.department ? [item.department] : []);
  const [limit, setLimit] = useState<string | undefined>('5wd');
  return (
    <Modal open title="添加联合审查（并行）" okText="添加" cancelText="取消" onCancel={onClose}
      okButtonProps={{ disabled: !from || departments.length < 2 }}
      onOk={() => onAdd({ after: from!, departments, limit, names: Object.fromEntries(departments.map((x) => [x, `${d.reference.departments.find((y) => y.id === x)?.['short-name'] ?? ''}审查`])) })}>
      <Typography.Paragraph type="secondary">各部门同时审查，全部完成后在“汇总审查意见”处汇聚，再继续原来的下一步。</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        <span>加在哪一步之后</span>
        <Select style={{ width: '100%' }} value={from} onChange={setFrom} aria-label="加在哪一步之后"
          options={workflow.steps.map((s) => ({ value: s.id, label: `${s.name ?? s.id}（${s.id}）` }))} />
        <span>参加审查的部门（至少两个）</span>
        <Select mode="multiple" style={{ width: '100%' }} value={departments} onChange={setDepartments} aria-label="参加审查的部门"
          options={d.reference.departments.map((x) => ({ value: x.id, label: x.name }))} />
        <span>每个部门的审查时限</span>
        <Select style={{ width: '100%' }} value={limit} onChange={setLimit} allowClear aria-label="审查时限"
          options={['3wd', '5wd', '10wd', '15wd'].map((v) => ({ value: v, label: limitLabel(v) }))} />
      </Space>
    </Modal>
  );
}
