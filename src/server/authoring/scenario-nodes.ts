import { isMap, isScalar, LineCounter, parseDocument, stringify, Scalar, type Document, type Pair } from 'yaml';

/** One node of a scenario file as the node editor shows it. */
export interface NodeBlock {
  id: string;
  kind: 'customer' | 'choice' | 'free' | 'ending' | 'unknown';
  phase: string;
  /** The node's fields as YAML (without its name), for its form. */
  yaml: string;
  /** 1-based lines of the file the node spans, to place validation messages next to it. */
  firstLine: number;
  lastLine: number;
}

const NODE_ID = /^[a-z0-9][a-z0-9-]*$/;

function kindOf(value: unknown): NodeBlock['kind'] {
  if (!value || typeof value !== 'object') return 'unknown';
  const o = value as Record<string, unknown>;
  if ('ending' in o) return 'ending';
  if ('choices' in o) return 'choice';
  if ('free' in o) return 'free';
  if ('customer' in o) return 'customer';
  return 'unknown';
}

function nodesPairs(doc: Document): Pair[] | null {
  const nodes = isMap(doc.contents) ? doc.contents.get('nodes', true) : undefined;
  return isMap(nodes) ? (nodes.items as Pair[]) : null;
}

/** The nodes of a scenario file in file order; null when the file has no readable `nodes:` map. */
export function listNodes(text: string): NodeBlock[] | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) return null;
  const pairs = nodesPairs(doc);
  if (!pairs) return null;
  return pairs.map((pair) => {
    const id = isScalar(pair.key) ? String(pair.key.value) : '';
    const value: unknown = pair.value && typeof pair.value === 'object' && 'toJSON' in pair.value ? (pair.value as { toJSON(): unknown }).toJSON() : pair.value;
    const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
    const valueRange = pair.value && typeof pair.value === 'object' && 'range' in pair.value ? (pair.value as { range?: [number, number, number] }).range : undefined;
    const phase = value && typeof value === 'object' && typeof (value as Record<string, unknown>).phase === 'string' ? ((value as Record<string, unknown>).phase as string) : '';
    return {
      id,
      kind: kindOf(value),
      phase,
      yaml: value && typeof value === 'object' ? stringify(value, { lineWidth: 0 }) : '',
      firstLine: keyRange ? lineCounter.linePos(keyRange[0]).line : 0,
      lastLine: valueRange ? lineCounter.linePos(Math.max(valueRange[0], valueRange[1] - 1)).line : 0,
    };
  });
}

export type NodeEdit = { ok: true; text: string } | { ok: false; reason: 'file' | 'id' | 'yaml' | 'duplicate' | 'missing' };

/**
 * Puts a node (its fields as YAML) under `newId` in place of `oldId` (or at the end when
 * `oldId` is null), keeping the rest of the file, its order and its comments.
 */
export function setNode(text: string, oldId: string | null, newId: string, nodeYaml: string): NodeEdit {
  const doc = parseDocument(text);
  const pairs = doc.errors.length === 0 ? nodesPairs(doc) : null;
  if (!pairs) return { ok: false, reason: 'file' };
  if (!NODE_ID.test(newId)) return { ok: false, reason: 'id' };
  const block = parseDocument(nodeYaml);
  if (block.errors.length > 0 || !isMap(block.contents)) return { ok: false, reason: 'yaml' };
  const keyOf = (p: Pair) => (isScalar(p.key) ? String(p.key.value) : '');
  if (newId !== oldId && pairs.some((p) => keyOf(p) === newId)) return { ok: false, reason: 'duplicate' };
  const value = doc.createNode(block.toJS());
  if (oldId === null) {
    const nodes = (doc.contents as { get(k: string, keep: true): unknown }).get('nodes', true);
    if (!isMap(nodes)) return { ok: false, reason: 'file' };
    nodes.set(newId, value);
    return { ok: true, text: doc.toString() };
  }
  const pair = pairs.find((p) => keyOf(p) === oldId);
  if (!pair) return { ok: false, reason: 'missing' };
  pair.key = new Scalar(newId);
  pair.value = value;
  return { ok: true, text: doc.toString() };
}

/** Removes a node; the validator then points at whatever still leads to it. */
export function removeNode(text: string, id: string): NodeEdit {
  const doc = parseDocument(text);
  const pairs = doc.errors.length === 0 ? nodesPairs(doc) : null;
  if (!pairs) return { ok: false, reason: 'file' };
  const index = pairs.findIndex((p) => isScalar(p.key) && String(p.key.value) === id);
  if (index < 0) return { ok: false, reason: 'missing' };
  pairs.splice(index, 1);
  return { ok: true, text: doc.toString() };
}
