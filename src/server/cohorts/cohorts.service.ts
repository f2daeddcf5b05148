import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../clock.ts';
import { BadRequestError, NotFoundError } from '../errors.ts';
import type { AuditRepository } from '../accounts/audit.repository.ts';
import type { UsersRepository } from '../accounts/users.repository.ts';
import type { RequestOrigin } from '../accounts/accounts.service.ts';
import type { CohortsRepository } from './cohorts.repository.ts';
import type { Cohort, CohortWithMembers } from './cohort.ts';

export interface CohortInput {
  name: string;
  startDate: string;
  endDate: string;
}

export class CohortsService {
  constructor(
    private readonly cohorts: CohortsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async create(input: CohortInput, origin: RequestOrigin): Promise<Cohort> {
    if (input.endDate < input.startDate) throw new BadRequestError('cohorts.errors.endBeforeStart', { endDate: 'cohorts.errors.endBeforeStart' });
    const cohort: Cohort = { id: uuidv7(), ...input, createdAt: this.clock().toISOString() };
    await this.cohorts.insert(cohort);
    await this.audit.record({ at: cohort.createdAt, action: 'cohort_created', actorId: origin.actorId, subject: cohort.id, ip: origin.ip, details: cohort.name });
    return cohort;
  }

  async update(id: string, input: CohortInput, origin: RequestOrigin): Promise<void> {
    await this.require(id);
    if (input.endDate < input.startDate) throw new BadRequestError('cohorts.errors.endBeforeStart', { endDate: 'cohorts.errors.endBeforeStart' });
    await this.cohorts.update(id, input);
    await this.audit.record({ at: this.clock().toISOString(), action: 'cohort_updated', actorId: origin.actorId, subject: id, ip: origin.ip, details: input.name });
  }

  async addMember(cohortId: string, userId: string, origin: RequestOrigin): Promise<void> {
    await this.require(cohortId);
    const user = await this.users.findById(userId);
    if (!user || (user.role !== 'learner' && user.role !== 'trainer')) {
      throw new BadRequestError('cohorts.errors.memberRole', { userId: 'cohorts.errors.memberRole' });
    }
    await this.cohorts.addMember(cohortId, userId, user.role);
    await this.audit.record({ at: this.clock().toISOString(), action: 'cohort_member_added', actorId: origin.actorId, subject: userId, ip: origin.ip, details: cohortId });
  }

  async removeMember(cohortId: string, userId: string, origin: RequestOrigin): Promise<void> {
    await this.require(cohortId);
    await this.cohorts.removeMember(cohortId, userId);
    await this.audit.record({ at: this.clock().toISOString(), action: 'cohort_member_removed', actorId: origin.actorId, subject: userId, ip: origin.ip, details: cohortId });
  }

  async require(id: string): Promise<Cohort> {
    const cohort = await this.cohorts.findById(id);
    if (!cohort) throw new NotFoundError('cohorts.errors.notFound');
    return cohort;
  }

  async withMembers(id: string): Promise<CohortWithMembers> {
    const cohort = await this.require(id);
    return { ...cohort, members: await this.cohorts.members(id) };
  }

  list(): Promise<Cohort[]> {
    return this.cohorts.list();
  }
}
