import { CloudUploadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Input, Result, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { showError } from '../../api/client';
import { designerApi, diagnosticsOf, type ChangesAnswer, type PublishAnswer, type ReviewRequestedAnswer, type ReviewsAnswer } from '../api/designerApi';
import type { Diagnostic } from '../model/types';
import { DiagnosticsList } from '../shared/Diagnostics';
import { FileDiffs } from './FileDiffs';
import { ReturnedPanel, ReviewsPanel } from './ReviewsPanel';
import { formatDateTime } from '../../common/format';

function newKey() {
  return typeof crypto !== 'undefined' && crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

/** 修改与发布: the work tree against the last published version, and publishing it as a git commit by the signed-in user. */
export function ChangesPage() {
  const [params] = useSearchParams();
  const item = params.get('item') ?? undefined;
  const [onlyItem, setOnlyItem] = useState(!!item);
  const [changes, setChanges] = useState<ChangesAnswer | null>(null);
  const [message, setMessage] = useState('');
  const [publishing, setPublishing] = useState(false);
  const [published, setPublished] = useState<PublishAnswer | null>(null);
  const [requested, setRequested] = useState<ReviewRequestedAnswer | null>(null);
  const [reviews, setReviews] = useState<ReviewsAnswer | null>(null);
  const [decided, setDecided] = useState<string | null>(null);
  const [problems, setProblems] = useState<Diagnostic[]>([]);
  // One key per publish attempt: a retry after a network error cannot publish twice.
  const key = useRef(newKey());

  const load = useCallback(async () => {
    try {
      const [loaded, pending] = await Promise.all([designerApi.changes(onlyItem ? item : undefined), designerApi.reviews()]);
      setChanges(loaded);
      setReviews(pending);
    } catch (e) {
      showError(e, '加载修改失败');
    }
  }, [item, onlyItem]);

  useEffect(() => { void load(); }, [load]);

  const publish = async () => {
    setPublishing(true);
    setProblems([]);
    try {
      const answer = await designerApi.publish(message.trim(), onlyItem && item ? [item] : undefined, key.current);
      if ('review' in answer) setRequested(answer);
      else setPublished(answer);
      key.current = newKey();
      setMessage('');
      await load();
    } catch (e) {
      const found = diagnosticsOf(e);
      if (found) setProblems(found);
      showError(e, '发布失败');
    } finally {
      setPublishing(false);
    }
  };

  if (!changes) return <Spin style={{ display: 'block', margin: 60 }} />;
  const count = changes.publishable.length;
  const review = reviews?.enabled ?? false;
  return (
    <div data-testid="changes-page">
      {published && (
        <Result status="success" title="已发布" data-testid="publish-result" style={{ padding: '16px 0' }}
          subTitle={<span>提交 <Typography.Text code>{published.commit.slice(0, 10)}</Typography.Text>，作者 {published.author}，定义版本 <Typography.Text code>{published.version?.slice(0, 12)}</Typography.Text>；新受理的办件按新版本办理，已受理的办件仍按原版本办理。</span>}
          extra={<Button onClick={() => setPublished(null)}>知道了</Button>} />
      )}
      {requested && (
        <Result status="info" title="已提交复核" data-testid="review-requested" style={{ padding: '16px 0' }}
          subTitle={<span>提交 <Typography.Text code>{requested.review.slice(0, 10)}</Typography.Text> 等待另一位管理员复核；批准后才发布为新版本。</span>}
          extra={<Button onClick={() => setRequested(null)}>知道了</Button>} />
      )}
      {decided && <Alert type="success" showIcon closable style={{ marginBottom: 12 }} title={decided} data-testid="review-decided" onClose={() => setDecided(null)} />}
      {reviews && (review || reviews.reviews.length > 0) && (
        <ReviewsPanel reviews={reviews.reviews} onDecided={(text) => { setDecided(text); void load(); }} />
      )}
      {reviews && <ReturnedPanel returned={reviews.returned} onReuseMessage={setMessage} />}
      <Card size="small" style={{ marginBottom: 12 }} title="发布">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            与最近发布的版本（{changes.published.message}，{changes.published.author}，{formatDateTime(changes.published.date)}）相比，
            有 {changes.files.length} 个文件被修改，其中 {count} 个可由您发布。
          </Typography.Text>
          {review && <Typography.Text type="secondary">本办事大厅设置了发布前复核：发布的修改须由另一位管理员批准后才生效。</Typography.Text>}
          {item && <Checkbox checked={onlyItem} onChange={(e) => setOnlyItem(e.target.checked)}>只看和只发布事项 <Link to={`/designer/items/${item}`}>{item}</Link> 的修改</Checkbox>}
          <Input.TextArea rows={2} placeholder="发布说明（必填），如：居民身份证可容缺受理" value={message} onChange={(e) => setMessage(e.target.value)} aria-label="发布说明" />
          <Space>
            <Button type="primary" icon={<CloudUploadOutlined />} disabled={count === 0 || !message.trim()} loading={publishing} onClick={publish}>{review ? '提交复核' : '发布'}</Button>
            <Button icon={<ReloadOutlined />} onClick={load}>刷新</Button>
          </Space>
          {count === 0 && changes.files.length === 0 && <Alert type="info" showIcon title="工作区与最近发布的版本相同，没有需要发布的修改。" />}
        </Space>
      </Card>
      <DiagnosticsList diagnostics={problems} title="发布后的定义有错误，未发布" />
      <FileDiffs files={changes.files} publishable={changes.publishable} />
    </div>
  );
}
