/** Minimal multipart/mixed reader and writer for statements with attachments (Communication 1.5.2). */
import crypto from 'node:crypto';
import { badRequest } from '../errors.ts';

export interface Part {
  headers: Record<string, string>;
  body: Buffer;
}

export function boundaryOf(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw badRequest('multipart/mixed request without a boundary');
  return boundary;
}

function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let position = body.indexOf(delimiter);
  if (position < 0) throw badRequest('multipart body does not contain its boundary');
  for (;;) {
    let start = position + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
    else if (body[start] === 0x0a) start += 1;
    const next = body.indexOf(delimiter, start);
    if (next < 0) throw badRequest('multipart body is not terminated');
    let end = next;
    if (body[end - 1] === 0x0a) end -= 1;
    if (body[end - 1] === 0x0d) end -= 1;
    const raw = body.subarray(start, end);
    let split = raw.indexOf('\r\n\r\n');
    let gap = 4;
    if (split < 0) {
      split = raw.indexOf('\n\n');
      gap = 2;
    }
    if (split < 0) parts.push({ headers: parseHeaders(raw.toString('utf8')), body: Buffer.alloc(0) });
    else parts.push({ headers: parseHeaders(raw.subarray(0, split).toString('utf8')), body: raw.subarray(split + gap) });
    position = next;
  }
  return parts;
}

export function buildMultipart(parts: Part[]): { contentType: string; body: Buffer } {
  const boundary = `xapi-${crypto.randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head = Object.entries(part.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n`), part.body, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: Buffer.concat(chunks) };
}
