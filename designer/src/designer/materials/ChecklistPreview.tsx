import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, List, Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { describeError } from '../../api/client';
import { designerApi, type ChecklistAnswer, type ChecklistSample } from '../api/designerApi';
import type { DesignerItem, Material } from '../model/types';

const defaultSamples: ChecklistSample[] = [
  { name: '个人申请人', applicant: { type: 'person', name: '王晓雪', idNumber: '230903199003154528' }, form: {} },
  { name: '单位申请人', applicant: { type: 'organization', name: '七台河市桃山区示例有限公司', uscc: '91230903MA1B2C3D4E' }, form: {} },
];

/** Which materials apply to each sample applicant, evaluated by the server on the draft (debounced). */
export function ChecklistPreview({ item, materials }: { item: DesignerItem; materials: Material[] }) {
  const [samples, setSamples] = useState<ChecklistSample[]>(defaultSamples);
  const [answer, setAnswer] = useState<ChecklistAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const choices = (item.files.form?.model?.fields ?? []).filter((f) => f.type === 'select' || f.type === 'boolean');

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        setAnswer(await designerApi.checklist(item.id, materials, samples, controller.signal));
        setError(null);
      } catch (e) {
        if ((e as Error).name !== 'AbortError') setError(describeError(e).title);
      } finally {
        if (!controller.signal.aborted) setLoading(false);
      }
    }, 350);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [item.id, materials, samples]);

  const update = (index: number, change: (s: ChecklistSample) => ChecklistSample) => setSamples((all) => all.map((s, i) => (i === index ? change(s) : s)));

  return (
    <Card size="small" title={<Space>清单预览 {loading && <Spin size="small" />}</Space>} data-testid="checklist-preview"
      extra={<Button size="small" icon={<PlusOutlined />} onClick={() => setSamples((s) => [...s, { name: `示例申请人 ${s.length + 1}`, applicant: { type: 'person', name: '示例' }, form: {} }])}>示例申请人</Button>}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {samples.map((sample, index) => {
        const result = answer?.samples[index];
        const applying = result?.materials.filter((m) => m.applies) ?? [];
        return (
          <Card key={index} size="small" type="inner" style={{ marginBottom: 8 }} data-testid={`sample-${index}`}
            title={<Input size="small" variant="borderless" value={sample.name} aria-label="示例名称" onChange={(e) => update(index, (s) => ({ ...s, name: e.target.value }))} style={{ fontWeight: 600, padding: 0 }} />}
            extra={<Typography.Text type="secondary">适用 {applying.length} / {result?.materials.length ?? 0} 项</Typography.Text>}>
            <Space wrap style={{ marginBottom: 6 }}>
              <Select size="small" value={sample.applicant.type as string} style={{ width: 96 }} aria-label="申请人类型"
                options={[{ value: 'person', label: '个人' }, { value: 'organization', label: '单位' }]}
                onChange={(type) => update(index, (s) => ({ ...s, applicant: { ...s.applicant, type } }))} />
              {choices.map((f) => (
                <Select key={f.id} size="small" allowClear placeholder={f.label} style={{ width: 150 }} aria-label={f.label}
                  value={(sample.form ?? {})[f.id] as string | undefined}
                  options={f.type === 'boolean' ? [{ value: true as unknown as string, label: `${f.label}：是` }, { value: false as unknown as string, label: `${f.label}：否` }] : f.options?.map((o) => ({ value: o.value, label: o.label }))}
                  onChange={(v) => update(index, (s) => ({ ...s, form: { ...s.form, [f.id]: v } }))} />
              ))}
            </Space>
            {!result ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="计算中" /> : (
              <List size="small" dataSource={result.materials} renderItem={(m) => (
                <List.Item style={{ padding: '2px 0', opacity: m.applies ? 1 : 0.45 }} data-testid="preview-material" data-applies={m.applies}>
                  <Space size={4} wrap>
                    {m.applies ? <Tag color="green">适用</Tag> : <Tag>不适用</Tag>}
                    <span style={{ textDecoration: m.applies ? undefined : 'line-through' }}>{m.name}</span>
                    {m.applies && <Tag color={m.necessity === 'deferrable' ? 'gold' : m.necessity === 'required' ? 'blue' : 'default'}>{m['necessity-label']}</Tag>}
                    {m['condition-error'] && <Typography.Text type="danger">条件出错：{m['condition-error']}</Typography.Text>}
                  </Space>
                </List.Item>
              )} />
            )}
          </Card>
        );
      })}
    </Card>
  );
}
