import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, showError } from '../../api/client';
import { conflictOf, designerApi, diagnosticsOf, type TemplateFile } from '../api/designerApi';
import type { CodeMarker } from '../monaco/CodeEditor';
import { CodeEditor } from '../monaco/lazy';
import { SCRIBAN_LANGUAGE } from './scriban';
import { TextDiff } from '../shared/TextDiff';

interface PreviewError {
  message: string;
  line?: number;
  column?: number;
  code?: string;
}

// Sample data to preview with: the template's own sample, and variations of it.
function samplesOf(sample: Record<string, unknown> | null): { key: string; label: string; data?: Record<string, unknown> }[] {
  const out: { key: string; label: string; data?: Record<string, unknown> }[] = [{ key: 'sample', label: '模板自带示例数据' }];
  if (sample) {
    const applicant = (sample.applicant ?? {}) as Record<string, unknown>;
    out.push({ key: 'organization', label: '示例：单位申请人', data: { ...sample, applicant: { ...applicant, type: 'organization', name: '七台河市桃山区示例有限公司', uscc: '91230903MA1B2C3D4E' } } });
    out.push({ key: 'long', label: '示例：很长的申请人名称', data: { ...sample, applicant: { ...applicant, name: '七台河市桃山区新兴街道办事处社区居民委员会综合服务中心（试运行）' } } });
  }
  return out;
}

/** A Scriban template in Monaco (highlighting, completion of the sample data's fields) with a live PDF preview rendered by the server (debounced), errors located in the source. */
export function TemplateEditor({ id }: { id: string }) {
  const [file, setFile] = useState<TemplateFile | null>(null);
  const [text, setText] = useState('');
  const [etag, setEtag] = useState('');
  const [sampleKey, setSampleKey] = useState('sample');
  const [pdfUrl, setPdfUrl] = useState<string | null>(null);
  const [pages, setPages] = useState(0);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [error, setError] = useState<PreviewError | null>(null);
  const [rendering, setRendering] = useState(false);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<{ text: string; etag: string } | null>(null);

  useEffect(() => {
    designerApi.template(id).then((t) => { setFile(t); setText(t.text); setEtag(t.etag); }, (e) => showError(e, '加载模板失败'));
  }, [id]);

  const samples = useMemo(() => samplesOf(file?.sample ?? null), [file]);
  // Completion offers the fields of the sample data chosen for the preview.
  const completionSample = (samples.find((s) => s.key === sampleKey)?.data ?? file?.sample ?? null) as Record<string, unknown> | null;
  const data = samples.find((s) => s.key === sampleKey)?.data;

  // Debounced live preview of the draft.
  useEffect(() => {
    if (!file) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setRendering(true);
      try {
        const result = await designerApi.previewTemplate(id, { text, ...(data ? { data } : {}) }, controller.signal);
        setPdfUrl((old) => { if (old) URL.revokeObjectURL(old); return URL.createObjectURL(result.pdf); });
        setPages(result.pages);
        setWarnings(result.warnings);
        setError(null);
      } catch (e) {
        if ((e as Error).name === 'AbortError') return;
        if (e instanceof ApiError) {
          const p = e.problem as { message?: string; line?: number; column?: number; code?: string; detail?: string };
          setError({ message: p.message ?? p.detail ?? e.title, line: p.line ?? undefined, column: p.column ?? undefined, code: p.code });
        } else setError({ message: String(e) });
      } finally {
        if (!controller.signal.aborted) setRendering(false);
      }
    }, 600);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [id, text, data, file]);

  const markers: CodeMarker[] = error?.line ? [{ line: error.line, column: error.column ?? 1, message: error.message, severity: 'error' }] : [];

  const save = async (withEtag = etag) => {
    setSaving(true);
    try {
      const saved = await designerApi.saveTemplate(id, text, withEtag);
      setEtag(saved.etag);
      setFile((f) => (f ? { ...f, text: saved.text, etag: saved.etag } : f));
      setConflict(null);
    } catch (e) {
      const theirs = conflictOf(e);
      if (theirs) setConflict({ text: theirs.text, etag: theirs.etag });
      else {
        const located = diagnosticsOf(e)?.find((x) => x.severity === 'error');
        if (located) setError({ message: located.message, line: located.line, column: located.column, code: located.code });
        showError(e, '保存模板失败');
      }
    } finally {
      setSaving(false);
    }
  };

  if (!file) return <Spin />;
  return (
    <div data-testid="template-editor">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text strong>{file.path}</Typography.Text>
        <Select style={{ width: 220 }} value={sampleKey} onChange={setSampleKey} options={samples.map((s) => ({ value: s.key, label: s.label }))} aria-label="示例数据" />
        <Button type="primary" icon={<SaveOutlined />} disabled={!file.editable || text === file.text || !!error} loading={saving} onClick={() => save()}>保存模板</Button>
        {!file.editable && <Tag>只读：模板由管理员维护</Tag>}
        {text !== file.text ? <Tag color="orange">有未保存的修改</Tag> : <Tag color="green">已保存到工作区</Tag>}
        {pdfUrl && <a href={pdfUrl} target="_blank" rel="noreferrer">在新窗口打开 PDF</a>}
        {rendering ? <Tag>正在生成预览…</Tag> : error ? <Tag color="red">模板有错误</Tag> : <Tag color="blue">共 {pages} 页</Tag>}
      </Space>
      {error && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="template-error"
          title={`${error.code ?? ''} ${error.line ? `第 ${error.line} 行第 ${error.column ?? 1} 列：` : ''}${error.message}`} />
      )}
      {warnings.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={warnings.join('；')} />}
      {conflict && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="模板已被他人修改，您的草稿仍在编辑器中"
          description={<>
            <TextDiff before={conflict.text} after={text} />
            <Space style={{ marginTop: 8 }}>
              <Button onClick={() => { setText(conflict.text); setEtag(conflict.etag); setFile((f) => (f ? { ...f, text: conflict.text, etag: conflict.etag } : f)); setConflict(null); }}>采用对方版本</Button>
              <Button danger type="primary" onClick={() => save(conflict.etag)}>保留我的版本（覆盖）</Button>
            </Space>
          </>} />
      )}
      <Row gutter={12}>
        <Col xs={24} xl={12}>
          <CodeEditor value={text} onChange={setText} language={SCRIBAN_LANGUAGE} markers={markers} readOnly={!file.editable} height="72vh" path={`inmemory://templates/${id}.sbn`} completionSample={completionSample} />
        </Col>
        <Col xs={24} xl={12}>
          {pdfUrl ? <iframe title="PDF 预览" src={pdfUrl} style={{ width: '100%', height: '72vh', border: '1px solid #d9d9d9', borderRadius: 6 }} data-testid="pdf-preview" />
            : <Spin description="正在生成预览…" />}
        </Col>
      </Row>
    </div>
  );
}
