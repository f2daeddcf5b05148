/**
 * AES-256-GCM encryption of a small secret stored in the database. The purpose (for example
 * "certificates_signing_key") is bound as additional data: a sealed value cannot be moved to
 * another setting and opened there.
 */
import crypto from 'node:crypto';

const PREFIX = 'aes-256-gcm:v1:';

export class SealedBoxError extends Error {}

export const isSealed = (text: string): boolean => text.startsWith(PREFIX);

export function seal(plain: string, key: Buffer, purpose: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(purpose));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}${[iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.')}`;
}

export function open(sealed: string, key: Buffer, purpose: string): string {
  const parts = isSealed(sealed) ? sealed.slice(PREFIX.length).split('.') : [];
  if (parts.length !== 3) throw new SealedBoxError(`${purpose}: not a sealed value`);
  const [iv, tag, data] = parts.map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedBoxError(`${purpose}: cannot be decrypted with this secret key (TREMPLIN_SECRET_KEY or TREMPLIN_SECRET_KEY_FILE is not the one it was sealed with)`);
  }
}
