/**
 * The issuer's Ed25519 key pair. Generated the first time it is needed (in practice at first
 * start, see certificates.startup.ts) and kept in the database's settings table, so that every
 * app instance on the same database signs with the same key. Why there and what protects it:
 * docs/certificates.md ("Signing key").
 */
import crypto from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';
import type { SettingsRepository } from '../../settings/settings.repository.ts';

export const SIGNING_KEY_SETTING = 'certificates_signing_key';

export interface SigningKey {
  kid: string;
  privateKey: crypto.KeyObject;
  publicJwk: JWK;
}

interface StoredKey {
  kid: string;
  privatePkcs8: string;
  publicJwk: JWK;
  createdAt: string;
}

export async function generateStoredKey(now: string): Promise<string> {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const publicJwk = publicKey.export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(publicJwk);
  const stored: StoredKey = { kid, privatePkcs8: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), publicJwk, createdAt: now };
  return JSON.stringify(stored);
}

export function parseStoredKey(text: string): SigningKey {
  const stored = JSON.parse(text) as StoredKey;
  return {
    kid: stored.kid,
    privateKey: crypto.createPrivateKey(stored.privatePkcs8),
    publicJwk: { ...stored.publicJwk, kid: stored.kid, alg: 'EdDSA', use: 'sig' },
  };
}

/** The key, created on first use; two instances starting together agree (getOrCreate). */
export async function loadSigningKey(settings: SettingsRepository, now: () => Date): Promise<SigningKey> {
  const existing = await settings.get(SIGNING_KEY_SETTING);
  if (existing !== null) return parseStoredKey(existing);
  const created = await generateStoredKey(now().toISOString());
  return parseStoredKey(await settings.getOrCreate(SIGNING_KEY_SETTING, () => created));
}

export function jwksOf(keys: readonly SigningKey[]): { keys: JWK[] } {
  return { keys: keys.map((k) => k.publicJwk) };
}
