import { Button, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { describeCondition } from '../conditions/describe';
import type { CodeEditor as CodeEditorType } from './CodeEditor';
import type { ConditionEditorProps } from './ConditionEditor';

// Monaco is large: it loads on first use, so the catalog and the tables open at once.
const LazyCondition = lazy(() => import('./ConditionEditor').then((m) => ({ default: m.ConditionEditor })));
const LazyCode = lazy(() => import('./CodeEditor').then((m) => ({ default: m.CodeEditor })));

/**
 * A condition as a department editor reads it: in words (built from the expression), with the code
 * behind a toggle. An empty condition, one that does not parse, or one with an error opens as code.
 */
export function ConditionEditor(props: ConditionEditorProps) {
  const words = describeCondition(props.value, props.context);
  const [code, setCode] = useState(() => !words || !!props.error);
  const showCode = code || !words || !!props.error;
  return (
    <div data-testid="condition">
      {words && (
        <div style={{ marginBottom: showCode ? 4 : 0 }}>
          <Typography.Text data-testid="condition-words">{words}</Typography.Text>
          <Button type="link" size="small" data-testid="condition-toggle" onClick={() => setCode(!showCode)} disabled={!!props.error}>
            {showCode ? '收起代码' : props.readOnly ? '查看代码' : '编辑代码'}
          </Button>
        </div>)}
      {showCode && (
        <Suspense fallback={<div style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: '5px 8px', fontFamily: 'monospace', fontSize: 13, minHeight: 32 }}>{props.value || ' '}</div>}>
          <LazyCondition {...props} />
        </Suspense>)}
    </div>
  );
}

export function CodeEditor(props: Parameters<typeof CodeEditorType>[0]) {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 12 }} />}>
      <LazyCode {...props} />
    </Suspense>
  );
}
