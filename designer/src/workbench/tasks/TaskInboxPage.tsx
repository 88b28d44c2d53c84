import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, showError } from '../../api/client';
import { itemName, useItems } from '../common/useItemNames';
import { levelColors, levelLabels, remainingText, type CaseView, type TaskRow } from '../types';
import { DueDate } from '../common/DueDate';

type Scope = 'mine' | 'department' | 'claimable';
const scopes: { key: Scope; label: string }[] = [
  { key: 'mine', label: '我的待办' }, { key: 'department', label: '本部门' }, { key: 'claimable', label: '可认领' },
];

/** 待办任务: mine, my department's, claimable; by due date, coloured by deadline. */
export function TaskInboxPage() {
  const [params, setParams] = useSearchParams();
  const scope = (params.get('scope') as Scope) || 'mine';
  const [rows, setRows] = useState<TaskRow[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const items = useItems();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const load = useCallback(async () => {
    setRows(null);
    try { setRows((await api.get<{ tasks: TaskRow[] }>(`/api/tasks?scope=${scope}`)).tasks); } catch (e) { showError(e, '待办任务'); setRows([]); }
  }, [scope]);
  useEffect(() => { void load(); }, [load]);

  const claim = async (row: TaskRow) => {
    setBusy(row.taskId + row.caseId);
    try {
      await api.post<CaseView>(`/api/cases/${row.caseId}/claim`, { taskId: row.taskId });
      message.success(`已认领 ${row.number} · ${row.stepName}`);
      navigate(`/workbench/cases/${row.caseId}`);
    } catch (e) { showError(e, '认领'); } finally { setBusy(null); }
  };

  const counts = rows ? { overdue: rows.filter((r) => r.level === 'overdue').length, warning: rows.filter((r) => r.level === 'warning').length } : null;

  return (
    <Card title="待办任务" extra={<Space>
      {counts && <><Tag color="red">超期 {counts.overdue}</Tag><Tag color="gold">预警 {counts.warning}</Tag></>}
      <Button icon={<ReloadOutlined />} onClick={load}>刷新</Button></Space>}>
      <Tabs activeKey={scope} onChange={(k) => setParams({ scope: k })} items={scopes.map((s) => ({ key: s.key, label: s.label }))} />
      <Table<TaskRow> rowKey={(r) => r.caseId + r.taskId} loading={rows === null} dataSource={rows ?? []} size="middle" data-testid="task-table"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => ({ 'data-testid': `task-${r.number}`, 'data-level': r.level } as React.HTMLAttributes<HTMLElement>)}
        locale={{ emptyText: '没有待办任务' }}
        columns={[
          { title: '', key: 'level', width: 8, render: (_, r) => <div style={{ width: 6, height: 36, borderRadius: 3, background: r.level === 'overdue' ? '#f5222d' : r.level === 'warning' ? '#faad14' : '#52c41a' }} /> },
          { title: '办件编号', key: 'number', render: (_, r) => <Link to={`/workbench/cases/${r.caseId}`} style={{ fontFamily: 'monospace' }}>{r.number}</Link> },
          { title: '事项', key: 'item', render: (_, r) => itemName(items, r.itemId) },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '环节', key: 'step', render: (_, r) => <Space size={4}>{r.stepName}{r.countersign && <Tag color="purple">会签</Tag>}</Space> },
          { title: '到期日', dataIndex: 'due', render: (d, r) => <DueDate date={d} provisional={r.dueProvisional} /> },
          { title: '剩余', key: 'remaining', render: (_, r) => (
            <Tooltip title={levelLabels[r.level]}><Tag color={levelColors[r.level]} data-testid="remaining">{remainingText(r.remainingWorkingDays)}</Tag></Tooltip>
          ) },
          { title: '认领人', dataIndex: 'claimedBy', render: (c) => c ?? <Typography.Text type="secondary">未认领</Typography.Text> },
          { title: '', key: 'actions', width: 150, render: (_, r) => (
            <Space>
              {!r.claimedBy && <Button size="small" loading={busy === r.taskId + r.caseId} onClick={() => claim(r)}>认领</Button>}
              <Button size="small" type="primary" onClick={() => navigate(`/workbench/cases/${r.caseId}`)}>办理</Button>
            </Space>
          ) },
        ]} />
    </Card>
  );
}
