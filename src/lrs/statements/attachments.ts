/**
 * Attachments sent with statements (xAPI Communication 1.5.2, multipart/mixed): every attachment
 * without a fileUrl must come as a part whose SHA-2 hash matches, and every part must belong to
 * an attachment.
 */
import crypto from 'node:crypto';
import { badRequest } from '../errors.ts';
import { isObject, type JsonObject } from '../types.ts';
import type { AttachmentContent } from './statement-repository.ts';
import { SIGNATURE_USAGE, signatureProblem } from './signature.ts';

export function attachmentsOf(statement: JsonObject): JsonObject[] {
  return Array.isArray(statement.attachments) ? statement.attachments.filter(isObject) : [];
}

const HASHES: Record<number, string> = { 64: 'sha256', 96: 'sha384', 128: 'sha512' };

/** Computes the SHA-2 digest of `content` with the length of `expected`; undefined if not a SHA-2 hex digest. */
export function sha2Matches(expected: string, content: Buffer): boolean {
  const algorithm = HASHES[expected.length];
  if (!algorithm || !/^[0-9a-f]+$/i.test(expected)) return false;
  return crypto.createHash(algorithm).update(content).digest('hex') === expected.toLowerCase();
}

/** Checks the parts against the statements; throws 400 when they do not fit. */
export async function checkAttachments(statements: readonly JsonObject[], parts: readonly AttachmentContent[]): Promise<void> {
  const bySha = new Map(parts.map((p) => [p.sha2.toLowerCase(), p]));
  const used = new Set<string>();
  for (const [index, statement] of statements.entries()) {
    for (const attachment of attachmentsOf(statement)) {
      const sha2 = typeof attachment.sha2 === 'string' ? attachment.sha2.toLowerCase() : '';
      const part = bySha.get(sha2);
      if (part) used.add(sha2);
      if (attachment.usageType === SIGNATURE_USAGE) {
        if (!part) throw badRequest(`statements[${index}]: the signature attachment must be sent as a part`);
        if (attachment.contentType !== 'application/octet-stream') {
          throw badRequest(`statements[${index}]: a signature attachment must have contentType application/octet-stream`);
        }
        const problem = await signatureProblem(statement, part.content);
        if (problem) throw badRequest(`statements[${index}]: ${problem}`);
      } else if (!part && attachment.fileUrl === undefined) {
        throw badRequest(`statements[${index}].attachments: no part with sha2 ${sha2} and no fileUrl`);
      }
    }
  }
  for (const sha2 of bySha.keys()) {
    if (!used.has(sha2)) throw badRequest(`attachment part with hash ${sha2} matches no statement attachment`);
  }
}
