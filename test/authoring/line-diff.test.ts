import { expect } from 'chai';
import { diffFolders, diffLines, splitLines, type DiffLine } from '../../src/server/authoring/line-diff.ts';

const ops = (lines: DiffLine[]) => lines.map((l) => `${l.op === 'same' ? ' ' : l.op === 'add' ? '+' : '-'}${l.text}`);

/** Applying the diff's kept and added lines must give the new text; kept and removed, the old. */
function rebuild(lines: DiffLine[]): { before: string[]; after: string[] } {
  return { before: lines.filter((l) => l.op !== 'add').map((l) => l.text), after: lines.filter((l) => l.op !== 'del').map((l) => l.text) };
}

describe('authoring line diff (pure)', () => {
  it('reports no change for equal texts', () => {
    expect(ops(diffLines('a\nb\n', 'a\nb\n'))).to.deep.equal([' a', ' b']);
  });

  it('shows an inserted line between kept ones, with both line numbers', () => {
    const d = diffLines('a\nb\nc\n', 'a\nb\nX\nc\n');
    expect(ops(d)).to.deep.equal([' a', ' b', '+X', ' c']);
    expect(d[2]).to.deep.include({ op: 'add', newLine: 3 });
    expect(d[3]).to.deep.include({ op: 'same', oldLine: 3, newLine: 4 });
  });

  it('shows a replaced line as removed then added', () => {
    expect(ops(diffLines('titre: A\nduree: 5\n', 'titre: B\nduree: 5\n'))).to.deep.equal(['-titre: A', '+titre: B', ' duree: 5']);
  });

  it('handles empty texts on either side', () => {
    expect(ops(diffLines('', 'x\ny'))).to.deep.equal(['+x', '+y']);
    expect(ops(diffLines('x\n', ''))).to.deep.equal(['-x']);
    expect(splitLines('')).to.deep.equal([]);
  });

  it('keeps the longest common subsequence on interleaved edits', () => {
    const oldText = 'a\nb\nc\nd\ne\nf\n';
    const newText = 'a\nc\nX\nd\nf\nY\n';
    const d = diffLines(oldText, newText);
    expect(d.filter((l) => l.op === 'same').map((l) => l.text)).to.deep.equal(['a', 'c', 'd', 'f']);
    expect(rebuild(d)).to.deep.equal({ before: splitLines(oldText), after: splitLines(newText) });
  });

  it('rebuilds both sides on random texts', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 50; n++) {
      const make = () => Array.from({ length: Math.floor(rand() * 12) }, () => 'abcd'[Math.floor(rand() * 4)]).join('\n');
      const a = make();
      const b = make();
      const d = diffLines(a, b);
      expect(rebuild(d)).to.deep.equal({ before: splitLines(a), after: splitLines(b) });
    }
  });

  it('diffs two folders file by file, skipping equal files', () => {
    const before = new Map([['module.yaml', Buffer.from('id: m\ntitle: A\n')], ['quiz.yaml', Buffer.from('q\n')], ['images/a.png', Buffer.from([1, 2])]]);
    const after = new Map([['module.yaml', Buffer.from('id: m\ntitle: B\n')], ['lessons/01.md', Buffer.from('# T\n')], ['images/a.png', Buffer.from([1, 3])]]);
    const d = diffFolders(before, after, (p) => !p.endsWith('.png'));
    expect(d.map((f) => [f.path, f.change, f.added, f.removed])).to.deep.equal([
      ['images/a.png', 'binary', 0, 0],
      ['lessons/01.md', 'added', 1, 0],
      ['module.yaml', 'changed', 1, 1],
      ['quiz.yaml', 'removed', 0, 1],
    ]);
  });
});
