/**
 * VC-JWT (Open Badges 3.0 section 8.2): the credential JSON is the JWT payload, with the
 * registered claims iss, jti, nbf and iat; signed with EdDSA (Ed25519). Ed25519 signatures are
 * deterministic, so the same snapshot always gives the same JWT.
 */
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, SignJWT, type JWK } from 'jose';
import type { CredentialPayload } from './open-badge.ts';
import type { SigningKey } from './signing-key.ts';

export async function signCredential(credential: CredentialPayload, key: SigningKey): Promise<string> {
  const seconds = Math.floor(Date.parse(String(credential.validFrom)) / 1000);
  const jwt = new SignJWT(credential)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: key.kid })
    .setIssuer(credential.issuer.id)
    .setJti(credential.id)
    .setNotBefore(seconds)
    .setIssuedAt(seconds);
  // VC-JWT maps validUntil to exp (certificates have none: they do not expire; a status list does).
  if (typeof credential.validUntil === 'string') jwt.setExpirationTime(Math.floor(Date.parse(credential.validUntil) / 1000));
  return jwt.sign(key.privateKey);
}

export type SignatureCheck =
  | { ok: true; payload: Record<string, unknown>; kid: string; signature: string }
  | { ok: false; reason: 'malformed' | 'unknown_key' | 'bad_signature' };

/** Checks the JWT's signature against the issuer's public keys (JWKS). Time claims are not an error: a certificate does not expire. */
export async function checkSignature(jwt: string, jwks: { keys: JWK[] }): Promise<SignatureCheck> {
  const token = jwt.trim();
  let kid: string;
  try {
    decodeJwt(token);
    kid = String(decodeProtectedHeader(token).kid ?? '');
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), { algorithms: ['EdDSA'], clockTolerance: 1e10 });
    return { ok: true, payload: payload as Record<string, unknown>, kid, signature: token.split('.')[2] as string };
  } catch (err) {
    if (err instanceof errors.JWKSNoMatchingKey) return { ok: false, reason: 'unknown_key' };
    if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) {
      return { ok: false, reason: err instanceof errors.JWSSignatureVerificationFailed ? 'bad_signature' : 'malformed' };
    }
    throw err;
  }
}
