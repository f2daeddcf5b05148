import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { LrsTables } from '../storage/tables.ts';
import { badRequest } from '../errors.ts';
import { isLrsScope, LRS_SCOPES, type LrsScope } from './scopes.ts';

export interface LrsCredential {
  key: string;
  name: string;
  scopes: LrsScope[];
  createdAt: string;
  active: boolean;
}

export interface LrsCredentialStore {
  create(input: { name: string; scopes: string[] }): Promise<{ key: string; secret: string }>;
  list(): Promise<LrsCredential[]>;
  revoke(key: string): Promise<void>;
  /** The active credential for this key and secret, or undefined. */
  verify(key: string, secret: string): Promise<LrsCredential | undefined>;
}

// Secrets are 32 random bytes, so a plain SHA-256 is enough to keep them out of the database.
const hashSecret = (secret: string): string => crypto.createHash('sha256').update(secret).digest('hex');

type CredentialRow = LrsTables['lrs_credential'];

function toCredential(row: CredentialRow): LrsCredential {
  const scopes: unknown = JSON.parse(row.scopes);
  return {
    key: row.key,
    name: row.name,
    scopes: Array.isArray(scopes) ? scopes.filter(isLrsScope) : [],
    createdAt: row.created_at,
    active: Number(row.active) === 1,
  };
}

// Verified credentials are cached briefly so a request does not cost a query; a revoke on
// another instance takes effect within this delay.
const CACHE_MS = 5000;

export function createCredentialStore(db: Kysely<LrsTables>, clock: () => Date): LrsCredentialStore {
  const cache = new Map<string, { hash: string; credential: LrsCredential | undefined; until: number }>();
  return {
    async create({ name, scopes }) {
      const cleanName = typeof name === 'string' ? name.replace(/[\u0000-\u001f]/g, '').trim() : '';
      if (!cleanName) throw badRequest('A credential needs a name');
      if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every(isLrsScope)) {
        throw badRequest(`Scopes must be a non-empty list of: ${LRS_SCOPES.join(', ')}`);
      }
      const key = crypto.randomBytes(12).toString('hex');
      const secret = crypto.randomBytes(32).toString('base64url');
      await db
        .insertInto('lrs_credential')
        .values({
          key,
          secret_hash: hashSecret(secret),
          name: cleanName,
          scopes: JSON.stringify([...new Set(scopes)]),
          created_at: clock().toISOString(),
          active: 1,
        })
        .execute();
      return { key, secret };
    },
    async list() {
      const rows = await db.selectFrom('lrs_credential').selectAll().orderBy('created_at').execute();
      return rows.map(toCredential);
    },
    async revoke(key) {
      await db.updateTable('lrs_credential').set({ active: 0 }).where('key', '=', key).execute();
      cache.delete(key);
    },
    async verify(key, secret) {
      const hash = hashSecret(secret);
      const now = Date.now();
      const cached = cache.get(key);
      if (cached && cached.until > now && cached.hash === hash) return cached.credential;
      const row = (await db.selectFrom('lrs_credential').selectAll().where('key', '=', key).executeTakeFirst());
      const valid =
        row !== undefined &&
        Number(row.active) === 1 &&
        crypto.timingSafeEqual(Buffer.from(row.secret_hash), Buffer.from(hash));
      const credential = valid ? toCredential(row) : undefined;
      cache.set(key, { hash, credential, until: now + CACHE_MS });
      return credential;
    },
  };
}
