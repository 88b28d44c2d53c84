import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { showError } from '../../api/client';
import { formatDateTime } from '../../common/format';
import { designerApi, diagnosticsOf, type PendingReview } from '../api/designerApi';
import type { Diagnostic } from '../model/types';
import { DiagnosticsList } from '../shared/Diagnostics';
import { FileDiffs } from './FileDiffs';

/**
 * 待复核的修改 (office.yaml designer.review-before-publish): each pending change with its diff; an
 * admin who is not its author approves it (exactly that commit goes live) or sends it back (退回).
 */
export function ReviewsPanel({ reviews, onDecided }: { reviews: PendingReview[]; onDecided: (message: string) => void }) {
  return (
    <Card size="small" style={{ marginBottom: 12 }} title={`待复核的修改（${reviews.length}）`} data-testid="reviews">
      {reviews.length === 0
        ? <Empty description="没有待复核的修改" image={Empty.PRESENTED_IMAGE_SIMPLE} />
        : <Space direction="vertical" style={{ width: '100%' }}>{reviews.map((r) => <ReviewCard key={r.review} review={r} onDecided={onDecided} />)}</Space>}
    </Card>
  );
}

function ReviewCard({ review, onDecided }: { review: PendingReview; onDecided: (message: string) => void }) {
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Diagnostic[]>([]);

  const approve = async () => {
    setBusy('approve');
    setProblems([]);
    try {
      const answer = await designerApi.approve(review.review);
      onDecided(`已批准并发布：${review.message}（提交 ${answer.commit.slice(0, 10)}）`);
    } catch (e) {
      const found = diagnosticsOf(e);
      if (found) setProblems(found);
      showError(e, '批准失败');
    } finally {
      setBusy(null);
    }
  };

  const reject = async () => {
    setBusy('reject');
    try {
      await designerApi.reject(review.review, reason.trim());
      setRejecting(false);
      onDecided(`已退回：${review.message}`);
    } catch (e) {
      showError(e, '退回失败');
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" type="inner" data-testid="review" data-review={review.review}
      title={<Space wrap><span>{review.message}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{review.author} 提交于 {formatDateTime(review.date)} · {review.shortCommit}</Typography.Text>{review.stale && <Tag color="orange">已过期</Tag>}</Space>}
      extra={
        <Space>
          {review.mayDecide && <Button type="primary" icon={<CheckOutlined />} loading={busy === 'approve'} disabled={review.stale || busy !== null} onClick={approve}>批准</Button>}
          <Button icon={<RollbackOutlined />} disabled={busy !== null} onClick={() => setRejecting(true)}>{review.mayDecide ? '退回' : '撤回'}</Button>
        </Space>
      }>
      {!review.mayDecide && <Alert type="info" showIcon style={{ marginBottom: 8 }} title="这是您提交的修改，须由另一位管理员复核批准后才发布。" />}
      {review.stale && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title="提交复核后已有新的发布，此修改不能按原样生效：请退回，由作者在最新版本上重新提交。" />}
      <DiagnosticsList diagnostics={problems} title="复核的修改有错误，未发布" />
      <FileDiffs files={review.files} />
      <Modal open={rejecting} title="退回修改" okText="退回" cancelText="取消" confirmLoading={busy === 'reject'} onOk={reject} onCancel={() => setRejecting(false)}>
        <Input.TextArea rows={3} placeholder="退回理由（可选），作者在安全日志中可见" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="退回理由" />
      </Modal>
    </Card>
  );
}
