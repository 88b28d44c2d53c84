import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Table, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { describeError, showError } from '../../api/client';
import { workbenchApi } from '../api';
import { hasAnyRole, useAuth } from '../../auth/AuthContext';
import { RectificationList } from './RectificationList';
import { formatDateTime } from '../../common/format';
import type { components } from '../../api/schema';

/** A case closed at the window and not rated yet (GET /api/evaluations/pending). */
type PendingCase = components['schemas']['PendingEvaluationRow'];

/** For the window: the closed cases not yet rated, each one can be shown on the window's paired tablet. */
function PendingRatings() {
  const [rows, setRows] = useState<PendingCase[] | null>(null);
  const [error, setError] = useState<ReturnType<typeof describeError> | null>(null);
  const { message } = App.useApp();
  const push = async (r: PendingCase) => {
    try {
      await workbenchApi.showOnTablet(r.caseId);
      message.success(`已推送 ${r.number} 到本窗口评价器`);
    } catch (e) { showError(e, '推送到评价器'); }
  };
  useEffect(() => {
    workbenchApi.pendingEvaluations().then((r) => setRows(r.cases), (e) => setError(describeError(e)));
  }, []);
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="kiosk-hint" title="评价器（平板）由管理员配对到本窗口"
        description="评价器以设备身份运行，不使用您的账号：请管理员在“评价器管理”中为本窗口生成配对码，在柜台平板上打开 /kiosk 输入。您在本窗口办结的办件会自动显示在评价器上；也可以用“推送到评价器”显示其他办件。" />
      {error && <Alert type="error" showIcon title={error.title} description={error.detail} style={{ marginBottom: 12 }} />}
      <Table<PendingCase>
        rowKey="caseId"
        loading={!rows && !error}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="近 30 日办结的办件都已评价" /> }}
        columns={[
          { title: '办件编号', dataIndex: 'number', width: 170 },
          { title: '事项', dataIndex: 'itemName' },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '办结时间', dataIndex: 'closedAt', render: (v: string) => formatDateTime(v) },
          {
            title: '操作', key: 'rate', render: (_, r) => (
              <Button icon={<SendOutlined />} onClick={() => void push(r)}>推送到评价器</Button>
            ),
          },
        ]}
      />
    </>
  );
}

/** 好差评与整改: the window's rating tablet and pending cases; the heads' and supervisors' rectifications. */
export function EvaluationHome() {
  const { user } = useAuth();
  const atWindow = hasAnyRole(user, ['clerk', 'admin']);
  const oversees = hasAnyRole(user, ['head', 'supervisor', 'admin']);
  const items = [
    ...(oversees ? [{ key: 'rectifications', label: '差评整改', children: <RectificationList /> }] : []),
    ...(atWindow ? [{ key: 'pending', label: '待评价办件', children: <PendingRatings /> }] : []),
  ];
  return (
    <Card title="好差评与整改">
      {items.length === 0 ? <Empty description="当前账号没有好差评相关的工作" /> : <Tabs items={items} defaultActiveKey={hasAnyRole(user, ['clerk']) ? 'pending' : 'rectifications'} />}
    </Card>
  );
}
