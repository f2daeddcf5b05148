import { BadRequestError, ConflictError } from '../../errors.ts';
import type { ExerciseItem } from '../../courses/format/types.ts';
import type { Attempt } from '../attempts/attempt.ts';
import { interactionActivity, itemActivity } from '../xapi/activities.ts';
import type { ModuleAccess } from './course-access.ts';
import { exerciseParts, readExercise } from './exercise-answers.ts';
import { finishGraded } from './graded-finish.ts';
import { ItemAttempts } from './item-attempts.ts';
import type { LearningRecorder } from './learning-recorder.ts';

export interface ExerciseView {
  attempt: Attempt;
  canRetry: boolean;
}

export type SubmitOutcome = { ok: true } | { ok: false; fieldErrors: Record<string, string>; values: Record<string, string>; attempt: Attempt };

/** The back-office exercise player: the document, the form, then feedback on every field. */
export class ExerciseService {
  constructor(
    private readonly attempts: ItemAttempts,
    private readonly recorder: LearningRecorder,
  ) {}

  async view(access: ModuleAccess, item: ExerciseItem): Promise<ExerciseView> {
    const attempt = (await this.attempts.latest(access, item)) ?? (await this.attempts.start(access, item, null));
    return { attempt, canRetry: ItemAttempts.canRetry(attempt, item.exercise.retry.maxAttempts) };
  }

  /** Grades the whole form at once; a value no form offers is refused and nothing is written. */
  async submit(access: ModuleAccess, item: ExerciseItem, body: Record<string, unknown>): Promise<SubmitOutcome> {
    const open = await this.attempts.requireOpen(access.enrolment.userId, access.enrolment.moduleId, item.id, body.attempt);
    const read = readExercise(item.exercise, body);
    if (!read.ok) {
      if (read.tampered) throw new BadRequestError('learning.errors.invalidAnswer', read.fieldErrors);
      return { ok: false, fieldErrors: read.fieldErrors, values: read.values, attempt: open };
    }
    const attempt = this.attempts.touched(open);
    attempt.state = { ...attempt.state, answers: read.answers };
    const parts = exerciseParts(item.exercise);
    const grouping = [itemActivity(this.recorder.ids, access.enrolment.moduleId, item)];
    const scope = { ...this.attempts.scope(access, item, attempt), grouping };
    const statements = parts.map((part) => {
      const answer = read.answers[part.id];
      const object = interactionActivity(this.recorder.ids, access.enrolment.moduleId, item.id, part.id, part.name, part.interaction);
      return this.recorder.statement(scope, 'answered', object, {
        response: answer.response,
        success: answer.correct,
        score: { scaled: part.points > 0 ? Math.round((answer.points / part.points) * 10000) / 10000 : 0, raw: answer.points, min: 0, max: part.points },
      }, `answer:${part.id}`);
    });
    const finished = finishGraded(this.recorder, this.attempts, access, item, attempt, parts, read.answers);
    if ((await this.attempts.commit(finished.closed, [...statements, finished.statement])) === 'conflict') throw new ConflictError('learning.errors.attemptFinished');
    return { ok: true };
  }

  async retry(access: ModuleAccess, item: ExerciseItem): Promise<void> {
    await this.attempts.retry(access, item, item.exercise.retry.maxAttempts);
  }
}
