/** One line of a diff: kept, added (only in the new text) or removed (only in the old). */
export type DiffLine =
  | { op: 'same'; text: string; oldLine: number; newLine: number }
  | { op: 'add'; text: string; newLine: number }
  | { op: 'del'; text: string; oldLine: number };

/** Lines of a text; a final newline does not make an extra empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Line diff by longest common subsequence (dynamic programming on the part between the common
 * head and tail, which is small for the edits trainers make). Pure. Removed lines come before
 * the added lines that replace them, as in `diff -u`.
 */
export function diffLines(oldText: string, newText: string): DiffLine[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;

  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ op: 'same', text: a[i], oldLine: i + 1, newLine: i + 1 });

  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  if (midA.length * midB.length > MAX_CELLS) {
    // Too big to align (not a hand edit): show the middle as replaced, still correct.
    midA.forEach((text, k) => out.push({ op: 'del', text, oldLine: head + k + 1 }));
    midB.forEach((text, k) => out.push({ op: 'add', text, newLine: head + k + 1 }));
    return [...out, ...tailLines(a, b, tail)];
  }
  // lcs[i][j] = length of the LCS of midA[i..] and midB[j..]
  const lcs: number[][] = Array.from({ length: midA.length + 1 }, () => new Array<number>(midB.length + 1).fill(0));
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      out.push({ op: 'same', text: midA[i], oldLine: head + i + 1, newLine: head + j + 1 });
      i++;
      j++;
    } else if (j >= midB.length || (i < midA.length && lcs[i + 1][j] >= lcs[i][j + 1])) {
      out.push({ op: 'del', text: midA[i], oldLine: head + i + 1 });
      i++;
    } else {
      out.push({ op: 'add', text: midB[j], newLine: head + j + 1 });
      j++;
    }
  }
  return [...out, ...tailLines(a, b, tail)];
}

const MAX_CELLS = 4_000_000;

function tailLines(a: string[], b: string[], tail: number): DiffLine[] {
  return Array.from({ length: tail }, (_, k) => ({ op: 'same' as const, text: a[a.length - tail + k], oldLine: a.length - tail + k + 1, newLine: b.length - tail + k + 1 }));
}

export type FileChange = 'added' | 'removed' | 'changed' | 'binary';

export interface FileDiff {
  path: string;
  change: FileChange;
  lines: DiffLine[];
  added: number;
  removed: number;
}

/**
 * Per-file diff of two module folders: only files that differ, sorted by path. Media files
 * are reported as changed without lines.
 */
export function diffFolders(oldFiles: ReadonlyMap<string, Buffer>, newFiles: ReadonlyMap<string, Buffer>, isText: (p: string) => boolean): FileDiff[] {
  const paths = [...new Set([...oldFiles.keys(), ...newFiles.keys()])].sort();
  const out: FileDiff[] = [];
  for (const p of paths) {
    const before = oldFiles.get(p);
    const after = newFiles.get(p);
    if (before && after && before.equals(after)) continue;
    const change: FileChange = !before ? 'added' : !after ? 'removed' : isText(p) ? 'changed' : 'binary';
    const lines = isText(p) ? diffLines(before?.toString('utf8') ?? '', after?.toString('utf8') ?? '') : [];
    out.push({ path: p, change, lines, added: lines.filter((l) => l.op === 'add').length, removed: lines.filter((l) => l.op === 'del').length });
  }
  return out;
}
