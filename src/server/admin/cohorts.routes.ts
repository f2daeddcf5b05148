import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { get, post, type RouteSpec } from '../http/route-table.ts';
import { fields, formErrorsOf, originOf, parseForm, renderFormErrors } from '../http/form.ts';

const cohortSchema = z.object({ name: fields.text(120), startDate: fields.date(), endDate: fields.date() });
const memberSchema = z.object({ userId: fields.text(64) });

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

  const addMember = async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const form = parseForm(memberSchema, req.body);
    if (!form.ok) return renderFormErrors(res, 'admin/cohort', await detailModel(id), form.errors);
    try {
      await cohorts.addMember(id, form.values.userId, originOf(req));
    } catch (err) {
      const formErr = formErrorsOf(err);
      if (!formErr) throw err;
      return renderFormErrors(res, 'admin/cohort', await detailModel(id), formErr.errors, formErr.status);
    }
    res.redirect(303, `/admin/cohorts/${id}`);
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
    post('/admin/cohorts/:id/members', ['admin'], addMember),
    post('/admin/cohorts/:id/members/:userId/remove', ['admin'], removeMember),
  ];
}
