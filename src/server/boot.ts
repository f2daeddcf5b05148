import { parseConfig, type Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/connection.ts';
import { migrateToLatest } from './db/migrator.ts';
import { buildContext, type AppContext } from './context.ts';
import { systemClock } from './clock.ts';
import { createLogger } from './logger.ts';
import { resolveInstanceIri } from './xapi/instance-iri.ts';
import { deriveKey } from './secrets/secret-key.ts';

/** Shared by the server and the CLI: config from the environment, database migrated, context built. */
export async function boot(env: Record<string, string | undefined> = process.env): Promise<{ ctx: AppContext; config: Config; database: DatabaseHandle }> {
  const parsed = parseConfig(env);
  const logger = createLogger(parsed.logLevel);
  const database = await openDatabase(parsed.databaseUrl);
  await migrateToLatest(database);
  const config = { ...parsed, instanceIri: await resolveInstanceIri(database, parsed.baseUrl) };
  const ctx = buildContext(config, database, systemClock, logger);
  return { ctx, config, database };
}

/**
 * SESSION_SECRET if given, else derived from the secret key kept out of the database: a copy of
 * the database alone cannot sign a session cookie.
 */
export async function resolveSessionSecret(ctx: AppContext): Promise<string> {
  return ctx.config.sessionSecret ?? deriveKey(ctx.secretKey(), 'session-secret').toString('base64url');
}
