import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Dropdown, Empty, List, Result, Row, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError, showError } from '../../api/client';
import { workbenchApi } from '../api';
import { useUser } from '../../auth/AuthContext';
import { FormView } from '../../forms/FormRenderer';
import { DocumentViewer } from '../common/DocumentViewer';
import { DueDate } from '../common/DueDate';
import { caseStatusColor, levelColors, pledgeCheckLabels, pledgeSchemeOf, remainingText, templateLabel, templateLabels, type CaseDefinition, type CaseEffect, type CaseEvent, type CaseView } from '../types';
import { CaseMaterials } from './Materials';
import { TaskActions, describeAssignee } from './TaskActions';
import { CaseTimeline } from './Timeline';
import { ProcedureBanner } from './ProcedureBanner';
import { IdPhoto } from './IdPhoto';
import { formatDateTime } from '../../common/format';
import { limitLabel, outcomeLabel, stepKindLabel } from '../../common/labels';
import { personName, usePeople } from '../common/usePeople';

/** 办件详情: guide, form, materials with files, timeline, opinions, and the actions of the current step. */
export function CasePage() {
  const { id } = useParams<{ id: string }>();
  const user = useUser();
  const { message } = App.useApp();
  const [view, setView] = useState<CaseView | null>(null);
  const [definition, setDefinition] = useState<CaseDefinition | null>(null);
  const [events, setEvents] = useState<CaseEvent[]>([]);
  const [effects, setEffects] = useState<CaseEffect[]>([]);
  const [missing, setMissing] = useState(false);
  const [doc, setDoc] = useState<{ id: string; title: string; templateId?: string } | null>(null);
  const people = usePeople();

  const loadEvents = useCallback(async () => {
    try {
      const timeline = await workbenchApi.timeline(String(id));
      setEvents(timeline.events);
      setEffects(timeline.effects);
    } catch { /* the view shows the case anyway */ }
  }, [id]);

  const load = useCallback(async () => {
    try {
      const [v, d] = await Promise.all([workbenchApi.case(String(id)), workbenchApi.caseDefinition(String(id))]);
      setView(v);
      setDefinition(d);
      void loadEvents();
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setMissing(true); else showError(e, '读取办件');
    }
  }, [id, loadEvents]);
  useEffect(() => { void load(); }, [load]);

  const updated = (v: CaseView) => { setView(v); void loadEvents(); };

  if (missing) return <Result status="404" title="办件不存在或无权查看" />;
  if (!view || !definition) return <Spin size="large" style={{ display: 'block', margin: 60 }} />;

  const c = view.case;
  // The ID card reader's photo, kept at intake as a file of the case (not of a material).
  const idPhoto = c.attachments.find((a) => !a.materialId && a.fileName.startsWith('身份证照片'));
  const isClerk = user.roles.includes('clerk') || user.roles.includes('admin');
  const issue = async (templateId: string, current: CaseView = view) => {
    try {
      const v = await workbenchApi.command(current.id, 'issue-document', { templateId }, current.version);
      updated(v);
      const last = v.case.documents.at(-1);
      if (last) setDoc({ id: last.documentId, title: `${templateLabel(templateId)} · ${v.number}`, templateId: last.templateId });
      message.success(`已出具${templateLabel(templateId)}`);
    } catch (e) { showError(e, '出具通知书'); }
  };
  /** A document a command issued by itself (the 撤销行政许可决定书): opened, not issued again. */
  const openIssued = (templateId: string, current: CaseView) => {
    const issued = current.case.documents.filter((d) => d.templateId === templateId).at(-1);
    if (issued) setDoc({ id: issued.documentId, title: `${templateLabel(templateId)} · ${current.number}`, templateId });
  };
  const opinions = c.tasks.flatMap((t) => t.votes.map((v) => ({ ...v, stepName: t.stepName, taskId: t.id })));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Row align="middle" gutter={16}>
          <Col flex="auto">
            <Space align="baseline" wrap>
              <Typography.Title level={3} style={{ margin: 0, fontFamily: 'monospace' }} data-testid="case-number">{view.number}</Typography.Title>
              <Typography.Title level={4} style={{ margin: 0 }}>{view.itemName}</Typography.Title>
              <Tag color={caseStatusColor(view.status)} data-testid="case-status">{view.statusLabel}</Tag>
              {view.level && !view.closed && <Tag color={levelColors[view.level]}>{view.levelLabel}</Tag>}
              {view.remaining?.promised !== undefined && !view.closed && <Tag>{remainingText(view.remaining.promised)}（承诺）</Tag>}
              {view.remaining?.paused && <Tag color="orange">计时暂停</Tag>}
            </Space>
            <div style={{ color: '#666', marginTop: 4 }}>
              申请人：{c.applicant.name}（{c.applicant.type === 'person' ? '身份证' : '信用代码'} {c.applicant.idNumber}）{c.applicant.phone ? ` · ${c.applicant.phone}` : ''}
              {c.applicant.address && <span data-testid="case-applicant-address"> · 住址 {c.applicant.address}</span>}
            </div>
          </Col>
          {idPhoto && (
            <Col>
              <IdPhoto caseId={view.id} sha256={idPhoto.sha256} />
            </Col>
          )}
          <Col>
            <Space>
              {isClerk && !view.closed && (
                <Dropdown menu={{ items: Object.entries(templateLabels).map(([key, label]) => ({ key, label })), onClick: (e) => void issue(e.key) }}>
                  <Button icon={<PrinterOutlined />} data-testid="issue-notice">出具通知书</Button>
                </Dropdown>)}
              <Button icon={<ReloadOutlined />} onClick={load}>刷新</Button>
            </Space>
          </Col>
        </Row>
        {c.activeProcedure && !view.closed && <div style={{ marginTop: 8 }}><ProcedureBanner procedure={c.activeProcedure} /></div>}
        {c.revocation && <div style={{ marginTop: 8 }}><RevocationBanner view={view} onOpen={() => openIssued('notices/revocation', view)} /></div>}
        {c.pledge && !c.revocation && <div style={{ marginTop: 8 }}><PledgeLine view={view} definition={definition} /></div>}
      </Card>
      <Row gutter={12}>
        <Col xs={24} xl={16}>
          <Card size="small">
            <Tabs defaultActiveKey="form" items={[
              { key: 'form', label: '申请表', children: definition.form ? <FormView form={definition.form} values={c.formData} applicant={{ ...c.applicant, phone: c.applicant.phone ?? undefined, address: c.applicant.address ?? undefined }} /> : <Empty description="本事项没有申请表" /> },
              { key: 'materials', label: `材料（${Object.keys(c.materials).length}）`, children: <CaseMaterials view={view} materials={definition.materials} mayUpload={!view.closed} onUpdated={updated} /> },
              { key: 'timeline', label: '时间线', children: <CaseTimeline events={events} effects={effects} caseId={view.id} canRun={user.roles.includes('admin')} onRun={loadEvents} /> },
              { key: 'opinions', label: `意见（${opinions.length}）`, children: (
                <List data-testid="opinions" dataSource={opinions} locale={{ emptyText: '暂无意见' }} renderItem={(o) => (
                  <List.Item><List.Item.Meta title={<Space>{o.stepName}<Tag>{outcomeLabel(o.outcome, definition.steps.flatMap((s) => s.outcomes).find((x) => x.outcome === o.outcome)?.label)}</Tag></Space>}
                    description={<>{o.opinion ?? '（无意见）'}<div style={{ fontSize: 12 }}>{personName(people, o.userId)} · {formatDateTime(o.at)}</div></>} /></List.Item>
                )} />) },
              { key: 'documents', label: `文书（${c.documents.length}）`, children: (
                <List dataSource={c.documents} locale={{ emptyText: '暂无文书' }} renderItem={(d) => (
                  <List.Item actions={[<Button key="o" size="small" onClick={() => setDoc({ id: d.documentId, title: `${templateLabel(d.templateId)} · ${view.number}`, templateId: d.templateId })}>查看 / 打印</Button>]}>
                    <List.Item.Meta title={templateLabel(d.templateId)} description={formatDateTime(d.at)} />
                  </List.Item>)} />) },
              { key: 'guide', label: '办事指南', children: <GuidePanel definition={definition} /> },
            ]} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <TaskActions view={view} definition={definition} onUpdated={updated} onNotice={(t, v) => void issue(t, v)} onOpenDocument={openIssued} />
            <Card size="small" title="时限">
              <Descriptions size="small" column={1}>
                <Descriptions.Item label="收件">{c.clocks.receivedOn}</Descriptions.Item>
                <Descriptions.Item label="受理">{c.clocks.acceptedOn ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="承诺办结"><DueDate date={c.clocks.promisedDue} provisional={c.clocks.decisionDueProvisional} /></Descriptions.Item>
                <Descriptions.Item label="法定期限"><DueDate date={c.clocks.statutoryDue} provisional={c.clocks.decisionDueProvisional} /></Descriptions.Item>
                {c.clocks.extendedWorkingDays > 0 && <Descriptions.Item label="已延期">{c.clocks.extendedWorkingDays} 个工作日</Descriptions.Item>}
                {c.clocks.pausedWorkingDays > 0 && <Descriptions.Item label="暂停">{c.clocks.pausedWorkingDays} 个工作日</Descriptions.Item>}
              </Descriptions>
            </Card>
            <Card size="small" title="办理流程">
              <Steps definition={definition} view={view} />
            </Card>
          </Space>
        </Col>
      </Row>
      {doc && <DocumentViewer caseId={view.id} documentId={doc.id} title={doc.title} templateId={doc.templateId} open onClose={() => setDoc(null)} />}
    </Space>
  );
}

/** 撤销: the decision revoked after a false pledge, its reasons and basis, its notice, and what the register now says. */
function RevocationBanner({ view, onOpen }: { view: CaseView; onOpen: () => void }) {
  const r = view.case.revocation!;
  const certified = view.case.documents.some((d) => d.templateId.startsWith('certificates/'));
  return (
    <Alert type="error" showIcon data-testid="revocation"
      title={<>准予许可决定已于 {r.on} 撤销（{r.basis}）</>}
      description={<>
        {r.reasons.map((reason) => <div key={reason} data-testid="revocation-reason">{reason}</div>)}
        <div data-testid="revocation-register">
          {certified ? '证照登记：本件核发的证照已标记为“已撤销”，扫码核验不再显示有效。' : '证照登记：本件未核发证照。'}
          申请人信用记录：已记入虚假承诺。
        </div>
      </>}
      action={<Button size="small" onClick={onOpen} data-testid="open-revocation">查看 / 打印撤销决定书</Button>} />
  );
}

/** 告知承诺 on this case: the proofs it replaced and the 核查 (due, or its result). */
function PledgeLine({ view, definition }: { view: CaseView; definition: CaseDefinition }) {
  const p = view.case.pledge!;
  const scheme = pledgeSchemeOf(definition.guide);
  const names = p.materialIds.map((id) => definition.materials.find((m) => m.id === id)?.name ?? id).join('、');
  const state = p.truthful === true ? `已核查：承诺属实（${p.checkedOn}）`
    : p.checkDue ? `待核查，期限 ${p.checkDue}${scheme ? `（${pledgeCheckLabels[scheme.check] ?? scheme.check}）` : ''}` : '作出准予决定后核查';
  return <Alert type="info" showIcon data-testid="pledge-line" title={<>告知承诺：{names} · {state}</>} />;
}

function Steps({ definition, view }: { definition: CaseDefinition; view: CaseView }) {
  const active = new Set(view.case.activeTasks.map((t) => t.stepId));
  // Notify and document steps pass in one go; the document they issued says they were reached.
  const visited = new Set([...view.case.visitedSteps, ...view.case.documents.map((d) => d.stepId).filter((s): s is string => !!s)]);
  return (
    <List size="small" dataSource={definition.steps.filter((s) => s.kind !== 'join')} renderItem={(s) => (
      <List.Item style={{ paddingInline: 0 }}>
        <Space size={4} wrap>
          <Tag color={active.has(s.id) ? 'blue' : visited.has(s.id) ? 'green' : 'default'}>{active.has(s.id) ? '进行中' : visited.has(s.id) ? '已经过' : '未到'}</Tag>
          <span>{s.name}</span>
          <Tag bordered={false} data-testid="step-kind">{stepKindLabel(s.kind)}</Tag>
          {s.by && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{describeAssignee({ department: s.by.department, role: s.by.role, window: s.by.window }, definition)}</Typography.Text>}
          {s.limit && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{limitLabel(s.limit)}</Typography.Text>}
        </Space>
      </List.Item>
    )} />
  );
}

function GuidePanel({ definition }: { definition: CaseDefinition }) {
  const g = definition.guide;
  const rows: [string, string][] = [
    ['事项名称', g.name], ['基本编码', g['base-code']], ['实施编码', g['implementation-code']], ['事项类型', g.type],
    ['受理条件', g['acceptance-conditions'].join('\n')],
    ['办理时限', `法定 ${limitLabel(g.limits.statutory)}，承诺 ${limitLabel(g.limits.promised)}${g.limits.note ? `（${g.limits.note}）` : ''}`],
    ['收费', g.fee.charged ? (g.fee.items ?? []).map((f) => f.name).join('、') || '收费' : '不收费'],
    ['办理地点', g.locations.map((l) => `${l.name}：${l.address}${l.hours ? `（${l.hours}）` : ''}`).join('\n')],
    ['咨询电话', g['consult-phone']], ['监督投诉', g['complaint-phone']],
  ];
  return (
    <Descriptions bordered size="small" column={1} data-testid="guide">
      {rows.map(([k, v]) => <Descriptions.Item key={k} label={k}><span style={{ whiteSpace: 'pre-wrap' }}>{v || '—'}</span></Descriptions.Item>)}
    </Descriptions>
  );
}
