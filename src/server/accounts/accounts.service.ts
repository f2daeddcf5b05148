import { isUniqueViolation } from '../db/unique-violation.ts';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../clock.ts';
import { ConflictError, NotFoundError, TooManyRequestsError } from '../errors.ts';
import { searchKey } from '../text/search-key.ts';
import { generateOneTimePassword, hashPassword, verifyPassword } from './password.ts';
import type { AuditRepository } from './audit.repository.ts';
import type { UsersRepository } from './users.repository.ts';
import type { NewUser, User } from './user.ts';

/** Failed logins allowed in the window before that account, or that address, is refused. */
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 20, windowMinutes: 15 };

export interface RequestOrigin {
  ip: string | null;
  actorId: string | null;
}

export function loginKey(login: string): string {
  return searchKey(login);
}

export class AccountsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
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
      passwordHash: await hashPassword(oneTimePassword),
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
   * Checks a login. Failures are journaled and rate-limited per account and per address,
   * so a shared terminal cannot be used to guess a neighbour's password.
   */
  async authenticate(login: string, password: string, ip: string | null): Promise<User | null> {
    const key = loginKey(login);
    const windowStart = new Date(this.clock().getTime() - LOGIN_LIMITS.windowMinutes * 60_000).toISOString();
    const [byAccount, byAddress] = await Promise.all([
      this.audit.countSince('login_failed', { subject: key }, windowStart),
      ip ? this.audit.countSince('login_failed', { ip }, windowStart) : Promise.resolve(0),
    ]);
    if (byAccount >= LOGIN_LIMITS.perAccount || byAddress >= LOGIN_LIMITS.perAddress) {
      throw new TooManyRequestsError('accounts.errors.tooManyAttempts');
    }
    const found = await this.users.findCredentials(key);
    const ok = found !== null && found.user.active && (await verifyPassword(password, found.passwordHash));
    if (!ok || !found) {
      await this.audit.record({ at: this.now(), action: 'login_failed', actorId: found?.user.id ?? null, subject: key, ip, details: null });
      return null;
    }
    await this.audit.record({ at: this.now(), action: 'login', actorId: found.user.id, subject: key, ip, details: null });
    return found.user;
  }

  async changePassword(userId: string, current: string, next: string, ip: string | null): Promise<boolean> {
    const user = await this.requireUser(userId);
    const found = await this.users.findCredentials(loginKey(user.login));
    if (!found || !(await verifyPassword(current, found.passwordHash))) return false;
    await this.users.setPassword(userId, await hashPassword(next), false, this.now());
    await this.audit.record({ at: this.now(), action: 'password_changed', actorId: userId, subject: userId, ip, details: null });
    return true;
  }

  async resetPassword(userId: string, origin: RequestOrigin): Promise<{ user: User; oneTimePassword: string }> {
    const user = await this.requireUser(userId);
    const oneTimePassword = generateOneTimePassword();
    await this.users.setPassword(userId, await hashPassword(oneTimePassword), true, this.now());
    await this.audit.record({ at: this.now(), action: 'password_reset', actorId: origin.actorId, subject: userId, ip: origin.ip, details: null });
    return { user, oneTimePassword };
  }

  async setActive(userId: string, active: boolean, origin: RequestOrigin): Promise<User> {
    await this.requireUser(userId);
    await this.users.setActive(userId, active, this.now());
    await this.audit.record({
      at: this.now(),
      action: active ? 'user_reactivated' : 'user_deactivated',
      actorId: origin.actorId,
      subject: userId,
      ip: origin.ip,
      details: null,
    });
    return this.requireUser(userId);
  }

  async requireUser(userId: string): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user) throw new NotFoundError('accounts.errors.userNotFound');
    return user;
  }
}
