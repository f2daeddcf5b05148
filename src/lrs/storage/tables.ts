import type { Generated, Kysely } from 'kysely';

/** Row types of the LRS tables (see ../migrations.ts). Only repositories see these. */
export type LrsTables = {
  lrs_statement: {
    sid: string;
    statement_id: string;
    stored: string;
    voided: number;
    ref_target: string | null;
    full: string;
  };
  /** Every term once (see statements/statement-terms.ts), with a small id the link rows use. */
  lrs_term: { id: Generated<number>; term: string };
  lrs_statement_term_link: { term_id: number; sid: string };
  lrs_attachment: { sha2: string; content_type: string; content: Uint8Array };
  lrs_activity: { activity_id: string; definition: string };
  lrs_document: {
    kind: string;
    activity_id: string;
    agent_ifi: string;
    registration: string;
    document_id: string;
    content_type: string;
    content: Uint8Array;
    etag: string;
    updated: string;
  };
  lrs_credential: {
    key: string;
    secret_hash: string;
    name: string;
    scopes: string;
    created_at: string;
    active: number;
  };
};

/**
 * The handle the LMS gives the LRS: one naming no table, since Kysely handles are invariant in
 * their tables and the LMS's own typed handle could not be passed as this one.
 */
export type SharedHandle = Kysely<object>;

/** The LRS's typed view of a shared handle, or of a transaction opened on one. */
export function lrsView(db: SharedHandle): Kysely<LrsTables> {
  return db.withTables<LrsTables>();
}
