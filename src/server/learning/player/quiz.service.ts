import { BadRequestError, ConflictError } from '../../errors.ts';
import type { Question, QuizItem } from '../../courses/format/types.ts';
import type { Attempt } from '../attempts/attempt.ts';
import { interactionActivity, itemActivity } from '../xapi/activities.ts';
import type { ModuleAccess } from './course-access.ts';
import { finishGraded } from './graded-finish.ts';
import { ItemAttempts } from './item-attempts.ts';
import type { LearningRecorder } from './learning-recorder.ts';
import { questionInteraction, readAnswer } from './quiz-questions.ts';

export type QuizView =
  | { mode: 'question'; attempt: Attempt; question: Question; index: number }
  | { mode: 'feedback'; attempt: Attempt; question: Question; index: number }
  | { mode: 'result'; attempt: Attempt; canRetry: boolean; attemptsUsed: number };

export type AnswerOutcome = { ok: true; questionId: string } | { ok: false; errorKey: string; view: QuizView };

/** The kept answer is the one this post carries (same response). */
function sameAnswer(kept: { response: string } | undefined, read: ReturnType<typeof readAnswer>): boolean {
  return kept !== undefined && read.ok && kept.response === read.response;
}

const questionAt = (item: QuizItem, id: string) => item.quiz.questions.findIndex((q) => q.id === id);

/** The quiz player: one question per page, feedback after each answer, a score at the end. */
export class QuizService {
  constructor(
    private readonly attempts: ItemAttempts,
    private readonly recorder: LearningRecorder,
  ) {}

  async view(access: ModuleAccess, item: QuizItem, feedbackParam: unknown): Promise<QuizView> {
    const attempt = (await this.attempts.latest(access, item)) ?? (await this.attempts.start(access, item, null));
    const answers = attempt.state.answers ?? {};
    if (typeof feedbackParam === 'string' && answers[feedbackParam]) {
      const index = questionAt(item, feedbackParam);
      if (index >= 0) return { mode: 'feedback', attempt, question: item.quiz.questions[index], index };
    }
    if (attempt.status !== 'in_progress') {
      return { mode: 'result', attempt, canRetry: ItemAttempts.canRetry(attempt, item.quiz.retry.maxAttempts), attemptsUsed: attempt.attemptNumber };
    }
    const index = item.quiz.questions.findIndex((q) => !answers[q.id]);
    return { mode: 'question', attempt, question: item.quiz.questions[index], index };
  }

  /**
   * Records one answer. A question not in the quiz, one already answered or not yet reached,
   * or a value no form offers: an error, and nothing is written.
   */
  async answer(access: ModuleAccess, item: QuizItem, body: Record<string, unknown>): Promise<AnswerOutcome> {
    const own = await this.attempts.requireOwn(access.enrolment.userId, access.enrolment.moduleId, item.id, body.attempt);
    const index = typeof body.question === 'string' ? questionAt(item, body.question) : -1;
    if (index < 0) throw new BadRequestError('learning.quiz.errors.notInQuiz');
    const question = item.quiz.questions[index];
    const read = readAnswer(question, body);
    // A double click or a post resent after a crash: the same answer, already kept, answers as the first did.
    // One read only: a second one could find the attempt closed by a parallel post of this same answer.
    if (sameAnswer(own.state.answers?.[question.id], read)) return { ok: true, questionId: question.id };
    if (own.status !== 'in_progress') throw new ConflictError('learning.errors.attemptFinished');
    const open = own;
    const answers = open.state.answers ?? {};
    if (answers[question.id]) throw new ConflictError('learning.quiz.errors.alreadyAnswered');
    if (item.quiz.questions.findIndex((q) => !answers[q.id]) !== index) throw new BadRequestError('learning.quiz.errors.notCurrent');
    if (!read.ok) {
      if (read.tampered) throw new BadRequestError(read.errorKey);
      return { ok: false, errorKey: read.errorKey, view: { mode: 'question', attempt: open, question, index } };
    }
    const attempt = this.attempts.touched(open);
    const recorded = { response: read.response, correct: read.correct, points: read.correct ? question.points : 0 };
    attempt.state = { ...attempt.state, answers: { ...answers, [question.id]: recorded } };
    const object = interactionActivity(this.recorder.ids, access.enrolment.moduleId, item.id, question.id, question.prompt, questionInteraction(question));
    const grouping = [itemActivity(this.recorder.ids, access.enrolment.moduleId, item)];
    const statements = [
      this.recorder.statement({ ...this.attempts.scope(access, item, attempt, question.competencies), grouping }, 'answered', object, {
        response: read.response,
        success: read.correct,
        score: { scaled: read.correct ? 1 : 0, raw: recorded.points, min: 0, max: question.points },
      }, `answer:${question.id}`),
    ];
    let saved = attempt;
    if (item.quiz.questions.every((q) => attempt.state.answers?.[q.id])) {
      const finished = finishGraded(this.recorder, this.attempts, access, item, attempt, item.quiz.questions, attempt.state.answers ?? {});
      statements.push(finished.statement);
      saved = finished.closed;
    }
    if ((await this.attempts.commit(saved, statements)) === 'ok') return { ok: true, questionId: question.id };
    // A parallel post got there first: the same answer is this post's own effect, another one a conflict.
    const winner = await this.attempts.requireOwn(access.enrolment.userId, access.enrolment.moduleId, item.id, body.attempt);
    if (sameAnswer(winner.state.answers?.[question.id], read)) return { ok: true, questionId: question.id };
    throw new ConflictError('learning.quiz.errors.alreadyAnswered');
  }

  async retry(access: ModuleAccess, item: QuizItem): Promise<void> {
    await this.attempts.retry(access, item, item.quiz.retry.maxAttempts);
  }
}
