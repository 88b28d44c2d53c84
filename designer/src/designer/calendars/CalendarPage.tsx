import { CloudUploadOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Input, InputNumber, List, Row, Space, Table, Tag, Tooltip, Typography, message } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, showError } from '../../api/client';
import type { components } from '../../api/schema';
import { designerApi, diagnosticsOf, type CalendarList, type CalendarModel } from '../api/designerApi';
import type { Diagnostic } from '../model/types';
import { DiagnosticsList, diagnosticsFor } from '../shared/Diagnostics';

function newKey() {
  return typeof crypto !== 'undefined' && crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

/**
 * 工作日历: the published years and the drafts, and one year's schedule (节假日 with their date
 * ranges, 调休上班日). The server checks a draft with the definitions validator's rules; a saved
 * year is published like any definition file (only that file), and then counts in every due date.
 */
export function CalendarPage() {
  const params = useParams();
  const navigate = useNavigate();
  const year = params.year ? Number(params.year) : undefined;
  const [list, setList] = useState<CalendarList | null>(null);
  const [newYear, setNewYear] = useState<number | null>(null);
  // The daily calendar check's warning (GET /api/ops/status, administrators): the year's end is near.
  const [opsWarning, setOpsWarning] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const answer = await designerApi.calendars();
      setList(answer);
      setNewYear((y) => y ?? answer['next-missing'] ?? Number(answer.today.slice(0, 4)) + 1);
    } catch (e) {
      showError(e, '加载工作日历失败');
    }
  }, []);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => {
    if (!list?.editable) return;
    api.get<components['schemas']['OpsStatus']>('/api/ops/status').then(
      (s) => setOpsWarning(s.calendar.warning ? s.calendar.message ?? null : null), () => setOpsWarning(null));
  }, [list]);

  const exists = (y: number) => list?.years.some((r) => r.year === y && !r.deleted) ?? false;
  return (
    <Row gutter={16} data-testid="calendar-page">
      <Col flex="360px">
        <Card size="small" title="工作日历" styles={{ body: { padding: 0 } }}>
          {opsWarning && <Alert type="error" showIcon banner data-testid="calendar-ops-warning" title={opsWarning} />}
          {!opsWarning && list?.['next-missing'] && (
            <Alert type="warning" showIcon banner data-testid="calendar-missing"
              title={`尚未发布 ${list['next-missing']} 年的节假日安排：跨入该年的时限按法定节假日推算，标为暂定。`} />
          )}
          <List size="small" dataSource={list?.years ?? []} renderItem={(r) => (
            <List.Item data-testid={`calendar-year-${r.year}`} onClick={() => navigate(`/designer/calendars/${r.year}`)}
              style={{ cursor: 'pointer', padding: '6px 12px', background: r.year === year ? '#e6f4ff' : undefined }}>
              <Space>
                <Typography.Text strong>{r.year} 年</Typography.Text>
                <Typography.Text type="secondary">节假日 {r.holidays} 个，调休上班 {r['make-up-workdays']} 天</Typography.Text>
              </Space>
              <Space size={4}>
                {r.published && <Tag color="green">已发布</Tag>}
                {r.pending && <Tag color="orange">待发布</Tag>}
                {!r.published && !r.pending && <Tag>未发布</Tag>}
              </Space>
            </List.Item>
          )} />
          {list?.editable && (
            <Space style={{ padding: 12 }}>
              <InputNumber aria-label="新增年份" min={2000} max={2100} value={newYear} onChange={(v) => setNewYear(v)} />
              <Button icon={<PlusOutlined />} disabled={!newYear || exists(newYear)}
                onClick={() => newYear && navigate(`/designer/calendars/${newYear}`)}>新增年份</Button>
            </Space>
          )}
        </Card>
      </Col>
      <Col flex="auto">
        {year ? <YearEditor key={year} year={year} editable={list?.editable ?? false} onChanged={load} /> : <Empty description="选择左侧的年份，或新增一年" />}
      </Col>
    </Row>
  );
}

const emptyYear = (year: number): CalendarModel => ({ year, source: `国务院办公厅关于${year}年部分节假日安排的通知`, holidays: [], 'make-up-workdays': [] });

/** One year's schedule: two editable tables, 校验 / 保存 / 发布, the server's located diagnostics on the rows. */
function YearEditor({ year, editable, onChanged }: { year: number; editable: boolean; onChanged: () => Promise<void> }) {
  const [model, setModel] = useState<CalendarModel | null>(null);
  const [etag, setEtag] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  const [busy, setBusy] = useState<'save' | 'publish' | 'validate' | null>(null);
  const publishKey = useRef(newKey());

  useEffect(() => {
    designerApi.calendar(year).then(
      (file) => { setModel(file.model ?? emptyYear(year)); setEtag(file.etag); setSaved(true); },
      (e) => {
        if (e instanceof ApiError && e.status === 404) { setModel(emptyYear(year)); setEtag(undefined); setSaved(false); }
        else showError(e, '加载失败');
      });
  }, [year]);

  if (!model) return null;
  const change = (next: CalendarModel) => { setModel(next); setSaved(false); };
  const setHoliday = (i: number, key: 'name' | 'from' | 'to', value: string) =>
    change({ ...model, holidays: model.holidays.map((h, j) => (j === i ? { ...h, [key]: value } : h)) });
  const setMakeUp = (i: number, key: 'date' | 'for', value: string) =>
    change({ ...model, 'make-up-workdays': model['make-up-workdays'].map((m, j) => (j === i ? { ...m, [key]: value } : m)) });

  const validate = async () => {
    setBusy('validate');
    try {
      const answer = await designerApi.validateCalendar(year, model);
      setDiagnostics(answer.diagnostics);
      if (answer.valid) message.success('校验通过');
    } catch (e) {
      showError(e, '校验失败');
    } finally {
      setBusy(null);
    }
  };

  /** Saves; true when the year is in the work tree as shown. */
  const save = async (): Promise<boolean> => {
    try {
      const answer = await designerApi.saveCalendar(year, model, etag);
      setEtag(answer.etag);
      setModel(answer.model ?? model);
      setDiagnostics(answer.diagnostics);
      setSaved(true);
      await onChanged();
      return true;
    } catch (e) {
      const found = diagnosticsOf(e);
      if (found) setDiagnostics(found);
      showError(e, found ? '节假日安排有错误，未保存' : '保存失败');
      return false;
    }
  };

  const publish = async () => {
    setBusy('publish');
    try {
      if (!saved && !(await save())) return;
      const answer = await designerApi.publish(`发布 ${year} 年工作日历`, undefined, publishKey.current, [`definitions/calendars/${year}.yaml`]);
      publishKey.current = newKey();
      // With review before publish on, the year waits for a second admin (修改与发布) before it counts.
      if ('pending' in answer) message.info(`${year} 年工作日历已提交复核，另一位管理员批准后生效`);
      else message.success(`已发布 ${year} 年工作日历（提交 ${answer.commit.slice(0, 10)}）`);
      await onChanged();
    } catch (e) {
      const found = diagnosticsOf(e);
      if (found) setDiagnostics(found);
      showError(e, '发布失败');
    } finally {
      setBusy(null);
    }
  };

  const rowError = (element: 'holiday' | 'make-up-workday', index: number) => {
    const found = diagnosticsFor(diagnostics, element, String(index)).filter((d) => d.severity === 'error');
    return found.length === 0 ? null : (
      <Tooltip title={found.map((d) => d.message).join('；')}>
        <Typography.Text type="danger" data-testid={`${element}-error-${index}`}>{found[0].message}</Typography.Text>
      </Tooltip>
    );
  };

  return (
    <Card size="small" data-testid="calendar-editor" title={`${year} 年节假日安排`} extra={
      editable && (
        <Space>
          <Button onClick={validate} loading={busy === 'validate'}>校验</Button>
          <Button icon={<SaveOutlined />} loading={busy === 'save'} onClick={async () => { setBusy('save'); try { if (await save()) message.success('已保存（尚未发布）'); } finally { setBusy(null); } }}>保存</Button>
          <Button type="primary" icon={<CloudUploadOutlined />} loading={busy === 'publish'} onClick={publish}>保存并发布</Button>
        </Space>
      )
    }>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input addonBefore="依据" value={model.source ?? ''} disabled={!editable} onChange={(e) => change({ ...model, source: e.target.value })} />
        <DiagnosticsList diagnostics={diagnostics} title="校验结果" />
        <Table size="small" pagination={false} rowKey={(_, i) => String(i)} dataSource={model.holidays} title={() => '节假日（含首尾两天）'}
          columns={[
            { title: '名称', width: 160, render: (_, h, i) => <Input aria-label={`节假日名称 ${i + 1}`} value={h.name} disabled={!editable} onChange={(e) => setHoliday(i, 'name', e.target.value)} /> },
            { title: '开始', width: 150, render: (_, h, i) => <Input aria-label={`节假日开始 ${i + 1}`} placeholder="2028-10-01" value={h.from} disabled={!editable} onChange={(e) => setHoliday(i, 'from', e.target.value)} /> },
            { title: '结束', width: 150, render: (_, h, i) => <Input aria-label={`节假日结束 ${i + 1}`} placeholder="2028-10-07" value={h.to} disabled={!editable} onChange={(e) => setHoliday(i, 'to', e.target.value)} /> },
            { title: '', render: (_, _h, i) => rowError('holiday', i) },
            { title: '', width: 48, render: (_, _h, i) => editable && <Button type="text" aria-label={`删除节假日 ${i + 1}`} icon={<DeleteOutlined />} onClick={() => change({ ...model, holidays: model.holidays.filter((_x, j) => j !== i) })} /> },
          ]}
          footer={() => editable && <Button icon={<PlusOutlined />} onClick={() => change({ ...model, holidays: [...model.holidays, { name: '', from: '', to: '' }] })}>添加节假日</Button>} />
        <Table size="small" pagination={false} rowKey={(_, i) => String(i)} dataSource={model['make-up-workdays']} title={() => '调休上班日（只能是周六或周日）'}
          columns={[
            { title: '日期', width: 150, render: (_, m, i) => <Input aria-label={`调休上班日 ${i + 1}`} placeholder="2028-10-14" value={m.date} disabled={!editable} onChange={(e) => setMakeUp(i, 'date', e.target.value)} /> },
            { title: '调休节日', width: 160, render: (_, m, i) => <Input aria-label={`调休节日 ${i + 1}`} value={m.for ?? ''} disabled={!editable} onChange={(e) => setMakeUp(i, 'for', e.target.value)} /> },
            { title: '', render: (_, _m, i) => rowError('make-up-workday', i) },
            { title: '', width: 48, render: (_, _m, i) => editable && <Button type="text" aria-label={`删除调休上班日 ${i + 1}`} icon={<DeleteOutlined />} onClick={() => change({ ...model, 'make-up-workdays': model['make-up-workdays'].filter((_x, j) => j !== i) })} /> },
          ]}
          footer={() => editable && <Button icon={<PlusOutlined />} onClick={() => change({ ...model, 'make-up-workdays': [...model['make-up-workdays'], { date: '', for: '' }] })}>添加调休上班日</Button>} />
        {!saved && editable && <Typography.Text type="secondary">有未保存的修改。</Typography.Text>}
      </Space>
    </Card>
  );
}
