/** Pure: ETags of documents and the If-Match / If-None-Match rules (Communication 3.1, RFC 7232). */
import crypto from 'node:crypto';

export function etagOf(content: Buffer): string {
  return crypto.createHash('sha1').update(content).digest('hex');
}

function tags(header: string): string[] {
  return header.split(',').map((t) => t.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1')).filter(Boolean);
}

export interface Preconditions {
  ifMatch?: string;
  ifNoneMatch?: string;
}

/** Does the request's precondition hold for a document whose current ETag is `current` (undefined: none)? */
export function preconditionHolds(pre: Preconditions, current: string | undefined): boolean {
  if (pre.ifMatch !== undefined) {
    const wanted = tags(pre.ifMatch);
    if (current === undefined) return false;
    if (!wanted.includes('*') && !wanted.includes(current)) return false;
  }
  if (pre.ifNoneMatch !== undefined) {
    const unwanted = tags(pre.ifNoneMatch);
    if (current !== undefined && (unwanted.includes('*') || unwanted.includes(current))) return false;
  }
  return true;
}

export function hasPrecondition(pre: Preconditions): boolean {
  return pre.ifMatch !== undefined || pre.ifNoneMatch !== undefined;
}
