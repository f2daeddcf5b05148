/**
 * The kinds of practice a learner did, counted from their statements. Pure. The certificate
 * says what the person practised (calls handled, back-office cases, quizzes), not only levels.
 * Rules in docs/evidence-rules.md ("Practice counts").
 */
import type { Statement } from '../../lrs/index.ts';
import { ACTIVITY_TYPES } from '../xapi/vocabulary.ts';
import { isOurs, objectId, objectType, phaseScores, RESULT_VERBS, registration, verbId } from './statement-fields.ts';

export interface PracticeCounts {
  /** Simulated calls taken to their end (one per registration, passed or not). */
  calls: number;
  /** Distinct call scenarios among them. */
  callScenarios: number;
  /** Distinct back-office exercises (cases) closed with a result. */
  backOfficeCases: number;
  /** Distinct quizzes closed with a result. */
  quizzes: number;
}

export function practiceCounts(statements: readonly Statement[]): PracticeCounts {
  const calls = new Set<string>();
  const scenarios = new Set<string>();
  const cases = new Set<string>();
  const quizzes = new Set<string>();
  for (const s of statements) {
    if (!isOurs(s) || !RESULT_VERBS.has(verbId(s))) continue;
    const type = objectType(s);
    // A call's closing statement is on the role-play item; older ones are known by their phase scores.
    if (type === ACTIVITY_TYPES.roleplay || phaseScores(s).size > 0) {
      calls.add(registration(s) ?? String(s.id));
      scenarios.add(objectId(s));
    } else if (type === ACTIVITY_TYPES.exercise) cases.add(objectId(s));
    else if (type === ACTIVITY_TYPES.quiz) quizzes.add(objectId(s));
  }
  return { calls: calls.size, callScenarios: scenarios.size, backOfficeCases: cases.size, quizzes: quizzes.size };
}
