import { DesktopOutlined, PrinterOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Dropdown, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { describeError, showError } from '../../api/client';
import { workbenchApi } from '../api';
import { DeliveryModal } from './DeliveryModal';
import { deliveryLabels, documentName } from './delivery';
import { DueTag } from './DueTag';
import type { CaseDocument, DeliveredCase, IssuanceList, WaitingCase } from './types';
import { formatDateTime } from '../../common/format';

const decisionTags: Record<string, { color: string; text: string }> = {
  granted: { color: 'green', text: '准予许可' },
  denied: { color: 'volcano', text: '不予许可' },
  refused: { color: 'default', text: '不予受理' },
};

function resultDocument(documents: CaseDocument[]): CaseDocument | undefined {
  return documents.find((d) => d.result) ?? documents[0];
}

/** 打印证照: the result's PDF in a new tab (the browser's viewer prints it); the case's other documents in a menu. */
function PrintButtons({ row, resultName }: { row: { caseId: string; documents: CaseDocument[] }; resultName?: string | null }) {
  const main = resultDocument(row.documents);
  if (!main) return <Typography.Text type="secondary">尚无结果文书</Typography.Text>;
  const others = row.documents.filter((d) => d !== main);
  const button = (
    <Button icon={<PrinterOutlined />} href={workbenchApi.documentUrl(row.caseId, main.documentId)} target="_blank" rel="noopener" data-testid="print-result">
      打印{documentName(main.templateId, resultName)}
    </Button>
  );
  if (others.length === 0) return button;
  return (
    <Space.Compact>
      {button}
      <Dropdown menu={{ items: others.map((d) => ({ key: d.documentId, label: <a href={workbenchApi.documentUrl(row.caseId, d.documentId)} target="_blank" rel="noopener">{documentName(d.templateId, resultName)}</a> })) }}>
        <Button>其他文书</Button>
      </Dropdown>
    </Space.Compact>
  );
}

/** 统一出件窗口: the cases whose result waits to be handed over, and what left the window this week. */
export function IssuancePage() {
  const [data, setData] = useState<IssuanceList | null>(null);
  const [error, setError] = useState<ReturnType<typeof describeError> | null>(null);
  const [loading, setLoading] = useState(false);
  const [delivering, setDelivering] = useState<WaitingCase | null>(null);
  const { message } = App.useApp();

  // The applicant rates on the window's paired tablet (/kiosk), never in this session.
  const pushToTablet = async (r: DeliveredCase) => {
    try {
      await workbenchApi.showOnTablet(r.caseId);
      message.success(`已推送 ${r.number} 到本窗口评价器`);
    } catch (e) { showError(e, '推送到评价器'); }
  };

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await workbenchApi.issuance());
      setError(null);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const caseLink = (r: { caseId: string; number: string }) => <Link to={`/workbench/cases/${r.caseId}`}>{r.number}</Link>;

  const waitingColumns: ColumnsType<WaitingCase> = [
    { title: '办件编号', key: 'number', render: (_, r) => caseLink(r), width: 170 },
    { title: '事项', dataIndex: 'itemName', render: (v, r) => v ?? r.itemId },
    { title: '申请人', key: 'applicant', render: (_, r) => <>{r.applicantName}<br /><Typography.Text type="secondary">{r.applicantPhone}</Typography.Text></> },
    {
      title: '办理结果', key: 'result',
      render: (_, r) => <>{r.decision && <Tag color={decisionTags[r.decision]?.color}>{decisionTags[r.decision]?.text}</Tag>}{r.decision === 'granted' ? r.resultName : null}</>,
    },
    { title: '出件期限', key: 'due', render: (_, r) => <DueTag level={r.level} levelLabel={r.levelLabel} due={r.due} remaining={r.remainingWorkingDays} provisional={r.dueProvisional} />, width: 230 },
    {
      title: '操作', key: 'actions', width: 330,
      render: (_, r) => (
        <Space wrap>
          <PrintButtons row={r} resultName={r.resultName} />
          <Button type="primary" icon={<SendOutlined />} onClick={() => setDelivering(r)}>送达</Button>
        </Space>
      ),
    },
  ];

  const deliveredColumns: ColumnsType<DeliveredCase> = [
    { title: '办件编号', key: 'number', render: (_, r) => caseLink(r), width: 170 },
    { title: '事项', dataIndex: 'itemName', render: (v, r) => v ?? r.itemId },
    { title: '申请人', dataIndex: 'applicantName' },
    { title: '送达方式', dataIndex: 'method', render: (m: DeliveredCase['method']) => deliveryLabels[m] ?? m },
    { title: '运单号', dataIndex: 'trackingNumber', render: (v) => v ?? '—' },
    { title: '领取人/收件人', dataIndex: 'recipient', render: (v) => v ?? '—' },
    { title: '送达时间', dataIndex: 'at', render: (v: string) => formatDateTime(v) },
    {
      title: '评价', key: 'evaluated',
      render: (_, r) => r.evaluated ? <Tag color="blue">已评价</Tag>
        : <Button size="small" icon={<DesktopOutlined />} onClick={() => void pushToTablet(r)}>推送到评价器</Button>,
    },
    { title: '文书', key: 'print', render: (_, r) => <PrintButtons row={r} /> },
  ];

  return (
    <Card
      title="统一出件窗口"
      extra={<Button icon={<ReloadOutlined />} loading={loading} onClick={() => void load()}>刷新</Button>}
    >
      {error && <Alert type="error" showIcon title={error.code ? `${error.title}（${error.code}）` : error.title} description={error.detail} style={{ marginBottom: 16 }} />}
      <Tabs
        items={[
          {
            key: 'waiting',
            label: `待出件（${data?.waiting.length ?? 0}）`,
            children: (
              <Table<WaitingCase> rowKey={(r) => `${r.caseId}:${r.taskId}`} columns={waitingColumns} dataSource={data?.waiting ?? []} loading={loading && !data}
                pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: <Empty description="没有待出件的办件" /> }} data-testid="issuance-waiting" />
            ),
          },
          {
            key: 'delivered',
            label: `近 7 日已送达（${data?.delivered.length ?? 0}）`,
            children: (
              <Table<DeliveredCase> rowKey="caseId" columns={deliveredColumns} dataSource={data?.delivered ?? []}
                pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: <Empty description="近 7 日没有送达记录" /> }} data-testid="issuance-delivered" />
            ),
          },
        ]}
      />
      <DeliveryModal row={delivering} onClose={() => setDelivering(null)} onDelivered={() => void load()} />
    </Card>
  );
}
