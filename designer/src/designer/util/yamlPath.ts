// The key path a line of a canonical definition file falls in (two-space block style, lists
// as "- "), so a diagnostic at file:line:col can be shown at its field in a form editor:
// line 40 of guide.yaml → ["limits", "promised"]; a line inside the second basis → ["basis", 1, "title"].

export type YamlPath = (string | number)[];

export function yamlPathAt(text: string, line: number): YamlPath {
  const lines = text.split('\n');
  const path: { indent: number; key: string | number }[] = [];
  for (let i = 0; i < Math.min(line, lines.length); i++) {
    const raw = lines[i];
    if (raw.trim() === '') continue;
    let indent = raw.length - raw.trimStart().length;
    let rest = raw.trimStart();
    // "- " opens a list entry: count the entries of the list at this indent.
    while (rest.startsWith('- ') || rest === '-') {
      while (path.length && path[path.length - 1].indent > indent) path.pop();
      const top = path[path.length - 1];
      const index = top && top.indent === indent && typeof top.key === 'number' ? top.key + 1 : 0;
      if (top && top.indent === indent && typeof top.key === 'number') path.pop();
      path.push({ indent, key: index });
      indent += 2;
      rest = rest.slice(2);
    }
    const match = rest.match(/^("?)([^":]+)\1:(\s|$)/);
    if (!match) continue;
    while (path.length && (path[path.length - 1].indent > indent || (path[path.length - 1].indent === indent && typeof path[path.length - 1].key === 'string'))) path.pop();
    path.push({ indent, key: match[2] });
  }
  return path.map((p) => p.key);
}

export function samePrefix(path: YamlPath, prefix: YamlPath): boolean {
  return prefix.every((p, i) => path[i] === p);
}
