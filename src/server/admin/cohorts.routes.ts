import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { get, post, type RouteSpec } from '../http/route-table.ts';
import { fields, formErrorsOf, originOf, parseForm, renderFormErrors } from '../http/form.ts';
import { problemTexts } from './list-problems.ts';

const cohortSchema = z.object({ name: fields.text(120), startDate: fields.date(), endDate: fields.date() });
const memberSchema = z.object({
  userIds: z.union([z.string().max(64), z.array(z.string().max(64)).max(500)]).optional(),
  logins: z.string().max(20_000).optional().default(''),
});

export function cohortsRoutes(ctx: AppContext): RouteSpec[] {
  const { cohorts } = ctx.services;

  const list = async (_req: Request, res: Response) => res.render('admin/cohorts', { title: 'admin.cohorts.title', cohorts: await cohorts.list() });

  const showNew = (_req: Request, res: Response) => res.render('admin/cohort-new', { title: 'admin.cohorts.newTitle', values: {} });

  const create = async (req: Request, res: Response) => {
    const model = { title: 'admin.cohorts.newTitle' };
    const form = parseForm(cohortSchema, req.body);
    if (!form.ok) return renderFormErrors(res, 'admin/cohort-new', { ...model, values: form.values }, form.errors);
    try {
      const cohort = await cohorts.create(form.values, originOf(req));
      res.redirect(303, `/admin/cohorts/${cohort.id}`);
    } catch (err) {
      const formErr = formErrorsOf(err);
      if (!formErr) throw err;
      renderFormErrors(res, 'admin/cohort-new', { ...model, values: form.values }, formErr.errors, formErr.status);
    }
  };

  const detailModel = async (id: string) => {
    const cohort = await cohorts.withMembers(id);
    const memberIds = new Set(cohort.members.map((m) => m.userId));
    const candidates = (await ctx.repositories.users.list({ active: true })).filter(
      (u) => (u.role === 'learner' || u.role === 'trainer') && !memberIds.has(u.id),
    );
    return { title: 'admin.cohorts.detailTitle', cohort, candidates, values: cohort };
  };

  const show = async (req: Request, res: Response) => res.render('admin/cohort', await detailModel(String(req.params.id)));

  const update = async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const form = parseForm(cohortSchema, req.body);
    if (!form.ok) return renderFormErrors(res, 'admin/cohort', { ...(await detailModel(id)), values: form.values }, form.errors);
    try {
      await cohorts.update(id, form.values, originOf(req));
    } catch (err) {
      const formErr = formErrorsOf(err);
      if (!formErr) throw err;
      return renderFormErrors(res, 'admin/cohort', { ...(await detailModel(id)), values: form.values }, formErr.errors, formErr.status);
    }
    res.redirect(303, `/admin/cohorts/${id}`);
  };

  /** Several people at once (ticked, or logins typed one a line), in one transaction. */
  const addMembers = async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const form = parseForm(memberSchema, req.body);
    if (!form.ok) return renderFormErrors(res, 'admin/cohort', await detailModel(id), form.errors);
    const userIds = form.values.userIds === undefined ? [] : [form.values.userIds].flat();
    const result = await ctx.services.onboarding.addMembers(id, { userIds, logins: form.values.logins }, originOf(req));
    if (result.ok) return res.redirect(303, `/admin/cohorts/${id}`);
    const model = await detailModel(id);
    const ticked = new Set(userIds);
    res.status(400).render('admin/cohort', {
      ...model,
      candidates: model.candidates.map((c) => ({ ...c, checked: ticked.has(c.id) })),
      memberValues: { logins: form.values.logins },
      problems: problemTexts(res, result.problems),
    });
  };

  const removeMember = async (req: Request, res: Response) => {
    const id = String(req.params.id);
    await cohorts.removeMember(id, String(req.params.userId), originOf(req));
    res.redirect(303, `/admin/cohorts/${id}`);
  };

  return [
    get('/admin/cohorts', ['admin'], list),
    get('/admin/cohorts/new', ['admin'], showNew),
    post('/admin/cohorts', ['admin'], create),
    get('/admin/cohorts/:id', ['admin'], show),
    post('/admin/cohorts/:id', ['admin'], update),
    post('/admin/cohorts/:id/members', ['admin'], addMembers),
    post('/admin/cohorts/:id/members/:userId/remove', ['admin'], removeMember),
  ];
}
