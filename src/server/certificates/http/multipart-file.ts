/**
 * Reads the one file field of a small multipart/form-data upload (the organisation logo, a
 * certificate PDF to verify).
 * Bounded: the body is read up to `maxBytes` and refused beyond.
 */
import type { Request } from 'express';
import { PayloadTooLargeError } from '../../errors.ts';
import { readMultipart } from '../../http/multipart.ts';

export interface UploadedFile {
  field: string;
  filename: string;
  data: Buffer;
}

/** `errorKey` is the message of a body that is not an upload (the logo's by default). */
export async function readUploadedFile(req: Request, field: string, maxBytes: number, errorKey = 'certificates.errors.logoFormat'): Promise<UploadedFile | null> {
  const form = await readMultipart(req, maxBytes + 64 * 1024, errorKey, { [field]: errorKey });
  const file = form.files.get(field);
  if (!file || file.data.length === 0) return null;
  if (file.data.length > maxBytes) throw new PayloadTooLargeError();
  return { field, filename: file.filename, data: file.data };
}

/** PNG or JPEG by their magic bytes (the declared type is not trusted). */
export function imageTypeOf(data: Buffer): 'image/png' | 'image/jpeg' | null {
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  return null;
}
