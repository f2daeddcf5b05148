/**
 * Mutated bodies for one form, drawn from a seeded PRNG: the form's real fields with one or two
 * kinds of bad input each (missing, empty, 100 KB, control characters, unicode, numbers out of
 * range, arrays, nested keys, wrong JSON types, injection strings, duplicates, invalid dates,
 * other users' ids, a JSON body, bad percent-encoding, a broken upload). Every body carries a
 * valid form token, so that it reaches the route's own code.
 */
import type { Random } from '../../lrs/validation/fuzz/prng.ts';

export type FuzzBody =
  | { kind: 'form'; label: string; raw: string }
  | { kind: 'json'; label: string; raw: string }
  | { kind: 'multipart'; label: string; boundary: string; raw: Buffer };

/** What a form looks like before it is mutated: field name to the values a browser could send. */
export type BaseFields = Map<string, string[]>;

export interface MutationContext {
  csrf: string;
  /** Ids of real accounts, other than the one posting. */
  otherIds: string[];
}

type Pairs = Array<[string, unknown]>;

export const MUTATION_KINDS = [
  'missing',
  'empty',
  'long',
  'control',
  'unicode',
  'number',
  'array',
  'nested',
  'wrongType',
  'injection',
  'duplicate',
  'date',
  'otherIds',
  'json',
  'badEncoding',
  'extraFields',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

const CONTROL = ['\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u007f', 'a\u0000b'];
const UNICODE = [
  '\u202eevil\u202c', // right-to-left override
  'مرحبا بالعالم', // Arabic, right to left
  'שלום', // Hebrew
  '👩🏽‍💻🚀', // emoji with a skin tone and a zero-width joiner
  'e\u0301\u0301\u0301', // combining accents stacked
  'Z̴̡̧̛̛̠̹̟͈̘a̷͙̭͓̦͍̠l̵̨̼̀g̸͈̓o̸̯̤̾̈́', // zalgo
  '\u200b\u200d\ufeff', // zero-width and byte-order marks
  '\u2028\u2029', // line and paragraph separators
  'ＦＵＬＬＷＩＤＴＨ１２３',
  '𝕳𝖊𝖑𝖑𝖔', // astral plane letters
  '\ufffd\uffff',
];
const NUMBERS = ['-1', '0', '-0', '99999999999999999999999', '1e309', 'NaN', 'Infinity', '-Infinity', '0x1F', '1.5', '9007199254740993', '1e-7', '+5', ' 12 ', '١٢', '2147483648', '-2147483649', '00', '1,5'];
const INJECTIONS = [
  "' OR '1'='1' --",
  "Robert'); DROP TABLE users;--",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{constructor.constructor("return 1")()}}',
  '{{> partial}}',
  '${7*7}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'javascript:alert(1)',
  '%00',
  '%s%s%s%n',
  '\\',
  '__proto__',
  'constructor',
  '=HYPERLINK("x")',
  'null',
  'undefined',
  'true',
];
const DATES = ['2026-02-30', '2026-13-01', '0000-00-00', '99999-01-01', '2026-1-1', '1900-01-01', '9999-12-31', '2026-12-01T25:61:00Z', '31/12/2026', 'demain', '2026-00-10', '-2026-01-01', '1970-01-01'];
const WRONG_TYPES: unknown[] = [0, -1, 1.5, 1e308, true, false, null, {}, [], { a: { b: 1 } }, [[1]], ['x', 'y'], { length: 1e9 }];
const INVENTED_FIELDS = ['id', 'userId', 'name', 'date', 'turn', 'choice', 'role', 'login', 'module', 'item', 'path', 'level', 'reason', 'attempt'];

const big = (random: Random) => random.pick(['a', 'é', '€', '😀', 'é\u0301']).repeat(random.pick([100 * 1024, 34 * 1024]));

/** One valid-looking value per field, from the values the page offered. */
function basePairs(random: Random, base: BaseFields): Pairs {
  return [...base.entries()].map(([name, values]) => [name, values.length > 0 ? random.pick(values) : '']);
}

function fieldIndex(random: Random, pairs: Pairs): number {
  if (pairs.length === 0) pairs.push([random.pick(INVENTED_FIELDS), 'x']);
  return random.int(pairs.length);
}

function setValue(random: Random, pairs: Pairs, value: (old: unknown) => unknown, several = false): void {
  const count = several ? 1 + random.int(pairs.length || 1) : 1;
  for (let i = 0; i < count; i++) {
    const at = fieldIndex(random, pairs);
    pairs[at] = [pairs[at][0], value(pairs[at][1])];
  }
}

/** Applies one kind of bad input to the pairs; returns whether the body must go as JSON, or with raw bad encoding. */
function mutate(random: Random, kind: MutationKind, pairs: Pairs, ctx: MutationContext): { json?: boolean; rawSuffix?: string } {
  switch (kind) {
    case 'missing': {
      const drop = 1 + random.int(Math.max(pairs.length, 1));
      for (let i = 0; i < drop && pairs.length > 0; i++) pairs.splice(random.int(pairs.length), 1);
      return {};
    }
    case 'empty':
      setValue(random, pairs, () => random.pick(['', ' ', '   \n\t ']), true);
      return {};
    case 'long':
      setValue(random, pairs, () => big(random));
      return {};
    case 'control':
      if (random.chance(0.2)) pairs.push([`champ${random.pick(CONTROL)}`, 'x']);
      else setValue(random, pairs, (old) => `${String(old)}${random.pick(CONTROL)}`);
      return {};
    case 'unicode':
      setValue(random, pairs, (old) => (random.chance(0.5) ? random.pick(UNICODE) : `${String(old)}${random.pick(UNICODE)}`), true);
      return {};
    case 'number':
      setValue(random, pairs, () => random.pick(NUMBERS), true);
      return {};
    case 'array': {
      const at = fieldIndex(random, pairs);
      const [name, value] = pairs[at];
      if (random.chance(0.5)) pairs.push([name, random.pick(['', 'autre', String(value)])]);
      else pairs.splice(at, 1, [`${name}[]`, '1'], [`${name}[]`, '2']);
      return {};
    }
    case 'nested': {
      const at = fieldIndex(random, pairs);
      const [name] = pairs[at];
      pairs.splice(at, 1, [`${name}[${random.pick(['b', '0', '__proto__', 'constructor', ''])}]`, '1']);
      if (random.chance(0.3)) pairs.push([random.pick(['__proto__[admin]', 'constructor[prototype][x]', 'hasOwnProperty', 'toString']), '1']);
      return {};
    }
    case 'wrongType':
      setValue(random, pairs, () => random.pick(WRONG_TYPES), true);
      return { json: true };
    case 'injection':
      setValue(random, pairs, () => random.pick(INJECTIONS), true);
      return {};
    case 'duplicate':
      for (const [name, value] of [...pairs]) pairs.push([name, random.chance(0.5) ? value : random.pick(INJECTIONS)]);
      return {};
    case 'date':
      setValue(random, pairs, () => random.pick(DATES), true);
      return {};
    case 'otherIds':
      setValue(random, pairs, () => random.pick([...ctx.otherIds, '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-7fff-bfff-ffffffffffff', 'inexistant', '0', '-1', ctx.otherIds.join(',')]), true);
      return {};
    case 'json':
      return { json: true };
    case 'badEncoding':
      return { rawSuffix: random.pick(['&%', '&x=%E0%A4%A', '&%zz=1', '&y=%ED%A0%80', '&=&==&', '&&&', `&${pairs[0]?.[0] ?? 'a'}=%C3%28`]) };
    case 'extraFields':
      for (let i = 0; i < 1 + random.int(5); i++) pairs.push([random.pick(INVENTED_FIELDS), random.pick([...INJECTIONS, ...NUMBERS])]);
      return {};
  }
}

function encodePairs(pairs: Pairs): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v) ?? '')}`).join('&');
}

/** Pairs as a JSON object: a repeated name becomes an array, as a browser-side serialiser would make it. */
function asJson(pairs: Pairs): Record<string, unknown> {
  // No prototype: a field named __proto__ stays a field.
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of pairs) {
    if (Object.prototype.hasOwnProperty.call(out, k)) out[k] = [...(Array.isArray(out[k]) ? (out[k] as unknown[]) : [out[k]]), v];
    else out[k] = v;
  }
  return out;
}

/** A valid 1×1 RGBA PNG: pdfkit decodes its pixels asynchronously, where its errors escape. */
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const pngWith = (change: (png: Buffer) => void): Buffer => {
  const png = Buffer.from(PNG_1PX);
  change(png);
  return png;
};

/** What the upload bodies carry, each tried once per upload form (see uploadBodyCount). */
const UPLOAD_CONTENTS: Array<[string, Buffer]> = [
  ['empty file', Buffer.alloc(0)],
  ['garbage', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 131 + 7) & 255))],
  ['truncated zip', Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000', 'latin1')],
  ['truncated png', Buffer.from('\u0089PNG\r\n\u001a\n\u0000\u0000', 'latin1')],
  ['1 px PNG', PNG_1PX],
  ['PNG of 2^31 px a side', pngWith((png) => (png.writeUInt32BE(0x7fffffff, 16), png.writeUInt32BE(0x7fffffff, 20)))],
  ['PNG with corrupt pixel data', pngWith((png) => png.fill(0x55, 41, 50))],
  ['PNG cut in its pixel data', PNG_1PX.subarray(0, 45)],
  ['svg with script', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
  ['text', Buffer.from('bonjour')],
  ['JSON', Buffer.from('{"@context":[],"type":"x"}')],
  ['PDF header', Buffer.from('%PDF-1.7\n%%EOF')],
];

/** Bodies for an upload form: every file content once as a multipart body, as many other bodies in between. */
export const uploadBodyCount = (): number => 2 * UPLOAD_CONTENTS.length;

function multipartBody(random: Random, pairs: Pairs, ctx: MutationContext, fileField: string, contentIndex: number): { boundary: string; raw: Buffer; label: string } {
  const boundary = `----fuzz${random.int(1e9)}`;
  const parts: Buffer[] = [];
  const field = (name: string, value: string) => parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  field('_csrf', ctx.csrf);
  for (const [k, v] of pairs) if (k !== fileField) field(k, typeof v === 'string' ? v.slice(0, 4096) : JSON.stringify(v));
  const filename = random.pick(['logo.png', 'module.zip', 'certificat.pdf', '', '../../etc/passwd', 'a\u0000b.png', '\u202egnp.exe', '👩🏽‍💻.svg', 'x'.repeat(300), 'C:\\fakepath\\a.zip']);
  const contents = UPLOAD_CONTENTS[contentIndex % UPLOAD_CONTENTS.length];
  const withFile = random.chance(0.85);
  if (withFile) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${filename}"\r\nContent-Type: ${random.pick(['application/octet-stream', 'image/png', 'application/zip', 'text/html'])}\r\n\r\n`, 'utf8'));
    parts.push(contents[1], Buffer.from('\r\n'));
  }
  const cut = random.chance(0.15);
  if (!cut) parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { boundary, raw: Buffer.concat(parts), label: `multipart ${withFile ? `file "${filename.slice(0, 20)}" (${contents[0]})` : 'without file'}${cut ? ', cut short' : ''}` };
}

export interface FormTarget {
  base: BaseFields;
  /** The name of the file input, for upload forms. */
  fileField?: string;
}

/**
 * One mutated body for a form: the kind numbered `kindIndex` (walked in turn, so that every kind
 * is tried across the routes), sometimes with a second kind drawn at random.
 */
export function fuzzBody(random: Random, target: FormTarget, ctx: MutationContext, kindIndex: number, multipart: false | { contentIndex: number }): FuzzBody {
  const pairs = basePairs(random, target.base);
  const kinds: MutationKind[] = [MUTATION_KINDS[kindIndex % MUTATION_KINDS.length]];
  if (random.chance(0.4)) kinds.push(random.pick(MUTATION_KINDS));
  let json = false;
  let rawSuffix = '';
  for (const kind of kinds) {
    const effect = mutate(random, kind, pairs, ctx);
    json ||= effect.json === true;
    rawSuffix += effect.rawSuffix ?? '';
  }
  const label = kinds.join('+');
  if (target.fileField && multipart) {
    const { boundary, raw, label: how } = multipartBody(random, pairs, ctx, target.fileField, multipart.contentIndex);
    return { kind: 'multipart', label: `${label}, ${how}`, boundary, raw };
  }
  if (json) {
    const payload = random.chance(0.1) ? random.pick<unknown>([[ctx.csrf], 'texte', 42, null]) : { _csrf: ctx.csrf, ...asJson(pairs) };
    return { kind: 'json', label: `${label} as JSON`, raw: JSON.stringify(payload) };
  }
  return { kind: 'form', label, raw: `_csrf=${encodeURIComponent(ctx.csrf)}&${encodePairs(pairs)}${rawSuffix}` };
}
