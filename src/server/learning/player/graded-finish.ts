import type { ExerciseItem, QuizItem } from '../../courses/format/types.ts';
import type { Attempt, RecordedAnswer } from '../attempts/attempt.ts';
import { itemActivity } from '../xapi/activities.ts';
import { isoDuration } from '../xapi/statement-builder.ts';
import type { ModuleAccess } from './course-access.ts';
import { grade } from './exercise-answers.ts';
import type { ItemAttempts } from './item-attempts.ts';
import type { LearningRecorder } from './learning-recorder.ts';

/**
 * The end of a quiz or exercise attempt: the item-level passed/failed statement with score,
 * success, completion and duration, and the attempt row closed with the same result.
 */
export function finishGraded(
  recorder: LearningRecorder,
  attempts: ItemAttempts,
  access: ModuleAccess,
  item: QuizItem | ExerciseItem,
  attempt: Attempt,
  parts: ReadonlyArray<{ id: string; points: number }>,
  answers: Record<string, RecordedAnswer>,
): { statement: Record<string, unknown>; closed: Attempt } {
  const passMark = item.type === 'quiz' ? item.quiz.passMark : item.exercise.passMark;
  const g = grade(parts, answers, passMark);
  const result = {
    score: { scaled: g.scaled, raw: g.raw, min: 0, max: g.max },
    success: g.success,
    completion: true,
    duration: isoDuration((attempt.state.activeMs ?? 0) / 1000),
  };
  const object = itemActivity(recorder.ids, access.enrolment.moduleId, item);
  const statement = recorder.statement(attempts.scope(access, item, attempt), g.success ? 'passed' : 'failed', object, result, 'closing');
  const closed: Attempt = { ...attempt, status: g.success ? 'passed' : 'failed', scoreScaled: g.scaled, finishedAt: attempt.updatedAt };
  return { statement, closed };
}
