import type { Request } from 'express';
import { BadRequestError, PayloadTooLargeError } from '../errors.ts';

export interface MultipartForm {
  fields: Map<string, string>;
  files: Map<string, { filename: string; data: Buffer }>;
}

/**
 * Reads a multipart/form-data body (an upload and a few fields), refusing beyond `maxBytes`
 * while reading so a huge upload is never held in memory. A body that is not multipart gets
 * `notMultipartKey`, the message of the form that expected a file.
 */
export async function readMultipart(req: Request, maxBytes: number, notMultipartKey: string, fieldErrors: Record<string, string> = {}): Promise<MultipartForm> {
  const match = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(req.get('content-type') ?? '');
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new BadRequestError(notMultipartKey, fieldErrors);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new PayloadTooLargeError();
    chunks.push(chunk);
  }
  const data = Buffer.concat([Buffer.from('\r\n'), ...chunks]);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const form: MultipartForm = { fields: new Map(), files: new Map() };
  let position = data.indexOf(delimiter);
  while (position >= 0) {
    const start = position + delimiter.length;
    if (data.subarray(start, start + 2).toString() === '--') break;
    const headerEnd = data.indexOf('\r\n\r\n', start);
    const next = data.indexOf(delimiter, start);
    if (headerEnd < 0 || next < 0 || headerEnd > next) break;
    const headers = data.subarray(start, headerEnd).toString('utf8');
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    const content = Buffer.from(data.subarray(headerEnd + 4, next));
    if (name !== undefined) {
      if (filename !== undefined) form.files.set(name, { filename, data: content });
      else form.fields.set(name, content.toString('utf8'));
    }
    position = next;
  }
  return form;
}
