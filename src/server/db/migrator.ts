import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseHandle } from './connection.ts';
import { allMigrations } from './migrations.ts';

class StaticProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.migrations;
  }
}

/** Brings the schema up to date; run at start-up, by the CLI and by every test database. */
export async function migrateToLatest(database: DatabaseHandle): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: new StaticProvider(allMigrations()),
    // Areas own their migrations; names are timestamped but may be merged out of order.
    allowUnorderedMigrations: true,
    // Kysely looks for its own tables in every schema unless told which one is ours.
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
