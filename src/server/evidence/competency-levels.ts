/**
 * Competency levels on the framework, computed from the learner's statements. Pure.
 * The rules are documented for trainers in docs/evidence-rules.md; keep both in step.
 */
import type { Statement } from '../../lrs/index.ts';
import type { CompetencyFramework } from '../courses/format/types.ts';
import { competencyCodes, competencyScores, hasBlockingFault, isOurs, objectId, RESULT_VERBS, scaledScore, timestampOf, verbId } from './statement-fields.ts';

export type CompetencyLevel = 'acquis' | 'en_cours' | 'non_acquis';

export interface CompetencyLevelResult {
  code: string;
  label: string;
  /** Block code (CCP1, CCP2, T), to group the table. */
  block: string;
  level: CompetencyLevel;
  /** Number of distinct activities (quiz, exercise, call scenario...) with a scored result for it. */
  evidenceCount: number;
  /** Mean of the latest score of each of those activities, 0..1; null without evidence. */
  averageScaled: number | null;
}

/** Thresholds (docs/evidence-rules.md). */
export const LEVEL_RULES = {
  /** "acquis": at least this many activities... */
  acquiredMinEvidence: 2,
  /** ...whose average latest score reaches this. */
  acquiredMinAverage: 0.7,
  /** Below this average (or without evidence) the competency is "non acquis". */
  inProgressMinAverage: 0.4,
} as const;

/** One scored observation of a competency: activity, when, score. */
export interface Observation {
  activity: string;
  at: string;
  score: number;
}

/**
 * The observations a statement gives, per competency code. Only our item-level result
 * statements (completed / passed / failed) with a score count: answers to single questions are
 * already summed up in their quiz's result and would count twice. A role-play call's
 * per-competency score (EXTENSIONS.competencyScores) wins over its overall score, and a call
 * with a blocking fault evidences 0 for each of its competencies (a quality grid eliminates it).
 */
export function observationsOf(statement: Statement): Map<string, Observation> {
  const found = new Map<string, Observation>();
  if (!isOurs(statement) || !RESULT_VERBS.has(verbId(statement))) return found;
  const overall = scaledScore(statement);
  const perCompetency = competencyScores(statement);
  const activity = objectId(statement);
  const at = timestampOf(statement);
  const eliminated = hasBlockingFault(statement);
  const codes = new Set([...competencyCodes(statement), ...perCompetency.keys()]);
  for (const code of codes) {
    const score = perCompetency.get(code) ?? overall;
    if (score !== null) found.set(code, { activity, at, score: eliminated ? 0 : Math.max(0, score) });
  }
  return found;
}

export function levelFor(evidenceCount: number, averageScaled: number | null): CompetencyLevel {
  if (evidenceCount === 0 || averageScaled === null) return 'non_acquis';
  if (evidenceCount >= LEVEL_RULES.acquiredMinEvidence && averageScaled >= LEVEL_RULES.acquiredMinAverage) return 'acquis';
  return averageScaled >= LEVEL_RULES.inProgressMinAverage ? 'en_cours' : 'non_acquis';
}

/** code -> activity -> the latest observation of that activity for that competency. */
export type LatestObservations = Map<string, Map<string, Observation>>;

/**
 * Adds statements to `latest` (a retry replaces the earlier score: the level says where the
 * learner stands now, not the average of their first tries). Statements may come in several
 * calls, in stored order: the result is the same as one call with all of them.
 */
export function addObservations(latest: LatestObservations, statements: readonly Statement[]): LatestObservations {
  for (const statement of statements) {
    for (const [code, observation] of observationsOf(statement)) {
      const perActivity = latest.get(code) ?? new Map<string, Observation>();
      const previous = perActivity.get(observation.activity);
      if (!previous || previous.at <= observation.at) perActivity.set(observation.activity, observation);
      latest.set(code, perActivity);
    }
  }
  return latest;
}

export function competencyLevels(statements: readonly Statement[], framework: CompetencyFramework): CompetencyLevelResult[] {
  return levelsOf(addObservations(new Map(), statements), framework);
}

/** The framework's competencies with their level, from the latest observations. */
export function levelsOf(latest: LatestObservations, framework: CompetencyFramework): CompetencyLevelResult[] {
  return framework.blocks.flatMap((block) =>
    block.competencies.map((competency) => {
      const scores = [...(latest.get(competency.code)?.values() ?? [])].map((o) => o.score);
      const averageScaled = scores.length === 0 ? null : round3(scores.reduce((a, b) => a + b, 0) / scores.length);
      return {
        code: competency.code,
        label: competency.label,
        block: block.code,
        level: levelFor(scores.length, averageScaled),
        evidenceCount: scores.length,
        averageScaled,
      };
    }),
  );
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;
