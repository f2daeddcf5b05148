/**
 * Pure: what the trainer's pages show about one learner that needs all their statements —
 * competency levels, time on task per week, the calls — summed up once and kept (see
 * digest.service.ts) until the learner records something new.
 */
import type { Statement } from '../../lrs/index.ts';
import type { CompetencyFramework } from '../courses/format/types.ts';
import { competencyLevels, type CompetencyLevel } from '../evidence/competency-levels.ts';
import { durationSeconds, isOurs, objectId, objectType, registration, RESULT_VERBS, scaledScore, success, timestampOf, verbId } from '../evidence/statement-fields.ts';
import { timeOnTaskSeconds } from '../evidence/training-hours.ts';
import { ACTIVITY_TYPES, EXTENSIONS, VERBS } from '../xapi/vocabulary.ts';
import { parisDay, weekStart } from './paris-date.ts';
import { field } from './statement-reading.ts';

/** Bump when the digest's shape or rules change: stored digests of older versions are recomputed. */
export const DIGEST_VERSION = 3;

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

export function learnerDigest(statements: readonly Statement[], framework: CompetencyFramework): LearnerDigest {
  const byWeek = new Map<string, Statement[]>();
  const calls = new Map<string, CallSummary>();
  let lastActivity: string | null = null;
  for (const s of statements) {
    const at = timestampOf(s);
    if (lastActivity === null || at > lastActivity) lastActivity = at;
    const week = weekStart(parisDay(new Date(at)));
    const list = byWeek.get(week);
    if (list) list.push(s);
    else byWeek.set(week, [s]);
    const call = callOf(s);
    const previous = call ? calls.get(call.registration) : undefined;
    if (call && (!previous || previous.at <= call.at)) calls.set(call.registration, call);
  }
  return {
    version: DIGEST_VERSION,
    statementCount: statements.length,
    lastActivity,
    competencies: competencyLevels(statements, framework).map(({ code, level, evidenceCount, averageScaled }) => ({ code, level, evidenceCount, averageScaled })),
    weeks: [...byWeek.entries()]
      .map(([week, list]) => ({ week, seconds: timeOnTaskSeconds(list) }))
      .filter((w) => w.seconds > 0)
      .sort((a, b) => (a.week < b.week ? -1 : 1)),
    calls: [...calls.values()].sort((a, b) => (a.at < b.at ? 1 : -1)),
  };
}
