import { describe, expect, it } from 'vitest';
import { lineDiff, rawDiffLines } from './lineDiff';

describe('lineDiff', () => {
  it('finds the changed line between two versions', () => {
    const ops = lineDiff('a\nnecessity: required\nc\n', 'a\nnecessity: deferrable\ndeferral-limit: 5wd\nc\n');
    expect(ops.map((o) => o.kind[0] + o.text)).toEqual(['sa', 'rnecessity: required', 'anecessity: deferrable', 'adeferral-limit: 5wd', 'sc']);
  });
  it('numbers lines on both sides', () => {
    const ops = lineDiff('x\ny', 'y');
    expect(ops).toEqual([{ kind: 'removed', text: 'x', left: 1 }, { kind: 'same', text: 'y', left: 2, right: 1 }]);
  });
});

describe('rawDiffLines', () => {
  it('classifies git diff lines', () => {
    const lines = rawDiffLines('diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n same\n');
    expect(lines.map((l) => l.kind)).toEqual(['meta', 'meta', 'meta', 'hunk', 'removed', 'added', 'same']);
  });
});
