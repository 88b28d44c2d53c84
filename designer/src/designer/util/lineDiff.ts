// A line diff (longest common subsequence) for showing two versions of a file side by side:
// the conflict view and the diff between versions. Files are small (a few hundred lines).

export type DiffOp = { kind: 'same' | 'removed' | 'added'; text: string; left?: number; right?: number };

export function lineDiff(before: string, after: string): DiffOp[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a[a.length - 1] === '') a.pop();
  if (b[b.length - 1] === '') b.pop();
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) out.push({ kind: 'same', text: a[i], left: ++i, right: ++j });
    else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ kind: 'removed', text: a[i], left: ++i });
    else out.push({ kind: 'added', text: b[j], right: ++j });
  }
  while (i < n) out.push({ kind: 'removed', text: a[i], left: ++i });
  while (j < m) out.push({ kind: 'added', text: b[j], right: ++j });
  return out;
}

/** Parses `git diff` output into lines with their kind, for colouring. */
export function rawDiffLines(raw: string): { kind: 'meta' | 'hunk' | 'added' | 'removed' | 'same'; text: string }[] {
  return raw.split('\n').filter((l, i, all) => !(l === '' && i === all.length - 1)).map((text) => {
    if (text.startsWith('diff ') || text.startsWith('index ') || text.startsWith('--- ') || text.startsWith('+++ ') || text.startsWith('new file') || text.startsWith('deleted file'))
      return { kind: 'meta', text };
    if (text.startsWith('@@')) return { kind: 'hunk', text };
    if (text.startsWith('+')) return { kind: 'added', text };
    if (text.startsWith('-')) return { kind: 'removed', text };
    return { kind: 'same', text };
  });
}
