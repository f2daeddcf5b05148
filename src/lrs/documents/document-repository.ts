/** Storage of the State, Activity Profile and Agent Profile documents (one table). */
import type { Kysely } from 'kysely';
import type { LrsTables } from '../storage/tables.ts';

export type DocumentKind = 'state' | 'activity-profile' | 'agent-profile';

/** Which documents: every field is '' when the resource does not use it. */
export interface DocumentScope {
  kind: DocumentKind;
  activityId: string;
  agentIfi: string;
  registration: string;
}

export interface StoredDocument {
  contentType: string;
  content: Buffer;
  etag: string;
  updated: string;
}

export interface DocumentRepository {
  get(scope: DocumentScope, documentId: string): Promise<StoredDocument | undefined>;
  list(scope: DocumentScope, since?: string): Promise<string[]>;
  save(scope: DocumentScope, documentId: string, document: StoredDocument): Promise<void>;
  delete(scope: DocumentScope, documentId?: string): Promise<void>;
}

export function createDocumentRepository(db: Kysely<LrsTables>): DocumentRepository {
  const scoped = (scope: DocumentScope) =>
    db
      .selectFrom('lrs_document')
      .where('kind', '=', scope.kind)
      .where('activity_id', '=', scope.activityId)
      .where('agent_ifi', '=', scope.agentIfi)
      .where('registration', '=', scope.registration);
  return {
    async get(scope, documentId) {
      const row = await scoped(scope).selectAll().where('document_id', '=', documentId).executeTakeFirst();
      return row && { contentType: row.content_type, content: Buffer.from(row.content), etag: row.etag, updated: row.updated };
    },
    async list(scope, since) {
      let query = scoped(scope).select('document_id');
      if (since !== undefined) query = query.where('updated', '>', since);
      const rows = await query.orderBy('document_id').execute();
      return rows.map((r) => r.document_id);
    },
    async save(scope, documentId, document) {
      await db
        .insertInto('lrs_document')
        .values({
          kind: scope.kind,
          activity_id: scope.activityId,
          agent_ifi: scope.agentIfi,
          registration: scope.registration,
          document_id: documentId,
          content_type: document.contentType,
          content: document.content,
          etag: document.etag,
          updated: document.updated,
        })
        .onConflict((oc) =>
          oc.columns(['kind', 'activity_id', 'agent_ifi', 'registration', 'document_id']).doUpdateSet({
            content_type: document.contentType,
            content: document.content,
            etag: document.etag,
            updated: document.updated,
          }),
        )
        .execute();
    },
    async delete(scope, documentId) {
      let query = db
        .deleteFrom('lrs_document')
        .where('kind', '=', scope.kind)
        .where('activity_id', '=', scope.activityId)
        .where('agent_ifi', '=', scope.agentIfi)
        .where('registration', '=', scope.registration);
      if (documentId !== undefined) query = query.where('document_id', '=', documentId);
      await query.execute();
    },
  };
}
