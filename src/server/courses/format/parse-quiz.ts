import { z } from 'zod';
import type { SourceError } from './source-error.ts';
import type { Question, Quiz } from './types.ts';
import { checkYaml, duplicates, ErrorSink, feedbackSchema, identifier, percent, positiveInt, retrySchema, text } from './schema-check.ts';
import { normaliseAnswer } from './normalise-answer.ts';

const competencyList = z.array(z.string()).optional();

const choiceSchema = z.strictObject({
  id: identifier.optional(),
  text,
  correct: z.boolean().optional(),
  feedback: text,
});

const base = {
  id: identifier,
  prompt: text,
  points: positiveInt.optional(),
  competencies: competencyList,
};

const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('single_choice'), choices: z.array(choiceSchema).min(2, 'au moins 2 choix') }),
  z.strictObject({ ...base, type: z.literal('multiple_choice'), choices: z.array(choiceSchema).min(2, 'au moins 2 choix') }),
  z.strictObject({ ...base, type: z.literal('true_false'), answer: z.boolean(), feedback: feedbackSchema }),
  z.strictObject({
    ...base,
    type: z.literal('matching'),
    pairs: z.array(z.strictObject({ left: text, right: text })).min(2, 'au moins 2 paires'),
    feedback: feedbackSchema,
  }),
  z.strictObject({ ...base, type: z.literal('ordering'), steps: z.array(text).min(2, 'au moins 2 étapes'), feedback: feedbackSchema }),
  z.strictObject({ ...base, type: z.literal('short_answer'), accepted: z.array(text).min(1, 'au moins une réponse acceptée'), feedback: feedbackSchema }),
]);

const quizSchema = z.strictObject({
  instructions: text.optional(),
  pass_mark: percent,
  retry: retrySchema,
  questions: z.array(questionSchema).min(1, 'au moins une question'),
});

type RawQuestion = z.output<typeof questionSchema>;

export interface QuizContext {
  competencyCodes: ReadonlySet<string>;
  /** Questions without their own list evidence the quiz item's competencies. */
  itemCompetencies: readonly string[];
}

export type QuizResult = { ok: true; quiz: Quiz } | { ok: false; errors: SourceError[] };

const letter = (i: number) => String.fromCharCode(97 + i);

export function parseQuiz(yamlText: string, file: string, ctx: QuizContext): QuizResult {
  const checked = checkYaml(quizSchema, yamlText, file);
  if (!checked.ok) return checked;
  const raw = checked.value;
  const sink = new ErrorSink(checked.source);

  for (const i of duplicates(raw.questions, (q) => q.id)) sink.at(['questions', i, 'id'], `l’identifiant « ${raw.questions[i].id} » est déjà utilisé par une autre question`);
  raw.questions.forEach((q, i) => checkQuestion(q, ['questions', i], sink, ctx));
  if (sink.errors.length > 0) return { ok: false, errors: sink.errors };

  return {
    ok: true,
    quiz: {
      ...(raw.instructions ? { instructions: raw.instructions } : {}),
      passMark: raw.pass_mark,
      retry: raw.retry,
      questions: raw.questions.map((q) => toQuestion(q, ctx)),
    },
  };
}

function checkQuestion(q: RawQuestion, path: Array<string | number>, sink: ErrorSink, ctx: QuizContext): void {
  (q.competencies ?? []).forEach((code, i) => {
    if (!ctx.competencyCodes.has(code)) sink.at([...path, 'competencies', i], `compétence « ${code} » inconnue dans competences.yaml`);
  });
  switch (q.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const right = q.choices.filter((c) => c.correct).length;
      if (q.type === 'single_choice' && right !== 1) sink.at([...path, 'choices'], `choix unique : exactement une réponse doit avoir « correct: true » (ici ${right})`);
      if (q.type === 'multiple_choice' && right === 0) sink.at([...path, 'choices'], 'choix multiple : au moins une réponse doit avoir « correct: true »');
      const ids = q.choices.map((c, i) => c.id ?? letter(i));
      for (const i of duplicates(ids, (id) => id)) sink.at([...path, 'choices', i], `identifiant de choix « ${ids[i]} » en double`);
      for (const i of duplicates(q.choices, (c) => normaliseAnswer(c.text))) sink.at([...path, 'choices', i, 'text'], 'ce choix est écrit deux fois');
      return;
    }
    case 'matching':
      for (const i of duplicates(q.pairs, (p) => normaliseAnswer(p.left))) sink.at([...path, 'pairs', i, 'left'], 'cet élément de gauche est écrit deux fois');
      for (const i of duplicates(q.pairs, (p) => normaliseAnswer(p.right))) sink.at([...path, 'pairs', i, 'right'], 'cet élément de droite est écrit deux fois : l’association serait ambiguë');
      return;
    case 'ordering':
      for (const i of duplicates(q.steps, (s) => normaliseAnswer(s))) sink.at([...path, 'steps', i], 'cette étape est écrite deux fois');
      return;
    case 'short_answer':
      q.accepted.forEach((a, i) => {
        if (!normaliseAnswer(a)) sink.at([...path, 'accepted', i], 'réponse acceptée sans lettre ni chiffre');
      });
      return;
    case 'true_false':
      return;
  }
}

function toQuestion(q: RawQuestion, ctx: QuizContext): Question {
  const common = { id: q.id, prompt: q.prompt, points: q.points ?? 1, competencies: q.competencies ?? [...ctx.itemCompetencies] };
  switch (q.type) {
    case 'single_choice':
    case 'multiple_choice':
      return {
        ...common,
        type: q.type,
        choices: q.choices.map((c, i) => ({ id: c.id ?? letter(i), text: c.text, correct: c.correct ?? false, feedback: c.feedback })),
      };
    case 'true_false':
      return { ...common, type: q.type, answer: q.answer, feedback: q.feedback };
    case 'matching':
      return { ...common, type: q.type, pairs: q.pairs.map((p, i) => ({ id: `p${i + 1}`, left: p.left, right: p.right })), feedback: q.feedback };
    case 'ordering':
      return { ...common, type: q.type, steps: q.steps.map((s, i) => ({ id: `s${i + 1}`, text: s })), feedback: q.feedback };
    case 'short_answer':
      return {
        ...common,
        type: q.type,
        accepted: q.accepted,
        acceptedNormalised: [...new Set(q.accepted.map(normaliseAnswer))],
        feedback: q.feedback,
      };
  }
}
