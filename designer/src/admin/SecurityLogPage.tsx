import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, describeError } from '../api/client';
import { formatDateTimeSeconds } from '../common/format';
import { personWithUser, usePeople } from '../workbench/common/usePeople';
import type { components } from '../api/schema';

/** GET /api/security/events: one page of the log, newest first, and the kinds the filter offers. */
type EventPage = components['schemas']['SecurityEventPage'];
type SecurityEvent = EventPage['events'][number];

/** The periods an admin looks back over, in hours. */
const periods = [
  { value: 24, label: '近 24 小时' }, { value: 24 * 7, label: '近 7 日' }, { value: 24 * 30, label: '近 30 日' }, { value: 24 * 365, label: '近一年' },
];

/** Failures and locks stand out; the rest is the ordinary record. */
function kindColor(kind: string): string | undefined {
  if (kind.endsWith('-locked') || kind === 'sign-in-refused') return 'red';
  if (kind.endsWith('-failed')) return 'orange';
  if (kind.startsWith('account-') || kind === 'password-reset' || kind.startsWith('definitions-')) return 'blue';
  return undefined;
}

/**
 * 安全日志 (/admin/security): sign-ins and their failures, locks, account and role changes, publishes,
 * downloads of personal documents and the rating tablets' events, newest first, in Beijing time;
 * filtered by kind and user, a page at a time from the server (GET /api/security/events, admins only).
 */
export default function SecurityLogPage() {
  const [kind, setKind] = useState<string | undefined>(undefined);
  const [userInput, setUserInput] = useState('');
  const [user, setUser] = useState('');
  const [hours, setHours] = useState(24 * 7);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [data, setData] = useState<EventPage | null>(null);
  const people = usePeople();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ReturnType<typeof describeError> | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    const query = new URLSearchParams({ hours: String(hours), page: String(page), pageSize: String(pageSize) });
    if (kind) query.set('kind', kind);
    if (user) query.set('user', user);
    try {
      setData(await api.get<EventPage>(`/api/security/events?${query}`));
      setError(null);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setLoading(false);
    }
  }, [kind, user, hours, page, pageSize]);
  useEffect(() => { void load(); }, [load]);

  return (
    <Card title="安全日志" extra={<Button icon={<ReloadOutlined />} loading={loading} onClick={() => void load()}>刷新</Button>}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<string> allowClear placeholder="全部类型" style={{ width: 200 }} value={kind} aria-label="事件类型"
          options={(data?.kinds ?? []).map((k) => ({ value: k.kind, label: k.label }))}
          onChange={(v) => { setKind(v); setPage(1); }} />
        <Input.Search placeholder="用户名" allowClear style={{ width: 220 }} value={userInput} aria-label="用户名"
          onChange={(e) => setUserInput(e.target.value)} onSearch={(v) => { setUser(v.trim()); setPage(1); }} />
        <Select<number> style={{ width: 140 }} value={hours} options={periods} aria-label="时间范围" onChange={(v) => { setHours(v); setPage(1); }} />
      </Space>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error.code ? `${error.title}（${error.code}）` : error.title} description={error.detail} />}
      {data?.truncated && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="该时间范围内事件过多，仅检索了最近的 5000 条；请缩小时间范围或按用户筛选" />}
      <Table<SecurityEvent>
        data-testid="security-events"
        rowKey={(e) => `${e.at}|${e.kind}|${e.userName ?? ''}|${e.target ?? ''}|${e.detail ?? ''}`}
        loading={loading}
        dataSource={data?.events ?? []}
        size="middle"
        pagination={{
          current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => `共 ${total} 条`, onChange: (p, s) => { setPage(s === pageSize ? p : 1); setPageSize(s); },
        }}
        columns={[
          { title: '时间（北京时间）', dataIndex: 'at', width: 170, render: (v: string) => formatDateTimeSeconds(v) },
          { title: '类型', dataIndex: 'kindLabel', width: 160, render: (label: string, e) => <Tag color={kindColor(e.kind)}>{label}</Tag> },
          { title: '用户', dataIndex: 'userName', width: 200, render: (v?: string | null) => personWithUser(people, v) },
          { title: '对象', dataIndex: 'target', render: (v?: string | null) => v ?? '—' },
          { title: '地址', dataIndex: 'address', width: 140, render: (v?: string | null) => v ?? '—' },
          { title: '说明', dataIndex: 'detail', render: (v?: string | null) => v ?? '' },
        ]}
      />
    </Card>
  );
}
