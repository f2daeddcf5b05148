/**
 * Checks a presented file (the PDF, the .jwt or the .json envelope) against a published bundle:
 * the credential's signature, that it is the credential the bundle lists, that the PDF is the
 * one issued (its SHA-256), the revocation bit, and the list's validity. The public page and the
 * offline CLI both use it, so they give the same verdict.
 */
import { certificateIdOf } from '../credential/open-badge.ts';
import { checkSignature } from '../credential/vc-jwt.ts';
import { jwtFromFile } from '../credential-file.ts';
import { sha256Hex } from './bundle-entry.ts';
import type { BundleEntry } from './bundle-format.ts';
import type { PublishedBundle } from './published-bundle.ts';

/** Worst first: a verdict names the first problem found in this order. */
export type BundleVerdictStatus = 'invalid' | 'unknown' | 'not_issued_pdf' | 'revoked' | 'stale' | 'valid';

export interface BundleVerdict {
  status: BundleVerdictStatus;
  reason: string | null;
  entry: BundleEntry | null;
  /** Null when the file is not a PDF, or the registry has no PDF hash (purged). */
  pdfMatches: boolean | null;
  revoked: boolean;
  stale: boolean;
}

/** The status of a listed certificate with no file presented (the page /verify/:id). */
export function entryStatus(bundle: PublishedBundle, entry: BundleEntry, now: Date): 'revoked' | 'stale' | 'valid' {
  if (bundle.isRevoked(entry)) return 'revoked';
  return bundle.isStale(now) ? 'stale' : 'valid';
}

export async function checkFileAgainstBundle(bundle: PublishedBundle, file: Buffer, now: Date): Promise<BundleVerdict> {
  const stale = bundle.isStale(now);
  const verdict = (status: BundleVerdictStatus, reason: string | null, extra: Partial<BundleVerdict> = {}): BundleVerdict => ({ status, reason, entry: null, pdfMatches: null, revoked: false, stale, ...extra });
  const isPdf = file.subarray(0, 5).toString('latin1') === '%PDF-';
  const jwt = await jwtFromFile(file).catch(() => null);
  if (!jwt) return verdict('invalid', 'no_credential_in_file');
  const signature = await checkSignature(jwt, bundle.jwks);
  if (!signature.ok) return verdict('invalid', signature.reason);
  const id = certificateIdOf(signature.payload.jti ?? signature.payload.id);
  const entry = id ? bundle.byId(id) : null;
  if (!entry) return verdict('unknown', 'not_in_registry');
  const revoked = bundle.isRevoked(entry);
  if (entry.credentialSha256 !== null && entry.credentialSha256 !== sha256Hex(jwt)) return verdict('invalid', 'not_the_issued_credential', { entry, revoked });
  const pdfMatches = isPdf && entry.pdfSha256 !== null ? entry.pdfSha256 === sha256Hex(file) : null;
  if (pdfMatches === false) return verdict('not_issued_pdf', 'not_the_issued_pdf', { entry, pdfMatches, revoked });
  if (revoked) return verdict('revoked', 'revoked', { entry, pdfMatches, revoked });
  return verdict(stale ? 'stale' : 'valid', stale ? 'list_past_validity' : null, { entry, pdfMatches, revoked });
}
