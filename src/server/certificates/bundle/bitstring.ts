/**
 * The bitstring of a W3C Bitstring Status List v1.0: GZIP-compressed, multibase base64url
 * ("u" prefix, no padding), at least 16 KB (131,072 entries) so that a list does not tell how
 * many certificates exist (§ 4.1 "encodedList", § 6.1 "Herd privacy"). Index 0 is the
 * left-most bit of the first byte.
 */
import zlib from 'node:zlib';

export const MIN_LIST_BITS = 131_072;

export function encodeBitstring(setIndices: Iterable<number>, minBits = MIN_LIST_BITS): string {
  const indices = [...setIndices];
  const bits = Math.max(minBits, ...indices.map((i) => i + 1));
  const bytes = Buffer.alloc(Math.ceil(bits / 8));
  for (const i of indices) bytes[i >> 3] = (bytes[i >> 3] as number) | (0x80 >> (i & 7));
  return `u${zlib.gzipSync(bytes).toString('base64url')}`;
}

/** Null when the text is not a multibase base64url GZIP bitstring. */
export function decodeBitstring(encoded: string): Buffer | null {
  if (!encoded.startsWith('u')) return null;
  try {
    return zlib.gunzipSync(Buffer.from(encoded.slice(1), 'base64url'), { maxOutputLength: 16 * 1024 * 1024 });
  } catch {
    return null;
  }
}

/** Beyond the list's end a bit reads as 0 (never set). */
export function bitAt(bytes: Buffer, index: number): boolean {
  const byte = bytes[index >> 3];
  return byte !== undefined && (byte & (0x80 >> (index & 7))) !== 0;
}
