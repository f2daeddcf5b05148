/** Reads the statements (and attachment parts) of a PUT/POST /statements request. */
import type { Request, Response } from 'express';
import { badRequest } from '../errors.ts';
import { boundaryOf, parseMultipart } from '../http/multipart.ts';
import { readBody } from '../http/read-body.ts';
import { xapiOf } from '../http/xapi-context.ts';
import { sha2Matches } from './attachments.ts';
import type { AttachmentContent } from './statement-repository.ts';

export interface StatementBody {
  value: unknown;
  attachments: AttachmentContent[];
}

export function parseJson(buffer: Buffer, what: string): unknown {
  try {
    return JSON.parse(buffer.toString('utf8'));
  } catch {
    throw badRequest(`${what} is not valid JSON`);
  }
}

function attachmentPart(headers: Record<string, string>, body: Buffer): AttachmentContent {
  const sha2 = headers['x-experience-api-hash'];
  if (!sha2) throw badRequest('Every attachment part needs an X-Experience-API-Hash header');
  if ((headers['content-transfer-encoding'] ?? '').toLowerCase() !== 'binary') {
    throw badRequest('Attachment parts must have Content-Transfer-Encoding: binary');
  }
  if (!sha2Matches(sha2, body)) throw badRequest(`Attachment part content does not match its hash ${sha2}`);
  return { sha2: sha2.toLowerCase(), contentType: headers['content-type'] ?? 'application/octet-stream', content: body };
}

export async function readStatementBody(req: Request, res: Response, limit: number): Promise<StatementBody> {
  const context = xapiOf(res);
  const body = context.body ?? (await readBody(req, limit));
  const contentType = (req.header('content-type') ?? 'application/json').toLowerCase();
  if (contentType.startsWith('multipart/mixed')) {
    const [first, ...rest] = parseMultipart(body, boundaryOf(req.header('content-type') ?? ''));
    if (!first || !(first.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      throw badRequest('The first part of a multipart/mixed request must be application/json statements');
    }
    return { value: parseJson(first.body, 'The statements part'), attachments: rest.map((p) => attachmentPart(p.headers, p.body)) };
  }
  if (!contentType.startsWith('application/json')) throw badRequest(`Statements must be sent as application/json or multipart/mixed, not ${contentType}`);
  if (body.length === 0) throw badRequest('The request has no body');
  return { value: parseJson(body, 'The request body'), attachments: [] };
}
