/**
 * The revocation list as a W3C BitstringStatusListCredential (Bitstring Status List v1.0 § 2.2),
 * signed as a VC-JWT like the certificates, with a validity window (validFrom, validUntil): past
 * validUntil a verifier must treat the list as stale, and the public page says so.
 */
import type { JWK } from 'jose';
import { VC_CONTEXT } from '../credential/open-badge.ts';
import type { SigningKey } from '../credential/signing-key.ts';
import { checkSignature, signCredential } from '../credential/vc-jwt.ts';
import { bitAt, decodeBitstring, encodeBitstring } from './bitstring.ts';

/** Where the public site serves the list; credentials' status entries point here. */
export const STATUS_LIST_PATH = '/status/revocation';

export interface StatusListInput {
  verifyBase: string;
  issuer: { id: string; name: string };
  validFrom: string;
  validUntil: string;
  revokedIndices: readonly number[];
}

export function statusListCredential(input: StatusListInput) {
  const url = `${input.verifyBase}${STATUS_LIST_PATH}`;
  return {
    '@context': [VC_CONTEXT],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuer,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodeBitstring(input.revokedIndices) },
  };
}

export async function signStatusList(input: StatusListInput, key: SigningKey): Promise<{ url: string; jwt: string }> {
  const credential = statusListCredential(input);
  return { url: credential.id, jwt: await signCredential(credential, key) };
}

/** The revocation bits of a signed list, or null when its signature or shape is wrong. */
export async function readStatusList(jwt: string, jwks: { keys: JWK[] }): Promise<{ isRevoked(index: number): boolean; validUntil: string } | null> {
  const checked = await checkSignature(jwt, jwks);
  if (!checked.ok) return null;
  const subject = checked.payload.credentialSubject as { encodedList?: unknown; statusPurpose?: unknown } | undefined;
  const bits = typeof subject?.encodedList === 'string' && subject.statusPurpose === 'revocation' ? decodeBitstring(subject.encodedList) : null;
  if (!bits || typeof checked.payload.validUntil !== 'string') return null;
  return { isRevoked: (index) => bitAt(bits, index), validUntil: checked.payload.validUntil };
}
