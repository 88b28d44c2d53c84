import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { monaco, setTemplateSample, setupMonaco } from './setup';

setupMonaco();

export interface CodeMarker {
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

/** A Monaco editor for a whole file (Scriban templates, YAML), with located markers. */
export function CodeEditor({ value, onChange, language, markers = [], readOnly, height = 520, path, completionSample }: {
  value: string; onChange?(value: string): void; language: string; markers?: CodeMarker[]; readOnly?: boolean; height?: number | string; path?: string;
  /** For a template: the sample data whose fields completion offers. */
  completionSample?: Record<string, unknown> | null;
}) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<typeof monaco | null>(null);
  const mount: OnMount = (editor, m) => {
    editorRef.current = editor;
    monacoRef.current = m;
    apply();
  };
  const apply = () => {
    const model = editorRef.current?.getModel();
    const m = monacoRef.current;
    if (!model || !m) return;
    m.editor.setModelMarkers(model, 'workflows', markers.map((x) => ({
      startLineNumber: x.line, startColumn: Math.max(1, x.column), endLineNumber: x.line, endColumn: model.getLineMaxColumn(Math.min(x.line, model.getLineCount())),
      message: x.message, severity: x.severity === 'error' ? m.MarkerSeverity.Error : m.MarkerSeverity.Warning,
    })));
  };
  useEffect(apply, [markers]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!path || completionSample === undefined) return;
    const uri = monaco.Uri.parse(path).toString();
    setTemplateSample(uri, completionSample);
    return () => setTemplateSample(uri, undefined);
  }, [path, completionSample]);
  return (
    <div data-testid="code-editor" style={{ border: '1px solid #d9d9d9', borderRadius: 6 }}>
      <Editor height={height} language={language} value={value} path={path} onMount={mount}
        onChange={(v) => onChange?.(v ?? '')}
        options={{ readOnly, minimap: { enabled: false }, fontSize: 13, wordWrap: 'on', scrollBeyondLastLine: false, automaticLayout: true }} />
    </div>
  );
}
