import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { CodeEditor as CodeEditorType } from './CodeEditor';
import type { ConditionEditorProps } from './ConditionEditor';

// Monaco is large: it loads on first use, so the catalog and the tables open at once.
const LazyCondition = lazy(() => import('./ConditionEditor').then((m) => ({ default: m.ConditionEditor })));
const LazyCode = lazy(() => import('./CodeEditor').then((m) => ({ default: m.CodeEditor })));

export function ConditionEditor(props: ConditionEditorProps) {
  return (
    <Suspense fallback={<div style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: '5px 8px', fontFamily: 'monospace', fontSize: 13, minHeight: 32 }}>{props.value || ' '}</div>}>
      <LazyCondition {...props} />
    </Suspense>
  );
}

export function CodeEditor(props: Parameters<typeof CodeEditorType>[0]) {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 12 }} />}>
      <LazyCode {...props} />
    </Suspense>
  );
}
