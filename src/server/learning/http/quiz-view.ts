import type { Response } from 'express';
import type { Question, QuizItem } from '../../courses/format/types.ts';
import type { ModuleAccess } from '../player/course-access.ts';
import type { QuizView } from '../player/quiz.service.ts';
import { feedbackFor, presentedOrder } from '../player/quiz-questions.ts';
import { itemUrl, moduleUrl, nextAfter } from './item-navigation.ts';

/** What the template needs to draw the inputs of a question (no logic in the view). */
function questionInputs(question: Question, seed: string): Record<string, unknown> {
  const order = presentedOrder(question, seed);
  switch (question.type) {
    case 'single_choice':
      return { radio: true, choices: question.choices.map((c) => ({ value: c.id, text: c.text })) };
    case 'multiple_choice':
      return { checkbox: true, choices: question.choices.map((c) => ({ value: c.id, text: c.text })) };
    case 'true_false':
      return { radio: true, trueFalse: true, choices: [{ value: 'true', textKey: 'learning.quiz.true' }, { value: 'false', textKey: 'learning.quiz.false' }] };
    case 'matching':
      return { matching: true, rows: question.pairs.map((p) => ({ name: `match_${p.id}`, left: p.left, options: order.rights })) };
    case 'ordering':
      return { ordering: true, rows: question.steps.map((_, i) => ({ name: `position_${i + 1}`, position: i + 1, options: order.steps })) };
    case 'short_answer':
      return { text: true };
  }
}

/** The right answer, spelled out after the learner answered. */
function expected(question: Question): string[] {
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice':
      return question.choices.filter((c) => c.correct).map((c) => c.text);
    case 'true_false':
      return [question.answer ? 'learning.quiz.true' : 'learning.quiz.false'];
    case 'matching':
      return question.pairs.map((p) => `${p.left} → ${p.right}`);
    case 'ordering':
      return question.steps.map((s, i) => `${i + 1}. ${s.text}`);
    case 'short_answer':
      return [question.accepted[0]];
  }
}

export function renderQuiz(res: Response, access: ModuleAccess, item: QuizItem, view: QuizView, errorKey?: string): void {
  const module = access.version.content;
  const base = itemUrl(module.id, item.id);
  const total = item.quiz.questions.length;
  const common = { title: item.title, pageClass: 'learner-page', module, moduleHref: moduleUrl(module.id), item, base, total, next: nextAfter(module, item.id) };
  if (view.mode === 'question') {
    res.status(errorKey ? 400 : 200).render('learning/quiz-question', {
      ...common,
      attemptId: view.attempt.id,
      number: view.index + 1,
      question: view.question,
      inputs: questionInputs(view.question, view.attempt.id),
      instructions: view.index === 0 ? item.quiz.instructions : undefined,
      errorKey,
    });
    return;
  }
  if (view.mode === 'feedback') {
    const answer = view.attempt.state.answers?.[view.question.id];
    const correct = answer?.correct ?? false;
    res.render('learning/quiz-feedback', {
      ...common,
      number: view.index + 1,
      question: view.question,
      correct,
      feedback: feedbackFor(view.question, answer?.response ?? '', correct),
      expected: view.question.type === 'true_false' ? [] : expected(view.question),
      expectedKey: view.question.type === 'true_false' ? expected(view.question)[0] : undefined,
      finished: view.attempt.status !== 'in_progress',
    });
    return;
  }
  const max = item.quiz.retry.maxAttempts;
  res.render('learning/quiz-result', {
    ...common,
    passed: view.attempt.status === 'passed',
    score: Math.round((view.attempt.scoreScaled ?? 0) * 100),
    passMark: item.quiz.passMark,
    attemptsUsed: view.attemptsUsed,
    maxAttempts: max,
    canRetry: view.canRetry,
    noRetryLeft: view.attempt.status === 'failed' && !view.canRetry,
  });
}
