import type { Request, Response } from 'express';
import type { AppContext } from '../../context.ts';
import type { Role } from '../../accounts/roles.ts';
import { formErrorsOf } from '../../http/form.ts';
import { get, post, type RouteSpec } from '../../http/route-table.ts';
import { single } from '../player/form-values.ts';
import type { AssignmentRow } from '../assignment/assignment.service.ts';

const TRAINERS = ['trainer', 'admin'] as const;

/**
 * Reads the assignment table form: one row per module, `assigned__<id>` (checkbox),
 * `position__<id>` (1..99) and `prerequisite__<id>` (a module id or empty).
 */
function readRows(body: Record<string, unknown>, moduleIds: string[]): { rows: AssignmentRow[]; errors: Record<string, string> } {
  const rows: AssignmentRow[] = [];
  const errors: Record<string, string> = {};
  for (const key of Object.keys(body)) {
    const id = key.startsWith('assigned__') ? key.slice('assigned__'.length) : null;
    if (id !== null && !moduleIds.includes(id)) errors[key] = 'learning.assign.errors.unknownModule';
  }
  for (const moduleId of moduleIds) {
    if (single(body, `assigned__${moduleId}`) !== 'on') continue;
    const position = single(body, `position__${moduleId}`) ?? '';
    if (!/^\d{1,2}$/.test(position) || Number(position) < 1) {
      errors[`position__${moduleId}`] = 'learning.assign.errors.position';
      continue;
    }
    const prerequisite = single(body, `prerequisite__${moduleId}`) ?? '';
    rows.push({ moduleId, position: Number(position), prerequisiteModuleId: prerequisite === '' ? null : prerequisite });
  }
  return { rows, errors };
}

/** Trainers assign modules to their cohorts: /trainer/modules and /trainer/cohorts/:id/modules. */
export function assignRoutes(ctx: AppContext): RouteSpec[] {
  const { learning } = ctx;
  const who = (req: Request) => ({ userId: req.session.userId as string, role: req.session.role as Role });

  const index = async (req: Request, res: Response) => {
    const { userId, role } = who(req);
    const cohorts = await learning.assignment.manageableCohorts(userId, role);
    const withCounts = await Promise.all(cohorts.map(async (c) => ({ ...c, modules: (await learning.assignments.forCohort(c.id)).length })));
    res.render('learning/assign-index', { title: 'learning.assign.indexTitle', cohorts: withCounts });
  };

  const model = async (cohortId: string, values?: Map<string, AssignmentRow>) => {
    const modules = await learning.courses.listModules();
    const current = values ?? new Map((await learning.assignments.forCohort(cohortId)).map((m) => [m.moduleId, m]));
    return modules.map((m, i) => {
      const row = current.get(m.id);
      return {
        id: m.id,
        title: m.title,
        assigned: Boolean(row),
        position: row?.position ?? i + 1,
        prerequisites: modules.filter((o) => o.id !== m.id).map((o) => ({ id: o.id, title: o.title, selected: row?.prerequisiteModuleId === o.id })),
      };
    });
  };

  const show = async (req: Request, res: Response) => {
    const { userId, role } = who(req);
    const cohort = await learning.assignment.requireManageable(String(req.params.id), userId, role);
    res.render('learning/assign', { title: 'learning.assign.title', cohort, modules: await model(cohort.id), saved: req.query.saved === '1' });
  };

  const save = async (req: Request, res: Response) => {
    const { userId, role } = who(req);
    const cohort = await learning.assignment.requireManageable(String(req.params.id), userId, role);
    const moduleIds = (await learning.courses.listModules()).map((m) => m.id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { rows, errors } = readRows(body, moduleIds);
    const rerender = async (errs: Record<string, string>, status: number) =>
      res.status(status).render('learning/assign', { title: 'learning.assign.title', cohort, modules: await model(cohort.id, new Map(rows.map((r) => [r.moduleId, r]))), errors: errs, hasErrors: true });
    if (Object.keys(errors).length > 0) return rerender(errors, 400);
    try {
      await learning.assignment.assign(cohort.id, rows);
    } catch (err) {
      const formErr = formErrorsOf(err);
      if (!formErr) throw err;
      return rerender(formErr.errors, formErr.status);
    }
    res.redirect(303, `/trainer/cohorts/${encodeURIComponent(cohort.id)}/modules?saved=1`);
  };

  return [
    get('/trainer/modules', TRAINERS, index),
    get('/trainer/cohorts/:id/modules', TRAINERS, show),
    post('/trainer/cohorts/:id/modules', TRAINERS, save),
  ];
}
