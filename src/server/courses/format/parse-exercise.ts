import { z } from 'zod';
import type { SourceError } from './source-error.ts';
import type { ClassifyTask, Exercise, ExerciseDocument, FieldCheck, FormTask } from './types.ts';
import { checkYaml, duplicates, ErrorSink, feedbackSchema, identifier, percent, positiveInt, retrySchema, text } from './schema-check.ts';
import { checkFieldAnswer, parseFrenchDate } from './check-field.ts';
import { checkDocument, documentSchema, parseDocumentFile, toDocument } from './parse-document.ts';

const checkSchema = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('exact'), value: text }),
  z.strictObject({ rule: z.literal('one_of'), values: z.array(text).min(1) }),
  z.strictObject({ rule: z.literal('regex'), pattern: text, flags: z.string().regex(/^[iu]*$/, 'options possibles : i (sans casse), u').optional() }),
  z.strictObject({ rule: z.literal('number_range'), min: z.number(), max: z.number() }),
  z.strictObject({ rule: z.literal('date'), value: text }),
  z.strictObject({ rule: z.literal('normalised_text'), values: z.array(text).min(1) }),
  z.strictObject({ rule: z.literal('keywords'), all: z.array(z.union([text, z.array(text).min(1)])).min(1), sentence: z.boolean().optional() }),
]);

const fieldSchema = z.strictObject({
  id: identifier,
  label: text,
  input: z.enum(['text', 'textarea', 'number', 'date', 'select']).optional(),
  options: z.array(text).optional(),
  help: text.optional(),
  check: checkSchema,
  answer: text.optional(),
  feedback: feedbackSchema,
  points: positiveInt.optional(),
});

const categorySchema = z.strictObject({ id: identifier, label: text });

const taskSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('form'), fields: z.array(fieldSchema).min(1, 'au moins un champ') }),
  z.strictObject({
    type: z.literal('classify'),
    categories: z.array(categorySchema).min(2, 'au moins 2 catégories'),
    priorities: z.array(categorySchema).min(2, 'au moins 2 niveaux de priorité'),
    requests: z
      .array(
        z.strictObject({
          id: identifier,
          channel: z.enum(['email', 'courrier', 'telephone', 'chat', 'formulaire']),
          from: text,
          received: text,
          subject: text.optional(),
          text,
          category: identifier,
          priority: identifier,
          feedback: text,
        }),
      )
      .min(2, 'au moins 2 demandes'),
  }),
]);

const exerciseSchema = z.strictObject({
  instructions: text,
  pass_mark: percent,
  retry: retrySchema,
  /** Module-relative paths of the document files, in the order shown. */
  documents: z.array(text).min(1, 'au moins un document, ou retirez « documents: »').optional(),
  /** One inline document: still read (drafts written in the browser use it), files are preferred. */
  document: documentSchema.optional(),
  task: taskSchema,
});

type Raw = z.output<typeof exerciseSchema>;
type RawField = Extract<Raw['task'], { type: 'form' }>['fields'][number];
type RawCheck = RawField['check'];

export type ExerciseResult = { ok: true; exercise: Exercise } | { ok: false; errors: SourceError[] };

export interface ExerciseContext {
  /** The module folder's text files, by module-relative path: where `documents:` are read. */
  files?: ReadonlyMap<string, string>;
  /** Turns a module-relative path into the path errors are reported with (from the courses root). */
  where?: (path: string) => string;
}

export function parseExercise(yamlText: string, file: string, ctx: ExerciseContext = {}): ExerciseResult {
  const checked = checkYaml(exerciseSchema, yamlText, file);
  if (!checked.ok) return checked;
  const raw = checked.value;
  const sink = new ErrorSink(checked.source);

  if (raw.document) checkDocument(raw.document, sink, ['document']);
  if (raw.document && raw.documents) sink.at(['document'], 'donnez les documents soit dans des fichiers (« documents: »), soit ici, pas les deux');
  const documents: ExerciseDocument[] = raw.document ? [toDocument(raw.document)] : [];
  const fileErrors: SourceError[] = [];
  (raw.documents ?? []).forEach((path, i) => {
    const source = ctx.files?.get(path);
    if (source === undefined) {
      sink.at(['documents', i], `fichier de document introuvable : « ${path} » n’existe pas dans le dossier du module (chemin depuis le dossier du module, ex. documents/facture.yaml)`);
      return;
    }
    if (!/\.ya?ml$/.test(path)) {
      sink.at(['documents', i], `un document est un fichier .yaml : « ${path} »`);
      return;
    }
    const parsed = parseDocumentFile(source, path, ctx.where ? ctx.where(path) : path);
    if (parsed.ok) documents.push(parsed.document);
    else fileErrors.push(...parsed.errors);
  });
  for (const i of duplicates(raw.documents ?? [], (p) => p)) sink.at(['documents', i], `le document « ${raw.documents?.[i]} » est déjà dans la liste`);
  if (raw.task.type === 'form') {
    if (!raw.document && !raw.documents) sink.at(['task'], 'un exercice de saisie a besoin d’au moins un document à lire (« documents: [documents/….yaml] »)');
    checkForm(raw.task.fields, sink);
  } else checkClassify(raw.task, sink);
  const errors = [...sink.errors, ...fileErrors];
  if (errors.length > 0) return { ok: false, errors };

  return {
    ok: true,
    exercise: {
      instructions: raw.instructions,
      documents,
      task: raw.task.type === 'form' ? toForm(raw.task.fields) : toClassify(raw.task),
      passMark: raw.pass_mark,
      retry: raw.retry,
    },
  };
}

function checkForm(fields: RawField[], sink: ErrorSink): void {
  for (const i of duplicates(fields, (f) => f.id)) sink.at(['task', 'fields', i, 'id'], `l’identifiant « ${fields[i].id} » est déjà utilisé par un autre champ`);
  fields.forEach((f, i) => {
    const path = ['task', 'fields', i];
    const input = f.input ?? 'text';
    if (input === 'select' && (f.options?.length ?? 0) < 2) sink.at(path, 'une liste (input: select) a besoin d’au moins 2 « options »');
    if (input !== 'select' && f.options) sink.at([...path, 'options'], 'des options ne servent qu’avec « input: select »');
    const problem = checkProblem(f.check);
    if (problem) {
      sink.at([...path, 'check'], problem);
      return;
    }
    const answer = modelAnswer(f.check, f.answer);
    if (answer === undefined) {
      sink.at(path, `règle « ${f.check.rule} » : donnez la bonne réponse attendue dans « answer: » (elle est montrée au stagiaire après correction)`);
      return;
    }
    if (!checkFieldAnswer(toCheck(f.check), answer)) sink.at([...path, f.answer ? 'answer' : 'check'], `la réponse « ${answer} » ne passe pas la règle « ${f.check.rule} » : corrigez la règle ou la réponse`);
    if (input === 'select' && f.options && (f.check.rule === 'exact' || f.check.rule === 'one_of')) {
      const expected = f.check.rule === 'exact' ? [f.check.value] : f.check.values;
      for (const v of expected) if (!f.options.includes(v)) sink.at([...path, 'check'], `la valeur attendue « ${v} » ne figure pas dans les options de la liste`);
    }
  });
}

function checkProblem(check: RawCheck): string | undefined {
  switch (check.rule) {
    case 'regex':
      // A repeated group that itself repeats, like (a+)+, can take forever on some answers.
      if (/\([^)]*[+*}][^)]*\)\s*[+*{]/.test(check.pattern)) return 'expression régulière trop risquée : un groupe répété contient lui-même une répétition (ex. (a+)+) ; simplifiez-la';
      try {
        new RegExp(check.pattern, check.flags ?? '');
        return undefined;
      } catch (e) {
        return `expression régulière invalide : ${(e as Error).message}`;
      }
    case 'number_range':
      return check.min > check.max ? `min (${check.min}) est plus grand que max (${check.max})` : undefined;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(check.value) && parseFrenchDate(check.value) ? undefined : `date invalide « ${check.value} » : écrivez-la AAAA-MM-JJ, ex. 2026-03-12`;
    default:
      return undefined;
  }
}

/** The answer shown to learners after correction; trainers may omit it when it is obvious. */
function modelAnswer(check: RawCheck, answer: string | undefined): string | undefined {
  if (answer) return answer;
  switch (check.rule) {
    case 'exact':
    case 'date':
      return check.value;
    case 'one_of':
    case 'normalised_text':
      return check.values[0];
    default:
      return undefined;
  }
}

function toCheck(check: RawCheck): FieldCheck {
  switch (check.rule) {
    case 'regex':
      return { rule: 'regex', pattern: check.pattern, flags: check.flags ?? '' };
    case 'keywords':
      return { rule: 'keywords', all: check.all.map((g) => (Array.isArray(g) ? g : [g])), ...(check.sentence ? { sentence: true } : {}) };
    default:
      return check;
  }
}

function checkClassify(task: Extract<Raw['task'], { type: 'classify' }>, sink: ErrorSink): void {
  for (const key of ['categories', 'priorities', 'requests'] as const) {
    const list: ReadonlyArray<{ id: string }> = task[key];
    for (const i of duplicates(list, (x) => x.id)) sink.at(['task', key, i, 'id'], `l’identifiant « ${list[i].id} » est déjà utilisé`);
  }
  const categories = new Set(task.categories.map((c) => c.id));
  const priorities = new Set(task.priorities.map((p) => p.id));
  task.requests.forEach((r, i) => {
    if (!categories.has(r.category)) sink.at(['task', 'requests', i, 'category'], `catégorie « ${r.category} » inconnue ; catégories : ${[...categories].join(', ')}`);
    if (!priorities.has(r.priority)) sink.at(['task', 'requests', i, 'priority'], `priorité « ${r.priority} » inconnue ; priorités : ${[...priorities].join(', ')}`);
  });
}

function toForm(fields: RawField[]): FormTask {
  return {
    type: 'form',
    fields: fields.map((f) => ({
      id: f.id,
      label: f.label,
      input: f.input ?? 'text',
      ...(f.options ? { options: f.options } : {}),
      ...(f.help ? { help: f.help } : {}),
      check: toCheck(f.check),
      answer: modelAnswer(f.check, f.answer) ?? '',
      feedback: f.feedback,
      points: f.points ?? 1,
    })),
  };
}

function toClassify(task: Extract<Raw['task'], { type: 'classify' }>): ClassifyTask {
  return {
    type: 'classify',
    categories: task.categories,
    priorities: task.priorities,
    requests: task.requests.map((r) => ({ ...r })),
  };
}
