import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * The LRS's own tables. Statements are stored whole as JSON text next to the few columns and
 * link rows ("terms") that every query filters on; see storage/statement-terms.ts.
 */
function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export const lrsMigrations: Record<string, Migration> = {
  '202611261500_lrs_core': {
    async up(db: Kysely<unknown>) {
      const binary = isPostgres(db) ? 'bytea' : 'blob';
      await db.schema
        .createTable('lrs_statement')
        .addColumn('sid', 'text', (c) => c.primaryKey())
        .addColumn('statement_id', 'text', (c) => c.notNull().unique())
        .addColumn('stored', 'text', (c) => c.notNull())
        .addColumn('voided', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('ref_target', 'text')
        .addColumn('full', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('lrs_statement_ref_target').on('lrs_statement').column('ref_target').execute();
      await db.schema
        .createTable('lrs_statement_term')
        .addColumn('term', 'text', (c) => c.notNull())
        .addColumn('sid', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('lrs_statement_term_pk', ['term', 'sid'])
        .execute();
      await db.schema
        .createTable('lrs_attachment')
        .addColumn('sha2', 'text', (c) => c.primaryKey())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('content', binary, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('lrs_activity')
        .addColumn('activity_id', 'text', (c) => c.primaryKey())
        .addColumn('definition', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('lrs_document')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('activity_id', 'text', (c) => c.notNull())
        .addColumn('agent_ifi', 'text', (c) => c.notNull())
        .addColumn('registration', 'text', (c) => c.notNull())
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('content', binary, (c) => c.notNull())
        .addColumn('etag', 'text', (c) => c.notNull())
        .addColumn('updated', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('lrs_document_pk', ['kind', 'activity_id', 'agent_ifi', 'registration', 'document_id'])
        .execute();
      await db.schema
        .createTable('lrs_credential')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('secret_hash', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['lrs_credential', 'lrs_document', 'lrs_activity', 'lrs_attachment', 'lrs_statement_term', 'lrs_statement']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  },
  '202612031800_lrs_term_dictionary': {
    // Terms are long IRIs repeated on every statement: ten text keys per statement made the term
    // index the largest and slowest part of an insert. Each term is now stored once in lrs_term
    // and the link rows are two keys (term id, stored id), in a WITHOUT ROWID table on SQLite
    // (one B-tree instead of a table plus its primary-key index). Existing rows are carried over.
    async up(db: Kysely<unknown>) {
      const pg = isPostgres(db);
      await db.schema
        .createTable('lrs_term')
        .addColumn('id', pg ? 'serial' : 'integer', (c) => c.primaryKey())
        .addColumn('term', 'text', (c) => c.notNull().unique())
        .execute();
      await sql`insert into lrs_term (term) select distinct term from lrs_statement_term order by term`.execute(db);
      let links = db.schema
        .createTable('lrs_statement_term_link')
        .addColumn('term_id', 'integer', (c) => c.notNull())
        .addColumn('sid', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('lrs_statement_term_link_pk', ['term_id', 'sid']);
      if (!pg) links = links.modifyEnd(sql`without rowid`);
      await links.execute();
      await sql`insert into lrs_statement_term_link (term_id, sid) select t.id, o.sid from lrs_statement_term o join lrs_term t on t.term = o.term`.execute(db);
      await db.schema.dropTable('lrs_statement_term').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema
        .createTable('lrs_statement_term')
        .addColumn('term', 'text', (c) => c.notNull())
        .addColumn('sid', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('lrs_statement_term_pk', ['term', 'sid'])
        .execute();
      await sql`insert into lrs_statement_term (term, sid) select t.term, l.sid from lrs_statement_term_link l join lrs_term t on t.id = l.term_id`.execute(db);
      await db.schema.dropTable('lrs_statement_term_link').execute();
      await db.schema.dropTable('lrs_term').execute();
    },
  },
};
