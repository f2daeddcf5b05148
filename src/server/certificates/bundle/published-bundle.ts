/**
 * A bundle that passed readBundle, as the public site and the offline CLI consult it: look-ups
 * by id (QR code) and by printed code, the revocation bit of an entry, and whether the list is
 * past its validity.
 */
import type { JWK } from 'jose';
import { normaliseVerificationCode } from '../verification-code.ts';
import type { BundleEntry, BundlePayload } from './bundle-format.ts';

export interface PublishedBundle {
  payload: BundlePayload;
  sha256: string;
  kid: string;
  jwks: { keys: JWK[] };
  byId(id: string): BundleEntry | null;
  byCode(code: string): BundleEntry | null;
  isRevoked(entry: BundleEntry): boolean;
  /** The list's validUntil has passed: its "valid" may be out of date. */
  isStale(now: Date): boolean;
}

/**
 * Codes as people type them: verification-code.ts reads a random code (Crockford); a certificate
 * issued before those codes prints its number, compared without case, spaces or dashes.
 */
export const normaliseCode = (code: string): string => normaliseVerificationCode(code) ?? code.toUpperCase().replace(/[\s\u00a0_.-]+/g, '');

export function publishedBundle(read: { bundle: BundlePayload; sha256: string; kid: string; statusList: { isRevoked(index: number): boolean } }): PublishedBundle {
  const { bundle } = read;
  const ids = new Map(bundle.certificates.map((e) => [e.id, e]));
  const codes = new Map(bundle.certificates.map((e) => [normaliseCode(e.code), e]));
  return {
    payload: bundle,
    sha256: read.sha256,
    kid: read.kid,
    jwks: bundle.jwks as { keys: JWK[] },
    byId: (id) => ids.get(id.toLowerCase()) ?? null,
    byCode: (code) => codes.get(normaliseCode(code)) ?? null,
    isRevoked: (entry) => read.statusList.isRevoked(entry.statusIndex),
    isStale: (now) => now.toISOString() > bundle.statusList.validUntil,
  };
}
