import type { FieldReader, Path, YamlMap } from './field-reader.ts';
import type { NodeContext } from './parse-node.ts';
import type { LearnerOption, OptionKind, Points } from './types.ts';

const OPTION_KEYS = ['text', 'next', 'points', 'competencies', 'mood', 'feedback', 'tags', 'blocking', 'requires', 'to'] as const;
const BUTTON_LABELS: Record<Exclude<OptionKind, 'say'>, string> = { hold: 'Mettre en attente', transfer: 'Transférer l’appel' };

/** One choice of a learner turn, or its hold / transfer button. */
export function parseOption(reader: FieldReader, kind: OptionKind, value: unknown, path: Path, phase: string, ctx: NodeContext): LearnerOption | undefined {
  const obj = reader.map(value, path, kind === 'say' ? 'choix' : kind);
  if (!obj) return undefined;
  reader.onlyKeys(obj, kind === 'transfer' ? OPTION_KEYS : OPTION_KEYS.filter((k) => k !== 'to'), path);
  const requires = reader.textList(obj, 'requires', path);
  for (const key of requires) {
    if (!ctx.lookupKeys.has(key)) reader.error([...path, 'requires'], `« ${key} » n’est pas un champ à consulter de la fiche client (lookup: true).`);
  }
  return {
    kind,
    text: reader.text(obj, 'text', path, { required: kind === 'say' }) ?? (kind === 'say' ? '' : BUTTON_LABELS[kind]),
    next: reader.text(obj, 'next', path, { required: true }) ?? '',
    points: parsePoints(reader, obj.points, [...path, 'points'], phase, ctx.phaseIds),
    competencies: parseCompetencies(reader, obj.competencies, [...path, 'competencies'], ctx.competencyCodes),
    mood: moodEffect(reader, obj, path),
    feedback: reader.text(obj, 'feedback', path, { required: false }) ?? '',
    tags: reader.textList(obj, 'tags', path),
    blocking: parseBlocking(reader, obj, path),
    requires,
    to: kind === 'transfer' ? reader.text(obj, 'to', path, { required: true }) : undefined,
  };
}

/** `blocking: true` marks an eliminatory line (standard tags are blocking without it). */
export function parseBlocking(reader: FieldReader, obj: YamlMap, path: Path): boolean {
  if (obj.blocking === undefined) return false;
  if (typeof obj.blocking !== 'boolean') reader.error([...path, 'blocking'], '« blocking » doit valoir true ou false.');
  return obj.blocking === true;
}

/** `points: 2` goes to the node's phase; `points: { accueil: 1, decouverte: 2 }` names phases. */
export function parsePoints(reader: FieldReader, value: unknown, path: Path, phase: string, phaseIds: ReadonlySet<string>): Points {
  if (value === undefined) return {};
  if (typeof value === 'number') return checkNumber(reader, value, path) ? { [phase]: value } : {};
  return parseScoreMap(reader, value, path, phaseIds, (key) => `phase inconnue « ${key} » (phases : ${[...phaseIds].join(', ')}).`);
}

export function parseCompetencies(reader: FieldReader, value: unknown, path: Path, codes: ReadonlySet<string>): Points {
  if (value === undefined) return {};
  return parseScoreMap(reader, value, path, codes, (key) =>
    `compétence « ${key} » non déclarée dans « competencies » en tête du scénario (déclarées : ${[...codes].join(', ')}).`);
}

function parseScoreMap(reader: FieldReader, value: unknown, path: Path, known: ReadonlySet<string>, unknown: (key: string) => string): Points {
  const obj = reader.map(value, path, 'points');
  if (!obj) return {};
  const result: Record<string, number> = {};
  for (const [key, points] of Object.entries(obj)) {
    if (!known.has(key)) reader.error([...path, key], unknown(key));
    else if (checkNumber(reader, points, [...path, key])) result[key] = points;
  }
  return result;
}

function checkNumber(reader: FieldReader, value: unknown, path: Path): value is number {
  if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 100) return true;
  reader.error(path, 'les points sont un nombre entre -100 et 100.');
  return false;
}

export function moodEffect(reader: FieldReader, obj: YamlMap, path: Path): number {
  return reader.number(obj, 'mood', path, { min: -100, max: 100 }) ?? 0;
}
