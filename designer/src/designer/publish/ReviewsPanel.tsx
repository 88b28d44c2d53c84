import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { showError } from '../../api/client';
import { formatDateTime } from '../../common/format';
import { designerApi, diagnosticsOf, type PendingReview, type ReturnedReview, type ReviewRound } from '../api/designerApi';
import type { Diagnostic } from '../model/types';
import { DiagnosticsList } from '../shared/Diagnostics';
import { FileDiffs } from './FileDiffs';
import { decisionText } from './reviewText';

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
      onDecided(`${review.mayDecide ? '已退回' : '已撤回'}：${review.message}`);
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
      <ReviewHistory rounds={review.history} />
      <DiagnosticsList diagnostics={problems} title="复核的修改有错误，未发布" />
      <FileDiffs files={review.files} />
      <Modal open={rejecting} title={review.mayDecide ? '退回修改' : '撤回修改'} okText={review.mayDecide ? '退回' : '撤回'} cancelText="取消" confirmLoading={busy === 'reject'} onOk={reject} onCancel={() => setRejecting(false)}>
        <Input.TextArea rows={3} placeholder={review.mayDecide ? '退回理由（可选），作者在发布页看到' : '撤回说明（可选）'} value={reason} onChange={(e) => setReason(e.target.value)} aria-label={review.mayDecide ? '退回理由' : '撤回说明'} />
      </Modal>
    </Card>
  );
}

/** The earlier submissions of a change, oldest first: what was sent back or withdrawn, by whom, when and why. */
function ReviewHistory({ rounds }: { rounds: ReviewRound[] }) {
  if (rounds.length === 0) return null;
  return (
    <div data-testid="review-history" style={{ marginBottom: 8 }}>
      <Typography.Text strong>此前的提交</Typography.Text>
      <ol style={{ margin: '4px 0 0', paddingLeft: 20 }}>
        {rounds.map((r) => (
          <li key={r.review}>
            {r.message}（{r.author} 提交于 {formatDateTime(r.date)}）：<Typography.Text type={r.decision.kind === 'rejected' ? 'warning' : 'secondary'}>{decisionText(r.decision)}</Typography.Text>
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * 已退回的修改: what a reviewer sent back (or the author withdrew), with the reason, where the author
 * publishes. The edits are still in the work tree: the author revises them in the designer and
 * submits again (提交复核), and the new submission shows this one in its history.
 */
export function ReturnedPanel({ returned, onReuseMessage }: { returned: ReturnedReview[]; onReuseMessage: (message: string) => void }) {
  if (returned.length === 0) return null;
  return (
    <Card size="small" style={{ marginBottom: 12 }} title={`退回的修改（${returned.length}）`} data-testid="returned">
      <Space direction="vertical" style={{ width: '100%' }}>
        {returned.map((r) => (
          <Alert key={r.review} type={r.decision.kind === 'rejected' ? 'warning' : 'info'} showIcon data-testid="review-returned" data-review={r.review}
            title={decisionText(r.decision)}
            description={
              <Space direction="vertical" size={4}>
                <span>修改“{r.message}”（{r.author} 提交于 {formatDateTime(r.date)}，涉及 {r.files.join('、')}）未发布，修改内容仍在工作区。</span>
                <span>请在设计器中修改后，填写发布说明并点击“提交复核”重新提交；退回记录保留在修改的历史中。</span>
                <ReviewHistory rounds={r.history} />
                <Button size="small" onClick={() => onReuseMessage(r.message)}>沿用原发布说明</Button>
              </Space>
            } />
        ))}
      </Space>
    </Card>
  );
}
