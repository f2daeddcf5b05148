import { isTimeAllowance, TIME_ALLOWANCES, type TimeAllowance } from '../time-allowance.ts';

/** The trainer's "temps adapté" form on the learner page: the current value and the choices. */
export function timeAllowanceView(current: TimeAllowance, justSaved: unknown) {
  return {
    currentKey: `adaptations.allowance.${current}`,
    savedKey: isTimeAllowance(justSaved) ? `adaptations.allowance.${justSaved}` : null,
    options: TIME_ALLOWANCES.map((value) => ({ value, labelKey: `adaptations.allowance.${value}`, selected: value === current })),
  };
}
