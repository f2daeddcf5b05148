/**
 * Pure: what the trainer's pages show about one learner that needs all their statements —
 * competency levels, time on task per week, the calls — summed up once and kept (see
 * digest.service.ts) until the learner records something new.
 */
import type { Statement } from '../../lrs/index.ts';
import type { CompetencyFramework } from '../courses/format/types.ts';
import { addObservations, levelsOf, type CompetencyLevel, type LatestObservations, type Observation } from '../evidence/competency-levels.ts';
import { durationSeconds, isOurs, objectId, objectType, registration, RESULT_VERBS, scaledScore, success, timestampOf, verbId } from '../evidence/statement-fields.ts';
import { timeOnTaskSeconds } from '../evidence/training-hours.ts';
import { ACTIVITY_TYPES, EXTENSIONS, VERBS } from '../xapi/vocabulary.ts';
import { parisDay, weekStart } from './paris-date.ts';
import { field } from './statement-reading.ts';

/** Bump when the digest's shape or rules change: stored digests of older versions are recomputed. */
export const DIGEST_VERSION = 4;

export interface CallSummary {
  registration: string;
  /** The role-play item's activity IRI. */
  activityId: string;
  at: string;
  scaled: number | null;
  success: boolean | null;
  durationSeconds: number;
  /** "resolved" | "escalated" | "hung_up" | "abandoned", when the statement says. */
  outcome: string | null;
}

export interface LearnerDigest {
  version: number;
  statementCount: number;
  lastActivity: string | null;
  competencies: Array<{ code: string; level: CompetencyLevel; evidenceCount: number; averageScaled: number | null }>;
  /** Time on task per week (Monday, Paris time), oldest first; weeks without activity left out. */
  weeks: Array<{ week: string; seconds: number }>;
  /** Role-play calls, newest first: one per registration, from its closing (or abandoning) statement. */
  calls: CallSummary[];
}

const CALL_END_VERBS = new Set([...RESULT_VERBS, VERBS.abandoned.id]);

function callOf(s: Statement): CallSummary | null {
  if (!isOurs(s) || objectType(s) !== ACTIVITY_TYPES.roleplay || !CALL_END_VERBS.has(verbId(s))) return null;
  const outcome = field(field(s.result, 'extensions'), EXTENSIONS.outcome);
  return {
    registration: registration(s) ?? s.id,
    activityId: objectId(s),
    at: timestampOf(s),
    scaled: scaledScore(s),
    success: success(s),
    durationSeconds: durationSeconds(s),
    outcome: typeof outcome === 'string' ? outcome : verbId(s) === VERBS.abandoned.id ? 'abandoned' : null,
  };
}

/**
 * What the digest is made from, kept between reads so that new statements are added to it
 * instead of folding all of a learner's statements again. JSON-safe; framework-free (the levels
 * are derived from the observations with the framework of the day, see digestOf).
 */
export interface DigestState {
  statementCount: number;
  lastActivity: string | null;
  /** Monday (Paris time) -> seconds on task. */
  weekSeconds: Record<string, number>;
  /** registration -> the call's closing (or abandoning) statement, the latest one. */
  calls: Record<string, CallSummary>;
  /** competency code -> activity -> latest observation. */
  observations: Record<string, Record<string, Observation>>;
}

export function emptyDigestState(): DigestState {
  return { statementCount: 0, lastActivity: null, weekSeconds: {}, calls: {}, observations: {} };
}

/** Adds statements (in stored order) to a state: the same as folding them all at once. Returns a new state. */
export function addToDigest(previous: DigestState, statements: readonly Statement[]): DigestState {
  const state: DigestState = structuredClone(previous);
  for (const s of statements) {
    const at = timestampOf(s);
    if (state.lastActivity === null || at > state.lastActivity) state.lastActivity = at;
    const seconds = timeOnTaskSeconds([s]);
    if (seconds > 0) {
      const week = weekStart(parisDay(new Date(at)));
      state.weekSeconds[week] = (state.weekSeconds[week] ?? 0) + seconds;
    }
    const call = callOf(s);
    const known = call ? state.calls[call.registration] : undefined;
    if (call && (!known || known.at <= call.at)) state.calls[call.registration] = call;
  }
  state.statementCount += statements.length;
  const latest: LatestObservations = new Map(Object.entries(state.observations).map(([code, perActivity]) => [code, new Map(Object.entries(perActivity))]));
  addObservations(latest, statements);
  state.observations = Object.fromEntries([...latest].map(([code, perActivity]) => [code, Object.fromEntries(perActivity)]));
  return state;
}

export function digestOf(state: DigestState, framework: CompetencyFramework): LearnerDigest {
  const latest: LatestObservations = new Map(Object.entries(state.observations).map(([code, perActivity]) => [code, new Map(Object.entries(perActivity))]));
  return {
    version: DIGEST_VERSION,
    statementCount: state.statementCount,
    lastActivity: state.lastActivity,
    competencies: levelsOf(latest, framework).map(({ code, level, evidenceCount, averageScaled }) => ({ code, level, evidenceCount, averageScaled })),
    weeks: Object.entries(state.weekSeconds)
      .map(([week, seconds]) => ({ week, seconds }))
      .filter((w) => w.seconds > 0)
      .sort((a, b) => (a.week < b.week ? -1 : 1)),
    calls: Object.values(state.calls).sort((a, b) => (a.at < b.at ? 1 : -1)),
  };
}

export function learnerDigest(statements: readonly Statement[], framework: CompetencyFramework): LearnerDigest {
  return digestOf(addToDigest(emptyDigestState(), statements), framework);
}
