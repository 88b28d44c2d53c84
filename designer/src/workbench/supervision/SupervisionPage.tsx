import { BellOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Popconfirm, Row, Segmented, Space, Statistic, Table, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { describeError } from '../../api/client';
import { workbenchApi } from '../api';
import { RectificationStatusTag } from '../evaluation/RectificationList';
import { BarChart, WeeklyChart } from './charts';
import { downloadCsv } from './csv';
import { caseStatusColor, levelColors as deadlineColors } from '../types';
import { alertRows, alertsCsv, departmentsCsv, formatRate, officeTotals, ratingsCsv, weeklyTotals } from './stats';
import type { DepartmentReport, Rectification, SupervisionCase, SupervisionOverview, SupervisionReport } from './types';
import { DueDate } from '../common/DueDate';

const levelColors: Record<string, string> = {
  'very-satisfied': '#237804', satisfied: '#52c41a', 'basically-satisfied': '#d4b106', dissatisfied: '#d46b08', 'very-dissatisfied': '#a8071a',
};

function rateColor(rate: number | null): string {
  return rate === null ? '#bfbfbf' : rate >= 95 ? '#389e0d' : rate >= 80 ? '#d4b106' : '#cf1322';
}

/** 效能监督: overdue and warning cases, departments' on-time rates and weekly volumes, 好差评 results, CSV exports. */
export function SupervisionPage() {
  const [overview, setOverview] = useState<SupervisionOverview | null>(null);
  const [report, setReport] = useState<SupervisionReport | null>(null);
  const [weeks, setWeeks] = useState(8);
  const [error, setError] = useState<ReturnType<typeof describeError> | null>(null);
  const [loading, setLoading] = useState(false);
  const { message } = App.useApp();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [o, r] = await Promise.all([
        workbenchApi.supervision(),
        workbenchApi.supervisionReport(weeks),
      ]);
      setOverview(o);
      setReport(r);
      setError(null);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setLoading(false);
    }
  }, [weeks]);

  useEffect(() => {
    void load();
  }, [load]);

  const names = useMemo(() => {
    const map = new Map<string, string>();
    overview?.departments.forEach((d) => d.departmentName && map.set(d.department, d.departmentName));
    report?.departments.forEach((d) => map.set(d.department, d.departmentShortName ?? d.departmentName ?? d.department));
    return (id?: string | null) => (id ? map.get(id) ?? id : '');
  }, [overview, report]);

  const alerts = useMemo(() => (overview ? alertRows(overview) : []), [overview]);
  const totals = report ? officeTotals(report.departments) : null;
  const openRectifications = report?.evaluations.bad.filter((b) => b.status !== 'completed').length ?? 0;
  const stamp = overview?.today ?? report?.today ?? '';

  const urge = async (row: SupervisionCase) => {
    try {
      await workbenchApi.command(row.id, 'urge', { message: row.level === 'overdue' ? '该件已超过承诺时限，请立即办理并说明原因' : '该件即将到期，请抓紧办理' });
      message.success(`已向 ${row.number} 的承办人发出催办`);
    } catch (e) {
      const d = describeError(e);
      message.error(d.code ? `${d.title}（${d.code}）` : d.title);
    }
  };

  const alertColumns: ColumnsType<SupervisionCase> = [
    { title: '级别', dataIndex: 'level', width: 80, render: (_, r) => <>
      <Tag color={deadlineColors[r.level]}>{r.levelLabel}</Tag>
      {(r.procedureOverrun || r.procedure?.overrun) && <Tag color="red" title={r.procedure ? `${r.procedure.name}：告知于${r.procedure.announcedEnd}前结束` : '特别程序已超过告知的期限'} data-testid="procedure-overrun">特别程序超时</Tag>}
    </> },
    { title: '办件编号', key: 'number', width: 170, render: (_, r) => <Link to={`/workbench/cases/${r.id}`}>{r.number}</Link> },
    { title: '事项', dataIndex: 'itemName', render: (v, r) => v ?? r.itemId },
    { title: '申请人', dataIndex: 'applicantName' },
    { title: '当前部门', dataIndex: 'department', render: (v) => names(v) || '—' },
    { title: '状态', dataIndex: 'statusLabel', render: (v: string, r) => <Tag color={caseStatusColor(r.status)}>{v}</Tag> },
    { title: '承诺办结日', dataIndex: 'promisedDue', width: 120, render: (v) => <DueDate date={v} /> },
    { title: '剩余工作日', dataIndex: 'remaining', width: 110, align: 'right', render: (v: number | null) => (v === null || v === undefined ? '—' : v < 0 ? <span style={{ color: '#cf1322' }}>{v}</span> : v) },
    {
      title: '', key: 'urge', width: 90,
      render: (_, r) => <Popconfirm title="向承办人发出催办？" okText="催办" cancelText="取消" onConfirm={() => void urge(r)}><Button size="small" icon={<BellOutlined />}>催办</Button></Popconfirm>,
    },
  ];

  const departmentColumns: ColumnsType<DepartmentReport> = [
    { title: '部门', key: 'name', render: (_, d) => <span title={d.departmentName ?? undefined}>{d.departmentShortName ?? d.departmentName ?? d.department}</span> },
    { title: '收件', dataIndex: 'received', align: 'right' },
    { title: '办结', dataIndex: 'closed', align: 'right' },
    { title: '按时办结', dataIndex: 'onTime', align: 'right' },
    { title: '超期办结', dataIndex: 'late', align: 'right', render: (v: number) => (v > 0 ? <span style={{ color: '#cf1322' }}>{v}</span> : v) },
    { title: '按时办结率', dataIndex: 'onTimeRate', align: 'right', render: (v: number | null) => <span style={{ color: rateColor(v) }}>{formatRate(v)}</span> },
    { title: '在办', dataIndex: 'open', align: 'right' },
    { title: '在办预警', dataIndex: 'warning', align: 'right', render: (v: number) => (v > 0 ? <Tag color="gold">{v}</Tag> : v) },
    { title: '在办超期', dataIndex: 'overdue', align: 'right', render: (v: number) => (v > 0 ? <Tag color="red">{v}</Tag> : v) },
    { title: '已暂停', dataIndex: 'suspended', align: 'right' },
    { title: '特别程序超时', dataIndex: 'procedureOverrun', align: 'right', render: (v?: number) => (v ? <Tag color="red">{v}</Tag> : 0) },
  ];

  const badColumns: ColumnsType<Rectification> = [
    { title: '办件编号', key: 'number', width: 170, render: (_, r) => <Link to={`/workbench/cases/${r.caseId}`}>{r.number}</Link> },
    { title: '事项', dataIndex: 'itemName' },
    { title: '责任部门', key: 'department', render: (_, r) => r.departmentShortName ?? r.departmentName },
    { title: '评价', dataIndex: 'levelLabel', render: (v) => <Tag color="red">{v}</Tag> },
    { title: '评价意见', dataIndex: 'comment', render: (v) => v || '—' },
    { title: '整改期限', dataIndex: 'due', width: 120, render: (v) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    { title: '整改状态', key: 'status', render: (_, r) => <RectificationStatusTag r={r} /> },
    { title: '整改情况', dataIndex: 'measures', render: (v) => v ?? '—' },
  ];

  const exportButton = (label: string, make: () => [string, string], testId: string) => (
    <Button icon={<DownloadOutlined />} data-testid={testId} disabled={!report || !overview} onClick={() => { const [name, csv] = make(); downloadCsv(name, csv); }}>{label}</Button>
  );

  return (
    <Card
      title="效能监督"
      extra={
        <Space>
          <Segmented<number> value={weeks} onChange={setWeeks} options={[{ label: '近 4 周', value: 4 }, { label: '近 8 周', value: 8 }, { label: '近 12 周', value: 12 }]} />
          <Button icon={<ReloadOutlined />} loading={loading} onClick={() => void load()}>刷新</Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error.code ? `${error.title}（${error.code}）` : error.title} description={error.detail} style={{ marginBottom: 16 }} />}
      {overview && overview.listed < overview.totals.warning + overview.totals.overdue + overview.totals.suspended && (
        <Alert type="info" showIcon title={`列表显示最紧急的 ${overview.listed} 件；统计数字包含全部在办办件`} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={4}><Statistic title="超期办件" value={overview?.totals.overdue ?? '—'} styles={{ content: { color: '#cf1322' } }} /></Col>
        <Col xs={12} md={4}><Statistic title="预警办件" value={overview?.totals.warning ?? '—'} styles={{ content: { color: '#d48806' } }} /></Col>
        <Col xs={12} md={4}><Statistic title="在办（已暂停）" value={overview ? `${overview.totals.open}（${overview.totals.suspended}）` : '—'} /></Col>
        <Col xs={12} md={4}><Statistic title="按时办结率（已办结）" value={formatRate(totals?.onTimeRate)} styles={{ content: { color: rateColor(totals?.onTimeRate ?? null) } }} /></Col>
        <Col xs={12} md={4}><Statistic title="满意率" value={formatRate(report?.evaluations.satisfactionRate)} /></Col>
        <Col xs={12} md={4}><Statistic title="待整改差评" value={report ? openRectifications : '—'} styles={{ content: { color: openRectifications ? '#cf1322' : undefined } }} /></Col>
        <Col xs={12} md={4}>
          <Link to="/workbench/cases?procedureOverrun=true" data-testid="procedure-overrun-count">
            <Statistic title="特别程序超时" value={overview?.totals.procedureOverrun ?? '—'} styles={{ content: { color: overview?.totals.procedureOverrun ? '#cf1322' : undefined } }} />
          </Link>
        </Col>
        <Col xs={12} md={4} data-testid="pledge-check-overdue-count" title="告知承诺核查任务已过核查期限仍未完成（含已办结办件），在承办部门待办中显示为超期">
          <Statistic title="告知承诺核查超期" value={overview?.totals.pledgeCheckOverdue ?? '—'} styles={{ content: { color: overview?.totals.pledgeCheckOverdue ? '#cf1322' : undefined } }} />
        </Col>
      </Row>
      <Tabs
        items={[
          {
            key: 'alerts',
            label: `超期、预警与暂停（${overview ? overview.totals.overdue + overview.totals.warning + overview.totals.suspended : 0}）`,
            children: (
              <>
                <Space style={{ marginBottom: 12 }}>
                  {exportButton('导出 CSV', () => [`超期预警办件-${stamp}.csv`, alertsCsv(alerts, names)], 'export-alerts')}
                  <span style={{ color: '#8c8c8c' }}>统计日 {stamp}</span>
                </Space>
                <Table<SupervisionCase> rowKey="id" columns={alertColumns} dataSource={alerts} loading={loading && !overview} data-testid="alerts"
                  pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: <Empty description="没有预警、超期或暂停的办件" /> }}
                  rowClassName={(r) => (r.level === 'overdue' ? 'row-overdue' : '')} />
              </>
            ),
          },
          {
            key: 'departments',
            label: '部门效能',
            children: report && (
              <>
                <Space style={{ marginBottom: 12 }}>{exportButton('导出 CSV', () => [`部门效能-${stamp}.csv`, departmentsCsv(report)], 'export-departments')}</Space>
                <Row gutter={24}>
                  <Col xs={24} lg={12}>
                    <h4>按时办结率</h4>
                    <BarChart title="各部门按时办结率" max={100}
                      bars={report.departments.map((d) => ({ label: d.departmentShortName ?? d.departmentName ?? d.department, value: d.onTimeRate, text: `${formatRate(d.onTimeRate)}（${d.onTime}/${d.closed}）`, color: rateColor(d.onTimeRate) }))} />
                  </Col>
                  <Col xs={24} lg={12}>
                    <h4>每周收件与办结（全中心）</h4>
                    <WeeklyChart title="每周收件与办结" data={weeklyTotals(report)} />
                  </Col>
                </Row>
                <Table<DepartmentReport> rowKey="department" columns={departmentColumns} dataSource={report.departments} pagination={false} style={{ marginTop: 16 }}
                  expandable={{
                    expandedRowRender: (d) => <WeeklyChart title={`${d.departmentShortName ?? d.department}每周收件与办结`} data={d.weekly} />,
                  }}
                  summary={() => totals && (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0} />
                      <Table.Summary.Cell index={1}><b>合计</b></Table.Summary.Cell>
                      <Table.Summary.Cell index={2} align="right">{totals.received}</Table.Summary.Cell>
                      <Table.Summary.Cell index={3} align="right">{totals.closed}</Table.Summary.Cell>
                      <Table.Summary.Cell index={4} align="right">{totals.onTime}</Table.Summary.Cell>
                      <Table.Summary.Cell index={5} align="right">{totals.late}</Table.Summary.Cell>
                      <Table.Summary.Cell index={6} align="right">{formatRate(totals.onTimeRate)}</Table.Summary.Cell>
                      <Table.Summary.Cell index={7} align="right">{totals.open}</Table.Summary.Cell>
                      <Table.Summary.Cell index={8} align="right">{totals.warning}</Table.Summary.Cell>
                      <Table.Summary.Cell index={9} align="right">{totals.overdue}</Table.Summary.Cell>
                      <Table.Summary.Cell index={10} align="right">{totals.suspended}</Table.Summary.Cell>
                      <Table.Summary.Cell index={11} align="right">{totals.procedureOverrun}</Table.Summary.Cell>
                    </Table.Summary.Row>
                  )}
                />
              </>
            ),
          },
          {
            key: 'ratings',
            label: `好差评（${report?.evaluations.total ?? 0}）`,
            children: report && (
              <>
                <Space style={{ marginBottom: 12 }}>{exportButton('导出差评整改 CSV', () => [`差评整改-${stamp}.csv`, ratingsCsv(report.evaluations.bad)], 'export-ratings')}</Space>
                <Row gutter={24}>
                  <Col xs={24} lg={12}>
                    <h4>评价等级分布（共 {report.evaluations.total} 条，满意率 {formatRate(report.evaluations.satisfactionRate)}）</h4>
                    <BarChart title="评价等级分布" unit=" 条" bars={report.evaluations.levels.map((l) => ({ label: l.label, value: l.count, color: levelColors[l.level] }))} />
                  </Col>
                </Row>
                <h4 style={{ marginTop: 16 }}>差评及整改</h4>
                <Table<Rectification> rowKey="caseId" columns={badColumns} dataSource={report.evaluations.bad} pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  locale={{ emptyText: <Empty description="没有差评" /> }} data-testid="bad-ratings" />
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
