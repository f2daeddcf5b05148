/**
 * The issuer's Ed25519 key pair. Generated the first time it is needed (in practice at first
 * start) and kept in the database's settings table, so that every app instance on the same
 * database signs with the same key. The private key is stored encrypted (AES-256-GCM) with a
 * key derived from the instance's secret key, which is not in the database
 * (secrets/secret-key.ts); the public key stays readable, so verifying needs no secret.
 * A key stored in clear by an older release is sealed on first load, unchanged: credentials
 * issued with it still verify. Backup and rotation: docs/certificates.md ("Signing key").
 */
import crypto from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { deriveKey } from '../../secrets/secret-key.ts';
import { open, seal } from '../../secrets/sealed-box.ts';
import type { SettingsRepository } from '../../settings/settings.repository.ts';

export const SIGNING_KEY_SETTING = 'certificates_signing_key';

export interface SigningKey {
  kid: string;
  privateKey: crypto.KeyObject;
  publicJwk: JWK;
}

interface StoredKey {
  kid: string;
  /** The PKCS#8 PEM, sealed (secrets/sealed-box.ts). */
  sealedPrivateKey?: string;
  /** Releases before issue 12 kept the PEM in clear; sealed on first load. */
  privatePkcs8?: string;
  publicJwk: JWK;
  createdAt: string;
}

const sealingKey = (secretKey: Buffer) => deriveKey(secretKey, 'certificates/signing-key');

export async function generateStoredKey(now: string, secretKey: Buffer): Promise<string> {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const publicJwk = publicKey.export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(publicJwk);
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const stored: StoredKey = { kid, sealedPrivateKey: seal(pem, sealingKey(secretKey), SIGNING_KEY_SETTING), publicJwk, createdAt: now };
  return JSON.stringify(stored);
}

const publicJwkOf = (stored: StoredKey): JWK => ({ ...stored.publicJwk, kid: stored.kid, alg: 'EdDSA', use: 'sig' });

export function parseStoredKey(text: string, secretKey: Buffer): SigningKey {
  const stored = JSON.parse(text) as StoredKey;
  const pem = stored.sealedPrivateKey ? open(stored.sealedPrivateKey, sealingKey(secretKey), SIGNING_KEY_SETTING) : (stored.privatePkcs8 as string);
  return { kid: stored.kid, privateKey: crypto.createPrivateKey(pem), publicJwk: publicJwkOf(stored) };
}

/** The public half alone: the JWKS needs no secret key. */
export function parseStoredPublicJwk(text: string): JWK {
  return publicJwkOf(JSON.parse(text) as StoredKey);
}

/** The same key with its private half sealed; null when it already is. */
export function sealLegacyKey(text: string, secretKey: Buffer): string | null {
  const stored = JSON.parse(text) as StoredKey;
  if (stored.sealedPrivateKey || !stored.privatePkcs8) return null;
  const { privatePkcs8, ...rest } = stored;
  return JSON.stringify({ ...rest, sealedPrivateKey: seal(privatePkcs8, sealingKey(secretKey), SIGNING_KEY_SETTING) });
}

/** The same key sealed under another secret key (rotation of the secret key, docs/certificates.md). */
export function resealStoredKey(text: string, from: Buffer, to: Buffer): string {
  const stored = JSON.parse(text) as StoredKey;
  const pem = stored.sealedPrivateKey ? open(stored.sealedPrivateKey, sealingKey(from), SIGNING_KEY_SETTING) : (stored.privatePkcs8 as string);
  const { privatePkcs8: _clear, ...rest } = stored;
  return JSON.stringify({ ...rest, sealedPrivateKey: seal(pem, sealingKey(to), SIGNING_KEY_SETTING) });
}

/** The key, created on first use; two instances starting together agree (getOrCreate). */
export async function loadSigningKey(settings: SettingsRepository, now: () => Date, secretKey: () => Buffer): Promise<SigningKey> {
  const existing = await settings.get(SIGNING_KEY_SETTING);
  if (existing !== null) {
    const sealed = sealLegacyKey(existing, secretKey());
    if (sealed !== null) await settings.set(SIGNING_KEY_SETTING, sealed);
    return parseStoredKey(sealed ?? existing, secretKey());
  }
  const created = await generateStoredKey(now().toISOString(), secretKey());
  return parseStoredKey(await settings.getOrCreate(SIGNING_KEY_SETTING, () => created), secretKey());
}

export function jwksOf(keys: readonly SigningKey[]): { keys: JWK[] } {
  return { keys: keys.map((k) => k.publicJwk) };
}
