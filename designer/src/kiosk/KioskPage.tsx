import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, describeError } from '../api/client';
import type { EvaluationLevel } from '../workbench/supervision/types';
import { Face } from '../workbench/evaluation/Face';
import { evaluationBody, isBad, levels, thankYouSeconds } from '../workbench/evaluation/levels';

import type { components } from '../api/schema';

/** GET /api/kiosk/current: the tablet's window and the case it shows (null when none). */
type Current = components['schemas']['KioskCurrent'];

const page: React.CSSProperties = {
  position: 'fixed', inset: 0, overflow: 'auto', background: 'linear-gradient(160deg, #fff7f0 0%, #fdecec 100%)',
  display: 'flex', flexDirection: 'column', alignItems: 'center', padding: '32px 24px',
};

/** How often the tablet asks for its window's current case (the clerk finishes or pushes one). */
const pollMs = 3000;

/**
 * 好差评评价器 as a device (/kiosk): the tablet on the counter is paired once with a code from the
 * admin and then holds a device session that sees only its window's current case. No clerk session
 * lives here; leaving needs the device PIN.
 */
export default function KioskPage() {
  const [current, setCurrent] = useState<Current | null | undefined>(undefined);
  const [error, setError] = useState<ReturnType<typeof describeError> | null>(null);

  const refresh = useCallback(async () => {
    try {
      setCurrent(await api.get<Current>('/api/kiosk/current'));
    } catch (e) {
      // Not a device (never paired, unpaired by the admin, or a person's browser): the pairing form.
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) setCurrent(null);
      else setError(describeError(e));
    }
  }, []);

  useEffect(() => { void refresh(); }, [refresh]);

  if (current === undefined) return <div style={page}><Spin size="large" style={{ margin: 'auto' }} /></div>;
  if (current === null) return <Pairing onPaired={() => void refresh()} />;
  return <Rating current={current} refresh={refresh} error={error} onExit={() => setCurrent(null)} />;
}

function Pairing({ onPaired }: { onPaired: () => void }) {
  const [code, setCode] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ReturnType<typeof describeError> | null>(null);
  const pair = async () => {
    setSaving(true);
    setError(null);
    try {
      await api.post('/api/kiosk/pair', { code });
      onPaired();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div style={page} data-testid="kiosk-pairing">
      <h1 style={{ fontSize: 36, marginTop: 40 }}>评价器配对</h1>
      <p style={{ fontSize: 18, color: '#595959', maxWidth: 560, textAlign: 'center' }}>
        请管理员在“评价器管理”中为本窗口新建评价器，并在此输入 8 位配对码。配对后本平板只显示本窗口办件的评价，不保留任何工作人员的登录。
      </p>
      <div style={{ display: 'flex', gap: 12, marginTop: 16 }}>
        <Input size="large" value={code} onChange={(e) => setCode(e.target.value)} maxLength={12} inputMode="numeric" aria-label="配对码"
          placeholder="配对码" style={{ width: 240, fontSize: 24 }} onPressEnter={() => void pair()} />
        <Button size="large" type="primary" disabled={code.trim().length < 8} loading={saving} onClick={() => void pair()}>配对</Button>
      </div>
      {error && <Alert type="error" showIcon role="alert" style={{ marginTop: 16, maxWidth: 560 }}
        title={error.code ? `${error.title}（${error.code}）` : error.title} description={error.detail} />}
    </div>
  );
}

function Rating({ current, refresh, error, onExit }: { current: Current; refresh: () => Promise<void>; error: ReturnType<typeof describeError> | null; onExit: () => void }) {
  const [level, setLevel] = useState<EvaluationLevel | null>(null);
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const [thanks, setThanks] = useState<EvaluationLevel | null>(null);
  const [submitError, setSubmitError] = useState<ReturnType<typeof describeError> | null>(null);
  const [exiting, setExiting] = useState(false);
  const shown = current.case;

  // Poll while idle or waiting for a rating; the thank-you screen stays put.
  useEffect(() => {
    if (thanks) return;
    const timer = setInterval(() => void refresh(), pollMs);
    return () => clearInterval(timer);
  }, [refresh, thanks]);
  useEffect(() => {
    if (!thanks) return;
    const timer = setTimeout(() => { setThanks(null); setLevel(null); setComment(''); void refresh(); }, thankYouSeconds * 1000);
    return () => clearTimeout(timer);
  }, [thanks, refresh]);
  // A new case on the window starts a fresh rating.
  useEffect(() => { setLevel(null); setComment(''); setSubmitError(null); }, [shown?.id]);

  const submit = async () => {
    if (!shown || !level) return;
    setSaving(true);
    setSubmitError(null);
    try {
      await api.post('/api/kiosk/evaluate', { caseId: shown.id, ...evaluationBody(level, comment) });
      setThanks(level);
    } catch (e) {
      setSubmitError(describeError(e));
    } finally {
      setSaving(false);
    }
  };

  const exit = (
    <div style={{ position: 'absolute', top: 12, right: 16 }}>
      <Button type="text" icon={<LockOutlined />} onClick={() => setExiting(true)}>退出评价器</Button>
      <ExitDialog open={exiting} onClose={() => setExiting(false)} onExited={onExit} />
    </div>
  );

  if (thanks) {
    return (
      <div style={page} data-testid="kiosk-thanks">
        <div style={{ margin: 'auto', textAlign: 'center' }}>
          <Face mood={isBad(thanks) ? 1 : 0} color="#a61d24" size={120} />
          <h1 style={{ fontSize: 48, margin: '16px 0' }}>感谢您的评价！</h1>
          <p style={{ fontSize: 22, color: '#595959' }}>{isBad(thanks) ? '您的意见已转交相关部门限期整改，我们会改进工作。' : '欢迎您再次来到政务服务中心。'}</p>
        </div>
      </div>
    );
  }

  if (!shown || shown.evaluated) {
    return (
      <div style={page} data-testid="kiosk-idle">
        {exit}
        <h1 style={{ fontSize: 40, marginTop: 80 }}>政务服务“好差评”</h1>
        <p style={{ fontSize: 20, color: '#595959' }}>办结后请在此对本次服务进行评价</p>
        <p style={{ color: '#8c8c8c' }}>{current.device}</p>
        {error && <Alert type="warning" showIcon title={error.title} description={error.detail} />}
      </div>
    );
  }

  return (
    <div style={page} data-testid="kiosk-rating">
      {exit}
      <h1 style={{ fontSize: 40, margin: '24px 0 8px' }}>请您对本次服务进行评价</h1>
      <p style={{ fontSize: 20, color: '#595959', margin: 0 }}>{shown.itemName} · 办件编号 {shown.number} · 申请人 {shown.applicantName}</p>
      <div role="radiogroup" aria-label="评价等级" style={{ display: 'flex', gap: 16, flexWrap: 'wrap', justifyContent: 'center', margin: '32px 0 24px' }}>
        {levels.map((l, i) => {
          const chosen = level === l.level;
          return (
            <button key={l.level} type="button" role="radio" aria-checked={chosen} onClick={() => setLevel(l.level)}
              style={{
                width: 168, height: 168, borderRadius: 20, cursor: 'pointer', fontSize: 24, fontWeight: 600,
                border: `4px solid ${chosen ? l.color : '#f0f0f0'}`, background: chosen ? l.color : '#fff', color: chosen ? '#fff' : l.color,
                display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 8,
              }}>
              <Face mood={i} color={chosen ? '#fff' : l.color} />
              {l.label}
            </button>
          );
        })}
      </div>
      <div style={{ maxWidth: 720, width: '100%' }}>
        <Input.TextArea value={comment} onChange={(e) => setComment(e.target.value)} rows={3} maxLength={300} showCount aria-label="意见和建议"
          placeholder={level && isBad(level) ? '请告诉我们哪里做得不好（选填），我们会限期整改' : '意见和建议（选填）'} style={{ fontSize: 18 }} />
        <Button type="primary" size="large" block disabled={!level} loading={saving} onClick={() => void submit()} style={{ marginTop: 20, height: 64, fontSize: 24 }}>
          提交评价
        </Button>
        {submitError && <Alert type="error" showIcon role="alert" style={{ marginTop: 16 }}
          title={submitError.code ? `${submitError.title}（${submitError.code}）` : submitError.title} description={submitError.detail} />}
      </div>
    </div>
  );
}

/** Leaving kiosk mode: the device PIN; a wrong one keeps the tablet as it is (and locks after repeated tries). */
function ExitDialog({ open, onClose, onExited }: { open: boolean; onClose: () => void; onExited: () => void }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ReturnType<typeof describeError> | null>(null);
  const [saving, setSaving] = useState(false);
  const close = () => { setPin(''); setError(null); onClose(); };
  const submit = async () => {
    setSaving(true);
    setError(null);
    try {
      await api.post('/api/kiosk/exit', { pin });
      close();
      onExited();
    } catch (e) {
      setError(describeError(e));
      setPin('');
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title="退出评价器" onCancel={close} okText="退出" cancelText="取消" okButtonProps={{ disabled: pin.length === 0, loading: saving }}
      onOk={() => void submit()} destroyOnHidden>
      <p>请输入设备 PIN（由管理员设置）。</p>
      <Input.Password value={pin} onChange={(e) => setPin(e.target.value)} inputMode="numeric" aria-label="设备 PIN" onPressEnter={() => void submit()} />
      {error && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={error.code ? `${error.title}（${error.code}）` : error.title} description={error.detail} />}
    </Modal>
  );
}
