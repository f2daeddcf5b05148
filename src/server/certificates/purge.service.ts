/**
 * Retention: after the configured period following release, a learner's personal data goes.
 * The registry keeps number, hash, status, dates and initials (what verification needs). The
 * account row is anonymised, which turns the pseudonymous statements in the LRS (actors are
 * opaque ids) into anonymous ones: nothing links them to a person any more.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Clock } from '../clock.ts';
import { RegistryRepository } from './registry.repository.ts';
import type { ReleasesRepository } from './releases.repository.ts';

export interface PurgeReport {
  cutoff: string;
  dryRun: boolean;
  learners: Array<{ userId: string; leavingDate: string }>;
  certificates: number;
}

export class PurgeService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      registry: RegistryRepository;
      releases: ReleasesRepository;
      clock: Clock;
    },
  ) {}

  async purge(olderThanDays: number, dryRun: boolean): Promise<PurgeReport> {
    const cutoff = new Date(this.deps.clock().getTime() - olderThanDays * 86_400_000).toISOString().slice(0, 10);
    const due = await this.deps.releases.releasedBefore(cutoff);
    const report: PurgeReport = { cutoff, dryRun, learners: due.map((r) => ({ userId: r.userId, leavingDate: r.leavingDate as string })), certificates: 0 };
    if (dryRun) {
      for (const r of due) report.certificates += (await this.deps.registry.list({ userId: r.userId }, 1000)).length;
      return report;
    }
    const now = this.deps.clock().toISOString();
    for (const r of due) {
      await this.deps.db.transaction().execute(async (trx) => {
        report.certificates += await new RegistryRepository(trx).purgePersonalData(r.userId, now);
        await trx
          .updateTable('learner_releases')
          .set({ birth_date: null, appraisal_json: '[]', overrides_json: '[]', purged_at: now, updated_at: now, updated_by: null })
          .where('user_id', '=', r.userId)
          .execute();
        const alias = `ancien-${r.userId.slice(-8)}`;
        await trx
          .updateTable('users')
          .set({ display_name: 'Ancien stagiaire', name_key: 'ancien stagiaire', login: alias, login_key: alias, active: 0, updated_at: now })
          .where('id', '=', r.userId)
          .execute();
      });
    }
    return report;
  }
}
