/**
 * The only places where SQLite and PostgreSQL differ for the LRS. Everything else is one set of
 * Kysely queries.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export type LrsDialect = 'sqlite' | 'postgres';

/** Column type for binary content (documents, attachments). */
export function binaryType(dialect: LrsDialect): 'blob' | 'bytea' {
  return dialect === 'postgres' ? 'bytea' : 'blob';
}

/** Does this driver error mean a UNIQUE/PRIMARY KEY constraint was violated? */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Binary columns come back as Buffer (pg) or Uint8Array/Buffer (better-sqlite3). */
export function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value);
  if (typeof value === 'string') return Buffer.from(value);
  return Buffer.alloc(0);
}

/**
 * Serialises writers so that stored ids are handed out in commit order. SQLite has one
 * connection already; on PostgreSQL a transaction-scoped advisory lock does the same job across
 * instances.
 */
export async function lockStatementWrites(trx: Kysely<unknown>, dialect: LrsDialect): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(7310301)`.execute(trx);
}

/**
 * PostgreSQL text cannot hold U+0000 (SQLite can); values that reach text columns as they are
 * (terms, document keys) escape it the way JSON does, on both dialects so rows stay identical.
 */
export function storableText(value: string): string {
  return value.includes('\u0000') ? value.replace(/\u0000/g, '\\u0000') : value;
}
