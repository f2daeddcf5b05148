import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { CompetencyFramework } from '../format/types.ts';

/** A stored version of the competency framework. */
export interface StoredFramework {
  version: number;
  /** sha256 (hex) of the framework's JSON: what digests are keyed by. */
  contentHash: string;
  framework: CompetencyFramework;
}

export function frameworkHash(framework: CompetencyFramework): string {
  return crypto.createHash('sha256').update(JSON.stringify(framework)).digest('hex');
}

/**
 * Versions of the competency framework, as imports stored them. Rows are only ever inserted;
 * the highest version is the current one. Takes the LMS's handle or a transaction on it.
 */
export class FrameworkRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The current version's number and hash (no content: cheap enough to ask on every read). */
  async latestHeader(): Promise<{ version: number; contentHash: string } | undefined> {
    const row = await this.db.selectFrom('course_frameworks').select(['version', 'content_hash']).orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row ? { version: Number(row.version), contentHash: row.content_hash } : undefined;
  }

  async version(version: number): Promise<StoredFramework | undefined> {
    const row = await this.db.selectFrom('course_frameworks').selectAll().where('version', '=', version).executeTakeFirst();
    return row ? { version: Number(row.version), contentHash: row.content_hash, framework: JSON.parse(row.content) as CompetencyFramework } : undefined;
  }

  /**
   * Stores `framework` as the next version unless it equals the current one; returns the
   * current version's number either way. Two instances importing at once race for the same
   * number: the loser reads again.
   */
  async record(framework: CompetencyFramework, now: string): Promise<number> {
    const contentHash = frameworkHash(framework);
    for (;;) {
      const latest = await this.latestHeader();
      if (latest?.contentHash === contentHash) return latest.version;
      const version = (latest?.version ?? 0) + 1;
      const inserted = await this.db
        .insertInto('course_frameworks')
        .values({ version, content_hash: contentHash, content: JSON.stringify(framework), created_at: now })
        .onConflict((oc) => oc.column('version').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return version;
    }
  }
}
