import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/database.ts';
import type { User } from './user.ts';
import { compareNames } from '../text/natural-order.ts';
import type { Role } from './roles.ts';
import type { UsersTable } from './accounts.tables.ts';
import type { ExistingAccounts } from './account-list.ts';

type AnyDb = Kysely<Database>;

const COLUMNS = ['id', 'login', 'display_name', 'role', 'active', 'must_change_password', 'created_at', 'password_hash'] as const;

type UserRow = Pick<Selectable<UsersTable>, (typeof COLUMNS)[number]>;

function toUser(row: UserRow): User {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role,
    active: Number(row.active) === 1,
    mustChangePassword: Number(row.must_change_password) === 1,
    createdAt: row.created_at,
  };
}

export interface UserListFilter {
  role?: Role;
  search?: string;
  active?: boolean;
}

/** Storage of accounts; returns domain users, never rows. */
export class UsersRepository {
  constructor(private readonly db: AnyDb) {}

  async findById(id: string): Promise<User | null> {
    const row = (await this.db.selectFrom('users').select(COLUMNS).where('id', '=', id).executeTakeFirst());
    return row ? toUser(row) : null;
  }

  async findByIds(ids: string[]): Promise<User[]> {
    if (ids.length === 0) return [];
    const rows = (await this.db.selectFrom('users').select(COLUMNS).where('id', 'in', ids).execute());
    return rows.map(toUser);
  }

  /** The user and their password hash, for login only. */
  async findCredentials(loginKey: string): Promise<{ user: User; passwordHash: string } | null> {
    const row = await this.db.selectFrom('users').select(COLUMNS).where('login_key', '=', loginKey).executeTakeFirst();
    return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
  }

  async loginKeyExists(loginKey: string): Promise<boolean> {
    const row = await this.db.selectFrom('users').select('id').where('login_key', '=', loginKey).executeTakeFirst();
    return row !== undefined;
  }

  /** Every login and name already taken, folded, for planning a list of new accounts. */
  async existingAccounts(): Promise<ExistingAccounts> {
    const rows = await this.db.selectFrom('users').select(['login', 'login_key', 'name_key']).execute();
    return { loginKeys: new Set(rows.map((r) => r.login_key)), loginByNameKey: new Map(rows.map((r) => [r.name_key, r.login])) };
  }

  async findByLoginKeys(keys: string[]): Promise<User[]> {
    if (keys.length === 0) return [];
    return (await this.db.selectFrom('users').select(COLUMNS).where('login_key', 'in', keys).execute()).map(toUser);
  }

  async insert(user: {
    id: string;
    login: string;
    loginKey: string;
    displayName: string;
    nameKey: string;
    role: Role;
    passwordHash: string;
    now: string;
  }): Promise<void> {
    await this.db
      .insertInto('users')
      .values({
        id: user.id,
        login: user.login,
        login_key: user.loginKey,
        display_name: user.displayName,
        name_key: user.nameKey,
        role: user.role,
        password_hash: user.passwordHash,
        must_change_password: 1,
        active: 1,
        created_at: user.now,
        updated_at: user.now,
      })
      .execute();
  }

  async setPassword(id: string, passwordHash: string, mustChange: boolean, now: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async setActive(id: string, active: boolean, now: string): Promise<void> {
    await this.db.updateTable('users').set({ active: active ? 1 : 0, updated_at: now }).where('id', '=', id).execute();
  }

  async list(filter: UserListFilter = {}): Promise<User[]> {
    let query = this.db.selectFrom('users').select(COLUMNS);
    if (filter.role) query = query.where('role', '=', filter.role);
    if (filter.active !== undefined) query = query.where('active', '=', filter.active ? 1 : 0);
    if (filter.search) {
      const pattern = `%${filter.search.replace(/[%_\\]/g, '')}%`;
      query = query.where((eb) => eb.or([eb('name_key', 'like', pattern), eb('login_key', 'like', pattern)]));
    }
    const rows = await query.orderBy('role').orderBy('name_key').execute();
    // Within a role, names in natural order ("Stagiaire 2" before "Stagiaire 10"): SQL collations cannot.
    return rows.map(toUser).sort((a, b) => (a.role === b.role ? compareNames(a.displayName, b.displayName) : a.role < b.role ? -1 : 1));
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
