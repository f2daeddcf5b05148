import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { AuditRepository } from './audit.repository.ts';
import { UsersRepository } from './users.repository.ts';

/**
 * The accounts area's storage on a given handle, for another area's transaction (onboarding a
 * group writes accounts, memberships and audit rows together): the way in, not the repositories' files.
 */
export function accountsStorage(db: Kysely<Database>) {
  return { users: new UsersRepository(db), audit: new AuditRepository(db) };
}
