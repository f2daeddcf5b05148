/**
 * Mutation operators for the fuzz test. Each mutation changes one node of a valid base statement
 * and says, from the base's rule table alone, whether the result must be rejected.
 */
import type { Base, Kind, NodeRule } from './bases.ts';
import type { Random } from './prng.ts';

type Container = Record<string, unknown> | unknown[];
type Segment = string | number;

export interface FuzzNode {
  path: Segment[];
  rule: NodeRule;
  parent: Container;
  parentKind: Kind | 'root';
  key: Segment;
}

export interface Mutation {
  description: string;
  /** JSON path (validator notation) of the object that holds the mutated node. */
  parentPath: string;
  invalid: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Lists every node of `root` with its rule; throws if the base's table misses one. */
export function collectNodes(base: Base, root: Record<string, unknown>): FuzzNode[] {
  const nodes: FuzzNode[] = [];
  const visit = (parent: Container, parentKind: Kind | 'root', key: Segment, path: Segment[], pattern: string): void => {
    const rule = base.rules.get(pattern);
    if (rule === undefined) throw new Error(`fuzz table of "${base.name}" misses ${pattern}`);
    nodes.push({ path, rule, parent, parentKind, key });
    const value = (parent as Record<string, unknown>)[key as string];
    if (rule.kind === 'free') return;
    if (Array.isArray(value)) value.forEach((_, i) => visit(value, rule.kind, i, [...path, i], `${pattern}.#`));
    else if (isRecord(value)) {
      const byKey = rule.kind === 'langmap' || rule.kind === 'extensions';
      for (const child of Object.keys(value)) visit(value, rule.kind, child, [...path, child], `${pattern}.${byKey ? '@' : child}`);
    }
  };
  for (const key of Object.keys(root)) visit(root, 'root', key, [key], key);
  return nodes;
}

export function pathToString(path: readonly Segment[]): string {
  let out = 'statement';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
  }
  return out;
}

const GOOD: Partial<Record<Kind, readonly string[]>> = {
  iri: ['http://example.org/x', 'urn:example:thing', 'https://example.com/é/x?y=1#z', 'tag:example.com,2026:a'],
  irl: ['http://example.org/page', 'https://www.example.com/a/b'],
  uuid: ['6fa459ea-ee8a-3ca4-894e-db77e160355e', 'AA97B177-9383-4934-8543-0F91A7A02836'],
  timestamp: ['2026-01-02T03:04:05Z', '2026-01-02T03:04:05.678+05:30', '2024-02-29T23:59:59.999-08:00'],
  duration: ['PT1H', 'P1DT2M', 'P2W', 'PT0.5S', 'P1Y2M3DT4H5M6.7S'],
  langtag: ['de', 'pt-BR', 'zh-Hant', 'es-419'],
  mbox: ['mailto:someone@example.org', 'mailto:first.last+tag@sub.example.com'],
  sha1: ['0123456789abcdef0123456789ABCDEF01234567'],
  sha2: ['a'.repeat(64), 'B'.repeat(128), '0'.repeat(56)],
  version: ['1.0.0', '1.0.3', '1.0'],
  mediatype: ['text/plain', 'application/json; charset=utf-8', 'image/svg+xml'],
};

const BAD: Partial<Record<Kind, readonly string[]>> = {
  iri: ['no scheme', 'example.com/x', 'ab=c://x', '', 'http://a b', '/relative', 'http://x/%zz'],
  irl: ['www.example.com', 'should fail', '', '//example.com/x'],
  uuid: ['not-a-uuid', '6fa459ea-ee8a-3ca4-894e-db77e160355e0', '6fa459ea-ee8a-3ca4-894e-db77e160355g', '6fa459eaee8a3ca4894edb77e160355e', ''],
  timestamp: ['2026-01-02', '2026-02-30T00:00:00Z', 'yesterday', '2026-01-02T03:04:05-00:00', '2026-01-02T25:04:05Z', ''],
  duration: ['PT', '1H', 'P1W2D', 'PT1.5H2M', 'P', 'PT-1S', ''],
  langtag: ['a12345', 'en_US', '', 'toolongtag', 'en-'],
  mbox: ['someone@example.org', 'mailto:', 'mailto:no-at-sign', 'mailto:a b@example.org', ''],
  sha1: ['0123456789abcdef', 'g'.repeat(40), ''],
  sha2: ['a'.repeat(63), 'xyz', ''],
  version: ['1.1.0', '0.9.5', 'latest', '', '3.0.0'],
  mediatype: ['text', 'not a type', ''],
};

const WRONG_TYPED: Record<'string' | 'number' | 'boolean' | 'array' | 'object' | 'null', unknown[]> = {
  string: ['a string', '', '42', 'true'],
  number: [42, -1.5, 0],
  boolean: [true, false],
  array: [[], ['x'], [1]],
  object: [{}, { k: 1 }],
  null: [null],
};

function acceptedTypes(kind: Kind): ReadonlyArray<keyof typeof WRONG_TYPED> {
  switch (kind) {
    case 'object': case 'langmap': case 'extensions': return ['object'];
    case 'activityOrList': return ['object', 'array'];
    case 'array': case 'stringarray': return ['array'];
    case 'boolean': return ['boolean'];
    case 'integer': case 'scaled': case 'raw': case 'min': case 'max': return ['number'];
    case 'free': return ['string', 'number', 'boolean', 'array', 'object', 'null'];
    default: return ['string'];
  }
}

/** A random JSON value nested up to `depth` levels; never a bare scalar at the top. */
export function junk(random: Random, depth: number): unknown {
  if (depth <= 0) return random.pick<unknown>(['x', 7, true, null, 1e308, -0, '\u0000', 'é']);
  const inner = junk(random, depth - 1);
  return random.chance(0.5) ? { [`junk${random.int(5)}`]: inner, junkTail: 1 } : [inner, 7];
}

function randomJson(random: Random): unknown {
  return random.chance(0.3) ? junk(random, random.int(4)) : random.pick<unknown>(['', null, 0, 'text', false, {}, []]);
}

function setValue(node: FuzzNode, value: unknown): void {
  (node.parent as Record<string, unknown>)[node.key as string] = value;
}

function remove(node: FuzzNode): void {
  if (Array.isArray(node.parent)) node.parent.splice(node.key as number, 1);
  else delete node.parent[node.key as string];
}

function renameKey(node: FuzzNode, newKey: string): void {
  const parent = node.parent as Record<string, unknown>;
  const value = parent[node.key as string];
  delete parent[node.key as string];
  parent[newKey] = value;
}

function between(random: Random, low: number, high: number): number {
  return low + random.next() * (high - low);
}

/** A positive step, from barely-over-the-boundary to far away, to probe range checks at their edges. */
function step(random: Random): number {
  return random.pick([1e-9, 1e-6, 1e-3, 0.01, 0.5, 5, 1e6]);
}

function numberSiblings(node: FuzzNode): { raw?: number; min?: number; max?: number } {
  const score = node.parent as Record<string, unknown>;
  const read = (key: string) => (typeof score[key] === 'number' ? (score[key] as number) : undefined);
  return { raw: read('raw'), min: read('min'), max: read('max') };
}

/** Mutates `node` in place, or returns undefined (changing nothing) when it does not apply. */
type Operator = (node: FuzzNode, random: Random, wantInvalid: boolean) => { description: string; invalid: boolean } | undefined;

const drop: Operator = (node, _random, wantInvalid) => {
  if (wantInvalid && !node.rule.required) return undefined;
  remove(node);
  return { description: 'drop', invalid: node.rule.required };
};

const wrongType: Operator = (node, random) => {
  const accepted = acceptedTypes(node.rule.kind);
  const types = (Object.keys(WRONG_TYPED) as Array<keyof typeof WRONG_TYPED>).filter((type) => !accepted.includes(type));
  if (types.length === 0) return undefined;
  const type = random.pick(types);
  setValue(node, random.pick(WRONG_TYPED[type]));
  return { description: `wrong type (${type})`, invalid: true };
};

const deepJunk: Operator = (node, random, wantInvalid) => {
  if (wantInvalid && node.rule.kind === 'free') return undefined;
  setValue(node, junk(random, 1 + random.int(40)));
  return { description: 'deep junk', invalid: node.rule.kind !== 'free' };
};

const format: Operator = (node, random, wantInvalid) => {
  const good = GOOD[node.rule.kind];
  const bad = BAD[node.rule.kind];
  if (good === undefined || bad === undefined) return undefined;
  if (!wantInvalid && random.chance(0.5)) {
    setValue(node, random.pick(good));
    return { description: 'other valid value', invalid: false };
  }
  setValue(node, random.pick(bad));
  return { description: 'malformed value', invalid: true };
};

const scalar: Operator = (node, random, wantInvalid) => {
  const { kind } = node.rule;
  const current = (node.parent as Record<string, unknown>)[node.key as string];
  const s = numberSiblings(node);
  switch (kind) {
    case 'string': case 'langvalue':
      if (wantInvalid) return undefined;
      setValue(node, `text-${random.int(1e9)}`);
      return { description: 'other string', invalid: false };
    case 'boolean':
      if (wantInvalid) return undefined;
      setValue(node, current !== true);
      return { description: 'flipped boolean', invalid: false };
    case 'enum': {
      const text = String(current);
      const variants = [text.toLowerCase(), text.toUpperCase(), `${text}x`, ''].filter((v) => v !== text);
      setValue(node, random.pick(variants));
      return { description: 'enum in wrong case or unknown', invalid: true };
    }
    case 'integer':
      if (!wantInvalid && random.chance(0.5)) {
        setValue(node, random.int(1e6));
        return { description: 'other length', invalid: false };
      }
      setValue(node, random.pick([-1, 2.5, 1e21]));
      return { description: 'negative, fractional or unsafe length', invalid: true };
    case 'scaled':
      if (!wantInvalid && random.chance(0.5)) {
        setValue(node, between(random, -1, 1));
        return { description: 'scaled in range', invalid: false };
      }
      setValue(node, random.pick([1, -1]) * (1 + step(random)));
      return { description: 'scaled out of range', invalid: true };
    case 'raw': {
      const low = s.min ?? -1e6;
      const high = s.max ?? 1e6;
      if (!wantInvalid && random.chance(0.5)) {
        setValue(node, between(random, low, high));
        return { description: 'raw within [min, max]', invalid: false };
      }
      setValue(node, random.chance(0.5) ? high + step(random) : low - step(random));
      return { description: 'raw outside [min, max]', invalid: true };
    }
    case 'min': {
      const ceiling = Math.min(s.raw ?? Infinity, s.max ?? Infinity); // min <= raw and min < max
      if (!wantInvalid && random.chance(0.5)) {
        setValue(node, ceiling - step(random));
        return { description: 'min below raw and max', invalid: false };
      }
      setValue(node, ceiling + step(random));
      return { description: 'min above raw or max', invalid: true };
    }
    case 'max': {
      const floor = Math.max(s.raw ?? -Infinity, s.min ?? -Infinity);
      if (!wantInvalid && random.chance(0.5)) {
        setValue(node, floor + step(random));
        return { description: 'max above raw and min', invalid: false };
      }
      setValue(node, floor - step(random));
      return { description: 'max below raw or min', invalid: true };
    }
    case 'free':
      if (wantInvalid) return undefined;
      setValue(node, randomJson(random));
      return { description: 'other extension value', invalid: false };
    default:
      return undefined;
  }
};

const addKey: Operator = (node, random, wantInvalid) => {
  const value = (node.parent as Record<string, unknown>)[node.key as string];
  switch (node.rule.kind) {
    case 'object': case 'activityOrList':
      if (!isRecord(value)) return undefined;
      value[random.pick(['unexpectedProperty', 'Id', 'ObjectType', 'extension', 'foo'])] = 1;
      return { description: 'added unknown property', invalid: true };
    case 'langmap':
      if (!isRecord(value)) return undefined;
      if (!wantInvalid && random.chance(0.5)) {
        const tag = random.pick(['it', 'nl-BE', 'ja', 'x-private']);
        if (tag in value) return undefined;
        value[tag] = 'texte';
        return { description: 'added language', invalid: false };
      }
      value[random.pick(['a12345', 'en_GB', 'not a tag'])] = 'text';
      return { description: 'added invalid language tag', invalid: true };
    case 'extensions':
      if (!isRecord(value)) return undefined;
      if (!wantInvalid && random.chance(0.5)) {
        value[`https://example.com/ext/${random.int(1e6)}`] = randomJson(random);
        return { description: 'added extension', invalid: false };
      }
      value[random.pick(['not an iri', 'key', ''])] = randomJson(random);
      return { description: 'added extension with a non-IRI key', invalid: true };
    case 'array': case 'stringarray':
      if (!Array.isArray(value)) return undefined;
      if (node.rule.kind === 'stringarray' && !wantInvalid && random.chance(0.5)) {
        value.push(`pattern-${random.int(100)}`);
        return { description: 'added pattern', invalid: false };
      }
      value.push(random.pick([7, null, true]));
      return { description: 'added a non-conforming element', invalid: true };
    default:
      return undefined;
  }
};

const rename: Operator = (node, random, wantInvalid) => {
  if (typeof node.key !== 'string') return undefined;
  const key = node.key;
  if (node.parentKind === 'langmap') {
    const valid = !wantInvalid && random.chance(0.5);
    const newKey = valid ? random.pick(['ko', 'fr-CA', 'sv']) : random.pick(['a12345', 'fr_CA']);
    if (newKey in node.parent) return undefined;
    renameKey(node, newKey);
    return { description: valid ? 'renamed language tag' : 'renamed to an invalid language tag', invalid: !valid };
  }
  if (node.parentKind === 'extensions') {
    const valid = !wantInvalid && random.chance(0.5);
    const newKey = valid ? `urn:example:ext:${random.int(1e6)}` : random.pick(['plain key', 'example.com/no-scheme']);
    renameKey(node, newKey);
    return { description: valid ? 'renamed extension to another IRI' : 'renamed extension to a non-IRI', invalid: !valid };
  }
  const variants = [key.charAt(0).toUpperCase() + key.slice(1), key.toUpperCase(), `${key}s`, `_${key}`].filter((v) => v !== key);
  renameKey(node, random.pick(variants));
  return { description: 'renamed property (case or spelling)', invalid: true };
};

const OPERATORS: readonly Operator[] = [drop, wrongType, deepJunk, format, format, scalar, scalar, addKey, rename];

/**
 * Applies one random applicable operator to `node`; with `wantInvalid` only changes that must be
 * rejected. Undefined (nothing changed) when no operator drawn applies.
 */
export function mutate(node: FuzzNode, random: Random, wantInvalid = false): Mutation | undefined {
  const parentPath = pathToString(node.path.slice(0, -1));
  for (let attempt = 0; attempt < 12; attempt++) {
    const outcome = random.pick(OPERATORS)(node, random, wantInvalid);
    if (outcome !== undefined) return { description: `${outcome.description} at ${pathToString(node.path)}`, parentPath, invalid: outcome.invalid };
  }
  return undefined;
}
