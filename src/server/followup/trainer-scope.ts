import type { CohortsRepository } from '../cohorts/cohorts.repository.ts';
import type { Cohort, CohortMember } from '../cohorts/cohort.ts';
import type { UsersRepository } from '../accounts/users.repository.ts';
import type { User } from '../accounts/user.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';

export interface CohortScope {
  cohort: Cohort;
  /** Every cohort the trainer follows, for the cohort switcher. */
  cohorts: Cohort[];
  learners: CohortMember[];
}

/**
 * What a trainer may see: the cohorts they are a trainer of, and the learners in them. An
 * unknown id is a 404; a real cohort or learner that is not theirs is a 403.
 */
export class TrainerScope {
  constructor(
    private readonly cohorts: CohortsRepository,
    private readonly users: UsersRepository,
  ) {}

  async cohortsOf(trainerId: string): Promise<Cohort[]> {
    return (await this.cohorts.cohortsOf(trainerId)).filter((c) => c.memberRole === 'trainer');
  }

  /** The requested cohort, or the trainer's most recent one; null when they have none. */
  async cohort(trainerId: string, cohortId?: string): Promise<CohortScope | null> {
    const mine = await this.cohortsOf(trainerId);
    let cohort: Cohort | undefined;
    if (cohortId) {
      cohort = mine.find((c) => c.id === cohortId);
      if (!cohort) {
        if (!(await this.cohorts.findById(cohortId))) throw new NotFoundError('followup.errors.cohortNotFound');
        throw new ForbiddenError('followup.errors.notYourCohort');
      }
    } else {
      cohort = mine[0];
    }
    if (!cohort) return null;
    const learners = (await this.cohorts.members(cohort.id)).filter((m) => m.memberRole === 'learner');
    return { cohort, cohorts: mine, learners };
  }

  /** A learner the trainer follows, with the cohort they share. */
  async learner(trainerId: string, learnerId: string): Promise<{ learner: User; cohort: Cohort }> {
    const learner = await this.users.findById(learnerId);
    if (!learner || learner.role !== 'learner') throw new NotFoundError('followup.errors.learnerNotFound');
    const mine = new Map((await this.cohortsOf(trainerId)).map((c) => [c.id, c]));
    const shared = (await this.cohorts.cohortsOf(learnerId)).find((c) => mine.has(c.id));
    if (!shared) throw new ForbiddenError('followup.errors.notYourLearner');
    return { learner, cohort: mine.get(shared.id) as Cohort };
  }
}
