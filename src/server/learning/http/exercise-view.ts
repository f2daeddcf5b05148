import type { Response } from 'express';
import { exerciseDocuments } from '../../courses/format/exercise-documents.ts';
import type { ExerciseItem, FormField, IncomingRequest } from '../../courses/format/types.ts';
import type { Attempt, RecordedAnswer } from '../attempts/attempt.ts';
import type { ModuleAccess } from '../player/course-access.ts';
import type { ExerciseView } from '../player/exercise.service.ts';
import { categoryName, fieldName, priorityName } from '../player/exercise-answers.ts';
import { itemUrl, moduleUrl, nextAfter } from './item-navigation.ts';

function fieldModel(field: FormField, values: Record<string, string>, errors: Record<string, string>, answer?: RecordedAnswer) {
  const options = field.options ?? [];
  const given = answer ? (field.input === 'select' ? (options[Number(answer.response.slice(1)) - 1] ?? '') : answer.response) : (values[field.id] ?? '');
  return {
    id: field.id,
    name: fieldName(field.id),
    label: field.label,
    help: field.help,
    input: field.input,
    isSelect: field.input === 'select',
    isTextarea: field.input === 'textarea',
    inputType: field.input === 'date' ? 'date' : 'text',
    inputMode: field.input === 'number' ? 'decimal' : undefined,
    options: options.map((o) => ({ value: o, selected: o === given })),
    value: given,
    error: errors[field.id],
    correct: answer?.correct,
    feedback: answer ? (answer.correct ? field.feedback.correct : field.feedback.incorrect) : undefined,
    modelAnswer: field.answer,
  };
}

function requestModel(request: IncomingRequest, item: ExerciseItem, values: Record<string, string>, errors: Record<string, string>, answer?: RecordedAnswer) {
  const task = item.exercise.task;
  const [givenCategory, givenPriority] = answer ? answer.response.split('[,]') : [values[categoryName(request.id)], values[priorityName(request.id)]];
  const label = (list: Array<{ id: string; label: string }>, id: string | undefined) => list.find((c) => c.id === id)?.label ?? '';
  const categories = task.type === 'classify' ? task.categories : [];
  const priorities = task.type === 'classify' ? task.priorities : [];
  return {
    ...request,
    categoryName: categoryName(request.id),
    priorityName: priorityName(request.id),
    categories: categories.map((c) => ({ value: c.id, text: c.label, selected: c.id === givenCategory })),
    priorities: priorities.map((p) => ({ value: p.id, text: p.label, selected: p.id === givenPriority })),
    error: errors[request.id],
    correct: answer?.correct,
    givenCategory: label(categories, givenCategory),
    givenPriority: label(priorities, givenPriority),
    expectedCategory: label(categories, request.category),
    expectedPriority: label(priorities, request.priority),
  };
}

/** The exercise: the document next to the form; once submitted, the feedback of every field. */
export function renderExercise(
  res: Response,
  access: ModuleAccess,
  item: ExerciseItem,
  view: ExerciseView,
  form: { values: Record<string, string>; errors: Record<string, string> } = { values: {}, errors: {} },
  status = 200,
): void {
  const module = access.version.content;
  const attempt: Attempt = view.attempt;
  const answers = attempt.status === 'in_progress' ? {} : (attempt.state.answers ?? {});
  const task = item.exercise.task;
  res.status(status).render('learning/exercise', {
    title: item.title,
    pageClass: 'learner-page',
    module,
    moduleHref: moduleUrl(module.id),
    item,
    base: itemUrl(module.id, item.id),
    next: nextAfter(module, item.id),
    exercise: item.exercise,
    documents: exerciseDocuments(item.exercise),
    attemptId: attempt.id,
    inProgress: attempt.status === 'in_progress',
    passed: attempt.status === 'passed',
    score: Math.round((attempt.scoreScaled ?? 0) * 100),
    canRetry: view.canRetry,
    noRetryLeft: attempt.status === 'failed' && !view.canRetry,
    errors: form.errors,
    hasErrors: Object.keys(form.errors).length > 0,
    fields: task.type === 'form' ? task.fields.map((f) => fieldModel(f, form.values, form.errors, answers[f.id])) : [],
    requests: task.type === 'classify' ? task.requests.map((r) => requestModel(r, item, form.values, form.errors, answers[r.id])) : [],
    isClassify: task.type === 'classify',
  });
}
