import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { lmsView, type Database as Tables, type SharedHandle } from './database.ts';

export type DialectName = 'sqlite' | 'postgres';

/** A live database handle: the Kysely instance plus what differs between dialects. */
export interface DatabaseHandle {
  /** The LMS's tables, typed (db/database.ts). */
  db: Kysely<Tables>;
  /** The same connection naming no table: what the LRS and units of work are given (they type their own views). */
  shared: SharedHandle;
  dialect: DialectName;
  /** PostgreSQL schema every connection uses, when not the default (tests use one each). */
  schema?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL only: run every connection with this search_path (tests use one schema each). */
  pgSchema?: string;
  /** PostgreSQL pool size. */
  pgPoolSize?: number;
}

// int8 (bigint) and numeric come back as strings by default; our bigints are millisecond
// timestamps and counters that fit in a double, so read them as numbers on both dialects.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function dialectOf(url: string): DialectName {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  throw new Error(`unsupported DATABASE_URL "${url}": use sqlite:<path> or postgres://...`);
}

export function sqlitePathOf(url: string): string {
  return url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
}

/**
 * The SQLite file holds personal data, password hashes and the sealed signing key: readable
 * and writable by the app's own user only (0600), its -wal and -shm companions too (SQLite gives
 * them the database file's mode). A file left 0644 by an older release is tightened.
 */
function restrictToOwner(file: string): void {
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
}

/**
 * The schema a PostgreSQL URL selects with `?options=-c search_path=<schema>`. The migrator must
 * know it: Kysely otherwise looks for its own tables in every schema and, finding another
 * schema's, never creates them in this one.
 */
export function searchPathSchemaOf(url: string): string | undefined {
  let options: string | null;
  try {
    options = new URL(url).searchParams.get('options');
  } catch {
    return undefined;
  }
  return /(?:^|\s)-c\s*search_path=([A-Za-z_][A-Za-z0-9_]*)(?:\s|$)/.exec(options ?? '')?.[1];
}

const PREPARED_MAX = 500;

/**
 * Kysely prepares every query it runs; compiling the same SQL again is a large share of a small
 * query's cost (and of each LRS batch's inserts). The same text gets the same prepared statement
 * back, unless that one is still being iterated. Bounded: past PREPARED_MAX texts it starts again.
 */
function withPreparedStatements(sqlite: BetterSqlite3.Database): { close(): void; prepare(sql: string): BetterSqlite3.Statement } {
  const prepared = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const cached = prepared.get(sql);
      if (cached && !cached.busy) return cached;
      const statement = sqlite.prepare(sql);
      if (!cached) {
        if (prepared.size >= PREPARED_MAX) prepared.clear();
        prepared.set(sql, statement);
      }
      return statement;
    },
  };
}

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<DatabaseHandle> {
  const dialect = dialectOf(url);
  if (dialect === 'sqlite') {
    const file = sqlitePathOf(url);
    if (file !== ':memory:') {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
      restrictToOwner(file);
    }
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    if (file !== ':memory:') restrictToOwner(file);
    // synchronous=FULL: an acknowledged write survives kill -9 and power loss (LRS durability).
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const shared: SharedHandle = new Kysely<object>({ dialect: new SqliteDialect({ database: withPreparedStatements(sqlite) }) });
    return { db: lmsView(shared), shared, dialect, close: () => shared.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.pgPoolSize ?? 10,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
  });
  const shared: SharedHandle = new Kysely<object>({ dialect: new PostgresDialect({ pool }) });
  return { db: lmsView(shared), shared, dialect, schema: options.pgSchema ?? searchPathSchemaOf(url), close: () => shared.destroy() };
}
