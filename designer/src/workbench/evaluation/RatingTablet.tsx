import { CloseOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { describeError } from '../../api/client';
import { workbenchApi } from '../api';
import type { EvaluationLevel } from '../supervision/types';
import { Face } from './Face';
import { evaluationBody, isBad, levels, maskName, thankYouSeconds } from './levels';
import { formatDateTime } from '../../common/format';

interface CaseView {
  id: string;
  number: string;
  itemName?: string | null;
  statusLabel: string;
  case: { applicant: { type: 'person' | 'organization'; name: string }; evaluation?: { level: EvaluationLevel } | null };
}

interface PendingCase {
  caseId: string;
  number: string;
  itemName?: string | null;
  applicantName: string;
  closedAt: string;
}

const page: React.CSSProperties = {
  position: 'fixed', inset: 0, zIndex: 1000, overflow: 'auto',
  background: 'linear-gradient(160deg, #fff7f0 0%, #fdecec 100%)',
  display: 'flex', flexDirection: 'column', alignItems: 'center', padding: '32px 24px',
};

/**
 * 好差评评价器: a full-screen page for the tablet on the window counter. The clerk picks the case
 * (or arrives here from the issuance window); the applicant taps one of five big levels, may write a
 * comment, and sees a thank-you screen; then the tablet is ready for the next applicant.
 */
export function RatingTablet() {
  const [params, setParams] = useSearchParams();
  const caseId = params.get('case');
  const navigate = useNavigate();
  const [view, setView] = useState<CaseView | null>(null);
  const [pending, setPending] = useState<PendingCase[] | null>(null);
  const [level, setLevel] = useState<EvaluationLevel | null>(null);
  const [comment, setComment] = useState('');
  const [stage, setStage] = useState<'rate' | 'thanks'>('rate');
  const [countdown, setCountdown] = useState(thankYouSeconds);
  const [error, setError] = useState<ReturnType<typeof describeError> | null>(null);
  const [saving, setSaving] = useState(false);

  const next = useCallback(() => {
    setStage('rate');
    setLevel(null);
    setComment('');
    setView(null);
    setError(null);
    setParams({}, { replace: true });
  }, [setParams]);

  useEffect(() => {
    if (!caseId) {
      setPending(null);
      workbenchApi.pendingEvaluations().then((r) => setPending(r.cases), (e) => setError(describeError(e)));
      return;
    }
    setView(null);
    workbenchApi.case<CaseView>(caseId).then(setView, (e) => setError(describeError(e)));
  }, [caseId]);

  useEffect(() => {
    if (stage !== 'thanks') return;
    setCountdown(thankYouSeconds);
    const timer = setInterval(() => setCountdown((n) => n - 1), 1000);
    return () => clearInterval(timer);
  }, [stage]);

  useEffect(() => {
    if (stage === 'thanks' && countdown <= 0) next();
  }, [countdown, stage, next]);

  const submit = async () => {
    if (!view || !level) return;
    setSaving(true);
    setError(null);
    try {
      await workbenchApi.command(view.id, 'evaluate', evaluationBody(level, comment));
      setStage('thanks');
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSaving(false);
    }
  };

  const toolbar = (
    <div style={{ position: 'absolute', top: 12, right: 16, display: 'flex', gap: 8 }}>
      <Button type="text" icon={<FullscreenOutlined />} onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>全屏</Button>
      <Button type="text" icon={<CloseOutlined />} onClick={() => navigate('/workbench/evaluation')}>退出评价器</Button>
    </div>
  );
  const errorBox = error && (
    <Alert type="error" showIcon role="alert" style={{ maxWidth: 720, width: '100%', marginTop: 16 }}
      title={error.code ? `${error.title}（${error.code}）` : error.title} description={error.detail} />
  );

  if (stage === 'thanks') {
    return (
      <div style={page} data-testid="rating-thanks">
        <div style={{ margin: 'auto', textAlign: 'center' }}>
          <Face mood={level && isBad(level) ? 1 : 0} color="#a61d24" size={120} />
          <h1 style={{ fontSize: 48, margin: '16px 0' }}>感谢您的评价！</h1>
          <p style={{ fontSize: 22, color: '#595959' }}>
            {level && isBad(level) ? '您的意见已转交相关部门限期整改，我们会改进工作。' : '欢迎您再次来到政务服务中心。'}
          </p>
          <Button size="large" type="primary" onClick={next} style={{ marginTop: 24, height: 56, fontSize: 20, padding: '0 40px' }}>
            下一位（{Math.max(countdown, 0)} 秒）
          </Button>
        </div>
      </div>
    );
  }

  if (!caseId) {
    return (
      <div style={page} data-testid="rating-idle">
        {toolbar}
        <h1 style={{ fontSize: 40, marginTop: 40 }}>政务服务“好差评”</h1>
        <p style={{ fontSize: 20, color: '#595959' }}>请工作人员选择需要评价的办件</p>
        {errorBox}
        <div style={{ maxWidth: 720, width: '100%', marginTop: 16 }}>
          {pending === null ? <Spin /> : (
            <div style={{ background: '#fff', border: '1px solid #f0f0f0', borderRadius: 8 }}>
              {pending.length === 0 && <p style={{ padding: 24, margin: 0, textAlign: 'center', color: '#8c8c8c' }}>近 30 日办结的办件都已评价</p>}
              {pending.map((c, i) => (
                <div key={c.caseId} style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '14px 20px', borderTop: i ? '1px solid #f0f0f0' : undefined }}>
                  <div style={{ flex: 1 }}>
                    <div style={{ fontSize: 16, fontWeight: 600 }}>{c.number} · {c.itemName ?? ''}</div>
                    <div style={{ color: '#8c8c8c' }}>申请人 {maskName(c.applicantName)} · 办结于 {formatDateTime(c.closedAt)}</div>
                  </div>
                  <Button type="primary" onClick={() => setParams({ case: c.caseId })}>开始评价</Button>
                </div>
              ))}
            </div>
          )}
        </div>
      </div>
    );
  }

  const rated = view?.case.evaluation;
  return (
    <div style={page} data-testid="rating-tablet">
      {toolbar}
      <h1 style={{ fontSize: 40, margin: '24px 0 8px' }}>请您对本次服务进行评价</h1>
      {view ? (
        <p style={{ fontSize: 20, color: '#595959', margin: 0 }}>
          {view.itemName} · 办件编号 {view.number} · 申请人 {view.case.applicant.type === 'organization' ? view.case.applicant.name : maskName(view.case.applicant.name)}
        </p>
      ) : !error && <Spin />}
      {rated && <Alert type="info" showIcon style={{ marginTop: 16 }} title="本办件已评价，每件只能评价一次" />}
      <div role="radiogroup" aria-label="评价等级" style={{ display: 'flex', gap: 16, flexWrap: 'wrap', justifyContent: 'center', margin: '32px 0 24px' }}>
        {levels.map((l) => {
          const chosen = level === l.level;
          return (
            <button
              key={l.level}
              type="button"
              role="radio"
              aria-checked={chosen}
              disabled={!view || !!rated}
              onClick={() => setLevel(l.level)}
              style={{
                width: 168, height: 168, borderRadius: 20, cursor: 'pointer', fontSize: 24, fontWeight: 600,
                border: `4px solid ${chosen ? l.color : '#f0f0f0'}`, background: chosen ? l.color : '#fff', color: chosen ? '#fff' : l.color,
                boxShadow: chosen ? '0 8px 24px rgba(0,0,0,0.18)' : '0 2px 8px rgba(0,0,0,0.06)', transition: 'all .15s',
                display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 8,
              }}
            >
              <Face mood={levels.indexOf(l)} color={chosen ? '#fff' : l.color} />
              {l.label}
            </button>
          );
        })}
      </div>
      <div style={{ maxWidth: 720, width: '100%' }}>
        <Input.TextArea
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          rows={3}
          maxLength={300}
          showCount
          placeholder={level && isBad(level) ? '请告诉我们哪里做得不好（选填），我们会限期整改' : '意见和建议（选填）'}
          style={{ fontSize: 18 }}
          aria-label="意见和建议"
        />
        <Button type="primary" size="large" block disabled={!level || !view || !!rated} loading={saving} onClick={() => void submit()}
          style={{ marginTop: 20, height: 64, fontSize: 24 }}>
          提交评价
        </Button>
        {errorBox}
      </div>
    </div>
  );
}
