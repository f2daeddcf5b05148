import type { ClassifyTask, Exercise, FormField, FormTask } from '../../courses/format/types.ts';
import { checkFieldAnswer } from '../../courses/format/check-field.ts';
import type { RecordedAnswer } from '../attempts/attempt.ts';
import { single } from './form-values.ts';

const LIST = '[,]';
const MAX_FIELD_LENGTH = 2000;

/** One graded part of an exercise: a form field or a request to classify. */
export interface ExercisePart {
  id: string;
  name: string;
  points: number;
  interaction: Record<string, unknown>;
}

export type ReadExercise =
  | { ok: true; answers: Record<string, RecordedAnswer> }
  | { ok: false; fieldErrors: Record<string, string>; tampered: boolean; values: Record<string, string> };

const optionId = (index: number) => `o${index + 1}`;

export const fieldName = (fieldId: string) => `field_${fieldId}`;
export const categoryName = (requestId: string) => `category_${requestId}`;
export const priorityName = (requestId: string) => `priority_${requestId}`;

function fieldInteraction(field: FormField): Record<string, unknown> {
  if (field.input === 'select' && field.options) {
    const right = field.options.findIndex((o) => checkFieldAnswer(field.check, o));
    return {
      interactionType: 'choice',
      choices: field.options.map((o, i) => ({ id: optionId(i), description: { fr: o } })),
      ...(right >= 0 ? { correctResponsesPattern: [optionId(right)] } : {}),
    };
  }
  return { interactionType: field.input === 'textarea' ? 'long-fill-in' : 'fill-in', ...(field.answer ? { correctResponsesPattern: [field.answer] } : {}) };
}

/** Pure: the graded parts of an exercise, with their xAPI interaction definitions. */
export function exerciseParts(exercise: Exercise): ExercisePart[] {
  const task = exercise.task;
  if (task.type === 'form') return task.fields.map((f) => ({ id: f.id, name: f.label, points: f.points, interaction: fieldInteraction(f) }));
  return task.requests.map((r) => ({
    id: r.id,
    name: r.subject ?? `${r.from} (${r.received})`,
    points: 1,
    // Category and priority together, "category[,]priority": one decision about one request.
    interaction: { interactionType: 'other', correctResponsesPattern: [`${r.category}${LIST}${r.priority}`] },
  }));
}

function readForm(task: FormTask, body: Record<string, unknown>): ReadExercise {
  const answers: Record<string, RecordedAnswer> = {};
  const fieldErrors: Record<string, string> = {};
  const values: Record<string, string> = {};
  let tampered = false;
  for (const field of task.fields) {
    const raw = single(body, fieldName(field.id));
    if (raw === undefined && body[fieldName(field.id)] !== undefined) tampered = true;
    const value = (raw ?? '').trim();
    values[field.id] = value;
    if (value === '') fieldErrors[field.id] = 'learning.exercise.errors.fillField';
    else if (value.length > MAX_FIELD_LENGTH) fieldErrors[field.id] = 'learning.exercise.errors.tooLong';
    else if (field.input === 'select' && !(field.options ?? []).includes(value)) {
      fieldErrors[field.id] = 'learning.errors.invalidAnswer';
      tampered = true;
    } else {
      const correct = checkFieldAnswer(field.check, value);
      const response = field.input === 'select' ? optionId((field.options ?? []).indexOf(value)) : value;
      answers[field.id] = { response, correct, points: correct ? field.points : 0 };
    }
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors, tampered, values } : { ok: true, answers };
}

function readClassify(task: ClassifyTask, body: Record<string, unknown>): ReadExercise {
  const answers: Record<string, RecordedAnswer> = {};
  const fieldErrors: Record<string, string> = {};
  const values: Record<string, string> = {};
  let tampered = false;
  for (const request of task.requests) {
    const category = single(body, categoryName(request.id)) ?? '';
    const priority = single(body, priorityName(request.id)) ?? '';
    values[categoryName(request.id)] = category;
    values[priorityName(request.id)] = priority;
    if (category === '' || priority === '') {
      fieldErrors[request.id] = 'learning.exercise.errors.classifyAll';
      continue;
    }
    if (!task.categories.some((c) => c.id === category) || !task.priorities.some((p) => p.id === priority)) {
      fieldErrors[request.id] = 'learning.errors.invalidAnswer';
      tampered = true;
      continue;
    }
    // Half a point for the right category, half for the right priority.
    const points = (category === request.category ? 0.5 : 0) + (priority === request.priority ? 0.5 : 0);
    answers[request.id] = { response: `${category}${LIST}${priority}`, correct: points === 1, points };
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors, tampered, values } : { ok: true, answers };
}

/** Pure: reads and grades a submitted exercise form. */
export function readExercise(exercise: Exercise, body: Record<string, unknown>): ReadExercise {
  return exercise.task.type === 'form' ? readForm(exercise.task, body) : readClassify(exercise.task, body);
}

/** Scaled score and pass/fail of a set of answers against the exercise or quiz parts. */
export function grade(parts: ReadonlyArray<{ id: string; points: number }>, answers: Record<string, RecordedAnswer>, passMark: number): { raw: number; max: number; scaled: number; success: boolean } {
  const max = parts.reduce((sum, p) => sum + p.points, 0);
  const raw = parts.reduce((sum, p) => sum + (answers[p.id]?.points ?? 0), 0);
  const scaled = max > 0 ? Math.round((raw / max) * 10000) / 10000 : 0;
  return { raw, max, scaled, success: scaled * 100 >= passMark - 1e-9 };
}
