/**
 * Public verification codes: printed on the PDF and typed by employers, `TRP-XXXX-XXXX` with
 * eight Crockford base32 symbols drawn from a random source (40 bits). Unlike the registry's
 * sequential number, a code tells nothing about the others, so codes cannot be listed; a unique
 * constraint settles the (rare) draw of a code already given.
 */
import crypto from 'node:crypto';

/** Crockford's base32: digits and letters, without I, L, O and U (read as 1, 1, 0; U is left out). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BODY_LENGTH = 8;

export function randomVerificationCode(): string {
  const bytes = crypto.randomBytes(BODY_LENGTH);
  const body = Array.from(bytes, (b) => ALPHABET[b % 32] as string).join('');
  return `TRP-${body.slice(0, 4)}-${body.slice(4)}`;
}

/**
 * The canonical code of what an employer typed, or null: case, spaces, dashes and dots do not
 * matter, and the letters Crockford reads as digits (I, L -> 1; O -> 0) are read so.
 */
export function normaliseVerificationCode(typed: string): string | null {
  let text = typed.normalize('NFKC').toUpperCase().replace(/[\s\-\u2010-\u2015._]/g, '');
  if (text.length === BODY_LENGTH + 3 && text.startsWith('TRP')) text = text.slice(3);
  if (text.length !== BODY_LENGTH) return null;
  const body = text.replace(/[IL]/g, '1').replace(/O/g, '0');
  if (![...body].every((c) => ALPHABET.includes(c))) return null;
  return `TRP-${body.slice(0, 4)}-${body.slice(4)}`;
}
