import type { Kysely } from 'kysely';
import type { LrsService, Statement } from '../../lrs/index.ts';
import type { Clock } from '../clock.ts';
import type { CompetencyFramework } from '../courses/format/types.ts';
import { sha256 } from '../courses/format/content-hash.ts';
import { learnerAgent } from '../xapi/actor.ts';
import { DIGEST_VERSION, learnerDigest, type LearnerDigest } from './learner-digest.ts';

interface DigestTables {
  followup_learner_digest: { user_id: string; watermark: string; computed_at: string; digest: string; levels: string | null };
}

type Levels = LearnerDigest['competencies'];

/**
 * Learner digests, kept in followup_learner_digest. Freshness is checked against the LRS on
 * every read (one indexed look-up of the learner's newest statement), so a digest is never
 * stale, whichever instance stored the statement; it is recomputed only when it is.
 */
export class DigestService {
  private readonly db: Kysely<DigestTables>;

  constructor(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    db: Kysely<any>,
    private readonly lrs: LrsService,
    private readonly baseUrl: string,
    private readonly framework: () => CompetencyFramework,
    private readonly clock: Clock,
  ) {
    this.db = db as Kysely<DigestTables>;
  }

  /** Every statement whose actor is the learner, oldest first. */
  async statements(userId: string): Promise<Statement[]> {
    const all: Statement[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.lrs.queryStatements(cursor ? { cursor } : { agent: learnerAgent(this.baseUrl, userId), ascending: true, limit: 500 });
      all.push(...page.statements);
      cursor = page.more;
    } while (cursor);
    return all;
  }

  private frameworkKey: { framework: CompetencyFramework; key: string } | null = null;

  /** A digest depends on the framework too (levels, labels): a new framework makes every digest stale. */
  private frameworkVersion(): string {
    const framework = this.framework();
    if (this.frameworkKey?.framework !== framework) this.frameworkKey = { framework, key: sha256(JSON.stringify(framework)).slice(0, 16) };
    return this.frameworkKey.key;
  }

  /** The digest format, the framework, and the stored id (time-ordered, unique) of the learner's newest statement. */
  private async watermark(userId: string): Promise<string> {
    const newest = await this.lrs.queryStatementRows({ agent: learnerAgent(this.baseUrl, userId), limit: 1 });
    return `${DIGEST_VERSION}:${this.frameworkVersion()}:${newest.rows[0]?.sid ?? 'none'}`;
  }

  /** Forget every stored digest (they are recomputed on their next read). */
  async clear(): Promise<void> {
    await this.db.deleteFrom('followup_learner_digest').execute();
  }

  private async recompute(userId: string, watermark: string): Promise<LearnerDigest> {
    const digest = learnerDigest(await this.statements(userId), this.framework());
    const values = { watermark, computed_at: this.clock().toISOString(), digest: JSON.stringify(digest), levels: JSON.stringify(digest.competencies) };
    await this.db
      .insertInto('followup_learner_digest')
      .values({ user_id: userId, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
      .execute();
    return digest;
  }

  /** Fresh stored JSON of one column per learner, recomputing the stale ones. */
  private async fresh<T>(userIds: readonly string[], column: 'digest' | 'levels', pick: (d: LearnerDigest) => T): Promise<Map<string, T>> {
    const result = new Map<string, T>();
    if (userIds.length === 0) return result;
    const rows = await this.db.selectFrom('followup_learner_digest').select(['user_id', 'watermark', column]).where('user_id', 'in', [...userIds]).execute();
    const stored = new Map(rows.map((r) => [r.user_id, r]));
    for (const userId of userIds) {
      const watermark = await this.watermark(userId);
      const row = stored.get(userId);
      const text = row?.watermark === watermark ? (row as Record<string, unknown>)[column] : null;
      result.set(userId, typeof text === 'string' ? (JSON.parse(text) as T) : pick(await this.recompute(userId, watermark)));
    }
    return result;
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
