import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { get, post, type RouteSpec } from '../http/route-table.ts';
import { formErrorsOf, originOf, parseForm, renderFormErrors } from '../http/form.ts';
import { tr } from '../http/locale.ts';
import { AppError } from '../errors.ts';
import type { IssuedPassword } from '../cohorts/onboarding.service.ts';
import { problemTexts } from './list-problems.ts';
import { loginAddress } from './login-address.ts';
import { readMultipart } from '../http/multipart.ts';
import { CsrfError } from '../http/csrf.ts';
import { ACCOUNT_CSV_MAX_BYTES, listFromCsv } from '../accounts/account-csv.ts';

const bulkSchema = z.object({
  list: z.string({ message: 'errors.required' }).max(20_000, 'errors.tooLong'),
  cohortId: z.string().max(64, 'cohorts.errors.notFound').optional().default(''),
  step: z.enum(['preview', 'create', 'edit']).optional().default('preview'),
  // Drawn by the preview page; the import is recorded under it (a second submit finds it).
  token: z.string().regex(/^[0-9a-f-]{36}$/, 'accounts.bulk.errors.noPreview').optional(),
});
const confirmSchema = z.object({ confirm: z.literal('yes', { message: 'admin.users.resetConfirm.required' }) });

/** Onboarding a group at once: a pasted list of learners, the group's login sheet, the group's new passwords. */
export function onboardingRoutes(ctx: AppContext): RouteSpec[] {
  const { onboarding, cohorts } = ctx.services;
  const formModel = async (values: Record<string, unknown>) => ({ title: 'accounts.bulk.title', cohorts: await cohorts.list(), values });

  const showBulk = async (req: Request, res: Response) => res.render('admin/users-bulk', await formModel({ cohortId: typeof req.query.cohort === 'string' ? req.query.cohort : '' }));

  type Problems = Parameters<typeof problemTexts>[1];
  type ListValues = { list: string; cohortId: string };
  const refuseList = async (res: Response, values: ListValues, problems: Problems) =>
    res.status(400).render('admin/users-bulk', { ...(await formModel(values)), errors: { list: 'accounts.bulk.errors.seeLines' }, hasErrors: true, problems: problemTexts(res, problems) });

  /** The accounts a list would create, or its problems by line: nothing is created yet. */
  const preview = async (res: Response, values: ListValues, cohort: { id: string; name: string } | null) => {
    const plan = await onboarding.preview(values.list);
    if (plan.problems.length > 0) return refuseList(res, values, plan.problems);
    res.render('admin/users-bulk', { ...(await formModel(values)), preview: plan.accounts, previewCohort: cohort, token: randomUUID() });
  };

  /**
   * A spreadsheet's CSV export, read into the same list as a paste: the preview that follows
   * shows it, line by line, before anything is created.
   */
  const bulkFile = async (req: Request, res: Response) => {
    const fileError = async (key: string, status: number, cohortId = '') =>
      renderFormErrors(res, 'admin/users-bulk', await formModel({ cohortId }), { file: key }, status);
    let form;
    try {
      form = await readMultipart(req, ACCOUNT_CSV_MAX_BYTES, 'accounts.bulk.errors.fileFormat');
    } catch (err) {
      if (err instanceof CsrfError || !(err instanceof AppError)) throw err;
      return fileError(err.status === 413 ? 'accounts.bulk.errors.fileTooLarge' : 'accounts.bulk.errors.fileFormat', err.status === 413 ? 413 : 400);
    }
    const cohortId = (form.fields.get('cohortId') ?? '').slice(0, 64);
    const file = form.files.get('file');
    if (!file || file.data.length === 0) return fileError('accounts.bulk.errors.fileMissing', 400, cohortId);
    const read = listFromCsv(file.data);
    if (!read.ok) return fileError(`accounts.bulk.errors.${read.key}`, 400, cohortId);
    const cohort = cohortId ? await ctx.repositories.cohorts.findById(cohortId) : null;
    if (cohortId && !cohort) return renderFormErrors(res, 'admin/users-bulk', await formModel({ list: read.text, cohortId }), { cohortId: 'cohorts.errors.notFound' });
    return preview(res, { list: read.text, cohortId }, cohort);
  };

  const bulk = async (req: Request, res: Response) => {
    const form = parseForm(bulkSchema, req.body);
    if (!form.ok) return renderFormErrors(res, 'admin/users-bulk', await formModel(form.values), form.errors);
    const { list, cohortId, step, token } = form.values;
    const values = { list, cohortId };
    const refuse = (problems: Problems) => refuseList(res, values, problems);
    if (step === 'edit') return res.render('admin/users-bulk', await formModel(values));
    const cohort = cohortId ? await ctx.repositories.cohorts.findById(cohortId) : null;
    if (cohortId && !cohort) return renderFormErrors(res, 'admin/users-bulk', await formModel(values), { cohortId: 'cohorts.errors.notFound' });
    if (step === 'preview' || !token) return preview(res, values, cohort);
    try {
      const result = await onboarding.importAccounts({ text: list, cohortId: cohort?.id ?? null, token }, originOf(req));
      if (!result.ok) return await refuse(result.problems);
      res.status(201).render('admin/group-sheet', sheetModel(res, result.cohort?.name ?? null, result.cohort?.id ?? null, result.issued, { createdCount: result.issued.length }));
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 409) throw err;
      res.status(409).render('admin/users-bulk', { ...(await formModel(values)), errors: { list: err.messageKey }, hasErrors: true });
    }
  };

  const sheetModel = (res: Response, cohortName: string | null, cohortId: string | null, issued: IssuedPassword[], counts: Record<string, number>) => ({
    title: 'admin.groupSheet.title',
    cohortName: cohortName ?? tr(res)('accounts.bulk.noCohort'),
    cohortId,
    loginUrl: loginAddress(ctx),
    withPasswords: true,
    people: issued.map((i) => ({ displayName: i.user.displayName, login: i.user.login, oneTimePassword: i.oneTimePassword })),
    ...counts,
  });

  const learnersOf = async (id: string) => (await cohorts.withMembers(id)).members.filter((m) => m.memberRole === 'learner' && m.active);

  /** The whole group on one sheet, without passwords: those are shown once only, when issued. */
  const groupSheet = async (req: Request, res: Response) => {
    const cohort = await cohorts.require(String(req.params.id));
    const people = (await learnersOf(cohort.id)).map((m) => ({ displayName: m.displayName, login: m.login, oneTimePassword: null }));
    res.render('admin/group-sheet', { title: 'admin.groupSheet.title', cohortName: cohort.name, cohortId: cohort.id, loginUrl: loginAddress(ctx), withPasswords: false, people });
  };

  const resetModel = async (res: Response, id: string) => {
    const cohort = await cohorts.require(id);
    const people = await learnersOf(id);
    const t = tr(res);
    return {
      title: 'admin.groupSheet.resetLink',
      heading: t('admin.groupSheet.resetHeading', { name: cohort.name }),
      warning: t('admin.groupSheet.resetWarning', { count: people.length }),
      people,
      action: `/admin/cohorts/${id}/reset-passwords`,
      confirmLabel: 'admin.groupSheet.resetConfirm',
      submitLabel: 'admin.groupSheet.resetSubmit',
      cancelHref: `/admin/cohorts/${id}`,
    };
  };

  const confirmGroupReset = async (req: Request, res: Response) => res.render('admin/reset-confirm', await resetModel(res, String(req.params.id)));

  const groupReset = async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const form = parseForm(confirmSchema, req.body);
    if (!form.ok) return renderFormErrors(res, 'admin/reset-confirm', await resetModel(res, id), form.errors);
    try {
      const { cohort, issued } = await onboarding.resetGroupPasswords(id, originOf(req));
      for (const { user } of issued) await ctx.sessions.endUserSessions(user.id, null);
      res.render('admin/group-sheet', sheetModel(res, cohort.name, cohort.id, issued, { resetCount: issued.length }));
    } catch (err) {
      const formErr = formErrorsOf(err);
      if (!formErr) throw err;
      renderFormErrors(res, 'admin/reset-confirm', await resetModel(res, id), formErr.errors, formErr.status);
    }
  };

  return [
    get('/admin/users/bulk', ['admin'], showBulk),
    post('/admin/users/bulk', ['admin'], bulk),
    post('/admin/users/bulk/file', ['admin'], bulkFile),
    get('/admin/cohorts/:id/sheet', ['admin'], groupSheet),
    get('/admin/cohorts/:id/reset-passwords', ['admin'], confirmGroupReset),
    post('/admin/cohorts/:id/reset-passwords', ['admin'], groupReset),
  ];
}
