/** /admin/certificates: the registry (admin and trainer): list, search, revoke, re-issue, downloads. */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { fields, formErrorsOf, parseForm, renderFormErrors } from '../../http/form.ts';
import { get, post, type RouteSpec } from '../../http/route-table.ts';
import { searchKey } from '../../text/search-key.ts';
import type { CertificateStatus } from '../registry.repository.ts';
import { sendDownload, sendPdf, sendZip } from './downloads.ts';

const STAFF = ['admin', 'trainer'] as const;
const STATUSES: CertificateStatus[] = ['valid', 'revoked', 'replaced'];
const revokeSchema = z.object({ reason: fields.text(300) });

export function registryRoutes(ctx: AppContext): RouteSpec[] {
  const { registry, issuing, documents } = ctx.certificates;

  /** Admins see the whole registry; a trainer sees the certificates of the cohorts they train. */
  const trainerCohorts = async (req: Request): Promise<Set<string> | null> =>
    req.session.role === 'trainer' ? new Set((await ctx.followup.scope.cohortsOf(req.session.userId as string)).map((c) => c.id)) : null;

  const requireVisible = async (req: Request) => {
    const record = await issuing.require(String(req.params.id));
    const cohorts = await trainerCohorts(req);
    if (cohorts && !(record.cohortId && cohorts.has(record.cohortId))) throw new ForbiddenError();
    return record;
  };

  const list = async (req: Request, res: Response) => {
    const q = typeof req.query.q === 'string' ? req.query.q.trim().slice(0, 100) : '';
    const status = STATUSES.find((s) => s === req.query.status);
    const cohortId = typeof req.query.cohort === 'string' && req.query.cohort !== '' ? req.query.cohort : undefined;
    const visible = await trainerCohorts(req);
    const records = (await registry.list({ search: q === '' ? undefined : searchKey(q), status, cohortId })).filter((r) => !visible || (r.cohortId !== null && visible.has(r.cohortId)));
    const cohorts = (await ctx.repositories.cohorts.list()).filter((c) => !visible || visible.has(c.id));
    res.render('certificates/registry', {
      title: 'certificates.registry.title',
      q,
      status: status ?? '',
      statuses: STATUSES.map((s) => ({ value: s, selected: s === status })),
      cohorts: cohorts.map((c) => ({ ...c, selected: c.id === cohortId })),
      cohortId: cohortId ?? '',
      records: records.map((r) => ({ ...r, holderName: r.snapshot?.holder.fullName ?? r.holderInitials })),
    });
  };

  const detailModel = async (req: Request, extra: Record<string, unknown> = {}) => {
    const record = await requireVisible(req);
    return { title: 'certificates.registry.detailTitle', record, snapshot: record.snapshot, ...extra };
  };

  const show = async (req: Request, res: Response) => res.render('certificates/certificate', await detailModel(req));

  const pdf = async (req: Request, res: Response) => {
    const record = await requireVisible(req);
    sendPdf(res, `attestation-${record.verificationCode ?? record.number}.pdf`, await issuing.pdf(record), true);
  };

  const credential = async (req: Request, res: Response) => {
    const record = await requireVisible(req);
    if (!record.credentialJwt) throw new NotFoundError('certificates.errors.purged');
    sendDownload(res, 'application/jwt', `attestation-${record.verificationCode ?? record.number}.jwt`, Buffer.from(`${record.credentialJwt}\n`));
  };

  const revoke = async (req: Request, res: Response) => {
    const id = String(req.params.id);
    await requireVisible(req);
    const form = parseForm(revokeSchema, req.body);
    if (!form.ok) return renderFormErrors(res, 'certificates/certificate', await detailModel(req, { values: form.values }), form.errors);
    try {
      await issuing.revoke(id, form.values.reason);
    } catch (err) {
      const formErr = formErrorsOf(err);
      if (!formErr) throw err;
      return renderFormErrors(res, 'certificates/certificate', await detailModel(req), formErr.errors, formErr.status);
    }
    res.redirect(303, `/admin/certificates/${id}`);
  };

  const reissue = async (req: Request, res: Response) => {
    await requireVisible(req);
    const fresh = await issuing.reissue(String(req.params.id), req.session.userId as string);
    res.redirect(303, `/admin/certificates/${fresh.id}`);
  };

  const cohortZip = async (req: Request, res: Response) => {
    const cohort = await ctx.repositories.cohorts.findById(String(req.params.cohortId));
    if (!cohort) throw new NotFoundError();
    const visible = await trainerCohorts(req);
    if (visible && !visible.has(cohort.id)) throw new ForbiddenError();
    sendZip(res, `attestations-${cohort.name}.zip`, await documents.cohortZip(cohort.id));
  };

  return [
    get('/admin/certificates', STAFF, list),
    get('/admin/certificates/cohorts/:cohortId/zip', STAFF, cohortZip),
    get('/admin/certificates/:id', STAFF, show),
    get('/admin/certificates/:id/pdf', STAFF, pdf),
    get('/admin/certificates/:id/credential', STAFF, credential),
    post('/admin/certificates/:id/revoke', STAFF, revoke),
    post('/admin/certificates/:id/reissue', STAFF, reissue),
  ];
}
