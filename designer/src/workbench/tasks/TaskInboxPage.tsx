import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Grid, List, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { showError } from '../../api/client';
import { workbenchApi } from '../api';
import { itemName, useItems } from '../common/useItemNames';
import { personName, usePeople } from '../common/usePeople';
import { levelColors, remainingText, type TaskRow } from '../types';
import { DueDate } from '../common/DueDate';

type Scope = 'mine' | 'department' | 'claimable';
const scopes: { key: Scope; label: string }[] = [
  { key: 'mine', label: '我的待办' }, { key: 'department', label: '本部门' }, { key: 'claimable', label: '可认领' },
];

const pageSize = 50;
const levelBars: Record<TaskRow['level'], string> = { normal: '#52c41a', warning: '#faad14', overdue: '#f5222d', suspended: '#bfbfbf' };

/** 待办任务: mine, my department's, claimable; by due date, coloured by the server's deadline level; one page at a time from the server. */
export function TaskInboxPage() {
  const [params, setParams] = useSearchParams();
  const scope = (params.get('scope') as Scope) || 'mine';
  const [rows, setRows] = useState<TaskRow[] | null>(null);
  const [page, setPage] = useState(1);
  const [total, setTotal] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const items = useItems();
  const people = usePeople();
  const navigate = useNavigate();
  const { message } = App.useApp();
  // A phone (a head approving on the way): one card per task instead of a nine-column table.
  const narrow = !Grid.useBreakpoint().md;

  const load = useCallback(async () => {
    setRows(null);
    try {
      const answer = await workbenchApi.tasks(scope, (page - 1) * pageSize, pageSize);
      setRows(answer.tasks);
      setTotal(answer.total);
    } catch (e) { showError(e, '待办任务'); setRows([]); }
  }, [scope, page]);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => { setPage(1); }, [scope]);

  const claim = async (row: TaskRow) => {
    setBusy(row.taskId + row.caseId);
    try {
      await workbenchApi.command(row.caseId, 'claim', { taskId: row.taskId });
      message.success(`已认领 ${row.number} · ${row.stepName}`);
      navigate(`/workbench/cases/${row.caseId}`);
    } catch (e) { showError(e, '认领'); } finally { setBusy(null); }
  };

  // Of this page (earliest due first, so the urgent ones are on the first page).
  const counts = rows ? { overdue: rows.filter((r) => r.level === 'overdue').length, warning: rows.filter((r) => r.level === 'warning').length } : null;

  return (
    <Card title="待办任务" extra={<Space>
      {counts && <><Tag color="red">超期 {counts.overdue}</Tag><Tag color="gold">预警 {counts.warning}</Tag></>}
      <Button icon={<ReloadOutlined />} onClick={load}>刷新</Button></Space>}>
      <Tabs activeKey={scope} onChange={(k) => setParams({ scope: k })} items={scopes.map((s) => ({ key: s.key, label: s.label }))} />
      {narrow ? (
        <List<TaskRow> loading={rows === null} dataSource={rows ?? []} locale={{ emptyText: '没有待办任务' }} data-testid="task-list"
          renderItem={(r) => (
            <List.Item key={r.caseId + r.taskId} data-testid={`task-${r.number}`} data-level={r.level}
              style={{ borderInlineStart: `4px solid ${r.level === 'overdue' ? '#f5222d' : r.level === 'warning' ? '#faad14' : '#52c41a'}`, paddingInline: 10 }}>
              <div style={{ width: '100%' }}>
                <Link to={`/workbench/cases/${r.caseId}`} data-testid="task-title" style={{ display: 'block', fontWeight: 600, fontSize: 15 }}>{itemName(items, r.itemId)}</Link>
                <div style={{ color: '#595959', margin: '2px 0 6px' }}>
                  {r.applicantName} · {r.stepName}{r.countersign && <Tag color="purple" style={{ marginInlineStart: 4 }}>会签</Tag>}<CatchUpTag row={r} />
                </div>
                <Space size={6} wrap>
                  <Tag color={levelColors[r.level]} data-testid="remaining">{remainingText(r.remainingWorkingDays)}</Tag>
                  <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>{r.number}</Typography.Text>
                  {!r.claimedBy && <Button size="small" loading={busy === r.taskId + r.caseId} onClick={() => claim(r)}>认领</Button>}
                  <Button size="small" type="primary" onClick={() => navigate(`/workbench/cases/${r.caseId}`)}>办理</Button>
                </Space>
              </div>
            </List.Item>
          )} />
      ) : (
      <Table<TaskRow> rowKey={(r) => r.caseId + r.taskId} loading={rows === null} dataSource={rows ?? []} size="middle" data-testid="task-table"
        pagination={{
          // A case with several of the scope's tasks can make a page a little longer than 50 rows: never cut it.
          current: page, pageSize: Math.max(pageSize, rows?.length ?? 0), total, hideOnSinglePage: true, showSizeChanger: false, onChange: setPage,
          showTotal: (n) => `共 ${n} 件`,
        }}
        onRow={(r) => ({ 'data-testid': `task-${r.number}`, 'data-level': r.level } as React.HTMLAttributes<HTMLElement>)}
        locale={{ emptyText: '没有待办任务' }}
        columns={[
          { title: '', key: 'level', width: 8, render: (_, r) => <div style={{ width: 6, height: 36, borderRadius: 3, background: levelBars[r.level] }} /> },
          { title: '办件编号', key: 'number', render: (_, r) => <Link to={`/workbench/cases/${r.caseId}`} style={{ fontFamily: 'monospace' }}>{r.number}</Link> },
          { title: '事项', key: 'item', render: (_, r) => itemName(items, r.itemId) },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '环节', key: 'step', render: (_, r) => <Space size={4}>{r.stepName}{r.countersign && <Tag color="purple">会签</Tag>}<CatchUpTag row={r} /></Space> },
          { title: '到期日', dataIndex: 'due', render: (d, r) => <DueDate date={d} provisional={r.dueProvisional} /> },
          { title: '剩余', key: 'remaining', render: (_, r) => (
            <Tooltip title={r.levelLabel}><Tag color={levelColors[r.level]} data-testid="remaining">{remainingText(r.remainingWorkingDays)}</Tag></Tooltip>
          ) },
          { title: '认领人', dataIndex: 'claimedBy', render: (c: string | null | undefined) => c ? personName(people, c) : <Typography.Text type="secondary">未认领</Typography.Text> },
          { title: '', key: 'actions', width: 150, render: (_, r) => (
            <Space>
              {!r.claimedBy && <Button size="small" loading={busy === r.taskId + r.caseId} onClick={() => claim(r)}>认领</Button>}
              <Button size="small" type="primary" onClick={() => navigate(`/workbench/cases/${r.caseId}`)}>办理</Button>
            </Space>
          ) },
        ]} />
      )}
    </Card>
  );
}

/** 容缺 催补: the applicant missed a catch-up date; the case ends after the grace period unless the material comes. */
function CatchUpTag({ row }: { row: TaskRow }) {
  if (!row.catchUp) return null;
  const until = row.catchUp.terminatesAfter ? `，${row.catchUp.terminatesAfter} 后终止办理` : '';
  return <Tooltip title={`容缺材料补交期限 ${row.catchUp.catchUpDue ?? ''} 已过，${row.catchUp.remindedOn} 已催补${until}`}>
    <Tag color="red" data-testid="catch-up">催补{until ? ' · 将终止' : ''}</Tag></Tooltip>;
}
