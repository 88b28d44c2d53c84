import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Collapse, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { createContext, useContext, useMemo } from 'react';
import guideSchema from '../../../../definitions/.schemas/guide.schema.json';
import type { DesignerFile, DesignerItem, Diagnostic, Guide } from '../model/types';
import { ConflictModal } from '../shared/ConflictModal';
import { useDesigner } from '../shared/DesignerContext';
import { DiagnosticsList } from '../shared/Diagnostics';
import { EditorToolbar } from '../shared/EditorToolbar';
import { useFileEditor } from '../shared/useFileEditor';
import { samePrefix, yamlPathAt, type YamlPath } from '../util/yamlPath';
import { emptyOf, getAt, setGuideValue, type SchemaNode } from './schemaModel';

const schema = guideSchema as unknown as SchemaNode;

// The guide's elements in the order of a published 办事指南, grouped.
const sections: { title: string; keys: string[] }[] = [
  { title: '基本信息', keys: ['name', 'main-item', 'sub-item', 'handling-case', 'base-code', 'implementation-code', 'type', 'department', 'delegating-body', 'joint-departments', 'levels', 'status', 'status-note'] },
  { title: '设定依据与办理时限', keys: ['basis', 'handling-type', 'limits', 'excluded-procedures'] },
  { title: '受理条件与办理流程', keys: ['acceptance-conditions', 'process', 'visits', 'visits-reason', 'online-depth', 'service'] },
  { title: '收费', keys: ['fee'] },
  { title: '办理地点与电话', keys: ['locations', 'consult-phone', 'complaint-phone'] },
  { title: '办理结果', keys: ['result'] },
  { title: '其他', keys: ['quantity-limit', 'intermediary-services', 'faq'] },
];

// Titles the schema takes from a shared type (Body → 机关) said as the guide says them.
const titles: Record<string, string> = { 'delegating-body': '委托机关' };

const longText = new Set(['text', 'answer', 'note', 'visits-reason', 'status-note', 'standard', 'reductions', 'quantity-limit', 'intermediary-services', 'question']);

interface FieldCtx {
  model: Guide;
  readOnly: boolean;
  /** Diagnostics with the key path their line falls in. */
  located: { path: YamlPath; diagnostic: Diagnostic }[];
  set(path: YamlPath, value: unknown, title: string): void;
  departmentLocked: boolean;
}

const Ctx = createContext<FieldCtx | null>(null);

/** 办事指南: a form over every guide element, generated from the guide's JSON Schema, checked by the server as you type. */
export function GuideEditor({ item, file, onSaved }: { item: DesignerItem; file: DesignerFile<Guide>; onSaved(): void }) {
  const d = useDesigner();
  const editor = useFileEditor<Guide>(item.id, 'guide', file, (m) => m, onSaved);
  const text = editor.canonical ?? file.text;
  const located = useMemo(() => editor.diagnostics.filter((x) => x.file.endsWith('guide.yaml')).map((diagnostic) => ({ path: yamlPathAt(text, diagnostic.line), diagnostic })), [editor.diagnostics, text]);
  const ctx: FieldCtx = {
    model: editor.model,
    readOnly: !editor.editable,
    located,
    set: (path, value, title) => editor.execute(setGuideValue<Guide>(path, value, title)),
    departmentLocked: !d.isAdmin,
  };
  return (
    <div data-testid="guide-editor">
      <EditorToolbar editor={editor} />
      <DiagnosticsList diagnostics={editor.diagnostics} />
      <Ctx.Provider value={ctx}>
        <Form layout="vertical" size="small">
          <Collapse defaultActiveKey={sections.map((s) => s.title)} items={sections.map((section) => ({
            key: section.title,
            label: section.title,
            children: (
              <Row gutter={16}>
                {section.keys.filter((k) => schema.properties?.[k]).map((key) => {
                  const node = schema.properties![key];
                  const wide = node.type === 'array' || node.type === 'object' || longText.has(key);
                  return <Col key={key} xs={24} md={wide ? 24 : 12} xl={wide ? 24 : 8}><SchemaField node={node} path={[key]} name={key} required={schema.required?.includes(key)} /></Col>;
                })}
              </Row>
            ),
          }))} />
        </Form>
      </Ctx.Provider>
      <ConflictModal editor={editor} />
    </div>
  );
}

function useField(path: YamlPath, exact: boolean) {
  const ctx = useContext(Ctx)!;
  const errors = ctx.located.filter((l) => (exact ? l.path.length === path.length && samePrefix(l.path, path) : samePrefix(l.path, path)));
  return { ctx, value: getAt(ctx.model, path), errors };
}

function status(errors: { diagnostic: Diagnostic }[]) {
  if (errors.length === 0) return {};
  return {
    validateStatus: errors.some((e) => e.diagnostic.severity === 'error') ? ('error' as const) : ('warning' as const),
    help: errors.map((e) => `${e.diagnostic.code} ${e.diagnostic.message}`).join('；'),
  };
}

function SchemaField({ node, path, name, required }: { node: SchemaNode; path: YamlPath; name: string; required?: boolean }) {
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  const leaf = type !== 'object' && !(type === 'array' && node.items?.type === 'object') && !(type === 'array' && !node.items?.enum && name !== 'joint-departments');
  const { ctx, value, errors } = useField(path, !leaf);
  const d = useDesigner();
  const title = (path.length === 1 ? titles[name] : undefined) ?? node.title ?? name;
  const label = <span data-path={path.join('.')}>{title}{required ? '' : <Typography.Text type="secondary">（选填）</Typography.Text>}</span>;
  const set = (v: unknown) => ctx.set(path, v, title);
  const dis = ctx.readOnly;

  if (name === 'department') {
    return (
      <Form.Item label={label} {...status(errors)} style={{ marginBottom: 10 }}>
        <Select value={value as string} disabled={dis || ctx.departmentLocked} aria-label={title} onChange={set}
          options={d.reference.departments.map((x) => ({ value: x.id, label: x.name }))} />
      </Form.Item>
    );
  }
  if (name === 'joint-departments') {
    return (
      <Form.Item label={label} {...status(errors)} style={{ marginBottom: 10 }}>
        <Select mode="multiple" value={(value as string[]) ?? []} disabled={dis} aria-label={title} onChange={set}
          options={d.reference.departments.map((x) => ({ value: x.id, label: x.name }))} />
      </Form.Item>
    );
  }
  if (name === 'template') {
    return (
      <Form.Item label={label} {...status(errors)} style={{ marginBottom: 10 }}>
        <Select allowClear value={value as string | undefined} disabled={dis} aria-label={title} onChange={(v) => set(v ?? '')}
          options={d.reference.templates.filter((t) => t.startsWith('certificates/')).map((t) => ({ value: t, label: t }))} />
      </Form.Item>
    );
  }
  if (type === 'string' && node.enum) {
    return (
      <Form.Item label={label} {...status(errors)} style={{ marginBottom: 10 }}>
        <Select allowClear={!required} value={value as string | undefined} disabled={dis} aria-label={title} onChange={(v) => set(v ?? '')}
          options={node.enum.map((v, i) => ({ value: v, label: node.enumDescriptions?.[i] ?? v }))} />
      </Form.Item>
    );
  }
  if (type === 'string') {
    const duration = node.pattern?.includes('wd');
    return (
      <Form.Item label={label} {...status(errors)} style={{ marginBottom: 10 }} extra={duration ? '如 20wd（20 个工作日）、30d（30 个自然日）' : undefined}>
        {longText.has(name)
          ? <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} value={(value as string) ?? ''} disabled={dis} aria-label={title} onChange={(e) => set(e.target.value)} />
          : <Input value={(value as string) ?? ''} disabled={dis} aria-label={title} onChange={(e) => set(e.target.value)} />}
      </Form.Item>
    );
  }
  if (type === 'integer' || type === 'number') {
    return (
      <Form.Item label={label} {...status(errors)} style={{ marginBottom: 10 }}>
        <InputNumber value={value as number | undefined} disabled={dis} aria-label={title} onChange={(v) => set(v ?? undefined)} />
      </Form.Item>
    );
  }
  if (type === 'boolean') {
    return (
      <Form.Item label={label} {...status(errors)} style={{ marginBottom: 10 }}>
        <Switch checked={!!value} disabled={dis} aria-label={title} onChange={set} />
      </Form.Item>
    );
  }
  if (type === 'array' && node.items?.enum) {
    return (
      <Form.Item label={label} {...status(errors)} style={{ marginBottom: 10 }}>
        <Select mode="multiple" value={(value as string[]) ?? []} disabled={dis} aria-label={title} onChange={set}
          options={node.items.enum.map((v, i) => ({ value: v, label: node.items!.enumDescriptions?.[i] ?? v }))} />
      </Form.Item>
    );
  }
  if (type === 'array') {
    const list = (value as unknown[]) ?? [];
    const items = node.items ?? { type: 'string' };
    const objects = items.type === 'object';
    return (
      <Form.Item label={label} {...status(errors)} style={{ marginBottom: 12 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {list.map((_, i) => (
            <div key={i} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
              <Typography.Text type="secondary" style={{ width: 24, paddingTop: 4 }}>{i + 1}.</Typography.Text>
              <div style={{ flex: 1 }}>
                {objects
                  ? <Card size="small" style={{ background: '#fafafa' }}><ObjectFields node={items} path={[...path, i]} /></Card>
                  : <SchemaField node={{ ...items, title: `${title} ${i + 1}` }} path={[...path, i]} name={name} required />}
              </div>
              {!dis && <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除 ${title} ${i + 1}`} onClick={() => set(list.filter((__, j) => j !== i))} />}
            </div>
          ))}
          {!dis && <Button size="small" icon={<PlusOutlined />} onClick={() => set([...list, emptyOf(items)])}>添加{items.title ?? title}</Button>}
        </Space>
      </Form.Item>
    );
  }
  if (type === 'object') {
    if (value === undefined || value === null) {
      return (
        <Form.Item label={label} style={{ marginBottom: 10 }}>
          {dis ? <Typography.Text type="secondary">（无）</Typography.Text> : <Button size="small" icon={<PlusOutlined />} onClick={() => set(emptyOf(node))}>填写{title}</Button>}
        </Form.Item>
      );
    }
    return (
      <Card size="small" title={title} style={{ marginBottom: 12 }} extra={!required && !dis && <Button size="small" type="text" danger onClick={() => set(undefined)}>移除</Button>}>
        {errors.length > 0 && <Typography.Text type="danger">{status(errors).help}</Typography.Text>}
        <ObjectFields node={node} path={path} />
      </Card>
    );
  }
  return null;
}

function ObjectFields({ node, path }: { node: SchemaNode; path: YamlPath }) {
  return (
    <Row gutter={12}>
      {Object.entries(node.properties ?? {}).map(([key, child]) => {
        const wide = child.type === 'array' || child.type === 'object' || longText.has(key);
        return <Col key={key} xs={24} md={wide ? 24 : 12} xl={wide ? 24 : 8}><SchemaField node={child} path={[...path, key]} name={key} required={node.required?.includes(key)} /></Col>;
      })}
    </Row>
  );
}
