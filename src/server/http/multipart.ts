import type { Request } from 'express';
import busboy from 'busboy';
import { BadRequestError, PayloadTooLargeError } from '../errors.ts';
import { CsrfError, type CsrfCheck } from './csrf.ts';

export interface MultipartForm {
  fields: Map<string, string>;
  files: Map<string, { filename: string; data: Buffer }>;
}

/** An upload form has one file and a few small fields (the token, a checkbox). */
const LIMITS = { files: 1, fields: 10, fieldSize: 8 * 1024, parts: 12, headerPairs: 20 };

/**
 * Reads a multipart/form-data body with busboy, enforcing the limits while the body streams in:
 * a file over `maxBytes`, a second file or too many fields stop the read at once (413), and the
 * rest of the body is drained, never held. A body that is not multipart, or is malformed or cut
 * short, gets `notMultipartKey` (400), the message of the form that expected a file.
 *
 * On the LMS the form's token travels in its `_csrf` field, placed before the file input: the
 * CSRF middleware leaves upload routes to this reader (http/csrf.ts), which refuses a file part
 * that comes before a valid token, and a form that ends without one.
 */
export async function readMultipart(req: Request, maxBytes: number, notMultipartKey: string, fieldErrors: Record<string, string> = {}): Promise<MultipartForm> {
  if (!/^multipart\/form-data\b/i.test(req.get('content-type') ?? '')) throw new BadRequestError(notMultipartKey, fieldErrors);
  const csrfCheck = req.res?.locals.csrfCheck as CsrfCheck | undefined;
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { ...LIMITS, fileSize: maxBytes }, defParamCharset: 'utf8' });
  } catch {
    throw new BadRequestError(notMultipartKey, fieldErrors); // no or bad boundary
  }
  return new Promise((resolve, reject) => {
    const form: MultipartForm = { fields: new Map(), files: new Map() };
    let trusted = csrfCheck === undefined;
    let done = false;
    const fail = (error: Error) => {
      if (done) return;
      done = true;
      req.unpipe(parser);
      req.resume(); // drain what the client still sends, so that it reads the answer
      reject(error);
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) return fail(new PayloadTooLargeError());
      if (name === '_csrf' && csrfCheck) trusted = csrfCheck(value);
      form.fields.set(name, value);
    });
    parser.on('file', (name, stream, info) => {
      if (!trusted) {
        stream.resume();
        return fail(new CsrfError());
      }
      const chunks: Buffer[] = [];
      // busboy also fails the open file on a body cut short: the parser's error says it.
      stream.on('error', () => fail(new BadRequestError(notMultipartKey, fieldErrors)));
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        stream.resume();
        fail(new PayloadTooLargeError());
      });
      stream.on('end', () => {
        if (!stream.truncated) form.files.set(name, { filename: info.filename, data: Buffer.concat(chunks) });
      });
    });
    for (const limit of ['filesLimit', 'fieldsLimit', 'partsLimit'] as const) parser.on(limit, () => fail(new PayloadTooLargeError()));
    parser.on('error', () => fail(new BadRequestError(notMultipartKey, fieldErrors)));
    parser.on('close', () => {
      if (done) return;
      if (!trusted) return fail(new CsrfError());
      done = true;
      resolve(form);
    });
    req.on('aborted', () => fail(new BadRequestError(notMultipartKey, fieldErrors)));
    req.pipe(parser);
  });
}
