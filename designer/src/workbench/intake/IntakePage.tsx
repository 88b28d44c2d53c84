import { CheckCircleOutlined, FileTextOutlined, IdcardOutlined, PrinterOutlined, ReloadOutlined, StopOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert, App, Button, Card, Checkbox, Col, DatePicker, Descriptions, Form, Input, type InputRef, Modal, Radio, Result, Row, Segmented, Select, Space, Spin, Tag, Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, showError } from '../../api/client';
import { workbenchApi } from '../api';
import { useUser } from '../../auth/AuthContext';
import { residentIdProblem, usccProblem } from '../../forms/checks';
import { FormRenderer } from '../../forms/FormRenderer';
import type { ApplicantValues, FormValues } from '../../forms/model';
import { defaultValues, validateForm, valuesToSubmit } from '../../forms/validation';
import { DocumentViewer } from '../common/DocumentViewer';
import { caseStatusColor, noticeOf, pledgeExplanation, pledgeSchemeOf, templateLabels, type CaseView, type ChecklistAnswer, type ItemDetail, type ItemSummary, type Material, type PledgeScheme } from '../types';
import { ChecklistTable, type MaterialMark } from './ChecklistTable';
import { ItemPicker } from './ItemPicker';
import { DueDate } from '../common/DueDate';
import { limitLabel } from '../../common/labels';
import { agent as deviceAgent, blobOf, DeviceError, type Capture, type IdCard } from '../../devices/agent';
import { DeviceStatus } from '../../devices/DeviceStatus';
import { useDeviceAgent } from '../../devices/useDeviceAgent';

type DecisionKind = 'receive' | 'accept' | 'accept-with-deferral' | 'request-supplement' | 'refuse';

interface Applicant { type: 'person' | 'organization'; name: string; idNumber: string; phone: string }

/** What the ID card reader gave beyond the applicant fields: shown for 人证比对, and the address for the form's scripts. */
interface CardDetails { idNumber: string; address?: string; photo?: string; photoFile?: { contentType: string; base64: string }; sex?: string; nation?: string; birthDate?: string; validTo?: string }

/** Pages the document camera captured for a material, uploaded as its file before the decision. */
interface Captured { fileName: string; contentType: Capture['contentType']; pages: number; blob: Blob }

/** A device's refusal in words a clerk can act on, with its code for support. */
function deviceMessage(e: unknown, what: string): string {
  return e instanceof DeviceError ? `${what}失败：${e.message}（${e.code}）` : `${what}失败：${(e as Error).message}`;
}

const commonRefusals = ['申请事项不属于本机关职权范围', '申请人不具备申请资格', '申请事项依法不需要取得行政许可', '申请材料存在虚假内容'];

/** 窗口收件: item, applicant, form, checklist, then the acceptance decision and its notice. */
export function IntakePage() {
  const user = useUser();
  const { message } = App.useApp();
  const [items, setItems] = useState<ItemSummary[] | null>(null);
  const [summary, setSummary] = useState<ItemSummary | null>(null);
  const [detail, setDetail] = useState<ItemDetail | null>(null);
  const [applicant, setApplicant] = useState<Applicant>({ type: 'person', name: '', idNumber: '', phone: '' });
  const [values, setValues] = useState<FormValues>({});
  const [checklist, setChecklist] = useState<ChecklistAnswer | null>(null);
  const [checking, setChecking] = useState(false);
  const [marks, setMarks] = useState<Record<string, MaterialMark>>({});
  const [showAll, setShowAll] = useState(false);
  const [busy, setBusy] = useState(false);
  const [decision, setDecision] = useState<DecisionKind | null>(null);
  const [done, setDone] = useState<{ view: CaseView; kind: DecisionKind; documentId: string | null } | null>(null);
  const [viewer, setViewer] = useState(false);
  /** A case this page received whose pledge or decision the server refused: the next decision goes on with it (same item and applicant). */
  const [received, setReceived] = useState<{ id: string; number: string; itemId: string; idNumber: string } | null>(null);
  /** The server's refusal of the last decision (a marked applicant's 告知承诺, WF6082...), shown until the next try. */
  const [refusal, setRefusal] = useState<{ code?: string; title: string; detail?: string } | null>(null);
  const devices = useDeviceAgent();
  const [card, setCard] = useState<CardDetails | null>(null);
  const [reading, setReading] = useState(false);
  const [captures, setCaptures] = useState<Record<string, Captured[]>>({});
  const [capturing, setCapturing] = useState<string | null>(null);
  const [captureFormat, setCaptureFormat] = useState<'pdf' | 'jpeg'>(() => (localStorage.getItem('wf.camera.format') === 'jpeg' ? 'jpeg' : 'pdf'));
  const cameraReady = devices.status === 'connected' && devices.hello?.devices.camera?.connected !== false;

  useEffect(() => {
    workbenchApi.items().then((r) => {
      // A clerk sees the items of the window's departments; an admin every item.
      setItems(user.window ? r.items.filter((i) => i.window === user.window) : r.items);
    }).catch((e) => showError(e, '事项目录'));
  }, [user.window]);

  const choose = useCallback(async (item: ItemSummary) => {
    setSummary(item);
    setDetail(null);
    setReceived(null);
    setRefusal(null);
    setChecklist(null);
    setMarks({});
    setShowAll(false);
    try {
      const d = await workbenchApi.item(item.id);
      setDetail(d);
      setValues(d.form ? defaultValues(d.form) : {});
      const types = d.form?.['applicant-types'] ?? ['person'];
      setApplicant((a) => (types.includes(a.type) ? a : { ...a, type: types[0] }));
    } catch (e) { showError(e, '读取事项'); }
  }, []);

  const scriptApplicant: ApplicantValues = useMemo(() => ({
    type: applicant.type, name: applicant.name, idNumber: applicant.idNumber,
    uscc: applicant.type === 'organization' ? applicant.idNumber : undefined, phone: applicant.phone,
    address: applicant.type === 'person' ? card?.address : undefined,
  }), [applicant, card]);

  /** 读取身份证: the reader's name and number fill the applicant; address and photo are shown beside them. */
  const readCard = async () => {
    setReading(true);
    try {
      const read = await deviceAgent.call<IdCard>('idcard.read');
      setApplicant((a) => ({ ...a, type: 'person', name: read.name, idNumber: read.idNumber.toUpperCase() }));
      setCard({ idNumber: read.idNumber.toUpperCase(), photoFile: read.photo, address: read.address, sex: read.sex, nation: read.nation, birthDate: read.birthDate, validTo: read.validTo,
        photo: read.photo ? `data:${read.photo.contentType};base64,${read.photo.base64}` : undefined });
      message.success(`已读取身份证：${read.name}`);
    } catch (e) { message.error(deviceMessage(e, '读取身份证')); } finally { setReading(false); }
  };

  /** 高拍仪拍摄: pages for one material, kept here until the case exists, then uploaded as that material's file. */
  const capture = async (materialId: string) => {
    setCapturing(materialId);
    try {
      const shot = await deviceAgent.call<Capture>('camera.capture', { format: captureFormat, pages: 1, materialId });
      if (shot.contentType !== 'application/pdf' && shot.contentType !== 'image/jpeg') throw new DeviceError('DEV302', `高拍仪返回了不支持的格式 ${String(shot.contentType)}`);
      const file: Captured = { fileName: shot.fileName, contentType: shot.contentType, pages: shot.pages, blob: blobOf(shot.base64, shot.contentType) };
      setCaptures((all) => ({ ...all, [materialId]: [...(all[materialId] ?? []), file] }));
    } catch (e) { message.error(deviceMessage(e, '高拍仪拍摄')); } finally { setCapturing(null); }
  };


  // The checklist is the server's: conditions evaluated there on every change (debounced).
  const seq = useRef(0);
  useEffect(() => {
    if (!detail) return;
    const mine = ++seq.current;
    setChecking(true);
    const t = setTimeout(async () => {
      try {
        const form = detail.form ? valuesToSubmit(detail.form, { form: values, applicant: scriptApplicant }) : {};
        const answer = await workbenchApi.checklist(detail.id, { applicant: scriptApplicant, form });
        if (mine !== seq.current) return;
        setChecklist(answer);
      } catch (e) {
        if (mine === seq.current) showError(e, '材料清单');
      } finally {
        if (mine === seq.current) setChecking(false);
      }
    }, 350);
    return () => clearTimeout(t);
  }, [detail, values, scriptApplicant]);

  const applying: Material[] = checklist?.materials.filter((m) => m.applies).map((m) => m.material) ?? [];
  // Every material starts unmarked: the clerk checks each one before a decision that relies on the checklist.
  const markOf = (id: string): MaterialMark => marks[id] ?? {};
  const deferred = applying.filter((m) => markOf(m.id).status === 'deferred');
  const deficient = applying.filter((m) => ['missing', 'defective'].includes(markOf(m.id).status ?? ''));
  const unmarked = applying.filter((m) => !markOf(m.id).status);
  // 告知承诺: a proof the applicant's pledge replaces counts as looked at; the server records the choice before the decision.
  const pledgeScheme = pledgeSchemeOf(detail?.guide);
  const pledged = pledgeScheme ? applying.filter((m) => markOf(m.id).status === 'pledged') : [];

  const applicantProblem = !applicant.name.trim() ? '请填写申请人名称'
    : !applicant.idNumber ? (applicant.type === 'person' ? '请填写身份证号码' : '请填写统一社会信用代码')
    : applicant.type === 'person' ? residentIdProblem(applicant.idNumber) : usccProblem(applicant.idNumber);
  const formErrors = detail?.form ? validateForm(detail.form, { form: values, applicant: scriptApplicant }) : {};
  const formOk = Object.keys(formErrors).length === 0;
  const backOffice = detail?.acceptance?.setUp === 'back-office';

  const reset = () => {
    setSummary(null); setDetail(null); setChecklist(null); setMarks({}); setValues({}); setDone(null); setShowAll(false); setReceived(null); setRefusal(null);
    setApplicant({ type: 'person', name: '', idNumber: '', phone: '' });
    setCard(null); setCaptures({});
  };

  const begin = (kind: DecisionKind) => {
    setShowAll(true);
    if (applicantProblem) { message.error(applicantProblem); return; }
    // A refusal or a supplement notice may go out with an incomplete form; an acceptance may not.
    if ((kind === 'accept' || kind === 'accept-with-deferral' || kind === 'receive') && !formOk) { message.error('申请表还有未填或有误的内容'); return; }
    // 受理, 容缺受理 and 一次性告知 all rest on every applicable material having been looked at.
    if (kind !== 'refuse' && (!checklist || checking)) { message.error('材料清单正在更新，请稍候'); return; }
    if (kind !== 'refuse' && unmarked.length > 0) { message.error(`还有 ${unmarked.length} 项材料未核验：请逐项标记收取情况（${unmarked.map((m) => m.name).join('、')}）`); return; }
    if (kind === 'accept' && (deferred.length > 0 || deficient.length > 0)) { message.error('有材料未收齐：请选择容缺受理或一次性告知补正'); return; }
    if (kind === 'accept-with-deferral' && deferred.length === 0) { message.error('请先把容缺后补的材料标为“容缺后补”'); return; }
    if (kind === 'request-supplement' && deficient.length === 0) { message.error('请先把缺少或有误的材料标出来'); return; }
    setDecision(kind);
  };

  const submit = async (extra: Record<string, unknown>) => {
    if (!detail || !decision) return;
    setBusy(true);
    setRefusal(null);
    // 不予受理 takes no pledge: the proof is recorded as not handed over.
    const pledge = decision !== 'refuse' && pledged.length > 0 ? { materialIds: pledged.map((m) => m.id) } : undefined;
    try {
      const form = detail.form ? valuesToSubmit(detail.form, { form: values, applicant: scriptApplicant }) : {};
      // What the reader gave belongs to the case only while the applicant is still the person on the card.
      const fromCard = applicant.type === 'person' && card && card.idNumber === applicant.idNumber.trim().toUpperCase() ? card : null;
      const body = {
        itemId: detail.id,
        applicant: {
          type: applicant.type, name: applicant.name.trim(), idNumber: applicant.idNumber.trim(), phone: applicant.phone.trim() || undefined,
          address: fromCard?.address?.trim() || undefined,
        },
        form,
        // A refusal may come before the materials were checked: what was handed over is recorded as received (and returned).
        // A pledged proof was not handed over: received as missing, then the pledge (in the same call) covers it.
        materials: applying.map((m) => ({ materialId: m.id, status: receiptStatus(markOf(m.id).status), note: markOf(m.id).note?.trim() || undefined })),
        pledge,
        // 前台收件、后台受理: the window only receives; the department decides acceptance.
        decision: decision === 'receive' ? undefined : { kind: decision, ...extra },
      };
      let view: CaseView;
      const scans: { materialId?: string; fileName: string; contentType: string; blob: Blob }[] =
        applying.flatMap((m) => (captures[m.id] ?? []).map((c) => ({ materialId: m.id, ...c })));
      // The card's photo is kept as a file of the case (人证比对 later), not of any material.
      if (fromCard?.photoFile) {
        const { contentType, base64 } = fromCard.photoFile;
        scans.push({ fileName: `身份证照片.${contentType === 'image/png' ? 'png' : 'jpg'}`, contentType, blob: blobOf(base64, contentType) });
      }
      const continuing = received && received.itemId === detail.id && received.idNumber === body.applicant.idNumber.toUpperCase() ? received : null;
      if (continuing) {
        // The case was received by an earlier try whose pledge or decision the server refused: go on with
        // that case (its pledge, then the decision) instead of receiving the applicant a second time.
        view = await workbenchApi.case(continuing.id);
        if (pledge && !view.case.pledge) view = await workbenchApi.command(view.id, 'choose-pledge', pledge, view.version);
        if (decision !== 'receive') view = await workbenchApi.command(view.id, decision, extra, view.version);
      } else if (scans.length === 0) view = await workbenchApi.createCase(body);
      else {
        // Captured pages belong to the case before its decision: receive, upload each as its material's file, then decide.
        view = await workbenchApi.createCase({ ...body, decision: undefined });
        const receivedCase = { id: view.id, number: view.number };
        try {
          for (const scan of scans) {
            view = await workbenchApi.uploadFile(view.id, scan.materialId, scan.fileName, scan.blob, scan.contentType);
          }
          view = await workbenchApi.command(view.id, decision, extra);
        } catch (e) {
          throw e instanceof ApiError ? new ApiError(e.status, { ...e.problem, caseId: receivedCase.id, number: receivedCase.number }) : e;
        }
      }
      // The notice of the decision, issued now so it opens ready to print.
      // A notify step of the workflow may have issued it already (e.g. 送达容缺受理通知书): reuse that one.
      const templateId = noticeOf[decision].templateId;
      let documentId: string | null = view.case.documents.find((d) => d.templateId === templateId)?.documentId ?? null;
      if (!documentId) {
        try {
          view = await workbenchApi.command(view.id, 'issue-document', { templateId });
          documentId = view.case.documents.at(-1)?.documentId ?? null;
        } catch (e) { showError(e, '出具通知书'); }
      }
      setDone({ view, kind: decision, documentId });
      setReceived(null);
      setDecision(null);
      setViewer(documentId !== null);
    } catch (e) {
      showError(e, '提交失败');
      if (e instanceof ApiError) setRefusal({ code: e.code, title: e.title, detail: e.detail });
      // The materials were received (the case exists, with its number) but the pledge or the decision was not taken.
      if (e instanceof ApiError && typeof e.problem.caseId === 'string') {
        setDecision(null);
        setReceived({ id: e.problem.caseId, number: String(e.problem.number ?? ''), itemId: detail.id, idNumber: applicant.idNumber.trim().toUpperCase() });
      } else if (e instanceof ApiError && received) setDecision(null);
    } finally {
      setBusy(false);
    }
  };

  if (done) return <IntakeDone done={done} viewer={viewer} setViewer={setViewer} onNext={reset} onUpdated={(view) => setDone({ ...done, view })} immediate={summary?.['handling-type'] === 'immediate'} />;

  return (
    <Row gutter={16}>
      <Col xs={24} lg={7}>
        {items ? <ItemPicker items={items} selected={summary?.id} onSelect={choose} /> : <Spin />}
      </Col>
      <Col xs={24} lg={17}>
        {!summary && <Card><Result icon={<FileTextOutlined />} title="请先选择要受理的事项" subTitle="可按名称、编码或拼音首字母搜索，回车选中唯一结果" /></Card>}
        {summary && !detail && <Spin style={{ margin: 40 }} />}
        {summary && detail && (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Card size="small" title={<Space><span data-testid="intake-item">{summary.name}</span><Tag>{summary['department-name']}</Tag><Tag color={summary['handling-type'] === 'immediate' ? 'green' : 'blue'}>{summary['handling-type-label']}</Tag></Space>}
              extra={<Typography.Text type="secondary">法定 {limitLabel(summary.statutory)} · 承诺 {limitLabel(summary.promised)}</Typography.Text>}>
              <Space style={{ marginBottom: 8 }} wrap>
                <DeviceStatus />
                <Button icon={<IdcardOutlined />} onClick={readCard} loading={reading} data-testid="read-id-card"
                  disabled={devices.status !== 'connected' || !(detail.form?.['applicant-types'] ?? ['person']).includes('person')}>读取身份证</Button>
                {devices.status !== 'connected' && <Typography.Text type="secondary" data-testid="device-offline-hint">未连接本机设备，可直接键盘录入</Typography.Text>}
              </Space>
              {card && applicant.type === 'person' && (
                <Space align="start" style={{ marginBottom: 8 }} data-testid="id-card-details">
                  {card.photo && <img src={card.photo} alt="身份证照片" width={78} height={96} style={{ border: '1px solid #eee', objectFit: 'cover' }} data-testid="id-card-photo" />}
                  <Descriptions size="small" column={2}>
                    <Descriptions.Item label="住址" span={2}><span data-testid="id-card-address">{card.address ?? '—'}</span></Descriptions.Item>
                    <Descriptions.Item label="性别">{card.sex ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label="民族">{card.nation ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label="出生">{card.birthDate ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label="有效期至">{card.validTo ?? '—'}</Descriptions.Item>
                  </Descriptions>
                </Space>
              )}
              <ApplicantForm key={detail.id} applicant={applicant} onChange={setApplicant} types={detail.form?.['applicant-types'] ?? ['person']} showErrors={showAll} />
            </Card>
            {detail.form && (
              <Card size="small" title="申请表">
                <FormRenderer form={detail.form} values={values} onChange={setValues} applicant={scriptApplicant} showAllErrors={showAll} />
              </Card>
            )}
            <Card size="small" title={<Space>材料清单{checking && <Spin size="small" />}
              {/* Outside the checklist: its radio groups are the clerk's marks only. */}
              <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 12 }}>高拍仪格式</Typography.Text>
              <Segmented size="small" value={captureFormat} disabled={!cameraReady} data-testid="capture-format"
                onChange={(f) => { setCaptureFormat(f); localStorage.setItem('wf.camera.format', f); }}
                options={[{ value: 'pdf' as const, label: 'PDF' }, { value: 'jpeg' as const, label: 'JPEG' }]} /></Space>}
              extra={checklist && <Typography.Text type="secondary">适用 {applying.length} 项{checklist.materials.length > applying.length ? `，不适用 ${checklist.materials.length - applying.length} 项` : ''}
                {unmarked.length > 0 && <Tag color="orange" style={{ marginInlineStart: 8 }} data-testid="unmarked-count">待核验 {unmarked.length} 项</Tag>}</Typography.Text>}>
              <ChecklistTable materials={applying} marks={Object.fromEntries(applying.map((m) => [m.id, markOf(m.id)]))} shared={checklist?.shared ?? {}}
                onMark={(id, mark) => setMarks((all) => ({ ...all, [id]: mark }))} loading={!checklist} updating={checking} pledge={pledgeScheme}
                camera={{
                  ready: cameraReady, busy: capturing, format: captureFormat,
                  captured: Object.fromEntries(Object.entries(captures).map(([id, list]) => [id, list.map((c) => `${c.fileName}（${c.pages} 页）`)])),
                  onCapture: capture,
                  onRemove: (id, index) => setCaptures((all) => ({ ...all, [id]: (all[id] ?? []).filter((_, i) => i !== index) })),
                }} />
            </Card>
            {refusal && (
              <Alert type="error" showIcon data-testid="intake-refusal" closable onClose={() => setRefusal(null)}
                title={`${refusal.title}${refusal.code ? `（${refusal.code}）` : ''}`} description={refusal.detail} />
            )}
            {received && (
              <Alert type="warning" showIcon data-testid="received-only" title={`已收件 ${received.number}，但受理决定未执行`}
                description={<span>已填写的内容和材料标记都保留：按提示修改后（如申请人不适用告知承诺，改为提交证明或一次性告知补正）再次选择受理决定，同一事项、同一申请人将在本办件上继续，不会重复收件；也可在<Link to={`/workbench/cases/${received.id}`}>办件详情</Link>中继续。</span>} />
            )}
            {backOffice ? (
              <Card size="small">
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Alert type="info" showIcon data-testid="back-office-acceptance"
                    title={`前台收件、后台受理：本窗口收件并出具材料接收凭证，由${detail.acceptance?.department ?? '承办部门'}在受理期限内作出受理、补正或不予受理决定`} />
                  <Space wrap>
                    <Button type="primary" size="large" icon={<CheckCircleOutlined />} onClick={() => begin('receive')} loading={busy} data-testid="decide-receive">收件</Button>
                    <Button icon={<ReloadOutlined />} onClick={reset}>重新开始</Button>
                  </Space>
                </Space>
              </Card>
            ) : (
            <Card size="small">
              <Space wrap>
                <Button type="primary" size="large" icon={<CheckCircleOutlined />} onClick={() => begin('accept')} loading={busy} data-testid="decide-accept">受理</Button>
                <Button size="large" icon={<WarningOutlined />} onClick={() => begin('accept-with-deferral')} disabled={busy} data-testid="decide-accept-with-deferral">容缺受理（{deferred.length}）</Button>
                <Button size="large" icon={<FileTextOutlined />} onClick={() => begin('request-supplement')} disabled={busy} data-testid="decide-request-supplement">一次性告知补正（{deficient.length}）</Button>
                <Button size="large" danger icon={<StopOutlined />} onClick={() => begin('refuse')} disabled={busy} data-testid="decide-refuse">不予受理</Button>
                <Button icon={<ReloadOutlined />} onClick={reset}>重新开始</Button>
              </Space>
            </Card>
            )}
          </Space>
        )}
      </Col>
      {/* Keyed by the decision: each opening starts from fresh state, and nothing that re-renders the page
          (a checklist re-evaluation) can reset what the clerk already ticked in the dialog. */}
      <DecisionModal key={decision ?? 'closed'} kind={decision} deferred={deferred} deficient={deficient} marks={marks} busy={busy} onCancel={() => setDecision(null)} onSubmit={submit}
        pledged={pledged} pledgeScheme={pledgeScheme}
        promisedDays={Number(summary?.promised.replace(/\D/g, '') || 5)} />
    </Row>
  );
}

function ApplicantForm({ applicant, onChange, types, showErrors }: { applicant: Applicant; onChange: (a: Applicant) => void; types: ('person' | 'organization')[]; showErrors: boolean }) {
  const person = applicant.type === 'person';
  const idProblem = applicant.idNumber ? (person ? residentIdProblem(applicant.idNumber) : usccProblem(applicant.idNumber)) : showErrors ? (person ? '请填写身份证号码' : '请填写统一社会信用代码') : null;
  const nameProblem = showErrors && !applicant.name.trim() ? '请填写申请人名称' : null;
  const nameInput = useRef<InputRef>(null);
  const phoneInput = useRef<InputRef>(null);
  // The item was just chosen: the clerk goes on typing the applicant without reaching for the mouse.
  useEffect(() => { nameInput.current?.focus(); }, []);
  return (
    <Form layout="vertical" component="div">
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item label="申请人类型" style={{ marginBottom: 8 }}>
            <Radio.Group value={applicant.type} onChange={(e) => onChange({ ...applicant, type: e.target.value, idNumber: '' })} data-testid="applicant-type"
              options={[{ value: 'person', label: '自然人', disabled: !types.includes('person') }, { value: 'organization', label: '法人或其他组织', disabled: !types.includes('organization') }]} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={person ? '姓名' : '单位名称'} required validateStatus={nameProblem ? 'error' : undefined} help={nameProblem} htmlFor="applicant-name">
            <Input id="applicant-name" ref={nameInput} value={applicant.name} onChange={(e) => onChange({ ...applicant, name: e.target.value })} />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item label={person ? '身份证号码' : '统一社会信用代码'} required validateStatus={idProblem ? 'error' : applicant.idNumber ? 'success' : undefined}
            help={idProblem ?? (applicant.idNumber ? '校验通过' : undefined)} hasFeedback htmlFor="applicant-id">
            {/* hasFeedback always on, so the input keeps its wrapper when the icon appears: toggling it re-created
                the input and lost focus after the first key. An ID card reader types the number then Enter: go on to the phone. */}
            <Input id="applicant-id" value={applicant.idNumber} maxLength={18} style={{ fontFamily: 'monospace' }}
              onChange={(e) => onChange({ ...applicant, idNumber: e.target.value.toUpperCase().replace(/\s/g, '') })}
              onPressEnter={(e) => { e.preventDefault(); phoneInput.current?.focus(); }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={7}>
          <Form.Item label="联系电话" htmlFor="applicant-phone">
            <Input id="applicant-phone" ref={phoneInput} value={applicant.phone} onChange={(e) => onChange({ ...applicant, phone: e.target.value })} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

/** How the receipt records a mark: a pledged proof was not handed over (the pledge, chosen next, covers it). */
function receiptStatus(status: MaterialMark['status']): string {
  return status === 'pledged' ? 'missing' : status ?? 'received';
}

/** The proofs the applicant's pledge replaces, as the decision dialog lists them. */
function PledgeSummary({ pledged, scheme }: { pledged: Material[]; scheme: PledgeScheme }) {
  return (
    <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="decision-pledge"
      title={<>告知承诺：{pledged.map((m) => m.name).join('、')}</>}
      description={<>{pledgeExplanation(scheme)}{scheme.basis ? <div style={{ fontSize: 12, color: '#888' }}>依据：{scheme.basis}</div> : null}</>} />
  );
}

function DecisionModal({ kind, deferred, deficient, marks, busy, onCancel, onSubmit, promisedDays, pledged, pledgeScheme }: {
  kind: DecisionKind | null; deferred: Material[]; deficient: Material[]; marks: Record<string, MaterialMark>; busy: boolean;
  onCancel: () => void; onSubmit: (extra: Record<string, unknown>) => void; promisedDays: number;
  pledged: Material[]; pledgeScheme: PledgeScheme | null;
}) {
  const [catchUpBy, setCatchUpBy] = useState<Dayjs | null>(() => dayjs().add(Math.max(1, Math.min(promisedDays, 5)), 'day'));
  const [pledge, setPledge] = useState(false);
  const [reasons, setReasons] = useState<string[]>([]);
  const [competentBody, setCompetentBody] = useState('');
  if (!kind) return null;
  const titles: Record<DecisionKind, string> = { receive: '收件', accept: '确认受理', 'accept-with-deferral': '容缺受理', 'request-supplement': '一次性告知补正材料', refuse: '不予受理' };
  let body: React.ReactNode = null;
  let ok = true;
  let extra: Record<string, unknown> = {};
  if (kind === 'accept') body = <Typography.Paragraph>材料齐全、符合法定形式，予以受理，并出具《受理通知书》。</Typography.Paragraph>;
  if (kind === 'receive') body = <Typography.Paragraph>收取申请材料，出具《材料接收凭证》；受理决定由承办部门在受理期限内作出。</Typography.Paragraph>;
  if (kind === 'accept-with-deferral') {
    ok = pledge && catchUpBy !== null;
    extra = { materialIds: deferred.map((m) => m.id), catchUpBy: catchUpBy?.format('YYYY-MM-DD'), pledgeSigned: pledge };
    body = (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>以下材料容缺后补：</Typography.Text>
        <ul>{deferred.map((m) => <li key={m.id}>{m.name}</li>)}</ul>
        <Form layout="vertical" component="div">
          <Form.Item label="补交期限（不超过承诺时限）" required><DatePicker value={catchUpBy} onChange={setCatchUpBy} data-testid="catch-up-by" /></Form.Item>
          <Checkbox checked={pledge} onChange={(e) => setPledge(e.target.checked)} data-testid="pledge-signed">申请人已签署容缺承诺书</Checkbox>
        </Form>
      </Space>
    );
  }
  if (kind === 'request-supplement') {
    extra = { deficiencies: deficient.map((m) => ({ materialId: m.id, kind: marks[m.id]?.status === 'defective' ? 'defective' : 'missing', note: marks[m.id]?.note?.trim() || undefined })) };
    body = (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon title="一次性告知：以下全部材料一并告知申请人，补正期间办理时限暂停计算。" />
        <ul data-testid="supplement-list">{deficient.map((m) => <li key={m.id}><b>{m.name}</b>（{marks[m.id]?.status === 'defective' ? '有误' : '缺少'}）{marks[m.id]?.note ? `：${marks[m.id]?.note}` : ''}{m.standard ? <div style={{ color: '#888', fontSize: 12 }}>标准：{m.standard}</div> : null}</li>)}</ul>
      </Space>
    );
  }
  if (kind === 'refuse') {
    ok = reasons.length > 0;
    extra = { reasons, competentBody: competentBody.trim() || undefined };
    body = (
      <Form layout="vertical" component="div">
        <Form.Item label="不予受理理由" required>
          <Select mode="tags" value={reasons} onChange={setReasons} options={commonRefusals.map((r) => ({ value: r }))} placeholder="选择或输入理由" data-testid="refuse-reasons" />
        </Form.Item>
        <Form.Item label="有权机关（不属本机关职权时告知）">
          <Input value={competentBody} onChange={(e) => setCompetentBody(e.target.value)} data-testid="competent-body" />
        </Form.Item>
      </Form>
    );
  }
  return (
    // Not closed by a click beside it: a clerk who ticked the pledge should not lose it to a stray click.
    <Modal open title={titles[kind]} onCancel={onCancel} maskClosable={false} okText="确认并出具通知书" cancelText="取消" confirmLoading={busy}
      okButtonProps={{ disabled: !ok, danger: kind === 'refuse', 'data-testid': 'decision-confirm' } as never} onOk={() => onSubmit(extra)}>
      {kind !== 'refuse' && pledgeScheme && pledged.length > 0 && <PledgeSummary pledged={pledged} scheme={pledgeScheme} />}
      {body}
    </Modal>
  );
}

function IntakeDone({ done, viewer, setViewer, onNext, onUpdated, immediate }: {
  done: { view: CaseView; kind: DecisionKind; documentId: string | null }; viewer: boolean; setViewer: (v: boolean) => void;
  onNext: () => void; onUpdated: (view: CaseView) => void; immediate: boolean;
}) {
  const { view, kind, documentId } = done;
  const [finishing, setFinishing] = useState(false);
  // 告知承诺: the pledge the applicant signs, issued before the decision's notice.
  const pledgeDocument = view.case.documents.find((d) => d.templateId === 'notices/pledge') ?? null;
  const [pledgeOpen, setPledgeOpen] = useState(false);
  const windowTask = view.case.activeTasks.find((t) => t.assignee.window);
  const finish = async () => {
    if (!windowTask) return;
    setFinishing(true);
    try {
      const updated = await workbenchApi.command(view.id, 'complete', {
        taskId: windowTask.id, opinion: '当场办结', delivery: { method: 'window', recipient: view.case.applicant.name },
      });
      onUpdated(updated);
    } catch (e) { showError(e, '当场办结'); } finally { setFinishing(false); }
  };
  const titles: Record<DecisionKind, string> = { receive: '已收件，待部门受理', accept: '已受理', 'accept-with-deferral': '已容缺受理', 'request-supplement': '已一次性告知补正', refuse: '不予受理' };
  return (
    <Card>
      <Result status={kind === 'refuse' ? 'warning' : 'success'} title={titles[kind]}
        subTitle={<span>{view.itemName} · {view.case.applicant.name} · 状态：<Tag color={caseStatusColor(view.status)}>{view.statusLabel}</Tag></span>}
        extra={[
          <Button key="print" type="primary" size="large" icon={<PrinterOutlined />} disabled={!documentId} onClick={() => setViewer(true)} data-testid="open-notice">打印{noticeOf[kind].label}</Button>,
          pledgeDocument ? <Button key="pledge" size="large" icon={<PrinterOutlined />} onClick={() => setPledgeOpen(true)} data-testid="open-pledge">打印告知承诺书</Button> : null,
          immediate && windowTask && !view.closed
            ? <Button key="finish" size="large" icon={<CheckCircleOutlined />} loading={finishing} onClick={finish} data-testid="finish-on-the-spot">当场办结（即办件）</Button> : null,
          <Link key="case" to={`/workbench/cases/${view.id}`}><Button size="large">办件详情</Button></Link>,
          <Button key="next" size="large" onClick={onNext} data-testid="next-applicant">下一位</Button>,
        ]}>
        <div style={{ textAlign: 'center' }}>
          <Typography.Text type="secondary">办件编号</Typography.Text>
          <div data-testid="case-number" style={{ fontSize: 44, fontWeight: 700, letterSpacing: 2, fontFamily: 'monospace', color: '#a61d24' }}>{view.number}</div>
          {view.closed && <Tag color="green" style={{ fontSize: 16, padding: '4px 12px' }} data-testid="case-closed">已办结</Tag>}
          <Descriptions size="small" column={3} style={{ maxWidth: 720, margin: '16px auto 0' }}>
            <Descriptions.Item label="受理日期">{view.case.clocks.acceptedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="承诺办结"><DueDate date={view.case.clocks.promisedDue} provisional={view.case.clocks.decisionDueProvisional} /></Descriptions.Item>
            <Descriptions.Item label="法定期限"><DueDate date={view.case.clocks.statutoryDue} provisional={view.case.clocks.decisionDueProvisional} /></Descriptions.Item>
          </Descriptions>
        </div>
      </Result>
      <DocumentViewer caseId={view.id} documentId={documentId} title={`${noticeOf[kind].label} · ${view.number}`} templateId={noticeOf[kind].templateId} open={viewer} onClose={() => setViewer(false)} />
      {pledgeDocument && <DocumentViewer caseId={view.id} documentId={pledgeDocument.documentId} title={`${templateLabels['notices/pledge']} · ${view.number}`}
        templateId="notices/pledge" open={pledgeOpen} onClose={() => setPledgeOpen(false)} />}
    </Card>
  );
}
