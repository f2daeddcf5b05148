/**
 * /learner/certificate: the learner downloads their leaving package, again if need be for a few
 * days, then confirms they have it, which closes the account (issue 13).
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ConflictError } from '../../errors.ts';
import { originOf, parseForm, renderFormErrors } from '../../http/form.ts';
import { tr } from '../../http/locale.ts';
import { get, post, type RouteSpec } from '../../http/route-table.ts';
import { sendZip } from './downloads.ts';
import { packageState } from './package-state.ts';

const confirmSchema = z.object({ confirm: z.literal('yes', { message: 'certificates.learner.closeConfirm.required' }) });

export function learnerCertificateRoutes(ctx: AppContext): RouteSpec[] {
  const { registry, documents, releases } = ctx.certificates;
  const userIdOf = (req: Request) => req.session.userId as string;

  const show = async (req: Request, res: Response) => {
    const [certificate] = await registry.list({ userId: userIdOf(req), status: 'valid' }, 1);
    // The learner is shown the public code they will give employers, not the internal registry number.
    res.render('certificates/learner-certificate', {
      title: 'certificates.learner.title',
      certificate: certificate ?? null,
      code: certificate ? certificate.verificationCode ?? certificate.number : null,
      package: packageState(await releases.get(userIdOf(req)), ctx.clock()),
      recordings: (await ctx.calls.voice.listForUser(userIdOf(req))).length,
    });
  };

  /** The account stays open: closing it is the learner's own, confirmed, step. */
  const download = async (req: Request, res: Response) => {
    // The recordings of their voice go in only if they tick the box (issue 14).
    const withRecordings = (req.body as Record<string, unknown> | undefined)?.withRecordings === 'yes';
    const { name, zip } = await documents.leavingPackage(userIdOf(req), { withRecordings });
    sendZip(res, name, zip);
  };

  const confirmModel = (res: Response) => {
    const t = tr(res);
    return {
      title: 'certificates.learner.closeConfirm.title',
      heading: t('certificates.learner.closeConfirm.heading'),
      warning: t('certificates.learner.closeConfirm.warning'),
      confirmLabel: t('certificates.learner.closeConfirm.confirm'),
      submitLabel: t('certificates.learner.closeConfirm.submit'),
      action: '/learner/certificate/close',
      cancelHref: '/learner/certificate',
    };
  };

  const requireDownloaded = async (userId: string) => {
    if ((await releases.get(userId)).packageFirstAt === null) throw new ConflictError('certificates.errors.packageNotDownloaded');
  };

  const confirmClose = async (req: Request, res: Response) => {
    await requireDownloaded(userIdOf(req));
    res.render('certificates/close-confirm', confirmModel(res));
  };

  const close = async (req: Request, res: Response) => {
    const userId = userIdOf(req);
    await requireDownloaded(userId);
    const form = parseForm(confirmSchema, req.body);
    if (!form.ok) return renderFormErrors(res, 'certificates/close-confirm', confirmModel(res), form.errors);
    await documents.closeAfterPackage(userId, originOf(req));
    // The account is closed now: this session ends here, and the page no longer shows who was logged in.
    delete req.session.userId;
    delete req.session.role;
    for (const key of ['user', 'homePath', 'isRole', 'navExtra']) delete res.locals[key];
    res.render('certificates/account-closed', { title: 'certificates.learner.closedTitle' });
  };

  return [
    get('/learner/certificate', ['learner'], show),
    post('/learner/certificate/package', ['learner'], download),
    get('/learner/certificate/close', ['learner'], confirmClose),
    post('/learner/certificate/close', ['learner'], close),
  ];
}
