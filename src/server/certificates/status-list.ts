/**
 * W3C Bitstring Status List v1.0 (https://www.w3.org/TR/vc-bitstring-status-list/), the status
 * method of Open Badges 3.0: each credential carries a BitstringStatusListEntry (its index in one
 * list); the list credential holds one bit per index, 1 = revoked. Pure, apart from the random
 * index draw; served at /status/1 and carried in the verification bundle.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { VC_CONTEXT, type CredentialPayload } from './credential/open-badge.ts';
import type { SigningKey } from './credential/signing-key.ts';
import { signCredential } from './credential/vc-jwt.ts';

/** §6.1 "Herd privacy": a list of at least 16 KB (131,072 bits), so one entry tells nothing. */
export const STATUS_LIST_LENGTH = 131_072;
export const STATUS_PURPOSE = 'revocation';
/** One list for the whole registry (the URL keeps a number so that a second list can follow). */
export const STATUS_LIST_PATH = '/status/1';

export interface StatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: typeof STATUS_PURPOSE;
  /** §2.1: a string holding the integer index. */
  statusListIndex: string;
  statusListCredential: string;
}

export const statusListUrl = (verifyBase: string): string => `${verifyBase.replace(/\/+$/, '')}${STATUS_LIST_PATH}`;

/** Indexes are drawn at random (§6.3: a sequential index would tell the order of issue). */
export const randomStatusIndex = (): number => crypto.randomInt(0, STATUS_LIST_LENGTH);

export function statusListEntry(verifyBase: string, index: number): StatusListEntry {
  const list = statusListUrl(verifyBase);
  return { id: `${list}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: STATUS_PURPOSE, statusListIndex: String(index), statusListCredential: list };
}

/** §3.2 "Generate Algorithm": bit 0 is the left-most bit of the first byte; GZIP, then multibase base64url ('u', no padding). */
export function encodeStatusBits(setIndexes: Iterable<number>, length = STATUS_LIST_LENGTH): string {
  const bytes = Buffer.alloc(Math.ceil(length / 8));
  for (const index of setIndexes) {
    if (!Number.isInteger(index) || index < 0 || index >= length) throw new RangeError(`status index ${index} is outside the list`);
    bytes[index >> 3] = (bytes[index >> 3] as number) | (0x80 >> (index & 7));
  }
  return `u${zlib.gzipSync(bytes).toString('base64url')}`;
}

/** The uncompressed bitstring of an encodedList; throws on anything that is not one. */
export function decodeStatusBits(encodedList: string): Buffer {
  if (!encodedList.startsWith('u')) throw new Error('encodedList is not multibase base64url');
  return zlib.gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
}

export function statusBitAt(bits: Buffer, index: number): boolean {
  if (index < 0 || index >= bits.length * 8) throw new RangeError(`status index ${index} is outside the list`);
  return (((bits[index >> 3] as number) >> (7 - (index & 7))) & 1) === 1;
}

export interface StatusListInput {
  verifyBase: string;
  issuerName: string;
  /** Indexes of the credentials that are no longer valid (revoked or replaced). */
  revokedIndexes: Iterable<number>;
  validFrom: string;
  /** After this the list is stale: a verifier must fetch (or be carried) a newer one. */
  validUntil: string;
}

/** The BitstringStatusListCredential (§2.2), unsigned. */
export function statusListCredential(input: StatusListInput): CredentialPayload {
  const base = input.verifyBase.replace(/\/+$/, '');
  const id = statusListUrl(base);
  return {
    '@context': [VC_CONTEXT],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: { id: `${base}/issuer`, name: input.issuerName },
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    credentialSubject: { id: `${id}#list`, type: 'BitstringStatusList', statusPurpose: STATUS_PURPOSE, encodedList: encodeStatusBits(input.revokedIndexes) },
  };
}

/** The list credential secured as a VC-JWT with the issuer key (same key and kid as the certificates). */
export async function signedStatusList(input: StatusListInput, key: SigningKey): Promise<string> {
  return signCredential(statusListCredential(input), key);
}
