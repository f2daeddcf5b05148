/** Document logic shared by State, Activity Profile and Agent Profile: ETags and JSON merge. */
import { badRequest, conflict, preconditionFailed } from '../errors.ts';
import { isObject } from '../types.ts';
import type { DocumentRepository, DocumentScope, StoredDocument } from './document-repository.ts';
import { etagOf, hasPrecondition, preconditionHolds, type Preconditions } from './etag.ts';

export interface DocumentWrite {
  content: Buffer;
  contentType: string;
  preconditions: Preconditions;
  /**
   * PUT without If-Match/If-None-Match: 'conflict' = 409 over an existing document
   * (Communication 3.1); 'always' = also 400 on a new one (the 1.0.3 profile resources).
   */
  requirePrecondition: 'never' | 'conflict' | 'always';
}

export interface DocumentService {
  get(scope: DocumentScope, id: string): Promise<StoredDocument | undefined>;
  list(scope: DocumentScope, since?: string): Promise<string[]>;
  put(scope: DocumentScope, id: string, write: DocumentWrite): Promise<void>;
  post(scope: DocumentScope, id: string, write: DocumentWrite): Promise<void>;
  delete(scope: DocumentScope, id: string | undefined, preconditions: Preconditions): Promise<void>;
}

export const isJsonType = (contentType: string): boolean => contentType.toLowerCase().split(';')[0].trim() === 'application/json';

function jsonObject(content: Buffer, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(content.toString('utf8'));
  } catch {
    throw badRequest(`${what} is not valid JSON`);
  }
  if (!isObject(value)) throw badRequest(`${what} must be a JSON object to be merged`);
  return value;
}

export function createDocumentService(repo: DocumentRepository, clock: () => Date): DocumentService {
  const check = (current: StoredDocument | undefined, pre: Preconditions): void => {
    if (!preconditionHolds(pre, current?.etag)) throw preconditionFailed('The document ETag does not match the request precondition');
  };
  const document = (content: Buffer, contentType: string): StoredDocument => ({
    content,
    contentType,
    etag: etagOf(content),
    updated: clock().toISOString(),
  });
  return {
    get: (scope, id) => repo.get(scope, id),
    list: (scope, since) => repo.list(scope, since),
    async put(scope, id, write) {
      const current = await repo.get(scope, id);
      check(current, write.preconditions);
      if (write.requirePrecondition !== 'never' && !hasPrecondition(write.preconditions)) {
        if (current) throw conflict('The document exists: GET it and send If-Match with its ETag to change it');
        if (write.requirePrecondition === 'always') throw badRequest('PUT needs If-Match or If-None-Match: *');
      }
      await repo.save(scope, id, document(write.content, write.contentType));
    },
    async post(scope, id, write) {
      const current = await repo.get(scope, id);
      check(current, write.preconditions);
      if (!current) {
        if (isJsonType(write.contentType)) jsonObject(write.content, 'The document');
        await repo.save(scope, id, document(write.content, write.contentType));
        return;
      }
      // xAPI Communication 2.2: POST merges JSON objects; anything else is a 400.
      if (!isJsonType(write.contentType) || !isJsonType(current.contentType)) {
        throw badRequest('POST can only merge a JSON object into an existing JSON document');
      }
      const merged = { ...jsonObject(current.content, 'The stored document'), ...jsonObject(write.content, 'The document') };
      await repo.save(scope, id, document(Buffer.from(JSON.stringify(merged)), 'application/json'));
    },
    async delete(scope, id, preconditions) {
      if (id !== undefined) check(await repo.get(scope, id), preconditions);
      await repo.delete(scope, id);
    },
  };
}
