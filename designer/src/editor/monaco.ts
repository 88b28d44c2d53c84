// Monaco from the local bundle (never a CDN: a county server may be offline). Import this module
// once before the first <Editor/> of @monaco-editor/react; it is loaded only with the designer.
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import HtmlWorker from 'monaco-editor/languages/features/html/html.worker?worker';
import CssWorker from 'monaco-editor/languages/features/css/css.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'json') return new JsonWorker();
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    if (label === 'html' || label === 'handlebars' || label === 'razor') return new HtmlWorker();
    if (label === 'css' || label === 'scss' || label === 'less') return new CssWorker();
    return new EditorWorker();
  },
};

loader.config({ monaco });

export { monaco };
