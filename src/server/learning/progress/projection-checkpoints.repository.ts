import type { Kysely } from 'kysely';

interface CheckpointTables {
  projection_checkpoint: { name: string; last_sid: string; updated_at: string };
}

/**
 * projection_checkpoint: the stored id of the last LRS statement each projection applied ('' =
 * none yet). Read with `lock` inside the projection's transaction, so two processes (the server
 * and a `projections rebuild`) never apply the same statements twice.
 */
export class ProjectionCheckpoints {
  private readonly db: Kysely<CheckpointTables>;

  constructor(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    db: Kysely<any>,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {
    this.db = db as Kysely<CheckpointTables>;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  within(trx: Kysely<any>): ProjectionCheckpoints {
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
