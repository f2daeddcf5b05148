import { DEFAULT_RUBRIC_PASS } from './defaults.ts';
import { isMap, type FieldReader, type Path, type YamlMap } from './field-reader.ts';
import { moodEffect, parseCompetencies, parseOption, parsePoints } from './parse-option.ts';
import { parseRubric } from './parse-rubric.ts';
import { parseSamples } from './parse-samples.ts';
import type { EndingKind, FreeOutcome, LearnerOption, ScenarioNode, TimeLimit } from './types.ts';

export interface NodeContext {
  phaseIds: ReadonlySet<string>;
  /** The competencies the scenario declares at its top: the only ones its points may use. */
  competencyCodes: ReadonlySet<string>;
  lookupKeys: ReadonlySet<string>;
}

const ENDINGS: readonly EndingKind[] = ['resolved', 'escalated', 'hung-up'];
const KEYS = {
  customer: ['phase', 'customer', 'audio', 'written', 'mood', 'next', 'ifMoodBelow'],
  choice: ['phase', 'prompt', 'choices', 'hold', 'transfer', 'timeLimit'],
  free: ['phase', 'free', 'rubric', 'points', 'competencies', 'model', 'samples', 'next', 'good', 'weak', 'timeLimit'],
  ending: ['phase', 'ending', 'outcome', 'customer', 'audio', 'written', 'followUp'],
  timeLimit: ['seconds', 'say', 'mood', 'points', 'next'],
  outcome: ['next', 'mood', 'feedback'],
} as const;

/** Parses one entry of `nodes:`. Target ids are checked later, against the whole graph. */
// A call that ends well but needs another contact (a call-back) is not resolved at first contact.
function parseFollowUp(reader: FieldReader, obj: YamlMap, path: Path): boolean {
  if (obj.followUp === undefined) return false;
  if (typeof obj.followUp !== 'boolean') reader.error([...path, 'followUp'], '« followUp » doit valoir true ou false.');
  return obj.followUp === true;
}

/** A line the customer writes (a chat message, an SMS, an e-mail read on screen): shown as text, never voiced. */
function parseWritten(reader: FieldReader, obj: YamlMap, path: Path): boolean {
  if (obj.written === undefined) return false;
  if (typeof obj.written !== 'boolean') reader.error([...path, 'written'], '« written » doit valoir true ou false.');
  return obj.written === true;
}

export function parseNode(reader: FieldReader, id: string, value: unknown, ctx: NodeContext): ScenarioNode | undefined {
  const path: Path = ['nodes', id];
  const obj = reader.map(value, path, `nœud « ${id} »`);
  if (!obj) return undefined;
  const phase = parsePhase(reader, obj, path, ctx);
  if ('ending' in obj) {
    reader.onlyKeys(obj, KEYS.ending, path);
    const ending = obj.ending as EndingKind;
    if (!ENDINGS.includes(ending)) reader.error([...path, 'ending'], `type de fin inconnu « ${String(obj.ending)} » (resolved, escalated ou hung-up).`);
    return {
      kind: 'ending', id, phase, ending,
      outcome: reader.text(obj, 'outcome', path, { required: true }) ?? '',
      text: reader.text(obj, 'customer', path, { required: false }),
      audio: reader.text(obj, 'audio', path, { required: false }),
      followUp: parseFollowUp(reader, obj, path),
      ...(parseWritten(reader, obj, path) ? { written: true } : {}),
    };
  }
  if ('choices' in obj) {
    reader.onlyKeys(obj, KEYS.choice, path);
    const options: LearnerOption[] = [];
    if (!Array.isArray(obj.choices) || obj.choices.length === 0) reader.error([...path, 'choices'], '« choices » doit lister au moins un choix.');
    else obj.choices.forEach((c: unknown, i) => pushOption(options, parseOption(reader, 'say', c, [...path, 'choices', i], phase, ctx)));
    for (const kind of ['hold', 'transfer'] as const) {
      if (obj[kind] !== undefined) pushOption(options, parseOption(reader, kind, obj[kind], [...path, kind], phase, ctx));
    }
    return { kind: 'choice', id, phase, prompt: reader.text(obj, 'prompt', path, { required: false }), options, timeLimit: parseTimeLimit(reader, obj, path) };
  }
  if ('free' in obj || 'rubric' in obj) {
    reader.onlyKeys(obj, KEYS.free, path);
    const rubric = parseRubric(reader, obj.rubric, [...path, 'rubric']) ?? { required: [], forbidden: [], avoid: [], politeness: [], pass: DEFAULT_RUBRIC_PASS };
    return {
      kind: 'free', id, phase,
      prompt: reader.text(obj, 'free', path, { required: true }) ?? '',
      rubric,
      points: parsePoints(reader, obj.points, [...path, 'points'], phase, ctx.phaseIds),
      competencies: parseCompetencies(reader, obj.competencies, [...path, 'competencies'], ctx.competencyCodes),
      model: reader.text(obj, 'model', path, { required: true }) ?? '',
      ...parseSamples(reader, obj.samples, [...path, 'samples']),
      good: parseFreeOutcome(reader, obj, 'good', path),
      weak: parseFreeOutcome(reader, obj, 'weak', path),
      timeLimit: parseTimeLimit(reader, obj, path),
    };
  }
  if ('customer' in obj) {
    reader.onlyKeys(obj, KEYS.customer, path);
    return {
      kind: 'customer', id, phase,
      text: reader.text(obj, 'customer', path, { required: true }) ?? '',
      audio: reader.text(obj, 'audio', path, { required: false }),
      ...(parseWritten(reader, obj, path) ? { written: true } : {}),
      mood: moodEffect(reader, obj, path),
      next: reader.text(obj, 'next', path, { required: true }) ?? '',
      ifMoodBelow: parseIfMoodBelow(reader, obj.ifMoodBelow, [...path, 'ifMoodBelow']),
    };
  }
  reader.error(path, `nœud « ${id} » sans type : il faut customer, choices, free (avec rubric) ou ending.`);
  return undefined;
}

function pushOption(options: LearnerOption[], option: LearnerOption | undefined): void {
  if (option) options.push(option);
}

function parsePhase(reader: FieldReader, obj: YamlMap, path: Path, ctx: NodeContext): string {
  const phase = reader.text(obj, 'phase', path, { required: !('ending' in obj) });
  // An ending without a phase belongs to the last phase (the leave-taking, by default).
  if (phase === undefined) return [...ctx.phaseIds].at(-1) ?? '';
  if (!ctx.phaseIds.has(phase)) reader.error([...path, 'phase'], `phase inconnue « ${phase} » (phases : ${[...ctx.phaseIds].join(', ')}).`);
  return phase;
}

function parseIfMoodBelow(reader: FieldReader, value: unknown, path: Path): { mood: number; next: string } | undefined {
  if (value === undefined) return undefined;
  const obj = reader.map(value, path, 'ifMoodBelow');
  if (!obj) return undefined;
  const mood = reader.number(obj, 'mood', path, { min: 1, max: 100 });
  if (mood === undefined) reader.error(path, 'ifMoodBelow demande un seuil « mood » (1 à 100).');
  return { mood: mood ?? 0, next: reader.text(obj, 'next', path, { required: true }) ?? '' };
}

function parseTimeLimit(reader: FieldReader, node: YamlMap, nodePath: Path): TimeLimit | undefined {
  if (node.timeLimit === undefined) return undefined;
  const path = [...nodePath, 'timeLimit'];
  const obj = reader.map(node.timeLimit, path, 'timeLimit');
  if (!obj) return undefined;
  reader.onlyKeys(obj, KEYS.timeLimit, path);
  const seconds = reader.number(obj, 'seconds', path, { min: 3, max: 600 });
  if (seconds === undefined) reader.error(path, 'timeLimit demande « seconds » (3 à 600).');
  return {
    seconds: seconds ?? 60,
    say: reader.text(obj, 'say', path, { required: true }) ?? '',
    mood: moodEffect(reader, obj, path),
    pointsLost: Math.abs(reader.number(obj, 'points', path, { min: -100, max: 100 }) ?? 0),
    next: reader.text(obj, 'next', path, { required: false }),
  };
}

/** `next:` alone sends both outcomes to the same node; `good:` / `weak:` refine it. */
function parseFreeOutcome(reader: FieldReader, node: YamlMap, key: 'good' | 'weak', nodePath: Path): FreeOutcome {
  const shared = typeof node.next === 'string' ? node.next : undefined;
  const value = node[key];
  if (value === undefined) {
    if (shared === undefined) reader.error(nodePath, `réponse libre : il faut « next » ou « ${key} ».`);
    return { next: shared ?? '', mood: 0, feedback: '' };
  }
  const path = [...nodePath, key];
  const obj = isMap(value) ? value : undefined;
  if (!obj) {
    reader.error(path, `« ${key} » est un bloc { next, mood, feedback }.`);
    return { next: shared ?? '', mood: 0, feedback: '' };
  }
  reader.onlyKeys(obj, KEYS.outcome, path);
  const next = reader.text(obj, 'next', path, { required: shared === undefined }) ?? shared ?? '';
  return { next, mood: moodEffect(reader, obj, path), feedback: reader.text(obj, 'feedback', path, { required: false }) ?? '' };
}
