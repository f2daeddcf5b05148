import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';

/**
 * projection_checkpoint: the stored id of the last LRS statement each projection applied ('' =
 * none yet). Read with `lock` inside the projection's transaction, so two processes (the server
 * and a `projections rebuild`) never apply the same statements twice.
 */
export class ProjectionCheckpoints {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  within(trx: Kysely<Database>): ProjectionCheckpoints {
    return new ProjectionCheckpoints(trx, this.dialect);
  }

  /** The checkpoint, holding its row until the transaction ends (SQLite has one writer anyway). */
  async lock(name: string, now: string): Promise<string> {
    await this.db.insertInto('projection_checkpoint').values({ name, last_sid: '', updated_at: now }).onConflict((oc) => oc.column('name').doNothing()).execute();
    let query = this.db.selectFrom('projection_checkpoint').select('last_sid').where('name', '=', name);
    if (this.dialect === 'postgres') query = query.forUpdate();
    return (await query.executeTakeFirstOrThrow()).last_sid;
  }

  async save(name: string, lastSid: string, now: string): Promise<void> {
    await this.db.updateTable('projection_checkpoint').set({ last_sid: lastSid, updated_at: now }).where('name', '=', name).execute();
  }

  /** The checkpoint without locking (health, tests). */
  async read(name: string): Promise<string | null> {
    const row = await this.db.selectFrom('projection_checkpoint').select('last_sid').where('name', '=', name).executeTakeFirst();
    return row?.last_sid ?? null;
  }
}
