import { isUniqueViolation } from '../db/unique-violation.ts';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../clock.ts';
import { ConflictError, NotFoundError, TooManyRequestsError } from '../errors.ts';
import { searchKey } from '../text/search-key.ts';
import { loginKey } from './login-key.ts';
import { DUMMY_HASH, generateOneTimePassword, scryptHasher, type PasswordHasher } from './password.ts';
import type { LoginThrottleRepository } from './login-throttle.repository.ts';
import { LOGIN_THROTTLE, type AddressClass } from './login-throttle.ts';
import type { Role } from './roles.ts';
import type { AuditRepository } from './audit.repository.ts';
import type { UsersRepository } from './users.repository.ts';
import type { NewUser, User } from './user.ts';

/** Staff logins are counted apart from learners' on a shared address (a learner flood must not lock them out). */
const addressClassOf = (role: Role | undefined): AddressClass => (role === undefined || role === 'learner' ? 'learner' : 'staff');

export interface RequestOrigin {
  ip: string | null;
  actorId: string | null;
}

export { loginKey };

export class AccountsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    private readonly throttle: LoginThrottleRepository,
    private readonly passwords: PasswordHasher = scryptHasher,
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  /** Creates an account with a one-time password, returned once and never stored in clear. */
  async createUser(input: NewUser, origin: RequestOrigin): Promise<{ user: User; oneTimePassword: string }> {
    const key = loginKey(input.login);
    const taken = () => new ConflictError('accounts.errors.loginTaken', { login: 'accounts.errors.loginTaken' });
    if (await this.users.loginKeyExists(key)) throw taken();
    const oneTimePassword = generateOneTimePassword();
    const id = uuidv7();
    // Two parallel creations both pass the check above: the unique login_key decides.
    await this.users.insert({
      id,
      login: input.login.trim(),
      loginKey: key,
      displayName: input.displayName.trim(),
      nameKey: searchKey(input.displayName),
      role: input.role,
      passwordHash: await this.passwords.hash(oneTimePassword),
      now: this.now(),
    }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? taken() : error;
    });
    await this.audit.record({ at: this.now(), action: 'user_created', actorId: origin.actorId, subject: id, ip: origin.ip, details: input.role });
    const user = await this.users.findById(id);
    if (!user) throw new Error('user vanished after insert');
    return { user, oneTimePassword };
  }

  /**
   * Checks a login, slowed down per account and per address as login-throttle.ts describes.
   * The attempt is counted before the password is evaluated, in one statement, so parallel
   * requests cannot slip past the count. Unknown logins cost the same hash as known ones.
   */
  async authenticate(login: string, password: string, ip: string | null): Promise<User | null> {
    const key = loginKey(login);
    const now = this.clock().getTime();
    const found = await this.users.findCredentials(key);
    const addressClass = addressClassOf(found?.user.role);
    if (ip && (await this.addressFlooded(ip, addressClass, now)) && (await this.throttle.hasRecentAttempts(key, now))) {
      throw new TooManyRequestsError('accounts.errors.tooManyAttempts');
    }
    if (!(await this.throttle.reserve(key, now))) throw new TooManyRequestsError('accounts.errors.tooManyAttempts');
    const matches = await this.passwords.verify(password, found?.passwordHash ?? DUMMY_HASH);
    if (!found || !found.user.active || !matches) {
      await this.audit.record({ at: this.now(), action: 'login_failed', actorId: found?.user.id ?? null, subject: key, ip, details: addressClass });
      return null;
    }
    await this.throttle.clear(key);
    await this.audit.record({ at: this.now(), action: 'login', actorId: found.user.id, subject: key, ip, details: null });
    return found.user;
  }

  private async addressFlooded(ip: string, addressClass: AddressClass, now: number): Promise<boolean> {
    const since = new Date(now - LOGIN_THROTTLE.windowMs).toISOString();
    return (await this.audit.countSince('login_failed', { ip, details: addressClass }, since)) >= LOGIN_THROTTLE.addressFailures;
  }

  /** Lifts the login delay of an account (an admin, from the account's page). */
  async liftLoginDelay(userId: string, origin: RequestOrigin): Promise<void> {
    const user = await this.requireUser(userId);
    await this.throttle.clear(loginKey(user.login));
    await this.audit.record({ at: this.now(), action: 'login_delay_lifted', actorId: origin.actorId, subject: userId, ip: origin.ip, details: null });
  }

  /** The ids of those accounts that must wait before their next login attempt. */
  async heldAccounts(users: User[]): Promise<Set<string>> {
    const held = await this.throttle.heldKeys(this.clock().getTime());
    return new Set(users.filter((u) => held.has(loginKey(u.login))).map((u) => u.id));
  }

  async changePassword(userId: string, current: string, next: string, ip: string | null): Promise<boolean> {
    const user = await this.requireUser(userId);
    const found = await this.users.findCredentials(loginKey(user.login));
    if (!found || !(await this.passwords.verify(current, found.passwordHash))) return false;
    await this.users.setPassword(userId, await this.passwords.hash(next), false, this.now());
    await this.audit.record({ at: this.now(), action: 'password_changed', actorId: userId, subject: userId, ip, details: null });
    return true;
  }

  async resetPassword(userId: string, origin: RequestOrigin): Promise<{ user: User; oneTimePassword: string }> {
    const user = await this.requireUser(userId);
    const oneTimePassword = generateOneTimePassword();
    await this.users.setPassword(userId, await this.passwords.hash(oneTimePassword), true, this.now());
    await this.audit.record({ at: this.now(), action: 'password_reset', actorId: origin.actorId, subject: userId, ip: origin.ip, details: null });
    return { user, oneTimePassword };
  }

  /**
   * Deactivates or reactivates an account. The last active admin cannot be deactivated (nobody
   * could then manage accounts): refused with a 409, nothing changed. Repeating the same action
   * changes nothing and records nothing again.
   */
  async setActive(userId: string, active: boolean, origin: RequestOrigin): Promise<User> {
    await this.requireUser(userId);
    let changed: boolean;
    if (active) {
      changed = await this.users.reactivate(userId, this.now());
    } else {
      const outcome = await this.users.deactivateUnlessLastAdmin(userId, this.now());
      if (outcome === 'lastActiveAdmin') throw new ConflictError('accounts.errors.lastActiveAdmin');
      changed = outcome === 'deactivated';
    }
    if (changed) {
      await this.audit.record({
        at: this.now(),
        action: active ? 'user_reactivated' : 'user_deactivated',
        actorId: origin.actorId,
        subject: userId,
        ip: origin.ip,
        details: null,
      });
    }
    return this.requireUser(userId);
  }

  async requireUser(userId: string): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user) throw new NotFoundError('accounts.errors.userNotFound');
    return user;
  }
}
