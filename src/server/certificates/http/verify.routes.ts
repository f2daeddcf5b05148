/**
 * Public verification, for employers (no login): /verify/:id, a form to check a number or a
 * credential file's content, the issuer's keys (JWKS) and profile.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { get, post, type RouteSpec } from '../../http/route-table.ts';
import type { CertificateRecord } from '../registry.repository.ts';
import { printedNumber } from '../snapshot.ts';
import { jwtFromText, recordStatus, type VerificationStatus } from '../verification.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// No look-up by number: numbers are sequential, and a look-up would let anyone list holders' initials.
const checkSchema = z.object({ credential: z.string().max(200_000, 'errors.tooLong').optional().default('') });

/** What an employer may see: status, dates, issuer, competencies, the holder's initials only. */
function publicView(status: VerificationStatus, record: CertificateRecord | null) {
  const s = record?.snapshot ?? null;
  return {
    status,
    statusKey: `certificates.verify.status.${status}`,
    isValid: status === 'valid',
    // The public code, never the registry's sequential number (which would let anyone list certificates).
    number: record ? record.verificationCode ?? (record.snapshot ? printedNumber(record.snapshot) : null) : null,
    issuedAt: record?.issuedAt ?? null,
    revokedAt: record?.revokedAt ?? null,
    revokedReason: status === 'revoked' ? record?.revokedReason ?? null : null,
    initials: record?.holderInitials ?? null,
    issuerName: s?.issuer.name ?? null,
    training: s ? `${s.training.title} (${s.training.reference})` : null,
    competencyBlocks: s?.competencyBlocks.map((b) => ({ ...b, competencies: b.competencies.map((c) => ({ ...c, levelKey: `certificates.levels.${c.level}` })) })) ?? [],
  };
}

export function verifyRoutes(ctx: AppContext): RouteSpec[] {
  const { registry } = ctx.certificates;
  const view = 'certificates/verify';

  const form = (_req: Request, res: Response) => res.render(view, { title: 'certificates.verify.title', askOnly: true });

  const byId = async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const record = UUID.test(id) ? await registry.findById(id.toLowerCase()) : null;
    const status = recordStatus(record);
    res.status(record ? 200 : 404).set('Cache-Control', 'no-store').render(view, { title: 'certificates.verify.title', result: publicView(status, record) });
  };

  const check = async (req: Request, res: Response) => {
    const parsed = checkSchema.safeParse(req.body ?? {});
    const values = parsed.success ? parsed.data : { credential: '' };
    const jwt = jwtFromText(values.credential);
    if (!jwt) return res.status(400).render(view, { title: 'certificates.verify.title', askOnly: true, errors: { credential: 'certificates.errors.credentialFormat' }, hasErrors: true });
    const verdict = await ctx.certificates.verifyJwt(jwt);
    res.status(verdict.status === 'valid' ? 200 : 422).render(view, { title: 'certificates.verify.title', result: publicView(verdict.status, verdict.status === 'invalid' ? null : verdict.record) });
  };

  const jwks = async (_req: Request, res: Response) => {
    res.type('application/jwk-set+json').set('Cache-Control', 'public, max-age=300').send(JSON.stringify(await ctx.certificates.jwks()));
  };

  const issuer = async (_req: Request, res: Response) => {
    const org = await ctx.certificates.organisation.get();
    const base = await ctx.certificates.issuing.verifyBaseUrl(org);
    res.type('application/json').send(
      JSON.stringify({
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
        id: `${base}/issuer`,
        type: ['Profile'],
        name: org.name,
        url: `${base}/verify`,
        address: { type: ['Address'], addressLocality: org.city },
        verificationMethod: `${base}/.well-known/jwks.json`,
      }),
    );
  };

  // W3C Bitstring Status List §3.3: the list credential, secured as a VC-JWT.
  const statusList = async (_req: Request, res: Response) => {
    res.type('application/vc+jwt').set('Cache-Control', 'public, max-age=300').send(await ctx.certificates.statusList());
  };

  return [
    get('/status/1', 'public', statusList),
    get('/verify', 'public', form),
    post('/verify', 'public', check),
    get('/verify/:id', 'public', byId),
    get('/.well-known/jwks.json', 'public', jwks),
    get('/issuer', 'public', issuer),
  ];
}
