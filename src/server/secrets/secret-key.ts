/**
 * The instance's secret key: 32 random bytes kept OUT of the database, from which the key that
 * encrypts the signing key and the session secret are derived. Reading the database (a copied
 * SQLite file, a PostgreSQL dump) is then not enough to sign a certificate or forge a session
 * (issue 12). It comes from TREMPLIN_SECRET_KEY, else from the file TREMPLIN_SECRET_KEY_FILE,
 * created with mode 0600 on first start. Backing it up and rotating it: docs/certificates.md.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const SECRET_KEY_BYTES = 32;

export class SecretKeyError extends Error {}

/** 32 bytes written as base64, base64url or 64 hex digits. */
export function decodeSecretKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64url');
  if (key.length !== SECRET_KEY_BYTES) {
    throw new SecretKeyError(`${where} must hold a ${SECRET_KEY_BYTES}-byte key in base64 or hex (for example: openssl rand -base64 32)`);
  }
  return key;
}

/** Creates the file (0600, in a 0700 folder when the folder is new) unless it exists; never overwrites. */
function createKeyFile(file: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, `${crypto.randomBytes(SECRET_KEY_BYTES).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another instance created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

/** A new secret key in a new file (0600); refuses to overwrite one. */
export function createSecretKeyFile(file: string): Buffer {
  if (fs.existsSync(file)) throw new SecretKeyError(`${file} already exists: give a new file`);
  createKeyFile(file);
  return loadSecretKey({ file });
}

export function loadSecretKey(source: { key?: string; file: string }): Buffer {
  if (source.key) return decodeSecretKey(source.key, 'TREMPLIN_SECRET_KEY');
  if (!fs.existsSync(source.file)) createKeyFile(source.file);
  // A key file another tool made readable to others is tightened, not trusted as it is.
  if ((fs.statSync(source.file).mode & 0o077) !== 0) fs.chmodSync(source.file, 0o600);
  return decodeSecretKey(fs.readFileSync(source.file, 'utf8'), `the key file ${source.file} (TREMPLIN_SECRET_KEY_FILE)`);
}

/** A key for one purpose (HKDF-SHA256), so that no two uses share the same key. */
export function deriveKey(secret: Buffer, purpose: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), `tremplin/${purpose}`, 32));
}
