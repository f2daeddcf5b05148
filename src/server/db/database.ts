import type { Kysely, Transaction } from 'kysely';

/**
 * The one type of the LMS's storage: every table and its row type. db/ declares only the
 * migrator's own tables; each area adds its tables from its `*.tables.ts` file, next to its
 * migrations, by declaration merging (`declare module '../db/database.ts' { interface Database
 * { ... } }`), so that db/ imports no area and the whole type is still one. The LRS's tables are
 * not in it: the LRS types them itself (src/lrs/storage/tables.ts) and no LMS code reads them.
 */
export interface Database {
  /** Kysely's migrator: which migrations have run. */
  kysely_migration: { name: string; timestamp: string };
  kysely_migration_lock: { id: string; is_locked: number };
}

/** The same tables as a type literal, the shape Kysely's `withTables` asks for. */
export type DatabaseTables = { [Table in keyof Database]: Database[Table] };

/**
 * A handle that names no table. Kysely handles are invariant in their tables, so one typed
 * handle cannot be handed to code typed with other tables (the LRS): both are views of this one.
 */
export type SharedHandle = Kysely<object>;

/** The LMS's typed view of the shared handle. */
export function lmsView(shared: SharedHandle): Kysely<Database> {
  return shared.withTables<DatabaseTables>();
}

/** The LMS's typed view of a transaction opened on the shared handle. */
export function lmsTransaction(trx: Transaction<object>): Transaction<Database> {
  return trx.withTables<DatabaseTables>();
}
