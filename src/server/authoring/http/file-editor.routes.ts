import type { Request, Response } from 'express';
import type { AppContext } from '../../context.ts';
import { formErrorsOf } from '../../http/form.ts';
import { get, post, type RouteSpec } from '../../http/route-table.ts';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { MODULE_FILE } from '../../courses/format/parse-module-folder.ts';
import { readItems } from '../module-yaml.ts';
import { previewLesson } from '../lesson-preview.ts';
import { appendQuestion, QUESTION_FORM_TYPES, questionFromForm } from '../quiz-question.ts';
import { z } from 'zod';
import { parseForm } from '../../http/form.ts';
import { AUTHORS, authoringOf, base, field, moduleIdOf, userOf } from './authoring-area.ts';
import { errorsByFile } from './draft-view.ts';

const MAX_FILE_CHARS = 400_000;

/** Which format reminder goes with a file. */
function fileKind(filePath: string, itemType: string | undefined): 'module' | 'lesson' | 'quiz' | 'exercise' | 'roleplay' | 'other' {
  if (filePath === MODULE_FILE) return 'module';
  if (itemType === 'lesson' || itemType === 'quiz' || itemType === 'exercise' || itemType === 'roleplay') return itemType;
  if (filePath.endsWith('.md')) return 'lesson';
  return 'other';
}

/** The text editor for one file of a draft (module.yaml, lessons, quizzes, exercises). */
export function fileEditorRoutes(ctx: AppContext): RouteSpec[] {
  const authoring = authoringOf(ctx);

  const render = async (
    res: Response,
    moduleId: string,
    filePath: string,
    extra: { content?: string; preview?: boolean; saved?: boolean; errors?: Record<string, string>; question?: Record<string, string> } = {},
    status = 200,
  ) => {
    const draft = await authoring.draft(moduleId);
    const stored = draft.files.get(filePath);
    if (stored === undefined && extra.content === undefined) throw new NotFoundError();
    const content = extra.content ?? stored?.toString('utf8') ?? '';
    const item = readItems(draft.files.get(MODULE_FILE)?.toString('utf8') ?? '').find((it) => it.file === filePath);
    const kind = fileKind(filePath, item?.type);
    const validation = await authoring.validate(moduleId, draft.files);
    const fileErrors = validation.ok ? [] : (errorsByFile(validation.errors).get(filePath) ?? []);
    const preview = kind === 'lesson' && extra.preview ? previewLesson(moduleId, filePath, content, draft.files, item?.title ?? filePath) : null;
    res.status(status).render('authoring/file', {
      title: 'authoring.file.title',
      moduleId,
      href: base(moduleId),
      path: filePath,
      content,
      kind,
      isLesson: kind === 'lesson',
      isQuiz: kind === 'quiz',
      reminder: `authoring.reminder.${kind}`,
      fileErrors,
      preview,
      saved: extra.saved,
      errors: extra.errors,
      hasErrors: Boolean(extra.errors),
      question: extra.question ?? { questionType: 'single_choice' },
      questionTypes: QUESTION_FORM_TYPES.map((type) => ({ type, selected: type === (extra.question?.questionType ?? 'single_choice') })),
      scripts: kind === 'lesson' ? ['/static/js/authoring.js'] : [],
    });
  };

  /** The add-question form's values as posted, as text only, to show them again. */
  const questionValues = (body: unknown): Record<string, string> =>
    Object.fromEntries(['questionType', 'questionId', 'prompt', 'lines', 'answer', 'feedbackCorrect', 'feedbackIncorrect', 'competencies'].map((name) => [name, field(body, name)]));

  const pathOf = (source: unknown): string => {
    const p = field(source, 'path');
    if (p === '') throw new NotFoundError();
    return p;
  };

  const save = async (req: Request, res: Response) => {
    const moduleId = moduleIdOf(req);
    const filePath = pathOf(req.body);
    const content = field(req.body, 'content');
    if (content.length > MAX_FILE_CHARS) throw new BadRequestError('authoring.errors.fileTooBig');
    if (field(req.body, 'action') === 'preview') return render(res, moduleId, filePath, { content, preview: true });
    try {
      await authoring.saveFile(moduleId, filePath, content, userOf(req));
    } catch (err) {
      const formErr = formErrorsOf(err);
      if (!formErr) throw err;
      return render(res, moduleId, filePath, { content, errors: formErr.errors }, formErr.status);
    }
    res.redirect(303, `${base(moduleId)}/file?path=${encodeURIComponent(filePath)}&saved=1`);
  };

  /** The live preview (fetched by public/js/authoring.js): an HTML fragment, nothing saved. */
  const preview = async (req: Request, res: Response) => {
    const moduleId = moduleIdOf(req);
    const draft = await authoring.draft(moduleId);
    const filePath = pathOf(req.body);
    const content = field(req.body, 'content');
    if (content.length > MAX_FILE_CHARS) throw new BadRequestError('authoring.errors.fileTooBig');
    const item = readItems(draft.files.get(MODULE_FILE)?.toString('utf8') ?? '').find((it) => it.file === filePath);
    res.render('authoring/preview-fragment', { layout: false, preview: previewLesson(moduleId, filePath, content, draft.files, item?.title ?? filePath) });
  };

  const line = z.string().trim().min(1, 'errors.required').max(1000, 'errors.tooLong');
  const optional = (max: number) => z.string().max(max, 'errors.tooLong').optional().default('');
  const questionSchema = z.object({
    path: z.string(),
    questionType: z.enum(QUESTION_FORM_TYPES, { message: 'errors.required' }),
    questionId: z.string().trim().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'authoring.errors.slug'),
    prompt: line,
    lines: optional(8000),
    answer: z.enum(['vrai', 'faux', '']).optional().default(''),
    feedbackCorrect: optional(1000),
    feedbackIncorrect: optional(1000),
    competencies: optional(200),
  });

  /** The structured "add a question" form of the quiz editor: appends to the YAML, then validates as usual. */
  const addQuestion = async (req: Request, res: Response) => {
    const moduleId = moduleIdOf(req);
    const filePath = pathOf(req.body);
    const draft = await authoring.draft(moduleId);
    const current = draft.files.get(filePath)?.toString('utf8');
    if (current === undefined) throw new NotFoundError();
    const form = parseForm(questionSchema, req.body);
    // What was typed comes back in the form, whatever is wrong with it.
    const question = questionValues(req.body);
    if (!form.ok) return render(res, moduleId, filePath, { errors: form.errors, question }, 400);
    const v = form.values;
    const built = questionFromForm({ type: v.questionType, id: v.questionId, prompt: v.prompt, lines: v.lines, answer: v.answer, feedbackCorrect: v.feedbackCorrect, feedbackIncorrect: v.feedbackIncorrect, competencies: v.competencies });
    if (!built.ok) return render(res, moduleId, filePath, { errors: { [built.problem.field]: `authoring.quiz.errors.${built.problem.key}` }, question }, 400);
    const next = appendQuestion(current, built.question);
    if (next === null) return render(res, moduleId, filePath, { errors: { questionId: 'authoring.quiz.notAQuiz' }, question }, 400);
    await authoring.saveFile(moduleId, filePath, next, userOf(req));
    res.redirect(303, `${base(moduleId)}/file?path=${encodeURIComponent(filePath)}&saved=1`);
  };

  return [
    post('/trainer/authoring/:moduleId/quiz/question', AUTHORS, addQuestion),
    get('/trainer/authoring/:moduleId/file', AUTHORS, (req, res) => render(res, moduleIdOf(req), pathOf(req.query), { saved: req.query.saved === '1' })),
    post('/trainer/authoring/:moduleId/file', AUTHORS, save),
    post('/trainer/authoring/:moduleId/file/delete', AUTHORS, async (req, res) => {
      await authoring.deleteFile(moduleIdOf(req), pathOf(req.body), userOf(req));
      res.redirect(303, base(moduleIdOf(req)));
    }),
    post('/trainer/authoring/:moduleId/preview', AUTHORS, preview),
  ];
}
