import type { Question } from '../../courses/format/types.ts';
import { normaliseAnswer } from '../../courses/format/normalise-answer.ts';
import { seededShuffle } from '../../seeded-shuffle.ts';
import { many, single } from './form-values.ts';

/** xAPI lists components and responses with "[,]" and pairs with "[.]" (xAPI 1.0.3 Data 2.4.4.1). */
const LIST = '[,]';
const PAIR = '[.]';

/**
 * What the learner sent for a question: an xAPI response and whether it is right, or a
 * problem. `tampered` marks values no form of ours can send (a choice that does not exist):
 * the learner made no mistake, the request was edited by hand.
 */
export type ReadAnswer =
  | { ok: true; response: string; correct: boolean }
  | { ok: false; errorKey: string; tampered: boolean };

const missing = (errorKey = 'learning.quiz.errors.chooseAnswer'): ReadAnswer => ({ ok: false, errorKey, tampered: false });
const tampered = (): ReadAnswer => ({ ok: false, errorKey: 'learning.errors.invalidAnswer', tampered: true });

/** Matching targets: right-hand texts get ids r1..rn, rN being the match of pair pN. */
const targetId = (index: number) => `r${index + 1}`;

/** The options of a question in the order the learner sees them (stable per attempt). */
export function presentedOrder(question: Question, seed: string): { rights?: Array<{ id: string; text: string }>; steps?: Array<{ id: string; text: string }> } {
  if (question.type === 'matching') return { rights: seededShuffle(question.pairs.map((p, i) => ({ id: targetId(i), text: p.right })), `${seed}:${question.id}`) };
  if (question.type === 'ordering') return { steps: seededShuffle(question.steps, `${seed}:${question.id}`) };
  return {};
}

/** Pure: parses and scores the form body sent for `question`. */
export function readAnswer(question: Question, body: Record<string, unknown>): ReadAnswer {
  switch (question.type) {
    case 'single_choice': {
      const v = single(body, 'answer');
      if (v === undefined || v === '') return missing();
      const choice = question.choices.find((c) => c.id === v);
      return choice ? { ok: true, response: choice.id, correct: choice.correct } : tampered();
    }
    case 'multiple_choice': {
      const values = many(body, 'answer');
      if (values === undefined) return tampered();
      if (values.length === 0) return missing();
      const ids = new Set(values);
      if (ids.size !== values.length || values.some((v) => !question.choices.some((c) => c.id === v))) return tampered();
      const correctIds = question.choices.filter((c) => c.correct).map((c) => c.id);
      const picked = question.choices.filter((c) => ids.has(c.id)).map((c) => c.id);
      return { ok: true, response: picked.join(LIST), correct: picked.length === correctIds.length && picked.every((id) => correctIds.includes(id)) };
    }
    case 'true_false': {
      const v = single(body, 'answer');
      if (v === undefined || v === '') return missing();
      if (v !== 'true' && v !== 'false') return tampered();
      return { ok: true, response: v, correct: (v === 'true') === question.answer };
    }
    case 'matching': {
      const pairs: string[] = [];
      let correct = true;
      for (const [i, pair] of question.pairs.entries()) {
        const v = single(body, `match_${pair.id}`);
        if (v === undefined || v === '') return missing('learning.quiz.errors.matchAll');
        const index = question.pairs.findIndex((_, j) => targetId(j) === v);
        if (index < 0) return tampered();
        if (index !== i) correct = false;
        pairs.push(`${pair.id}${PAIR}${v}`);
      }
      return { ok: true, response: pairs.join(LIST), correct };
    }
    case 'ordering': {
      const order: string[] = [];
      for (let position = 1; position <= question.steps.length; position++) {
        const v = single(body, `position_${position}`);
        if (v === undefined || v === '') return missing('learning.quiz.errors.orderAll');
        if (!question.steps.some((s) => s.id === v)) return tampered();
        order.push(v);
      }
      if (new Set(order).size !== order.length) return missing('learning.quiz.errors.orderOnce');
      return { ok: true, response: order.join(LIST), correct: order.every((id, i) => question.steps[i].id === id) };
    }
    case 'short_answer': {
      const v = single(body, 'answer');
      if (v === undefined || v.trim() === '') return missing('learning.quiz.errors.typeAnswer');
      if (v.length > 300) return missing('learning.quiz.errors.tooLong');
      return { ok: true, response: v.trim(), correct: question.acceptedNormalised.includes(normaliseAnswer(v)) };
    }
  }
}

/** The interaction part of the question's activity definition (interactionType and components). */
export function questionInteraction(question: Question): Record<string, unknown> {
  const component = (id: string, text: string) => ({ id, description: { fr: text } });
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice':
      return {
        interactionType: 'choice',
        choices: question.choices.map((c) => component(c.id, c.text)),
        correctResponsesPattern: [question.choices.filter((c) => c.correct).map((c) => c.id).join(LIST)],
      };
    case 'true_false':
      return { interactionType: 'true-false', correctResponsesPattern: [String(question.answer)] };
    case 'matching':
      return {
        interactionType: 'matching',
        source: question.pairs.map((p) => component(p.id, p.left)),
        target: question.pairs.map((p, i) => component(targetId(i), p.right)),
        correctResponsesPattern: [question.pairs.map((p, i) => `${p.id}${PAIR}${targetId(i)}`).join(LIST)],
      };
    case 'ordering':
      return { interactionType: 'sequencing', choices: question.steps.map((s) => component(s.id, s.text)), correctResponsesPattern: [question.steps.map((s) => s.id).join(LIST)] };
    case 'short_answer':
      return { interactionType: 'fill-in', correctResponsesPattern: question.accepted.map((a) => `{case_matters=false}${a}`) };
  }
}

/** The feedback text for an answer: per choice for choice questions, right/wrong otherwise. */
export function feedbackFor(question: Question, response: string, correct: boolean): string[] {
  if (question.type === 'single_choice' || question.type === 'multiple_choice') {
    const ids = response.split(LIST);
    return question.choices.filter((c) => ids.includes(c.id)).map((c) => c.feedback);
  }
  return [correct ? question.feedback.correct : question.feedback.incorrect];
}
