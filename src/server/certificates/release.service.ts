/**
 * The trainer's release workflow before issuing: leaving date, appraisal, level overrides, and
 * the review that gathers the evidence from the LRS.
 */
import type { UsersRepository } from '../accounts/users.repository.ts';
import type { User } from '../accounts/user.ts';
import type { Clock } from '../clock.ts';
import type { CohortsRepository } from '../cohorts/cohorts.repository.ts';
import type { CompetencyFramework } from '../courses/format/types.ts';
import { BadRequestError, NotFoundError } from '../errors.ts';
import type { CompetencyLevel } from '../evidence/competency-levels.ts';
import { learnerEvidence, type LearnerEvidence } from '../evidence/learner-evidence.ts';
import { MIN_JUSTIFICATION_LENGTH, type LevelOverride } from '../evidence/level-overrides.ts';
import type { AppraisalEntry } from './appraisal.ts';
import type { EvidenceSource } from './evidence-source.ts';
import type { LearnerRelease, ReleasesRepository } from './releases.repository.ts';

export interface ReleaseReview {
  learner: User;
  release: LearnerRelease;
  evidence: LearnerEvidence;
  period: { start: string; end: string };
  cohortId: string | null;
  /** The stored framework the evidence was read against (the certificate prints the same one). */
  framework: CompetencyFramework;
}

export class ReleaseService {
  constructor(
    private readonly deps: {
      users: UsersRepository;
      cohorts: CohortsRepository;
      releases: ReleasesRepository;
      source: EvidenceSource;
      baseUrl: string;
      clock: Clock;
    },
  ) {}

  /** A learner account, or 404 (unknown id or not a learner). */
  async learner(userId: string): Promise<User> {
    const user = await this.deps.users.findById(userId);
    if (!user || user.role !== 'learner') throw new NotFoundError();
    return user;
  }

  async review(userId: string): Promise<ReleaseReview> {
    const learner = await this.learner(userId);
    const release = await this.deps.releases.get(userId);
    const { source } = this.deps;
    const statements = await source.statements(userId);
    const cohorts = (await this.deps.cohorts.cohortsOf(userId)).filter((c) => c.memberRole === 'learner');
    const today = this.deps.clock().toISOString().slice(0, 10);
    const end = release.leavingDate ?? today;
    const firstActivity = statements[0] ? String(statements[0].timestamp).slice(0, 10) : end;
    const start = cohorts.map((c) => c.startDate).sort()[0] ?? firstActivity;
    const framework = await source.competencyFramework();
    const evidence = learnerEvidence({
      statements,
      framework,
      modules: await source.moduleOutlines(),
      attendanceHours: await source.attendanceHours(userId, start, end),
      overrides: release.overrides,
      baseUrl: this.deps.baseUrl,
    });
    return { learner, release, evidence, period: { start: start < end ? start : end, end }, cohortId: cohorts[0]?.id ?? null, framework };
  }

  /**
   * A leaving date before the training began, or more than a year ahead, is a typing slip:
   * printed on the certificate it would make the training period nonsense.
   */
  async setLeavingDate(userId: string, date: string, by: string): Promise<void> {
    await this.learner(userId);
    const cohorts = (await this.deps.cohorts.cohortsOf(userId)).filter((c) => c.memberRole === 'learner');
    const firstActivity = (await this.deps.source.statements(userId))[0]?.timestamp;
    const start = [...cohorts.map((c) => c.startDate), ...(firstActivity ? [String(firstActivity).slice(0, 10)] : [])].sort()[0];
    if (start && date < start) throw new BadRequestError('errors.badRequest', { leavingDate: 'certificates.errors.leavingBeforeStart' });
    const latest = new Date(this.deps.clock().getTime() + 366 * 86_400_000).toISOString().slice(0, 10);
    if (date > latest) throw new BadRequestError('errors.badRequest', { leavingDate: 'certificates.errors.leavingTooLate' });
    await this.deps.releases.update(userId, { leavingDate: date }, by, this.now());
  }

  async setBirthDate(userId: string, date: string | null, by: string): Promise<void> {
    await this.learner(userId);
    await this.deps.releases.update(userId, { birthDate: date }, by, this.now());
  }

  async saveAppraisal(userId: string, entries: AppraisalEntry[], by: string): Promise<void> {
    await this.learner(userId);
    await this.deps.releases.update(userId, { appraisal: entries }, by, this.now());
  }

  /** Sets (or with level null, removes) the trainer's level for a competency. */
  async saveOverride(userId: string, code: string, level: CompetencyLevel | null, justification: string, by: string): Promise<void> {
    await this.learner(userId);
    const known = (await this.deps.source.competencyFramework()).blocks.some((b) => b.competencies.some((c) => c.code === code));
    if (!known) throw new BadRequestError('certificates.errors.unknownCompetency', { code: 'certificates.errors.unknownCompetency' });
    const release = await this.deps.releases.get(userId);
    const others = release.overrides.filter((o) => o.code !== code);
    if (level === null) {
      await this.deps.releases.update(userId, { overrides: others }, by, this.now());
      return;
    }
    if (justification.trim().length < MIN_JUSTIFICATION_LENGTH) {
      throw new BadRequestError('certificates.errors.justificationRequired', { justification: 'certificates.errors.justificationRequired' });
    }
    const override: LevelOverride = { code, level, justification: justification.trim(), by, at: this.now() };
    await this.deps.releases.update(userId, { overrides: [...others, override] }, by, this.now());
  }

  private now(): string {
    return this.deps.clock().toISOString();
  }
}
