/**
 * The xAPI Learning Record Store: a self-contained Express router (mounted at /xapi) plus the
 * in-process service the LMS writes and reads statements through.
 */
import type express from 'express';
import { createCredentialStore, type LrsCredentialStore } from './credentials/credential-store.ts';
import { createDocumentService } from './documents/document-service.ts';
import { createDocumentRepository } from './documents/document-repository.ts';
import { createLrsRouter } from './router.ts';
import { createStatementRepository } from './statements/statement-repository.ts';
import { createStatementService, type LrsService } from './statements/statement-service.ts';
import { createStoredIdGenerator } from './storage/stored-id.ts';
import { createTermIdCache } from './storage/term-ids.ts';
import { lrsView, type SharedHandle } from './storage/tables.ts';
import type { Agent, Statement } from './types.ts';

export type { Agent, Statement } from './types.ts';
export type { SharedHandle } from './storage/tables.ts';
export type { LrsService, LrsTransaction, StoreOptions, StatementListener } from './statements/statement-service.ts';
export type { StatementQuery } from './statements/query-plan.ts';
export type { LrsCredentialStore, LrsCredential } from './credentials/credential-store.ts';
export { LRS_SCOPES, type LrsScope } from './credentials/scopes.ts';
export { LrsError } from './errors.ts';
export { lrsMigrations } from './migrations.ts';

export interface LrsOptions {
  /** A handle naming no table; the LRS types its own view of it (storage/tables.ts). */
  db: SharedHandle;
  dialect: 'sqlite' | 'postgres';
  /** Instance base URL, e.g. http://localhost:3000; the xAPI endpoint is baseUrl + '/xapi'. */
  baseUrl: string;
  clock?: () => Date;
  /** Largest accepted request body (default 20 MB). */
  maxBodyBytes?: number;
  /** Unexpected errors (500s, failing listeners) are reported here. */
  onError?: (error: unknown) => void;
}

export interface Lrs {
  router: express.Router;
  service: LrsService;
  credentials: LrsCredentialStore;
}

export const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;

/** The authority of statements the LMS stores in-process. */
export function lmsAuthority(baseUrl: string): Agent {
  return { objectType: 'Agent', name: 'Tremplin', account: { homePage: baseUrl, name: 'tremplin-lms' } };
}

/**
 * The oldest stored statements, before an Lrs is built (boot reads them to find the identity a
 * database was written with): the LRS's own repository, so no other code reads its tables.
 */
export async function oldestStatements(db: SharedHandle, dialect: 'sqlite' | 'postgres', limit: number): Promise<Statement[]> {
  return (await createStatementRepository(lrsView(db), dialect).after(null, limit)).map((r) => JSON.parse(r.full) as Statement);
}

export function createLrs(options: LrsOptions): Lrs {
  const db = lrsView(options.db);
  const clock = options.clock ?? (() => new Date());
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const onError = options.onError ?? ((error: unknown) => console.error('[lrs]', error));
  const termIds = createTermIdCache();
  const service = createStatementService({
    repo: createStatementRepository(db, options.dialect, termIds),
    repoOn: (trx) => createStatementRepository(lrsView(trx), options.dialect, termIds, true),
    ids: createStoredIdGenerator(clock),
    defaultAuthority: lmsAuthority(baseUrl),
    onListenerError: onError,
  });
  const credentials = createCredentialStore(db, clock);
  const documents = createDocumentService(createDocumentRepository(db), clock);
  const router = createLrsRouter({
    service,
    documents,
    credentials,
    baseUrl,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    clock,
    onError,
  });
  return { router, service, credentials };
}
