/** /learner/certificate: the learner downloads their leaving package; the account then closes. */
import type { Request, Response } from 'express';
import type { AppContext } from '../../context.ts';
import { originOf } from '../../http/form.ts';
import { get, post, type RouteSpec } from '../../http/route-table.ts';
import { sendZip } from './downloads.ts';

export function learnerCertificateRoutes(ctx: AppContext): RouteSpec[] {
  const { registry, documents } = ctx.certificates;

  const show = async (req: Request, res: Response) => {
    const [certificate] = await registry.list({ userId: req.session.userId as string, status: 'valid' }, 1);
    // The learner is shown the public code they will give employers, not the internal registry number.
    res.render('certificates/learner-certificate', { title: 'certificates.learner.title', certificate: certificate ?? null, code: certificate ? certificate.verificationCode ?? certificate.number : null });
  };

  const download = async (req: Request, res: Response) => {
    const userId = req.session.userId as string;
    const { name, zip } = await documents.leavingPackage(userId, originOf(req));
    // The account is closed now: this session ends with the download.
    delete req.session.userId;
    delete req.session.role;
    sendZip(res, name, zip);
  };

  return [get('/learner/certificate', ['learner'], show), post('/learner/certificate/package', ['learner'], download)];
}
