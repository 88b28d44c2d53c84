// Monaco from the local bundle (no CDN): the editor and its worker are built by Vite into the
// server's static files. The condition language completes form fields and helpers through
// conditions/completion.ts, per editor model.

import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import HtmlWorker from 'monaco-editor/language/html/html.worker?worker';
import { complete, type CompletionContext, type CompletionKind } from '../conditions/completion';
import { completeTemplate, SCRIBAN_LANGUAGE, scribanMonarch } from '../templates/scriban';

export const CONDITION_LANGUAGE = 'wf-condition';

const contexts = new Map<string, CompletionContext>();

/** The completion context of the condition editor showing `modelUri`. */
export function setConditionContext(modelUri: string, context: CompletionContext | null) {
  if (context) contexts.set(modelUri, context);
  else contexts.delete(modelUri);
}

const templateSamples = new Map<string, Record<string, unknown> | null>();

/** The sample data the template editor showing `modelUri` completes fields from. */
export function setTemplateSample(modelUri: string, sample: Record<string, unknown> | null | undefined) {
  if (sample === undefined) templateSamples.delete(modelUri);
  else templateSamples.set(modelUri, sample);
}

let ready = false;

export function setupMonaco() {
  if (ready) return;
  ready = true;
  (self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
    // HTML-like languages use the HTML language service (folding, links, symbols); everything else the editor worker.
    getWorker: (_id: string, label: string) => (label === 'html' || label === 'handlebars' || label === 'razor' ? new HtmlWorker() : new EditorWorker()),
  };
  loader.config({ monaco });
  monaco.languages.register({ id: CONDITION_LANGUAGE });
  monaco.languages.setMonarchTokensProvider(CONDITION_LANGUAGE, {
    tokenizer: {
      root: [
        [/'[^']*'|"[^"]*"/, 'string'],
        [/\b(applicant|form|materials|today)\b/, 'variable'],
        [/\b(idcard|uscc|workdays|date|age)\b/, 'keyword'],
        [/\b(true|false|null)\b/, 'keyword'],
        [/\d+(\.\d+)?/, 'number'],
        [/[=!<>]=?=?|&&|\|\||[+\-*/%]/, 'operator'],
      ],
    },
  });
  const kinds: Record<CompletionKind, monaco.languages.CompletionItemKind> = {
    field: monaco.languages.CompletionItemKind.Field,
    property: monaco.languages.CompletionItemKind.Property,
    function: monaco.languages.CompletionItemKind.Function,
    variable: monaco.languages.CompletionItemKind.Variable,
    value: monaco.languages.CompletionItemKind.Value,
    snippet: monaco.languages.CompletionItemKind.Snippet,
  };
  // Scriban templates: markup outside {{ }}, code inside; completion of the sample data's fields.
  monaco.languages.register({ id: SCRIBAN_LANGUAGE, extensions: ['.sbn'] });
  monaco.languages.setMonarchTokensProvider(SCRIBAN_LANGUAGE, scribanMonarch as monaco.languages.IMonarchLanguage);
  monaco.languages.setLanguageConfiguration(SCRIBAN_LANGUAGE, {
    brackets: [['{{', '}}'], ['(', ')'], ['[', ']']],
    autoClosingPairs: [{ open: '(', close: ')' }, { open: '[', close: ']' }, { open: "'", close: "'", notIn: ['string'] }],
  });
  monaco.languages.registerCompletionItemProvider(SCRIBAN_LANGUAGE, {
    triggerCharacters: ['.', ' '],
    provideCompletionItems(model, position) {
      const uri = model.uri.toString();
      if (!templateSamples.has(uri)) return { suggestions: [] };
      const before = model.getValueInRange({ startLineNumber: 1, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
      const { from, items } = completeTemplate(before, templateSamples.get(uri) ?? null);
      const range = new monaco.Range(position.lineNumber, Math.max(1, position.column - (before.length - from)), position.lineNumber, position.column);
      return {
        suggestions: items.map((item, i) => ({
          label: { label: item.label, description: item.detail },
          kind: kinds[item.kind],
          insertText: item.insertText,
          detail: item.detail,
          sortText: String(i).padStart(4, '0'),
          range,
        })),
      };
    },
  });
  monaco.languages.registerCompletionItemProvider(CONDITION_LANGUAGE, {
    triggerCharacters: ['.', "'", '"', '['],
    provideCompletionItems(model, position) {
      const context = contexts.get(model.uri.toString());
      if (!context) return { suggestions: [] };
      const before = model.getValueInRange({ startLineNumber: position.lineNumber, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
      const { from, items } = complete(before, context);
      const range = new monaco.Range(position.lineNumber, from + 1, position.lineNumber, position.column);
      return {
        suggestions: items.map((item, i) => ({
          label: { label: item.label, description: item.detail },
          kind: kinds[item.kind],
          insertText: item.insertText,
          detail: item.detail,
          sortText: String(i).padStart(4, '0'),
          range,
        })),
      };
    },
  });
}

export { monaco };
