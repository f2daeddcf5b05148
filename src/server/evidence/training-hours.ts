/**
 * Training hours: the hours of attendance the trainer recorded (trainer-followup's
 * attendanceHours) and the time on task the statements show. Pure.
 */
import type { Statement } from '../../lrs/index.ts';
import { VERBS } from '../xapi/vocabulary.ts';
import { durationSeconds, isOurs, RESULT_VERBS, verbId } from './statement-fields.ts';

export interface TrainingHours {
  attendanceHours: number;
  timeOnTaskHours: number;
}

/** Reads the attendance hours of a learner between two dates (inclusive, YYYY-MM-DD). */
export type AttendanceHoursFn = (userId: string, from?: string, to?: string) => Promise<number>;

// Only statements that close an attempt carry the attempt's whole duration; answers and turns
// carry parts of it and would count twice.
const CLOSING_VERBS = new Set([...RESULT_VERBS, VERBS.abandoned.id]);

export function timeOnTaskSeconds(statements: readonly Statement[]): number {
  let total = 0;
  for (const s of statements) if (isOurs(s) && CLOSING_VERBS.has(verbId(s))) total += durationSeconds(s);
  return total;
}

export function trainingHours(attendanceHours: number, statements: readonly Statement[]): TrainingHours {
  return {
    attendanceHours: Math.round(attendanceHours * 10) / 10,
    timeOnTaskHours: Math.round((timeOnTaskSeconds(statements) / 3600) * 10) / 10,
  };
}
