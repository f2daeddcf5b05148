import { isMap, isSeq, parseDocument } from 'yaml';

export const QUESTION_FORM_TYPES = ['single_choice', 'multiple_choice', 'true_false', 'matching', 'ordering', 'short_answer'] as const;
export type QuestionFormType = (typeof QUESTION_FORM_TYPES)[number];

/**
 * The "add a question" form, as typed: one box of lines serves every type (a choice a line,
 * a pair a line, a step a line, an accepted answer a line), so the form works without
 * JavaScript and stays one form.
 */
export interface QuestionForm {
  type: QuestionFormType;
  id: string;
  prompt: string;
  /** Choices: "texte | explication", a right one starting with "+". Pairs: "gauche = droite". */
  lines: string;
  /** true_false only. */
  answer: 'vrai' | 'faux' | '';
  feedbackCorrect: string;
  feedbackIncorrect: string;
  competencies: string;
}

/** The field at fault and its catalogue key, under authoring.quiz.errors. */
export type QuestionProblem = { field: 'lines' | 'answer' | 'feedbackCorrect' | 'feedbackIncorrect' | 'competencies'; key: string };

const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

const COMPETENCY = /^[A-Z]+[0-9]+(?:\.[0-9]+)*$/;

/** The question as the quiz file writes it, or the first problem of the form. */
export function questionFromForm(form: QuestionForm): { ok: true; question: Record<string, unknown> } | { ok: false; problem: QuestionProblem } {
  const fail = (field: QuestionProblem['field'], key: string) => ({ ok: false as const, problem: { field, key } });
  const competencies = form.competencies
    .split(/[,;\s]+/)
    .map((c) => c.trim())
    .filter(Boolean);
  if (competencies.some((c) => !COMPETENCY.test(c))) return fail('competencies', 'competencyFormat');
  const head = { id: form.id, type: form.type, prompt: form.prompt, ...(competencies.length > 0 ? { competencies } : {}) };
  const lines = linesOf(form.lines);
  const feedback = () => {
    if (form.feedbackCorrect.trim() === '') return fail('feedbackCorrect', 'feedbackMissing');
    if (form.feedbackIncorrect.trim() === '') return fail('feedbackIncorrect', 'feedbackMissing');
    return { ok: true as const, feedback: { correct: form.feedbackCorrect.trim(), incorrect: form.feedbackIncorrect.trim() } };
  };

  switch (form.type) {
    case 'single_choice':
    case 'multiple_choice': {
      if (lines.length < 2) return fail('lines', 'twoChoices');
      const choices = [];
      for (const line of lines) {
        const right = line.startsWith('+');
        const [text = '', explanation = ''] = (right ? line.slice(1) : line).split('|', 2).map((p) => p.trim());
        if (text === '') return fail('lines', 'choiceText');
        if (explanation === '') return fail('lines', 'choiceFeedback');
        choices.push({ text, ...(right ? { correct: true } : {}), feedback: explanation });
      }
      const rights = choices.filter((c) => c.correct).length;
      if (form.type === 'single_choice' && rights !== 1) return fail('lines', 'oneRight');
      if (form.type === 'multiple_choice' && rights === 0) return fail('lines', 'someRight');
      return { ok: true, question: { ...head, choices } };
    }
    case 'true_false': {
      if (form.answer !== 'vrai' && form.answer !== 'faux') return fail('answer', 'answerMissing');
      const f = feedback();
      return f.ok ? { ok: true, question: { ...head, answer: form.answer === 'vrai', feedback: f.feedback } } : f;
    }
    case 'matching': {
      if (lines.length < 2) return fail('lines', 'twoPairs');
      const pairs = [];
      for (const line of lines) {
        const [left = '', right = ''] = line.split('=', 2).map((p) => p.trim());
        if (left === '' || right === '') return fail('lines', 'pairFormat');
        pairs.push({ left, right });
      }
      const f = feedback();
      return f.ok ? { ok: true, question: { ...head, pairs, feedback: f.feedback } } : f;
    }
    case 'ordering': {
      if (lines.length < 2) return fail('lines', 'twoSteps');
      const f = feedback();
      return f.ok ? { ok: true, question: { ...head, steps: lines, feedback: f.feedback } } : f;
    }
    case 'short_answer': {
      if (lines.length < 1) return fail('lines', 'oneAccepted');
      const f = feedback();
      return f.ok ? { ok: true, question: { ...head, accepted: lines, feedback: f.feedback } } : f;
    }
  }
}

/**
 * Appends a question to a quiz file, keeping the rest of it (and its comments).
 * Null when the file is not a quiz map with a `questions` list.
 */
export function appendQuestion(text: string, question: Record<string, unknown>): string | null {
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const questions = doc.get('questions');
  if (!isSeq(questions)) return null;
  questions.add(doc.createNode(question));
  return doc.toString();
}
