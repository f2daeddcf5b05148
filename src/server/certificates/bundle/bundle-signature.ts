/**
 * Signing and reading a verification bundle: a compact JWS (RFC 7515), EdDSA with the issuer's
 * Ed25519 key, over the bundle's canonical JSON. Reading checks, in this order, that it is a
 * signed bundle, that a trusted key signed it (the pinned JWKS; on a first import the bundle's
 * own), that it has the bundle's shape, and that its status list is signed by the same key.
 */
import { CompactSign, compactVerify, createLocalJWKSet, decodeProtectedHeader, errors, type JWK } from 'jose';
import type { SigningKey } from '../credential/signing-key.ts';
import { canonicalJson } from '../snapshot.ts';
import { sha256Hex } from './bundle-entry.ts';
import { BUNDLE_JWS_TYPE, bundlePayloadSchema, type BundlePayload } from './bundle-format.ts';
import { readStatusList, type ReadStatusList } from './status-list-reader.ts';

export async function signBundle(payload: BundlePayload, key: SigningKey): Promise<string> {
  return new CompactSign(new TextEncoder().encode(canonicalJson(payload)))
    .setProtectedHeader({ alg: 'EdDSA', typ: BUNDLE_JWS_TYPE, kid: key.kid })
    .sign(key.privateKey);
}

/** Why a bundle is refused; each has its message in the CLI and the catalogue. */
export type BundleRefusal = 'unreadable' | 'unsigned' | 'foreign_key' | 'bad_signature' | 'bad_format' | 'inconsistent';

export type BundleRead =
  | { ok: true; bundle: BundlePayload; kid: string; sha256: string; statusList: ReadStatusList }
  | { ok: false; reason: BundleRefusal };

const refuse = (reason: BundleRefusal): BundleRead => ({ ok: false, reason });

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function looksLikeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * `trusted` is the issuer's JWKS the site already pinned, or null on a first import: the
 * bundle's own keys are then used (trust on first use, docs/certificates.md "Publishing").
 */
export async function readBundle(raw: string, trusted: { keys: JWK[] } | null): Promise<BundleRead> {
  const text = raw.trim();
  const parts = text.split('.');
  if (parts.length !== 3) return refuse(looksLikeJson(text) ? 'unsigned' : 'unreadable');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(text);
  } catch {
    return refuse('unreadable');
  }
  if (header.alg === 'none' || parts[2] === '') return refuse('unsigned');
  if (header.typ !== BUNDLE_JWS_TYPE) return refuse('unreadable');
  const claimed = decodeJson(parts[1] as string) as { jwks?: { keys?: unknown } } | undefined;
  const keys = trusted?.keys ?? (Array.isArray(claimed?.jwks?.keys) ? (claimed.jwks.keys as JWK[]) : []);
  if (keys.length === 0) return refuse('bad_format');
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(text, createLocalJWKSet({ keys }), { algorithms: ['EdDSA'] }));
  } catch (err) {
    if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) return refuse('foreign_key');
    if (err instanceof errors.JWSSignatureVerificationFailed) return refuse('bad_signature');
    if (err instanceof errors.JOSEError) return refuse('unreadable');
    throw err;
  }
  const parsed = bundlePayloadSchema.safeParse(JSON.parse(Buffer.from(payload).toString('utf8')));
  if (!parsed.success) return refuse('bad_format');
  const bundle = parsed.data;
  const kid = String(header.kid ?? '');
  // The bundle must carry the key that signed it, and its list must be signed by that key too.
  if (!bundle.jwks.keys.some((k) => k.kid === kid)) return refuse('inconsistent');
  const statusList = await readStatusList(bundle.statusList.credential, bundle.jwks as { keys: JWK[] });
  if (!statusList || statusList.validUntil !== bundle.statusList.validUntil) return refuse('inconsistent');
  return { ok: true, bundle, kid, sha256: sha256Hex(text), statusList };
}
