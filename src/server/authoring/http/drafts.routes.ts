import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { formErrorsOf, parseForm } from '../../http/form.ts';
import { get, post, type RouteSpec } from '../../http/route-table.ts';
import { NotFoundError } from '../../errors.ts';
import { ITEM_TYPES, type ItemType } from '../item-templates.ts';
import { AUTHORS, authoringOf, base, field, fieldList, moduleIdOf, userOf } from './authoring-area.ts';
import { draftModel, LEVELS } from './draft-view.ts';
import { importUpload } from './import-upload.ts';

const slug = z.string().trim().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'authoring.errors.slug').max(60, 'errors.tooLong');
const metaFields = {
  title: z.string().trim().min(1, 'errors.required').max(200, 'errors.tooLong'),
  summary: z.string().trim().min(1, 'errors.required').max(2000, 'errors.tooLong'),
  durationMinutes: z.coerce.number({ message: 'authoring.errors.duration' }).int('authoring.errors.duration').min(1, 'authoring.errors.duration').max(10000, 'authoring.errors.duration'),
  level: z.enum(LEVELS, { message: 'errors.required' }),
  competencies: z.array(z.string()).min(1, 'authoring.errors.competencies'),
};
const newModuleSchema = z.object({ id: slug, ...metaFields });
const metadataSchema = z.object(metaFields);
const itemSchema = z.object({
  type: z.enum(ITEM_TYPES as [ItemType, ...ItemType[]], { message: 'errors.required' }),
  itemId: slug,
  itemTitle: z.string().trim().min(1, 'errors.required').max(200, 'errors.tooLong'),
  itemCompetencies: z.array(z.string()).min(1, 'authoring.errors.competencies'),
});

/** The form body with the multi-valued checkbox fields as arrays. */
function withLists(body: unknown, ...names: string[]): Record<string, unknown> {
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return { ...raw, ...Object.fromEntries(names.map((n) => [n, fieldList(raw, n)])) };
}

/** /trainer/authoring: modules and drafts, a new module, an import; the draft page and its forms. */
export function draftsRoutes(ctx: AppContext): RouteSpec[] {
  const authoring = authoringOf(ctx);

  const renderIndex = async (res: Response, extra: Record<string, unknown> = {}, status = 200) => {
    const framework = await authoring.framework();
    const chosen = new Set(fieldList((extra.values ?? {}) as Record<string, unknown>, 'competencies'));
    res.status(status).render('authoring/index', {
      title: 'authoring.index.title',
      modules: await authoring.overview(),
      conflicts: await authoring.conflicts(),
      levels: LEVELS.map((l) => ({ value: l })),
      competencies: framework.blocks.flatMap((b) => b.competencies.map((c) => ({ code: c.code, label: c.label, checked: chosen.has(c.code) }))),
      ...extra,
    });
  };

  const renderDraft = async (res: Response, moduleId: string, extra: Record<string, unknown> = {}, status = 200) => {
    const draft = await authoring.findDraft(moduleId);
    const latest = (await ctx.learning.courses.latestVersion(moduleId))?.version ?? null;
    const conflict = await authoring.conflict(moduleId);
    const conflictModel = conflict ? { conflict, conflictDraftExists: Boolean(draft) } : {};
    if (!draft) {
      if (latest === null) throw new NotFoundError();
      res.status(status).render('authoring/published', { title: 'authoring.draft.title', moduleId, href: base(moduleId), latestVersion: latest, ...conflictModel, ...extra });
      return;
    }
    res.status(status).render('authoring/draft', { ...draftModel(draft, await authoring.validate(moduleId, draft.files), await authoring.framework(), latest), ...conflictModel, ...extra });
  };

  const create = async (req: Request, res: Response) => {
    const body = withLists(req.body, 'competencies');
    const form = parseForm(newModuleSchema, body);
    if (!form.ok) return renderIndex(res, { errors: form.errors, hasErrors: true, values: body }, 400);
    try {
      await authoring.createModule(form.values, userOf(req));
    } catch (err) {
      const formErr = formErrorsOf(err);
      if (!formErr) throw err;
      return renderIndex(res, { errors: formErr.errors, hasErrors: true, values: body }, formErr.status);
    }
    res.redirect(303, base(form.values.id));
  };

  const metadata = async (req: Request, res: Response) => {
    const moduleId = moduleIdOf(req);
    await authoring.draft(moduleId);
    const body = withLists(req.body, 'competencies');
    const form = parseForm(metadataSchema, body);
    if (!form.ok) return renderDraft(res, moduleId, { errors: form.errors, hasErrors: true }, 400);
    try {
      await authoring.updateMetadata(moduleId, form.values, userOf(req));
    } catch (err) {
      const formErr = formErrorsOf(err);
      if (!formErr) throw err;
      return renderDraft(res, moduleId, { errors: formErr.errors, hasErrors: true }, formErr.status);
    }
    res.redirect(303, `${base(moduleId)}?saved=1`);
  };

  const addItem = async (req: Request, res: Response) => {
    const moduleId = moduleIdOf(req);
    await authoring.draft(moduleId);
    const form = parseForm(itemSchema, withLists(req.body, 'itemCompetencies'));
    if (!form.ok) return renderDraft(res, moduleId, { errors: form.errors, hasErrors: true }, 400);
    try {
      await authoring.addItem(moduleId, { type: form.values.type, id: form.values.itemId, title: form.values.itemTitle, competencies: form.values.itemCompetencies }, userOf(req));
    } catch (err) {
      const formErr = formErrorsOf(err);
      if (!formErr) throw err;
      return renderDraft(res, moduleId, { errors: formErr.errors, hasErrors: true }, formErr.status);
    }
    res.redirect(303, `${base(moduleId)}?saved=1#items`);
  };

  const publish = async (req: Request, res: Response) => {
    const moduleId = moduleIdOf(req);
    const outcome = await authoring.publish(moduleId);
    if (outcome.status === 'invalid') return renderDraft(res, moduleId, { publishFailed: true }, 422);
    res.redirect(303, `${base(moduleId)}/history?${outcome.status}=${outcome.version}`);
  };

  return [
    get('/trainer/authoring', AUTHORS, (req, res) => renderIndex(res, { imported: field(req.query, 'imported') })),
    post('/trainer/authoring/modules', AUTHORS, create),
    get('/trainer/authoring/:moduleId', AUTHORS, (req, res) => renderDraft(res, moduleIdOf(req), { saved: req.query.saved === '1' })),
    post('/trainer/authoring/:moduleId/draft', AUTHORS, async (req, res) => {
      await authoring.startDraft(moduleIdOf(req), userOf(req));
      res.redirect(303, base(moduleIdOf(req)));
    }),
    post('/trainer/authoring/:moduleId/discard', AUTHORS, async (req, res) => {
      await authoring.discard(moduleIdOf(req));
      res.redirect(303, '/trainer/authoring');
    }),
    post('/trainer/authoring/:moduleId/conflict/load', AUTHORS, async (req, res) => {
      const moduleId = moduleIdOf(req);
      if (!(await authoring.conflict(moduleId))) throw new NotFoundError();
      await authoring.loadConflictDraft(moduleId, userOf(req));
      res.redirect(303, base(moduleId));
    }),
    post('/trainer/authoring/:moduleId/conflict/keep', AUTHORS, async (req, res) => {
      await authoring.keepPublished(moduleIdOf(req));
      res.redirect(303, base(moduleIdOf(req)));
    }),
    post('/trainer/authoring/:moduleId/metadata', AUTHORS, metadata),
    post('/trainer/authoring/:moduleId/items', AUTHORS, addItem),
    post('/trainer/authoring/:moduleId/publish', AUTHORS, publish),
    post('/trainer/authoring/import', AUTHORS, async (req, res) => {
      const result = await importUpload(authoring, req);
      if ('redirect' in result) return res.redirect(303, result.redirect);
      return renderIndex(res, result.model, result.status);
    }),
  ];
}
