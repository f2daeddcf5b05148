/**
 * "Temps adapté": how much more time a learner gets at each timed call turn (WCAG 2.2.1,
 * adjustable time limits). A trainer sets it; the call keeps the value it was started with.
 */
export const TIME_ALLOWANCES = ['standard', 'x1.5', 'x2', 'unlimited'] as const;
export type TimeAllowance = (typeof TIME_ALLOWANCES)[number];

export function isTimeAllowance(value: unknown): value is TimeAllowance {
  return typeof value === 'string' && (TIME_ALLOWANCES as readonly string[]).includes(value);
}

/** The engine's time factor: the limit is multiplied by it; null is no limit at all. */
export function timeFactorOf(allowance: TimeAllowance): number | null {
  switch (allowance) {
    case 'standard':
      return 1;
    case 'x1.5':
      return 1.5;
    case 'x2':
      return 2;
    case 'unlimited':
      return null;
  }
}

/** The allowance a stored factor stands for (a call's state keeps the factor). */
export function allowanceOfFactor(factor: number | null | undefined): TimeAllowance {
  if (factor === null) return 'unlimited';
  if (factor === 2) return 'x2';
  if (factor === 1.5) return 'x1.5';
  return 'standard';
}
