/**
 * Public verification, for employers (no login): /verify/:id (the QR code), the code printed on
 * the PDF typed in a GET form, a PDF or credential file checked against what was issued, the
 * pasted content of a credential, the issuer's keys (JWKS) and profile, and the status list.
 */
import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { formErrorsOf } from '../../http/form.ts';
import { get, post, type RouteSpec } from '../../http/route-table.ts';
import { isLocale } from '../../i18n/catalogue.ts';
import { jwtFromFile } from '../credential-file.ts';
import { hoursText, issuedFacts, trainingText } from '../issued-facts.ts';
import { issuerProfile } from '../credential/issuer-profile.ts';
import type { CertificateRecord } from '../registry.repository.ts';
import { printedCompetencyBlocks } from '../snapshot.ts';
import { normaliseVerificationCode } from '../verification-code.ts';
import { bindPdf, jwtFromText, recordStatus, type PdfBinding, type VerificationResult, type VerificationStatus } from '../verification.ts';
import { readUploadedFile } from './multipart-file.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const checkSchema = z.object({ credential: z.string().max(200_000, 'errors.tooLong').optional().default('') });
const FILE_MAX_BYTES = 5 * 1024 * 1024;

/**
 * What an employer may see: the verdict and what was issued (code, dates, hours, levels, the
 * issued PDF's SHA-256), the holder's initials only. Never the sequential registry number, and
 * never the revocation reason (it stays internal).
 */
function publicView(status: VerificationStatus, record: CertificateRecord | null, locale: string, pdf: PdfBinding | null = null) {
  const f = record ? issuedFacts(record) : null;
  const s = record?.snapshot ?? null;
  return {
    status,
    statusKey: `certificates.verify.status.${status}`,
    isValid: status === 'valid',
    pdfKey: pdf ? `certificates.verify.pdf.${pdf}` : null,
    pdfIssued: pdf === 'issued',
    number: f?.code ?? null,
    issuedAt: record?.issuedAt ?? null,
    leavingDate: f?.leavingDate ?? null,
    revokedAt: record?.revokedAt ?? null,
    initials: f?.initials ?? null,
    issuerName: f?.issuerName ?? null,
    training: f?.training ? trainingText(f.training) : null,
    attendanceHours: f?.attendanceHours != null ? hoursText(f.attendanceHours, locale) : null,
    onTaskHours: f?.timeOnTaskHours != null ? hoursText(f.timeOnTaskHours, locale) : null,
    pdfSha256: f?.pdfSha256 ?? null,
    competencyBlocks: (s ? printedCompetencyBlocks(s.competencyBlocks) : []).map((b) => ({ ...b, competencies: b.competencies.map((c) => ({ ...c, levelKey: `certificates.levels.${c.level}` })) })),
  };
}

export function verifyRoutes(ctx: AppContext): RouteSpec[] {
  const { registry } = ctx.certificates;
  const view = 'certificates/verify';
  const localeOf = (res: Response) => (isLocale(res.locals.locale) ? res.locals.locale : 'fr');
  const page = (res: Response, status: number, model: Record<string, unknown>) =>
    res.status(status).set('Cache-Control', 'no-store').render(view, { title: 'certificates.verify.title', ...model });
  const verdictPage = (res: Response, verdict: VerificationResult) => {
    const shown = verdict.status === 'invalid' ? null : verdict.record;
    page(res, verdict.status === 'valid' ? 200 : 422, { result: publicView(verdict.status, shown, localeOf(res), verdict.pdf ?? null) });
  };

  /** The form, or the certificate whose printed code was typed (GET, so the answer can be bookmarked). */
  const form = async (req: Request, res: Response) => {
    if (typeof req.query.code !== 'string') return page(res, 200, { askOnly: true });
    const typed = req.query.code.slice(0, 100);
    const code = normaliseVerificationCode(typed);
    if (!code) return page(res, 400, { askOnly: true, code: typed, errors: { code: 'certificates.errors.codeFormat' }, hasErrors: true });
    const record = await registry.findByVerificationCode(code);
    page(res, record ? 200 : 404, { code, result: publicView(recordStatus(record), record, localeOf(res)) });
  };

  const byId = async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const record = UUID.test(id) ? await registry.findById(id.toLowerCase()) : null;
    page(res, record ? 200 : 404, { result: publicView(recordStatus(record), record, localeOf(res)) });
  };

  const check = async (req: Request, res: Response) => {
    const parsed = checkSchema.safeParse(req.body ?? {});
    const values = parsed.success ? parsed.data : { credential: '' };
    const jwt = jwtFromText(values.credential);
    if (!jwt) return page(res, 400, { askOnly: true, errors: { credential: 'certificates.errors.credentialFormat' }, hasErrors: true });
    verdictPage(res, await ctx.certificates.verifyJwt(jwt));
  };

  /** An uploaded PDF (checked against the issued one, byte for byte), .jwt or .json. */
  const checkFile = async (req: Request, res: Response) => {
    const refuse = () => page(res, 400, { askOnly: true, errors: { file: 'certificates.errors.fileFormat' }, hasErrors: true });
    let data: Buffer;
    try {
      const file = await readUploadedFile(req, 'file', FILE_MAX_BYTES, 'certificates.errors.fileFormat');
      if (!file) return refuse();
      data = file.data;
    } catch (err) {
      if (formErrorsOf(err)) return refuse();
      throw err;
    }
    const jwt = await jwtFromFile(data).catch(() => null);
    if (!jwt) return refuse();
    const verdict = await ctx.certificates.verifyJwt(jwt);
    const isPdf = data.subarray(0, 5).toString('latin1') === '%PDF-';
    verdictPage(res, isPdf && verdict.record ? bindPdf(verdict, crypto.createHash('sha256').update(data).digest('hex'), verdict.record.pdfSha256) : verdict);
  };

  const jwks = async (_req: Request, res: Response) => {
    res.type('application/jwk-set+json').set('Cache-Control', 'public, max-age=300').send(JSON.stringify(await ctx.certificates.jwks()));
  };

  const issuer = async (_req: Request, res: Response) => {
    const org = await ctx.certificates.organisation.get();
    const base = await ctx.certificates.issuing.verifyBaseUrl(org);
    res.type('application/json').send(JSON.stringify(issuerProfile(org, base)));
  };

  // W3C Bitstring Status List §3.3: the list credential, secured as a VC-JWT.
  const statusList = async (_req: Request, res: Response) => {
    res.type('application/vc+jwt').set('Cache-Control', 'public, max-age=300').send(await ctx.certificates.statusList());
  };

  return [
    get('/status/1', 'public', statusList),
    get('/verify', 'public', form),
    post('/verify', 'public', check),
    post('/verify/file', 'public', checkFile),
    get('/verify/:id', 'public', byId),
    get('/.well-known/jwks.json', 'public', jwks),
    get('/issuer', 'public', issuer),
  ];
}
