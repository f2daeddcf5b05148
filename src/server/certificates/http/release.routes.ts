/** /trainer/release: mark a learner as leaving, review the evidence, adjust, appraise, preview, issue, hand over the package, close the account. */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { BadRequestError, ConflictError } from '../../errors.ts';
import { fields, formErrorsOf, originOf, parseForm, renderFormErrors } from '../../http/form.ts';
import { get, post, type RouteSpec } from '../../http/route-table.ts';
import { tr } from '../../http/locale.ts';
import { APPRAISAL_CRITERIA, APPRAISAL_LEVELS, APPRAISAL_TEXT_MAX, type AppraisalEntry } from '../appraisal.ts';
import { sendZip } from './downloads.ts';
import { reviewView, type TypedForm } from './review-view.ts';
import { packageState } from './package-state.ts';

const leavingSchema = z.object({ leavingDate: fields.date() });
const closeSchema = z.object({ confirm: z.literal('yes', { message: 'certificates.learner.closeConfirm.required' }) });
const levelSchema = z.object({
  code: fields.text(20),
  level: z.enum(['', 'acquis', 'en_cours', 'non_acquis'], { message: 'errors.required' }),
  justification: z.string().trim().max(1000, 'errors.tooLong').optional().default(''),
});
/** The checkbox is "on" when ticked; any other value (a tampered form) counts as not ticked. */
/** The issue form: the thin-evidence acknowledgement, and its key (every post of one rendered form is one issue: double click, parallel submits, retry). */
const issueSchema = z.object({ acknowledgeThinEvidence: z.string().optional(), issueKey: z.string().uuid().optional().catch(undefined) });
const appraisalSchema = z.object(
  Object.fromEntries(
    APPRAISAL_CRITERIA.flatMap((c) => [
      [`level_${c}`, z.enum(APPRAISAL_LEVELS, { message: 'certificates.errors.appraisalLevel' })],
      [`text_${c}`, z.string({ message: 'errors.required' }).trim().min(1, 'errors.required').max(APPRAISAL_TEXT_MAX, 'errors.tooLong')],
    ]),
  ) as Record<string, z.ZodType<string>>,
);

/** Notices the review page shows after a redirect (certificates.release.done.*). */
const DONE = ['leaving', 'level', 'appraisal', 'issued', 'closed'];

export function releaseRoutes(ctx: AppContext): RouteSpec[] {
  const { release, issuing, documents, registry } = ctx.certificates;
  const view = 'certificates/release-review';
  const userIdOf = (req: Request) => String(req.params.userId);

  /** A trainer releases the learners of the cohorts they train (403 otherwise, 404 if unknown). */
  const inScope = (req: Request) => ctx.followup.scope.learner(req.session.userId as string, userIdOf(req));

  const list = async (req: Request, res: Response) => {
    const cohorts = await ctx.followup.scope.cohortsOf(req.session.userId as string);
    const memberIds = new Set<string>();
    for (const cohort of cohorts) for (const m of await ctx.repositories.cohorts.members(cohort.id)) if (m.memberRole === 'learner') memberIds.add(m.userId);
    const learners = await ctx.repositories.users.findByIds([...memberIds]);
    const rows = await Promise.all(
      learners.map(async (learner) => {
        const [certificate] = await registry.list({ userId: learner.id, status: 'valid' }, 1);
        return { learner, leavingDate: (await ctx.certificates.releases.get(learner.id)).leavingDate, certificate: certificate ?? null };
      }),
    );
    res.render('certificates/release-list', { title: 'certificates.release.listTitle', rows });
  };

  const model = async (userId: string, extra: Record<string, unknown> = {}, form?: TypedForm) => {
    const review = await release.review(userId);
    const [certificate] = await registry.list({ userId, status: 'valid' }, 1);
    const leavingPackage = packageState(await ctx.certificates.releases.get(userId), ctx.clock());
    return { title: 'certificates.release.title', ...reviewView(review, certificate ?? null, form), leavingPackage, issueKey: randomUUID(), ...extra };
  };

  const show = async (req: Request, res: Response) => {
    await inScope(req);
    res.render(view, await model(userIdOf(req), { notice: DONE.find((d) => d === req.query.done) ? `certificates.release.done.${String(req.query.done)}` : null }));
  };

  /** Runs a form action; a domain error tied to a field re-renders the review with it. */
  const action = (run: (req: Request) => Promise<string | void>) => async (req: Request, res: Response) => {
    const userId = userIdOf(req);
    await inScope(req);
    try {
      const done = await run(req);
      res.redirect(303, `/trainer/release/${userId}${done ? `?done=${done}` : ''}`);
    } catch (err) {
      const formErr = formErrorsOf(err);
      // What was typed comes back in its field (the leaving date's field shows the stored one otherwise).
      const typed = req.body as Record<string, unknown>;
      const kept = typeof typed.leavingDate === 'string' ? { leavingDate: typed.leavingDate } : {};
      if (formErr) return renderFormErrors(res, view, await model(userId, { values: typed, ...kept }, { typed, errors: formErr.errors }), formErr.errors, formErr.status);
      throw err;
    }
  };

  /** Form errors become a BadRequestError tied to the fields, which `action` shows on the page. */
  const formOrThrow = <T>(result: { ok: true; values: T } | { ok: false; errors: Record<string, string> }): T => {
    if (!result.ok) throw new BadRequestError('errors.badRequest', result.errors);
    return result.values;
  };

  const setLeaving = action(async (req) => {
    const { leavingDate } = formOrThrow(parseForm(leavingSchema, req.body));
    await release.setLeavingDate(userIdOf(req), leavingDate, req.session.userId as string);
    return 'leaving';
  });

  const setLevel = action(async (req) => {
    const v = formOrThrow(parseForm(levelSchema, req.body));
    await release.saveOverride(userIdOf(req), v.code, v.level === '' ? null : v.level, v.justification, req.session.userId as string);
    return 'level';
  });

  const setAppraisal = action(async (req) => {
    const v = formOrThrow(parseForm(appraisalSchema, req.body));
    const entries: AppraisalEntry[] = APPRAISAL_CRITERIA.map((criterion) => ({
      criterion,
      level: v[`level_${criterion}`] as AppraisalEntry['level'],
      text: v[`text_${criterion}`] as string,
    }));
    await release.saveAppraisal(userIdOf(req), entries, req.session.userId as string);
    return 'appraisal';
  });

  const issue = action(async (req) => {
    const v = formOrThrow(parseForm(issueSchema, req.body));
    await issuing.issueAfterReview(userIdOf(req), req.session.userId as string, v.acknowledgeThinEvidence === 'on', { requestKey: v.issueKey });
    return 'issued';
  });

  const preview = async (req: Request, res: Response) => {
    await inScope(req);
    const pdf = await issuing.preview(userIdOf(req));
    res.type('application/pdf').set('Content-Disposition', 'inline; filename="apercu-attestation.pdf"').set('Cache-Control', 'no-store').send(pdf);
  };

  const leavingPackage = async (req: Request, res: Response) => {
    const userId = userIdOf(req);
    await inScope(req);
    const { name, zip } = await documents.leavingPackage(userId);
    sendZip(res, name, zip);
  };

  /** The trainer closes the account for the learner, once they confirm the learner has the package. */
  const closeModel = async (res: Response, userId: string) => {
    const learner = await ctx.services.accounts.requireUser(userId);
    const t = tr(res);
    return {
      title: 'certificates.release.closeConfirm.title',
      heading: t('certificates.release.closeConfirm.heading', { name: learner.displayName }),
      warning: t('certificates.release.closeConfirm.warning', { name: learner.displayName }),
      confirmLabel: t('certificates.release.closeConfirm.confirm', { name: learner.displayName }),
      submitLabel: t('certificates.release.closeConfirm.submit'),
      action: `/trainer/release/${userId}/close`,
      cancelHref: `/trainer/release/${userId}`,
    };
  };

  const requireDownloaded = async (userId: string) => {
    if ((await ctx.certificates.releases.get(userId)).packageFirstAt === null) throw new ConflictError('certificates.errors.packageNotDownloaded');
  };

  const confirmClose = async (req: Request, res: Response) => {
    const userId = userIdOf(req);
    await inScope(req);
    await requireDownloaded(userId);
    res.render('certificates/close-confirm', await closeModel(res, userId));
  };

  const close = async (req: Request, res: Response) => {
    const userId = userIdOf(req);
    await inScope(req);
    await requireDownloaded(userId);
    const form = parseForm(closeSchema, req.body);
    if (!form.ok) return renderFormErrors(res, 'certificates/close-confirm', await closeModel(res, userId), form.errors);
    await documents.closeAfterPackage(userId, originOf(req));
    res.redirect(303, `/trainer/release/${userId}?done=closed`);
  };

  return [
    get('/trainer/release', ['trainer'], list),
    get('/trainer/release/:userId', ['trainer'], show),
    post('/trainer/release/:userId/leaving-date', ['trainer'], setLeaving),
    post('/trainer/release/:userId/levels', ['trainer'], setLevel),
    post('/trainer/release/:userId/appraisal', ['trainer'], setAppraisal),
    get('/trainer/release/:userId/preview.pdf', ['trainer'], preview),
    post('/trainer/release/:userId/issue', ['trainer'], issue),
    post('/trainer/release/:userId/package', ['trainer'], leavingPackage),
    get('/trainer/release/:userId/close', ['trainer'], confirmClose),
    post('/trainer/release/:userId/close', ['trainer'], close),
  ];
}
