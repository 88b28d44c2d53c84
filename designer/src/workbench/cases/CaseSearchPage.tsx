import { Button, Card, Form, Input, Select, Switch, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { showError } from '../../api/client';
import { workbenchApi } from '../api';
import { formatDateTime } from '../../common/format';
import { caseStatusColor, caseStatuses } from '../types';
import type { components } from '../../api/schema';

/** A row of GET /api/cases (CaseSummaryView). */
type Row = components['schemas']['CaseSummaryView'];

/** 办件查询: by number, applicant, status; the cases the account may see. */
export function CaseSearchPage() {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [params] = useSearchParams();
  // 特别程序超时 (supervision's count links here): open cases whose excluded procedure ran past its announced end.
  const [query, setQuery] = useState<{ number?: string; applicant?: string; status?: string; open?: boolean; procedureOverrun?: boolean }>(
    { open: true, procedureOverrun: params.get('procedureOverrun') === 'true' });
  const load = useCallback(async () => {
    setRows(null);
    const p = new URLSearchParams();
    if (query.number) p.set('number', query.number);
    if (query.applicant) p.set('applicant', query.applicant);
    if (query.status) p.set('status', query.status);
    if (query.open) p.set('open', 'true');
    if (query.procedureOverrun) p.set('procedureOverrun', 'true');
    p.set('take', '200');
    try {
      setRows((await workbenchApi.searchCases(p.toString())).items);
    } catch (e) { showError(e, '办件查询'); setRows([]); }
  }, [query]);
  useEffect(() => { void load(); }, [load]);
  return (
    <Card title="办件查询">
      <Form layout="inline" onFinish={(v) => setQuery(v)} initialValues={query} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="number" label="办件编号"><Input allowClear placeholder="如 桃山-2026-000001" /></Form.Item>
        <Form.Item name="applicant" label="申请人"><Input allowClear placeholder="姓名或单位名称开头" /></Form.Item>
        <Form.Item name="status" label="状态"><Select allowClear style={{ width: 130 }} options={caseStatuses.map(([value, label]) => ({ value, label }))} /></Form.Item>
        <Form.Item name="open" label="仅在办" valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="procedureOverrun" label="特别程序超时" valuePropName="checked"><Switch aria-label="特别程序超时" /></Form.Item>
        <Button type="primary" htmlType="submit">查询</Button>
      </Form>
      <Table<Row> rowKey="id" loading={rows === null} dataSource={rows ?? []} size="middle" pagination={{ pageSize: 20 }}
        columns={[
          { title: '办件编号', key: 'n', render: (_, r) => <Link to={`/workbench/cases/${r.id}`} style={{ fontFamily: 'monospace' }}>{r.number}</Link> },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '状态', key: 's', render: (_, r) => <Tag color={caseStatusColor(r.status)} data-testid={`status-${r.number}`}>{r.statusLabel}</Tag> },
          { title: '到期日', dataIndex: 'dueDate', render: (d) => d ?? '—' },
          { title: '收件时间', dataIndex: 'createdAt', render: (d: string) => formatDateTime(d) },
        ]} />
    </Card>
  );
}
