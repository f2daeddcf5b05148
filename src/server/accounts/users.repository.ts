import { PostgresAdapter, sql, type Kysely, type Selectable } from 'kysely';
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

  async reactivate(id: string, now: string): Promise<boolean> {
    const result = await this.db.updateTable('users').set({ active: 1, updated_at: now }).where('id', '=', id).where('active', '=', 0).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Deactivates an account unless it is the last active admin. The check and the update are one
   * conditional UPDATE inside a transaction that first locks the active admins' rows: on
   * PostgreSQL two admins deactivating each other at once would otherwise each count the other
   * as still active (READ COMMITTED); with the lock the second waits, then counts again. SQLite
   * runs one transaction at a time on its single connection.
   */
  async deactivateUnlessLastAdmin(id: string, now: string): Promise<'deactivated' | 'alreadyInactive' | 'lastActiveAdmin'> {
    return this.db.transaction().execute(async (trx) => {
      if (trx.getExecutor().adapter instanceof PostgresAdapter) {
        await trx.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1).orderBy('id').forUpdate().execute();
      }
      const result = await trx
        .updateTable('users')
        .set({ active: 0, updated_at: now })
        .where('id', '=', id)
        .where('active', '=', 1)
        .where((eb) =>
          eb.or([
            eb('role', '<>', 'admin'),
            eb(
              trx.selectFrom('users as other').select(sql<number>`count(*)`.as('n')).where('other.role', '=', 'admin').where('other.active', '=', 1).where('other.id', '<>', id),
              '>',
              0,
            ),
          ]),
        )
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) return 'deactivated';
      const row = await trx.selectFrom('users').select(['role', 'active']).where('id', '=', id).executeTakeFirst();
      return row && Number(row.active) === 1 && row.role === 'admin' ? 'lastActiveAdmin' : 'alreadyInactive';
    });
  }

  /** How many admins can still log in (the admin page hides "Deactivate" from the last one). */
  async countActiveAdmins(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('role', '=', 'admin')
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(row.n);
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
