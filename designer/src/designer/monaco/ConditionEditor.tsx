import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useId, useRef } from 'react';
import type { CompletionContext } from '../conditions/completion';
import { CONDITION_LANGUAGE, setConditionContext, setupMonaco, type monaco } from './setup';

setupMonaco();

export interface ConditionEditorProps {
  value: string;
  onChange(value: string): void;
  context: CompletionContext;
  readOnly?: boolean;
  /** Shown under the editor in red (e.g. the server's diagnostic for this condition). */
  error?: string;
  height?: number;
  ariaLabel?: string;
  placeholder?: string;
}

/**
 * A one-line script condition in Monaco: completes `form.` with the item's fields, `applicant.`,
 * helpers and option values. Enter does not add a line (conditions are one expression).
 */
export function ConditionEditor({ value, onChange, context, readOnly, error, height = 32, ariaLabel = '适用条件', placeholder = '例如 applicant.type == \'organization\'（留空：始终适用）' }: ConditionEditorProps) {
  const id = useId().replace(/[^a-zA-Z0-9]/g, '');
  const uri = `inmemory://condition/${id}.wfc`;
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);

  useEffect(() => {
    setConditionContext(uri, context);
    return () => setConditionContext(uri, null);
  }, [uri, context]);

  const mount: OnMount = (editor, m) => {
    editorRef.current = editor;
    editor.addCommand(m.KeyCode.Enter, () => editor.trigger('keyboard', 'acceptSelectedSuggestion', {}), '!suggestWidgetVisible');
  };

  return (
    <div data-testid="condition-editor" style={{ border: `1px solid ${error ? '#ff4d4f' : '#d9d9d9'}`, borderRadius: 6, padding: '3px 4px' }}>
      <Editor
        height={height}
        language={CONDITION_LANGUAGE}
        path={uri}
        value={value}
        onChange={(v) => onChange((v ?? '').replace(/\n/g, ' '))}
        onMount={mount}
        options={{
          readOnly,
          minimap: { enabled: false },
          lineNumbers: 'off',
          glyphMargin: false,
          folding: false,
          scrollbar: { vertical: 'hidden', horizontal: 'auto', alwaysConsumeMouseWheel: false },
          overviewRulerLanes: 0,
          renderLineHighlight: 'none',
          scrollBeyondLastLine: false,
          wordWrap: 'off',
          fontSize: 13,
          quickSuggestions: { other: true, strings: true, comments: false },
          suggestOnTriggerCharacters: true,
          fixedOverflowWidgets: true,
          ariaLabel,
          placeholder,
        }}
      />
      {error && <div style={{ color: '#ff4d4f', fontSize: 12, padding: '2px 4px' }} data-testid="condition-error">{error}</div>}
    </div>
  );
}
