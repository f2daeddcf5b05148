/**
 * The partner sees a group's figures only when the group is large enough that no figure can be
 * read as one person's (k-anonymity, k = 5): in a group of one, "hours on the platform" are that
 * learner's hours. Smaller groups are listed with their name and dates and a sentence saying why
 * their figures are hidden; nothing about them is even computed.
 */
export const PARTNER_MIN_LEARNERS = 5;

export function partnerMaySeeFigures(learnerCount: number): boolean {
  return learnerCount >= PARTNER_MIN_LEARNERS;
}
