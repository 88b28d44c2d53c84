import { lineDiff, rawDiffLines } from '../util/lineDiff';

const colours = { added: '#e6ffec', removed: '#ffebe9', same: 'transparent', meta: '#f6f8fa', hunk: '#ddf4ff' } as const;

/** Two texts as one unified line diff (conflicts, versions). */
export function TextDiff({ before, after }: { before: string; after: string }) {
  const ops = lineDiff(before, after);
  return (
    <pre className="wf-diff" style={{ fontSize: 12, lineHeight: 1.5, maxHeight: 420, overflow: 'auto', margin: 0, border: '1px solid #eee' }}>
      {ops.map((op, i) => (
        <div key={i} style={{ background: colours[op.kind], padding: '0 8px' }} data-kind={op.kind}>
          {op.kind === 'added' ? '+ ' : op.kind === 'removed' ? '- ' : '  '}{op.text}
        </div>
      ))}
    </pre>
  );
}

/** `git diff` output, coloured. */
export function RawDiff({ raw }: { raw: string }) {
  return (
    <pre className="wf-diff" data-testid="raw-diff" style={{ fontSize: 12, lineHeight: 1.5, maxHeight: 480, overflow: 'auto', margin: 0, border: '1px solid #eee' }}>
      {rawDiffLines(raw).map((l, i) => (
        <div key={i} style={{ background: colours[l.kind], padding: '0 8px', color: l.kind === 'meta' ? '#57606a' : undefined }}>{l.text}</div>
      ))}
    </pre>
  );
}
