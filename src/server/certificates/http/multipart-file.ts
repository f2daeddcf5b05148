/**
 * Reads the one file field of a small multipart/form-data upload (the organisation logo).
 * Bounded: the body is read up to `maxBytes` and refused beyond.
 */
import type { Request } from 'express';
import { BadRequestError, PayloadTooLargeError } from '../../errors.ts';

export interface UploadedFile {
  field: string;
  filename: string;
  data: Buffer;
}

async function readBody(req: Request, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new PayloadTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readUploadedFile(req: Request, field: string, maxBytes: number): Promise<UploadedFile | null> {
  const match = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(req.get('content-type') ?? '');
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new BadRequestError('certificates.errors.logoFormat', { logo: 'certificates.errors.logoFormat' });
  const body = await readBody(req, maxBytes + 64 * 1024);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // Prepend CRLF so that the first delimiter looks like the others.
  const data = Buffer.concat([Buffer.from('\r\n'), body]);
  let position = data.indexOf(delimiter);
  while (position >= 0) {
    const start = position + delimiter.length;
    if (data.subarray(start, start + 2).toString() === '--') break;
    const headerEnd = data.indexOf('\r\n\r\n', start);
    const next = data.indexOf(delimiter, start);
    if (headerEnd < 0 || next < 0) break;
    const headers = data.subarray(start, headerEnd).toString('utf8');
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    if (name === field && filename !== undefined) {
      const content = data.subarray(headerEnd + 4, next);
      if (content.length > maxBytes) throw new PayloadTooLargeError();
      return content.length === 0 ? null : { field: name, filename, data: Buffer.from(content) };
    }
    position = next;
  }
  return null;
}

/** PNG or JPEG by their magic bytes (the declared type is not trusted). */
export function imageTypeOf(data: Buffer): 'image/png' | 'image/jpeg' | null {
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  return null;
}
