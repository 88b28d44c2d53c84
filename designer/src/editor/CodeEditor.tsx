// Monaco for the designer (conditions, templates): the local bundle, configured in ./monaco.
import './monaco';
import Editor, { type EditorProps } from '@monaco-editor/react';

/** @monaco-editor/react's Editor on the local monaco-editor (no CDN). Import it lazily: it is large. */
export default function CodeEditor(props: EditorProps) {
  return <Editor theme="vs" options={{ minimap: { enabled: false }, fontSize: 13, ...props.options }} {...props} />;
}
