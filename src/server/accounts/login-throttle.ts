/**
 * How logins are slowed down on a shared room (issue 13, README "Security").
 *
 * - Per account (by login key, known or not, so the answer does not tell which logins exist):
 *   the first FREE_ATTEMPTS attempts in a window are evaluated at once; after that each attempt
 *   must wait a delay that grows with every further failure, up to MAX_DELAY_MS. A neighbour's
 *   five wrong guesses cost the owner half a minute, not a quarter of an hour; an admin can lift
 *   the delay from the account's page. A success resets the count.
 * - Per address, split by class (staff accounts / everything else): past ADDRESS_FAILURES
 *   failures in the window, an account that has itself failed recently is held until its own
 *   delay is over. A flood from one NAT address never blocks a first, right password, and never
 *   touches the staff's logins.
 */
export const LOGIN_THROTTLE = {
  freeAttempts: 5,
  /** Delay before the next attempt once the free ones are used: 30 s, then doubling. */
  delaysMs: [30_000, 60_000, 120_000, 240_000, 480_000],
  maxDelayMs: 15 * 60_000,
  /** An account's count starts again after this long without an attempt. */
  windowMs: 15 * 60_000,
  addressFailures: 20,
} as const;

/** The wait imposed after the attempt numbered `attempt` (1-based) in the window. */
export function delayAfterAttempt(attempt: number): number {
  if (attempt < LOGIN_THROTTLE.freeAttempts) return 0;
  return LOGIN_THROTTLE.delaysMs[attempt - LOGIN_THROTTLE.freeAttempts] ?? LOGIN_THROTTLE.maxDelayMs;
}

export type AddressClass = 'staff' | 'learner';
