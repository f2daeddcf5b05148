import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { LrsService, Statement } from '../../lrs/index.ts';
import type { Clock } from '../clock.ts';
import type { CompetencyFrameworks, CurrentFramework } from '../courses/current-framework.ts';
import { learnerAgent } from '../xapi/actor.ts';
import { addToDigest, DIGEST_VERSION, digestOf, emptyDigestState, type DigestState, type LearnerDigest } from './learner-digest.ts';
import { accountUserId } from './statement-reading.ts';

type Levels = LearnerDigest['competencies'];

const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

/** The stored id of the newest statement a stored digest includes, from its watermark. */
function appliedSid(watermark: string): { version: string; sid: string | null } {
  const [version, , sid] = watermark.split(':');
  return { version, sid: sid === undefined || sid === 'none' ? null : sid };
}

/**
 * Learner digests, kept in followup_learner_digest with the fold state they come from
 * (DigestState) and the stored id of the newest statement folded in. After each store the
 * learners concerned are brought up to date (an LRS subscriber: `refreshFor`), so the board's
 * first render reads stored rows. A read still checks freshness against the LRS (one indexed
 * look-up of the learner's newest statement), so a digest is never stale, whichever instance
 * stored the statement; a stale one is brought up to date by adding only the statements stored
 * after it (a voiding statement among them makes it fold everything again).
 */
export class DigestService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly lrs: LrsService,
    private readonly baseUrl: string,
    private readonly frameworks: CompetencyFrameworks,
    private readonly clock: Clock,
  ) {}

  /** The learner's statements (actor or object) stored after `after` (all when null), oldest first. */
  private async statementsAfter(userId: string, after: { sid: string; stored: string } | null): Promise<Array<{ sid: string; statement: Statement }>> {
    const out: Array<{ sid: string; statement: Statement }> = [];
    // `since` is exclusive and has ms precision: one ms earlier, then the stored ids tell.
    const since = after ? new Date(Date.parse(after.stored) - 1).toISOString() : undefined;
    let page = await this.lrs.queryStatementRows({ agent: learnerAgent(this.baseUrl, userId), ascending: true, limit: 500, since });
    for (;;) {
      for (const row of page.rows) if (!after || row.sid > after.sid) out.push({ sid: row.sid, statement: JSON.parse(row.full) as Statement });
      if (!page.more) return out;
      page = await this.lrs.queryStatementRows({ cursor: page.more });
    }
  }

  /**
   * A digest depends on the framework too (levels, labels): keyed by the stored framework's
   * hash, a newly imported framework re-derives every digest from its state.
   */
  private watermarkOf(sid: string | null, framework: CurrentFramework): string {
    return `${DIGEST_VERSION}:${framework.contentHash.slice(0, 16)}:${sid ?? 'none'}`;
  }

  /** The stored id of the learner's newest statement. */
  private async newestSid(userId: string): Promise<string | null> {
    const newest = await this.lrs.queryStatementRows({ agent: learnerAgent(this.baseUrl, userId), limit: 1 });
    return newest.rows[0]?.sid ?? null;
  }

  /** Forget every stored digest (they are folded again on their next read or store). */
  async clear(): Promise<void> {
    await this.db.deleteFrom('followup_learner_digest').execute();
  }

  /** Adds what was stored since the row (or everything, without a usable row), and stores the result. */
  private async update(userId: string, row: { watermark: string; state: string | null } | undefined, framework: CurrentFramework): Promise<LearnerDigest> {
    const previous = row ? appliedSid(row.watermark) : null;
    let state: (DigestState & { lastStored?: string }) | null =
      row?.state && previous?.version === String(DIGEST_VERSION) && previous.sid !== null ? (JSON.parse(row.state) as DigestState & { lastStored?: string }) : null;
    let after = state && previous?.sid && state.lastStored ? { sid: previous.sid, stored: state.lastStored } : null;
    if (!after) state = null;
    let added = await this.statementsAfter(userId, after);
    if (added.some((a) => (a.statement.verb as { id?: unknown } | undefined)?.id === VOIDED)) {
      // A voided statement leaves the learner's record: fold again from the start.
      state = null;
      after = null;
      added = await this.statementsAfter(userId, null);
    }
    const last = added[added.length - 1];
    const folded = { ...addToDigest(state ?? emptyDigestState(), added.map((a) => a.statement)), lastStored: last ? last.statement.stored : state?.lastStored };
    const sid = last ? last.sid : (previous?.sid ?? null);
    const digest = digestOf(folded, framework.framework);
    const values = {
      watermark: this.watermarkOf(sid, framework),
      computed_at: this.clock().toISOString(),
      digest: JSON.stringify(digest),
      levels: JSON.stringify(digest.competencies),
      state: JSON.stringify(folded),
    };
    await this.db
      .insertInto('followup_learner_digest')
      .values({ user_id: userId, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
      .execute();
    return digest;
  }

  /** Fresh stored JSON of one column per learner, updating the stale ones. */
  private async fresh<T>(userIds: readonly string[], column: 'digest' | 'levels', pick: (d: LearnerDigest) => T): Promise<Map<string, T>> {
    const result = new Map<string, T>();
    if (userIds.length === 0) return result;
    const rows = await this.db.selectFrom('followup_learner_digest').select(['user_id', 'watermark', 'state', column]).where('user_id', 'in', [...userIds]).execute();
    const stored = new Map(rows.map((r) => [r.user_id, r]));
    const framework = await this.frameworks.current();
    for (const userId of userIds) {
      const row = stored.get(userId);
      const text = row?.watermark === this.watermarkOf(await this.newestSid(userId), framework) ? (row as Record<string, unknown>)[column] : null;
      result.set(userId, typeof text === 'string' ? (JSON.parse(text) as T) : pick(await this.update(userId, row, framework)));
    }
    return result;
  }

  /** Brings the digests of these learners up to date (run after each store). */
  async refresh(userIds: readonly string[]): Promise<void> {
    await this.fresh(userIds, 'levels', (d) => d.competencies);
  }

  /** The learners whose digest the statements change: their actors and agent objects of this instance. */
  async refreshFor(statements: readonly Statement[]): Promise<void> {
    const users = new Set<string>();
    for (const s of statements) {
      for (const agent of [s.actor, s.object]) {
        const id = accountUserId(agent, this.baseUrl);
        if (id) users.add(id);
      }
    }
    await this.refresh([...users]);
  }

  /** Whole digests (learner page). */
  digests(userIds: readonly string[]): Promise<Map<string, LearnerDigest>> {
    return this.fresh(userIds, 'digest', (d) => d);
  }

  /** Competency levels only (the board's heat map): a small read for a whole cohort. */
  levels(userIds: readonly string[]): Promise<Map<string, Levels>> {
    return this.fresh(userIds, 'levels', (d) => d.competencies);
  }

  async digest(userId: string): Promise<LearnerDigest> {
    return (await this.digests([userId])).get(userId) as LearnerDigest;
  }
}
