/**
 * Verification of a presented credential (a VC-JWT): signature against the issuer's keys, then
 * the registry's status. Used by the public page and the CLI, so both say the same thing.
 */
import type { JWK } from 'jose';
import { certificateIdOf } from './credential/open-badge.ts';
import { checkSignature } from './credential/vc-jwt.ts';
import type { CertificateRecord } from './registry.repository.ts';

/**
 * valide / révoqué (revoked or replaced) / inconnu (not in the registry) / invalide (signature) /
 * pdf_mismatch: the credential attached is genuine, but the PDF around it is not the one issued
 * (its SHA-256 differs from the registry's), e.g. a PDF forged around the genuine attachment.
 */
export type VerificationStatus = 'valid' | 'revoked' | 'replaced' | 'unknown' | 'invalid' | 'unchecked' | 'pdf_mismatch';

/** How a presented PDF compares with the issued one: same bytes, different, or no issued hash to compare with. */
export type PdfBinding = 'issued' | 'not_issued' | 'not_recorded';

export interface VerificationResult {
  status: VerificationStatus;
  /** Why it is not valid, in a few words (English codes; pages translate them). */
  reason: string | null;
  certificateId: string | null;
  record: CertificateRecord | null;
  payload: Record<string, unknown> | null;
  /** Set when a PDF was presented and its registry entry found. */
  pdf?: PdfBinding;
}

export type RegistryLookup = ((id: string) => Promise<CertificateRecord | null>) | null;

const result = (status: VerificationStatus, reason: string | null, extra: Partial<VerificationResult> = {}): VerificationResult => ({
  status,
  reason,
  certificateId: null,
  record: null,
  payload: null,
  ...extra,
});

/** Status of a registry record alone (the page /verify/:id). */
export function recordStatus(record: CertificateRecord | null): VerificationStatus {
  return record === null ? 'unknown' : record.status;
}

/**
 * Without a registry (lookup null) a good signature gives "unchecked": the credential is
 * genuine but its revocation could not be checked.
 */
export async function verifyCredentialJwt(jwt: string, jwks: { keys: JWK[] }, lookup: RegistryLookup): Promise<VerificationResult> {
  const signature = await checkSignature(jwt, jwks);
  if (!signature.ok) return result('invalid', signature.reason);
  const certificateId = certificateIdOf(signature.payload.jti ?? signature.payload.id);
  if (!certificateId) return result('invalid', 'no_certificate_id', { payload: signature.payload });
  if (!lookup) return result('unchecked', 'registry_unreachable', { certificateId, payload: signature.payload });
  const record = await lookup(certificateId);
  if (!record) return result('unknown', 'not_in_registry', { certificateId, payload: signature.payload });
  // A purged record has no JWT any more but keeps the signature: it must be this credential's.
  if (record.signature !== signature.signature) return result('invalid', 'not_the_issued_credential', { certificateId, record, payload: signature.payload });
  return result(record.status, record.status === 'valid' ? null : record.status, { certificateId, record, payload: signature.payload });
}

/**
 * Binds a presented PDF to the registry: the credential inside may be genuine, yet a PDF whose
 * bytes are not the issued ones is not the issued document (it can say anything around it).
 */
export function bindPdf(result: VerificationResult, presentedSha256: string, issuedSha256: string | null): VerificationResult {
  if (result.status === 'invalid' || result.status === 'unknown') return result;
  if (issuedSha256 === null) return { ...result, pdf: 'not_recorded' };
  if (issuedSha256.toLowerCase() === presentedSha256.toLowerCase()) return { ...result, pdf: 'issued' };
  return { ...result, status: 'pdf_mismatch', reason: 'not_the_issued_pdf', pdf: 'not_issued' };
}

export const STATUS_LABELS_FR: Record<VerificationStatus, string> = {
  valid: 'valide',
  revoked: 'révoqué',
  replaced: 'révoqué (remplacé)',
  unknown: 'inconnu',
  invalid: 'invalide',
  unchecked: 'signature valide, révocation non vérifiée',
  pdf_mismatch: "invalide : ce PDF n'est pas celui qui a été délivré",
};

/** Reads a credential file: a bare VC-JWT, an EnvelopedVerifiableCredential JSON, or a JSON with a "jwt" field. */
export function jwtFromText(text: string): string | null {
  const trimmed = text.trim();
  if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(trimmed)) return trimmed;
  try {
    const value: unknown = JSON.parse(trimmed);
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.id === 'string' && record.id.startsWith('data:application/vc+jwt,')) return record.id.slice('data:application/vc+jwt,'.length);
      if (typeof record.jwt === 'string') return record.jwt;
    }
  } catch {
    return null;
  }
  return null;
}
