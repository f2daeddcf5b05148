/**
 * Pure readers for the parts of our own statements that evidence uses. Statements come from the
 * LRS as validated JSON, but only loosely typed, so every field is narrowed here, once.
 */
import type { Statement } from '../../lrs/index.ts';
import { EXTENSIONS, PROFILE_ID, VERBS } from '../xapi/vocabulary.ts';

type Json = { [key: string]: unknown };

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const field = (value: unknown, key: string): unknown => (isObject(value) ? value[key] : undefined);
const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** Item-level result verbs: the statements that close an attempt (quiz, exercise, call, lesson). */
export const RESULT_VERBS: ReadonlySet<string> = new Set([VERBS.completed.id, VERBS.passed.id, VERBS.failed.id]);

export const verbId = (s: Statement): string => String(field(s.verb, 'id') ?? '');
export const objectId = (s: Statement): string => String(field(s.object, 'id') ?? '');
export const objectType = (s: Statement): string => String(field(field(s.object, 'definition'), 'type') ?? '');
export const registration = (s: Statement): string | null => {
  const value = field(s.context, 'registration');
  return typeof value === 'string' ? value : null;
};
export const timestampOf = (s: Statement): string => (typeof s.timestamp === 'string' ? s.timestamp : String(s.stored ?? ''));

/** True when the statement was written by Tremplin (our profile category is in its context). */
export function isOurs(s: Statement): boolean {
  const category = field(field(s.context, 'contextActivities'), 'category');
  return Array.isArray(category) && category.some((activity) => field(activity, 'id') === PROFILE_ID);
}

export function scaledScore(s: Statement): number | null {
  const scaled = finite(field(field(s.result, 'score'), 'scaled'));
  return scaled === null ? null : Math.min(1, Math.max(-1, scaled));
}

export const success = (s: Statement): boolean | null => {
  const value = field(s.result, 'success');
  return typeof value === 'boolean' ? value : null;
};

function extension(container: unknown, key: string): unknown {
  return field(field(container, 'extensions'), key);
}

/** Competency codes the statement's context says the activity evidences. */
export function competencyCodes(s: Statement): string[] {
  const value = extension(s.context, EXTENSIONS.competencies);
  return Array.isArray(value) ? value.filter((code): code is string => typeof code === 'string') : [];
}

/** A `{ key: scaled }` result extension (competency scores, phase scores), numbers only. */
function scoreMap(s: Statement, key: string): Map<string, number> {
  const value = extension(s.result, key);
  const scores = new Map<string, number>();
  if (!isObject(value)) return scores;
  for (const [name, score] of Object.entries(value)) {
    const n = finite(score);
    if (n !== null) scores.set(name, Math.min(1, Math.max(0, n)));
  }
  return scores;
}
/** True when a call's closing statement names an eliminatory fault: the call failed whatever its score. */
export function hasBlockingFault(s: Statement): boolean {
  const faults = extension(s.result, EXTENSIONS.blockingFaults);
  return Array.isArray(faults) && faults.length > 0;
}

export const competencyScores = (s: Statement): Map<string, number> => scoreMap(s, EXTENSIONS.competencyScores);
export const phaseScores = (s: Statement): Map<string, number> => scoreMap(s, EXTENSIONS.phaseScores);

/** Parent module activity id from context.contextActivities.parent (first one). */
export function parentActivityId(s: Statement): string | null {
  const parent = field(field(s.context, 'contextActivities'), 'parent');
  const first = Array.isArray(parent) ? parent[0] : parent;
  const id = field(first, 'id');
  return typeof id === 'string' ? id : null;
}

const DURATION = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** result.duration in seconds (ISO 8601 days/hours/minutes/seconds; weeks, months, years are not used by us). */
export function durationSeconds(s: Statement): number {
  const value = field(s.result, 'duration');
  if (typeof value !== 'string') return 0;
  const match = DURATION.exec(value);
  if (!match) return 0;
  const [, d, h, m, sec] = match.map((part) => (part === undefined ? 0 : Number(part)));
  return (d ?? 0) * 86400 + (h ?? 0) * 3600 + (m ?? 0) * 60 + (sec ?? 0);
}
