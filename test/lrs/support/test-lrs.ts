/**
 * A test LRS: a fresh migrated database (SQLite, or PostgreSQL when DATABASE_URL says so), the
 * LRS built by createLrs, an express app with the router at /xapi, and credentials.
 */
import express from 'express';
import { createTestDatabase } from '../../helpers/database.ts';
import type { DatabaseHandle as Database } from '../../../src/server/db/connection.ts';
import { createLrs, type Lrs } from '../../../src/lrs/index.ts';

export interface TestLrs {
  app: express.Express;
  lrs: Lrs;
  /** The database handle the LRS was built on (for callers that open their own transaction). */
  db: Database['shared'];
  /** Authorization header value for a credential with the `all` scope. */
  auth: string;
  authFor(scopes: string[], name?: string): Promise<string>;
  /** Another app on the same database, built with other options. */
  appWith(options: { maxBodyBytes?: number }): express.Express;
  /** Unexpected errors the LRS reported (500s, failing listeners). */
  errors: unknown[];
  /** Moves the injected clock. */
  setNow(date: Date): void;
  close(): Promise<void>;
}

export const BASE_URL = 'http://lrs.test';

export function basicAuth(credential: { key: string; secret: string }): string {
  return `Basic ${Buffer.from(`${credential.key}:${credential.secret}`).toString('base64')}`;
}

export async function createTestLrs(options: { maxBodyBytes?: number } = {}): Promise<TestLrs> {
  const database = await createTestDatabase();
  let now: Date | undefined;
  const errors: unknown[] = [];
  const lrs = createLrs({
    db: database.shared,
    dialect: database.dialect,
    baseUrl: BASE_URL,
    clock: () => now ?? new Date(),
    maxBodyBytes: options.maxBodyBytes,
    onError: (error) => {
      errors.push(error);
    },
  });
  const appWith = (more: { maxBodyBytes?: number }) => {
    const other = express();
    other.use('/xapi', createLrs({ db: database.shared, dialect: database.dialect, baseUrl: BASE_URL, onError: (e) => errors.push(e), ...more }).router);
    return other;
  };
  const app = express();
  app.use('/xapi', lrs.router);
  const authFor = async (scopes: string[], name = 'test client') => basicAuth(await lrs.credentials.create({ name, scopes }));
  return {
    app,
    lrs,
    db: database.shared,
    auth: await authFor(['all']),
    errors,
    appWith,
    authFor,
    setNow: (date) => {
      now = date;
    },
    close: () => database.close(),
  };
}
