/**
 * The verification bundle: what the intranet publishes for the public verification site, in
 * one file signed by the issuer key (a compact JWS over this JSON). It lists, for each
 * certificate, only what an employer may see; docs/certificates.md ("Publishing") lists the
 * fields and the test bundle.privacy.test.ts reads a bundle back to check it. Validated with
 * zod on import: a bundle that does not match is refused before anything is stored.
 */
import { z } from 'zod';

export const BUNDLE_TYPE = 'TremplinVerificationBundle';
export const BUNDLE_VERSION = 1;
/** The JWS "typ" header (RFC 7515 § 4.1.9): a bundle is never mistaken for a credential JWT. */
export const BUNDLE_JWS_TYPE = 'tremplin-verification-bundle+jws';

const isoInstant = z.string().datetime({ offset: true });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const jwk = z.object({ kty: z.string(), crv: z.string().optional(), x: z.string().optional(), kid: z.string().optional(), alg: z.string().optional(), use: z.string().optional() }).strict();

export const bundleCompetencySchema = z.object({ block: z.string(), code: z.string(), label: z.string(), level: z.string() }).strict();

export const bundleEntrySchema = z
  .object({
    /** The random id of the QR code's URL (/verify/:id). */
    id: z.string().uuid(),
    /** The code printed on the certificate, typed by employers. */
    code: z.string().min(1).max(64),
    initials: z.string().max(24),
    issuedAt: isoInstant,
    issueDate: day,
    leavingDate: day.nullable(),
    /** Null once the certificate's personal data was purged: status and hashes stay. */
    training: z.object({ title: z.string(), reference: z.string(), periodStart: day, periodEnd: day }).strict().nullable(),
    /** The hours as the PDF prints them (rounded down to the half hour); null when it prints none. */
    attendanceHours: z.number().min(0).nullable(),
    timeOnTaskHours: z.number().min(0).nullable(),
    /** The competencies the PDF prints (acquired or in progress), with their printed level. */
    competencies: z.array(bundleCompetencySchema),
    statusIndex: z.number().int().min(0),
    pdfSha256: sha256.nullable(),
    credentialSha256: sha256.nullable(),
  })
  .strict();

export const bundlePayloadSchema = z
  .object({
    type: z.literal(BUNDLE_TYPE),
    version: z.literal(BUNDLE_VERSION),
    /** Grows by one at each export: the public site refuses a bundle not newer than its own. */
    sequence: z.number().int().min(1),
    issuedAt: isoInstant,
    issuer: z.object({ id: z.string(), name: z.string() }).passthrough(),
    jwks: z.object({ keys: z.array(jwk).min(1) }).strict(),
    /** A BitstringStatusListCredential as a VC-JWT, signed by the same key. */
    statusList: z.object({ url: z.string().url(), validFrom: isoInstant, validUntil: isoInstant, credential: z.string() }).strict(),
    certificates: z.array(bundleEntrySchema),
  })
  .strict();

export type BundleEntry = z.infer<typeof bundleEntrySchema>;
export type BundlePayload = z.infer<typeof bundlePayloadSchema>;
export type BundleCompetency = z.infer<typeof bundleCompetencySchema>;
