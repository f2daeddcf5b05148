/**
 * The only places where SQLite and PostgreSQL differ for the LRS. Everything else is one set of
 * Kysely queries.
 */
import crypto from 'node:crypto';
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

const MAX_KEY_LENGTH = 512;

/**
 * A value as it is stored in an indexed key column (terms, document keys, activity ids).
 * PostgreSQL text cannot hold U+0000, and a PostgreSQL B-tree entry must stay under ~2.7 kB, so
 * U+0000 is escaped the way JSON does and long values are replaced by their SHA-256. Both
 * dialects store the same form, so rows stay identical.
 */
export function storableKey(value: string): string {
  const clean = value.includes('\u0000') ? value.replace(/\u0000/g, '\\u0000') : value;
  return clean.length > MAX_KEY_LENGTH ? `sha256:${crypto.createHash('sha256').update(clean).digest('hex')}` : clean;
}
