import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/database.ts';
import type { Clock } from '../clock.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { searchKey } from '../text/search-key.ts';
import { accountsStorage } from '../accounts/accounts-storage.ts';
import { generateOneTimePassword, scryptHasher, type PasswordHasher } from '../accounts/password.ts';
import { planAccounts, type ListProblem, type PlannedAccount } from '../accounts/account-list.ts';
import { loginKey } from '../accounts/login-key.ts';
import type { RequestOrigin } from '../accounts/accounts.service.ts';
import type { User } from '../accounts/user.ts';
import { CohortsRepository } from './cohorts.repository.ts';
import type { Cohort } from './cohort.ts';

/** A person and the one-time password just given to them: shown once, on the sheet, never stored in clear. */
export interface IssuedPassword {
  user: User;
  oneTimePassword: string;
}

export type ImportResult = { ok: true; issued: IssuedPassword[]; cohort: Cohort | null } | { ok: false; problems: ListProblem[] };

/** A second submit of the same previewed list (a double click, Back then Send): answered, never applied twice. */
const alreadyImported = () => new ConflictError('accounts.bulk.errors.alreadyCreated');

/**
 * Onboarding a group at once: a pasted list becomes accounts (and memberships) in one
 * transaction, several people join a group in one transaction, a group's learners get new
 * one-time passwords together. Each person gets their own audit row, naming them.
 */
export class OnboardingService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly passwords: PasswordHasher = scryptHasher,
  ) {}

  async preview(text: string): Promise<{ accounts: PlannedAccount[]; problems: ListProblem[] }> {
    return planAccounts(text, await accountsStorage(this.db).users.existingAccounts());
  }

  /**
   * Creates every account of the list, or none. `token` comes from the preview page: the
   * import is recorded under it, so the same form sent twice creates one set of accounts.
   */
  async importAccounts(input: { text: string; cohortId: string | null; token: string }, origin: RequestOrigin): Promise<ImportResult> {
    const batch = `batch:${input.token}`;
    const audit = accountsStorage(this.db).audit;
    if (await audit.exists('users_imported', batch)) throw alreadyImported();
    const cohort = input.cohortId ? await this.requireCohort(input.cohortId) : null;
    const plan = await this.preview(input.text);
    if (plan.problems.length > 0) return { ok: false, problems: plan.problems };
    // Hashing is slow on purpose: done before the transaction, so it holds no lock meanwhile.
    const prepared = await Promise.all(
      plan.accounts.map(async (account) => {
        const oneTimePassword = generateOneTimePassword();
        return { ...account, id: uuidv7(), oneTimePassword, passwordHash: await this.passwords.hash(oneTimePassword) };
      }),
    );
    const at = this.now();
    try {
      await this.db.transaction().execute(async (trx) => {
        const audits = accountsStorage(trx).audit;
        const users = accountsStorage(trx).users;
        const cohorts = new CohortsRepository(trx);
        if (await audits.exists('users_imported', batch)) throw alreadyImported();
        for (const a of prepared) {
          await users.insert({ id: a.id, login: a.login, loginKey: loginKey(a.login), displayName: a.displayName, nameKey: searchKey(a.displayName), role: 'learner', passwordHash: a.passwordHash, now: at });
          await audits.record({ at, action: 'user_created', actorId: origin.actorId, subject: a.id, ip: origin.ip, details: 'learner' });
          if (cohort) {
            await cohorts.addMember(cohort.id, a.id, 'learner');
            await audits.record({ at, action: 'cohort_member_added', actorId: origin.actorId, subject: a.id, ip: origin.ip, details: cohort.id });
          }
        }
        await audits.record({ at, action: 'users_imported', actorId: origin.actorId, subject: batch, ip: origin.ip, details: JSON.stringify({ count: prepared.length, cohortId: cohort?.id ?? null }) });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A parallel submit of the same form committed first; or someone took a login meanwhile.
      if (await audit.exists('users_imported', batch)) throw alreadyImported();
      throw new ConflictError('accounts.bulk.errors.changedMeanwhile');
    }
    const byId = new Map((await accountsStorage(this.db).users.findByIds(prepared.map((a) => a.id))).map((u) => [u.id, u]));
    return { ok: true, cohort, issued: prepared.map((a) => ({ user: byId.get(a.id) as User, oneTimePassword: a.oneTimePassword })) };
  }

  /**
   * Adds people to a group, all or none: those ticked (`userIds`) and those whose logins are
   * typed one a line (`logins`). Unknown logins are problems by line; only learners and
   * trainers may join. Each person added gets an audit row naming them and the group.
   */
  async addMembers(cohortId: string, input: { userIds: string[]; logins: string }, origin: RequestOrigin): Promise<{ ok: true; added: User[] } | { ok: false; problems: ListProblem[] }> {
    const cohort = await this.requireCohort(cohortId);
    const users = accountsStorage(this.db).users;
    const typed = input.logins.split(/\r?\n/).map((raw, index) => ({ line: index + 1, login: raw.trim() })).filter((l) => l.login !== '');
    const found = new Map((await users.findByLoginKeys(typed.map((l) => loginKey(l.login)))).map((u) => [loginKey(u.login), u]));
    const problems: ListProblem[] = typed.filter((l) => !found.has(loginKey(l.login))).map((l) => ({ line: l.line, key: 'unknownLogin', vars: { login: l.login } }));
    const ticked = await users.findByIds([...new Set(input.userIds)]);
    const people = new Map([...ticked, ...found.values()].map((u) => [u.id, u]));
    for (const u of people.values()) {
      if (u.role !== 'learner' && u.role !== 'trainer') problems.push({ line: typed.find((l) => loginKey(l.login) === loginKey(u.login))?.line ?? 0, key: 'notMemberRole', vars: { name: u.displayName } });
    }
    if (ticked.length !== new Set(input.userIds).size) problems.push({ line: 0, key: 'unknownPerson', vars: {} });
    if (problems.length === 0 && people.size === 0) problems.push({ line: 0, key: 'nobodyChosen', vars: {} });
    if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
    const at = this.now();
    await this.db.transaction().execute(async (trx) => {
      const cohorts = new CohortsRepository(trx);
      const audits = accountsStorage(trx).audit;
      for (const u of people.values()) {
        await cohorts.addMember(cohort.id, u.id, u.role === 'trainer' ? 'trainer' : 'learner');
        await audits.record({ at, action: 'cohort_member_added', actorId: origin.actorId, subject: u.id, ip: origin.ip, details: cohort.id });
      }
    });
    return { ok: true, added: [...people.values()] };
  }

  /** New one-time passwords for every active learner of the group, in one transaction (after a confirmation). */
  async resetGroupPasswords(cohortId: string, origin: RequestOrigin): Promise<{ cohort: Cohort; issued: IssuedPassword[] }> {
    const cohort = await this.requireCohort(cohortId);
    const learners = (await new CohortsRepository(this.db).members(cohortId)).filter((m) => m.memberRole === 'learner' && m.active);
    const prepared = await Promise.all(
      learners.map(async (m) => {
        const oneTimePassword = generateOneTimePassword();
        return { userId: m.userId, oneTimePassword, passwordHash: await this.passwords.hash(oneTimePassword) };
      }),
    );
    const at = this.now();
    await this.db.transaction().execute(async (trx) => {
      const users = accountsStorage(trx).users;
      const audits = accountsStorage(trx).audit;
      for (const p of prepared) {
        await users.setPassword(p.userId, p.passwordHash, true, at);
        await audits.record({ at, action: 'password_reset', actorId: origin.actorId, subject: p.userId, ip: origin.ip, details: cohort.id });
      }
    });
    const byId = new Map((await accountsStorage(this.db).users.findByIds(prepared.map((p) => p.userId))).map((u) => [u.id, u]));
    return { cohort, issued: prepared.map((p) => ({ user: byId.get(p.userId) as User, oneTimePassword: p.oneTimePassword })) };
  }

  private async requireCohort(id: string): Promise<Cohort> {
    const cohort = await new CohortsRepository(this.db).findById(id);
    if (!cohort) throw new NotFoundError('cohorts.errors.notFound');
    return cohort;
  }

  private now(): string {
    return this.clock().toISOString();
  }
}
