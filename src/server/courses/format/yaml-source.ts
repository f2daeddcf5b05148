import { LineCounter, parseDocument, isMap, isSeq, type Document, type Node } from 'yaml';
import type { SourceError } from './source-error.ts';

/** A parsed YAML file that can say on which line any value stands. */
export interface YamlSource {
  file: string;
  data: unknown;
  /** 1-based line of the node at `path` (keys and indexes), or of its nearest existing parent. */
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}

/** The YAML mistakes trainers make most, explained in French (others keep the parser's words). */
const YAML_HINTS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY:
    'deux-points suivi d’un espace au milieu d’un texte (ex. « remarque : ... ») ou décalage incorrect. Mettez le texte entre guillemets doubles, ou vérifiez les espaces en début de ligne',
  MULTILINE_IMPLICIT_KEY: 'une clé doit tenir sur une ligne : vérifiez les espaces en début de ligne',
  DUPLICATE_KEY: 'cette clé apparaît deux fois au même niveau',
  TAB_AS_INDENT: 'tabulation en début de ligne : utilisez des espaces',
  MISSING_CHAR: 'guillemet, crochet ou accolade non refermé',
  BAD_INDENT: 'décalage incorrect (espaces en début de ligne) ou crochet non refermé',
};

export type YamlResult = { ok: true; source: YamlSource } | { ok: false; errors: SourceError[] };

export function parseYamlSource(text: string, file: string): YamlResult {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        file,
        // linePos is only filled in with prettyErrors; pos always is.
        line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
        message: `YAML invalide : ${YAML_HINTS[e.code] ?? e.message.split('\n')[0]}`,
      })),
    };
  }
  const lineOf = (path: ReadonlyArray<string | number>): number | undefined => {
    let node: unknown = doc.contents;
    let best: number | undefined = startLine(node, lineCounter);
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
        if (!pair) break;
        node = pair.value ?? pair.key;
        best = startLine(pair.key as Node, lineCounter) ?? best;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        if (node === undefined) break;
        best = startLine(node, lineCounter) ?? best;
      } else break;
    }
    return best;
  };
  return { ok: true, source: { file, data: doc.toJS(), lineOf } };
}

function startLine(node: unknown, lineCounter: LineCounter): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lineCounter.linePos(range[0]).line : undefined;
}
