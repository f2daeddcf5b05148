/**
 * The public verification site (TREMPLIN_MODE=verify), for employers: /verify (a code field and
 * a PDF upload), /verify/:id (the QR code's URL), the issuer profile, its keys and the
 * revocation list, all from the last imported bundle. No login and no LMS page exists here.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { readMultipart } from '../../http/multipart.ts';
import { get, post, type RouteSpec } from '../../http/route-table.ts';
import { checkFileAgainstBundle, entryStatus, type BundleVerdictStatus } from '../bundle/bundle-check.ts';
import type { BundleEntry } from '../bundle/bundle-format.ts';
import type { PublishedBundle } from '../bundle/published-bundle.ts';
import { hoursText } from '../issued-facts.ts';
import { STATUS_LIST_PATH } from '../status-list.ts';

const VIEW = 'certificates/verify-site';
const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * What a typed code may hold: letters, digits, spaces, dashes and dots (a TRP-XXXX-XXXX code, or
 * the registry number an older certificate printed), with at least four letters or digits.
 * Anything else is not a code: it is refused with its own message before any look-up.
 */
const CODE_SHAPE = /^[A-Z0-9\s._\-\u2010-\u2015]*$/i;
const codeSchema = z.object({
  code: z
    .string({ message: 'verifysite.errors.codeFormat' })
    .transform((typed) => typed.normalize('NFKC').trim())
    .pipe(
      z
        .string()
        .max(64, 'verifysite.errors.codeTooLong')
        .regex(CODE_SHAPE, 'verifysite.errors.codeFormat')
        .refine((code) => code === '' || (code.match(/[A-Z0-9]/gi)?.length ?? 0) >= 4, 'verifysite.errors.codeFormat'),
    )
    .optional(),
});

type PageStatus = BundleVerdictStatus;

function resultView(status: PageStatus, entry: BundleEntry | null, locale: unknown, pdfMatches: boolean | null = null) {
  const lang = locale === 'en' ? 'en' : 'fr';
  return {
    statusKey: `verifysite.status.${status}`,
    isValid: status === 'valid',
    entry,
    training: entry?.training ?? null,
    // Hours as the PDF prints them, formatted as the intranet's verification page does.
    attendance: entry?.attendanceHours != null ? hoursText(entry.attendanceHours, lang) : null,
    timeOnTask: entry?.timeOnTaskHours != null ? hoursText(entry.timeOnTaskHours, lang) : null,
    competencies: (entry?.competencies ?? []).map((c) => ({ ...c, levelKey: `certificates.levels.${c.level}` })),
    pdfChecked: pdfMatches !== null,
    pdfMatches,
  };
}

export function verifySiteRoutes(ctx: AppContext): RouteSpec[] {
  const { published } = ctx.certificates.bundles;

  const page = (res: Response, bundle: PublishedBundle | null, extra: Record<string, unknown>, status = 200) => {
    const p = bundle?.payload;
    const list = p ? { sequence: p.sequence, issuedAt: p.issuedAt, validUntil: p.statusList.validUntil, stale: bundle.isStale(ctx.clock()) } : null;
    res
      .status(status)
      .set('Cache-Control', 'no-store')
      .render(VIEW, { title: 'verifysite.title', list, issuerName: p?.issuer.name ?? null, statusListPath: STATUS_LIST_PATH, ...extra });
  };

  const showEntry = (res: Response, bundle: PublishedBundle | null, entry: BundleEntry | null, extra: Record<string, unknown> = {}) => {
    const status: PageStatus = bundle && entry ? entryStatus(bundle, entry, ctx.clock()) : 'unknown';
    page(res, bundle, { result: resultView(status, entry, res.locals.locale), ...extra }, entry ? 200 : 404);
  };

  const form = async (req: Request, res: Response) => {
    const bundle = await published.current();
    const parsed = codeSchema.safeParse(req.query);
    if (!parsed.success) return page(res, bundle, { errors: { code: parsed.error.issues[0]?.message }, hasErrors: true }, 400);
    const code = parsed.data.code;
    if (code === undefined) return page(res, bundle, {});
    if (code === '') return page(res, bundle, { errors: { code: 'verifysite.errors.codeMissing' }, hasErrors: true }, 400);
    const entry = bundle?.byCode(code) ?? null;
    if (!entry) return page(res, bundle, { code, result: resultView('unknown', null, res.locals.locale), errors: { code: 'verifysite.errors.codeUnknown' }, hasErrors: true }, 404);
    showEntry(res, bundle, entry, { code });
  };

  const byId = async (req: Request, res: Response) => {
    const bundle = await published.current();
    const id = String(req.params.id);
    showEntry(res, bundle, UUID.test(id) ? (bundle?.byId(id) ?? null) : null);
  };

  const document = async (req: Request, res: Response) => {
    const bundle = await published.current();
    let data: Buffer | undefined;
    try {
      const form = await readMultipart(req, MAX_DOCUMENT_BYTES, 'verifysite.errors.documentMissing', { document: 'verifysite.errors.documentMissing' });
      data = form.files.get('document')?.data;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return page(res, bundle, { errors: { document: err.status === 413 ? 'verifysite.errors.documentTooLarge' : 'verifysite.errors.documentMissing' }, hasErrors: true }, err.status);
    }
    if (!data || data.length === 0) return page(res, bundle, { errors: { document: 'verifysite.errors.documentMissing' }, hasErrors: true }, 400);
    if (!bundle) return page(res, bundle, { result: resultView('unknown', null, res.locals.locale) }, 404);
    const verdict = await checkFileAgainstBundle(bundle, data, ctx.clock());
    if (verdict.reason === 'no_credential_in_file') return page(res, bundle, { errors: { document: 'verifysite.errors.documentFormat' }, hasErrors: true }, 400);
    page(res, bundle, { result: resultView(verdict.status, verdict.entry, res.locals.locale, verdict.pdfMatches) }, verdict.status === 'valid' ? 200 : 422);
  };

  /** The documents the bundle carries, served as they were signed. */
  const carried = (type: string, body: (b: PublishedBundle) => string) => async (_req: Request, res: Response) => {
    const bundle = await published.current();
    if (!bundle) return res.status(404).json({ error: 'not_found', message: 'no verification bundle loaded' });
    res.type(type).set('Cache-Control', 'public, max-age=300').send(body(bundle));
  };

  return [
    get('/', 'public', (_req, res) => res.redirect(303, '/verify')),
    get('/verify', 'public', form),
    get('/verify/:id', 'public', byId),
    post('/verify/document', 'public', document),
    get('/.well-known/jwks.json', 'public', carried('application/jwk-set+json', (b) => JSON.stringify(b.jwks))),
    get('/issuer', 'public', carried('application/json', (b) => JSON.stringify(b.payload.issuer))),
    get(STATUS_LIST_PATH, 'public', carried('application/vc+jwt', (b) => b.payload.statusList.credential)),
  ];
}
