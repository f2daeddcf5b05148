/**
 * Reading the bundle's BitstringStatusListCredential (built by ../status-list.ts): its signature,
 * its revocation bits and the end of its validity window.
 */
import type { JWK } from 'jose';
import { checkSignature } from '../credential/vc-jwt.ts';
import { decodeStatusBits, STATUS_PURPOSE, statusBitAt } from '../status-list.ts';

export interface ReadStatusList {
  isRevoked(index: number): boolean;
  validUntil: string;
}

function bitsOf(encodedList: unknown): Buffer | null {
  if (typeof encodedList !== 'string') return null;
  try {
    return decodeStatusBits(encodedList);
  } catch {
    return null;
  }
}

/** Null when the list's signature or shape is wrong. An index beyond the list reads as revoked: it cannot be vouched for. */
export async function readStatusList(jwt: string, jwks: { keys: JWK[] }): Promise<ReadStatusList | null> {
  const checked = await checkSignature(jwt, jwks);
  if (!checked.ok) return null;
  const subject = checked.payload.credentialSubject as { encodedList?: unknown; statusPurpose?: unknown } | undefined;
  const bits = subject?.statusPurpose === STATUS_PURPOSE ? bitsOf(subject.encodedList) : null;
  if (!bits || typeof checked.payload.validUntil !== 'string') return null;
  return { isRevoked: (index) => index >= bits.length * 8 || statusBitAt(bits, index), validUntil: checked.payload.validUntil };
}
