/** /admin/organisation: who issues the certificates, the logo, the printing options; learners' birth dates. */
import type { Request, Response } from 'express';
import PDFDocument from 'pdfkit';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { fields, formErrorsOf, parseForm, renderFormErrors } from '../../http/form.ts';
import { get, post, type RouteSpec } from '../../http/route-table.ts';
import { forbiddenWordsIn } from '../forbidden-words.ts';
import { DEFAULT_LOGO } from '../pdf/certificate-pdf.ts';
import { publicUrlProblems } from '../public-url-check.ts';
import type { Organisation } from '../organisation.ts';
import { imageTypeOf, readUploadedFile } from './multipart-file.ts';
import { pngProblem } from '../png-check.ts';
import fs from 'node:fs';

export const LOGO_MAX_BYTES = 512 * 1024;

const optionalText = (max: number) => z.string().trim().max(max, 'errors.tooLong').optional().default('');
const checkbox = z
  .union([z.literal('on'), z.literal('1'), z.literal('')])
  .optional()
  .transform((v) => v === 'on' || v === '1');

const organisationSchema = z
  .object({
    name: fields.text(160),
    address: optionalText(400),
    city: fields.text(80),
    signatoryName: fields.text(120),
    signatoryTitle: fields.text(120),
    verifyBaseUrl: z
      .string()
      .trim()
      .max(300, 'errors.tooLong')
      .refine((v) => v === '' || /^https?:\/\/[^\s/]+(?:\/[^\s]*)?$/.test(v), 'certificates.errors.verifyUrl')
      .optional()
      .default(''),
    showBirthDate: checkbox,
    showTrainingPlace: checkbox,
    trainingPlace: optionalText(200),
  })
  .refine((o) => !o.showTrainingPlace || o.trainingPlace !== '', { message: 'certificates.errors.trainingPlaceRequired', path: ['trainingPlace'] });

/**
 * What the organisation form may not save: texts printed on every certificate that name
 * detention, and a verification address employers could not use or that names it (issue 12).
 * Issuing checks the same again; refusing here tells the admin at once.
 */
function revealingOrganisationFields(v: z.infer<typeof organisationSchema>, baseUrl: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of ['name', 'address', 'city', 'signatoryName', 'signatoryTitle', 'trainingPlace'] as const) {
    if (forbiddenWordsIn(v[field]).length > 0) errors[field] = 'certificates.errors.organisationRevealing';
  }
  if (v.verifyBaseUrl !== '') {
    const problem = publicUrlProblems({ verifyBaseUrl: v.verifyBaseUrl, baseUrls: [baseUrl] }).find((p) => p.startsWith('verifyBaseUrl'));
    if (problem) errors.verifyBaseUrl = `certificates.errors.${problem}`;
  }
  return errors;
}

const birthDateSchema = z.object({ birthDate: z.union([z.literal(''), fields.date()]) });

function formValues(o: Organisation): Record<string, unknown> {
  return { ...o, address: o.addressLines.join('\n'), verifyBaseUrl: o.verifyBaseUrl ?? '' };
}

/** Refuses an image pdfkit could not draw, so that issuing never fails on it later. */
function checkDrawable(data: Buffer, type: 'image/png' | 'image/jpeg'): void {
  const problem = type === 'image/png' ? pngProblem(data) : null;
  if (problem === 'dimensions') throw new BadRequestError('certificates.errors.logoDimensions', { logo: 'certificates.errors.logoDimensions' });
  if (problem) throw new BadRequestError('certificates.errors.logoFormat', { logo: 'certificates.errors.logoFormat' });
  try {
    new PDFDocument({ autoFirstPage: true }).image(data, 0, 0, { width: 10 });
  } catch {
    throw new BadRequestError('certificates.errors.logoFormat', { logo: 'certificates.errors.logoFormat' });
  }
}

export function organisationRoutes(ctx: AppContext): RouteSpec[] {
  const { organisation, release, releases } = ctx.certificates;
  const view = 'certificates/organisation';

  const model = async (extra: Record<string, unknown> = {}) => {
    const org = await organisation.get();
    return { title: 'certificates.organisation.title', values: formValues(org), hasLogo: org.logoSha256 !== null, defaultVerifyBaseUrl: ctx.config.verifyBaseUrl, logoMaxKb: LOGO_MAX_BYTES / 1024, ...extra };
  };

  const show = async (req: Request, res: Response) => res.render(view, await model({ saved: req.query.saved === '1' }));

  const save = async (req: Request, res: Response) => {
    const form = parseForm(organisationSchema, req.body);
    if (!form.ok) return renderFormErrors(res, view, { ...(await model()), values: form.values }, form.errors);
    const v = form.values;
    const revealing = revealingOrganisationFields(v, ctx.config.baseUrl);
    if (Object.keys(revealing).length > 0) return renderFormErrors(res, view, { ...(await model()), values: v }, revealing);
    const current = await organisation.get();
    await organisation.save({
      ...current,
      name: v.name,
      addressLines: v.address.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== ''),
      city: v.city,
      signatoryName: v.signatoryName,
      signatoryTitle: v.signatoryTitle,
      verifyBaseUrl: v.verifyBaseUrl === '' ? null : v.verifyBaseUrl.replace(/\/+$/, ''),
      showBirthDate: v.showBirthDate,
      showTrainingPlace: v.showTrainingPlace,
      trainingPlace: v.trainingPlace,
    });
    res.redirect(303, '/admin/organisation?saved=1');
  };

  const uploadLogo = async (req: Request, res: Response) => {
    try {
      const file = await readUploadedFile(req, 'logo', LOGO_MAX_BYTES);
      const type = file ? imageTypeOf(file.data) : null;
      if (!file || !type) throw new BadRequestError('certificates.errors.logoFormat', { logo: 'certificates.errors.logoFormat' });
      checkDrawable(file.data, type);
      const sha256 = await organisation.putAsset(file.data, type, ctx.clock().toISOString());
      await organisation.save({ ...(await organisation.get()), logoSha256: sha256 });
    } catch (err) {
      const formErr = formErrorsOf(err);
      if (!formErr) throw err;
      return renderFormErrors(res, view, await model(), formErr.errors, formErr.status);
    }
    res.redirect(303, '/admin/organisation?saved=1');
  };

  const removeLogo = async (_req: Request, res: Response) => {
    await organisation.save({ ...(await organisation.get()), logoSha256: null });
    res.redirect(303, '/admin/organisation?saved=1');
  };

  const logo = async (_req: Request, res: Response) => {
    const org = await organisation.get();
    const asset = org.logoSha256 ? await organisation.asset(org.logoSha256) : null;
    res.type(asset?.mediaType ?? 'image/png').set('Cache-Control', 'no-store').send(asset?.data ?? fs.readFileSync(DEFAULT_LOGO));
  };

  const birthDatesModel = async (extra: Record<string, unknown> = {}) => {
    const learners = await ctx.repositories.users.list({ role: 'learner' });
    const rows = await Promise.all(learners.map(async (u) => ({ user: u, birthDate: (await releases.get(u.id)).birthDate ?? '' })));
    return { title: 'certificates.birthDates.title', rows, ...extra };
  };

  const birthDates = async (req: Request, res: Response) => res.render('certificates/birth-dates', await birthDatesModel({ saved: req.query.saved === '1' }));

  const saveBirthDate = async (req: Request, res: Response) => {
    const userId = String(req.params.userId);
    await release.learner(userId).catch(() => {
      throw new NotFoundError();
    });
    const form = parseForm(birthDateSchema, req.body);
    if (!form.ok) return renderFormErrors(res, 'certificates/birth-dates', await birthDatesModel({ errorUserId: userId }), form.errors);
    await release.setBirthDate(userId, form.values.birthDate === '' ? null : form.values.birthDate, req.session.userId as string);
    res.redirect(303, '/admin/organisation/birth-dates?saved=1');
  };

  return [
    get('/admin/organisation', ['admin'], show),
    post('/admin/organisation', ['admin'], save),
    post('/admin/organisation/logo', ['admin'], uploadLogo),
    post('/admin/organisation/logo/remove', ['admin'], removeLogo),
    get('/admin/organisation/logo', ['admin'], logo),
    get('/admin/organisation/birth-dates', ['admin'], birthDates),
    post('/admin/organisation/birth-dates/:userId', ['admin'], saveBirthDate),
  ];
}
