import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/database.ts';
import type { CallState } from '../roleplay/engine/index.ts';
import type { CallStatus, RoleplayCall } from './roleplay-call.ts';
import type { RoleplayCallsTable } from './calls.tables.ts';

type CallRow = Selectable<RoleplayCallsTable>;

export type CallsDb = Kysely<Database>;

/** Every engine step appends to the transcript, so its length orders the states of a call. */
const revisionOf = (state: CallState): number => state.transcript.length;

const toCall = (r: CallRow): RoleplayCall => ({
  id: r.id,
  userId: r.user_id,
  moduleId: r.module_id,
  itemId: r.item_id,
  version: Number(r.version),
  contentHash: r.content_hash,
  registration: r.registration,
  attempt: Number(r.attempt),
  status: r.status,
  state: JSON.parse(r.state_json) as CallState,
  startedAt: r.started_at,
  updatedAt: r.updated_at,
});

/** Server-side storage of calls, so that a call survives a reload, a logout or a restart. */
export class RoleplayCallsRepository {
  constructor(private readonly db: CallsDb) {}

  /** The same storage on a unit of work's transaction. */
  within(trx: CallsDb): RoleplayCallsRepository {
    return new RoleplayCallsRepository(trx);
  }

  async insert(call: RoleplayCall): Promise<void> {
    await this.db
      .insertInto('roleplay_calls')
      .values({
        id: call.id,
        user_id: call.userId,
        module_id: call.moduleId,
        item_id: call.itemId,
        version: call.version,
        content_hash: call.contentHash,
        registration: call.registration,
        attempt: call.attempt,
        status: call.status,
        revision: revisionOf(call.state),
        state_json: JSON.stringify(call.state),
        started_at: call.startedAt,
        updated_at: call.updatedAt,
      })
      .execute();
  }

  async findById(id: string): Promise<RoleplayCall | null> {
    const row = await this.db.selectFrom('roleplay_calls').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toCall(row) : null;
  }

  async findByRegistration(registration: string): Promise<RoleplayCall | null> {
    const row = await this.db.selectFrom('roleplay_calls').selectAll().where('registration', '=', registration).executeTakeFirst();
    return row ? toCall(row) : null;
  }

  /** A learner's calls, newest activity first; optionally only one item's. */
  async listForUser(userId: string, filter: { moduleId?: string; itemId?: string; status?: CallStatus } = {}): Promise<RoleplayCall[]> {
    let query = this.db.selectFrom('roleplay_calls').selectAll().where('user_id', '=', userId);
    if (filter.moduleId !== undefined) query = query.where('module_id', '=', filter.moduleId);
    if (filter.itemId !== undefined) query = query.where('item_id', '=', filter.itemId);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    const rows = await query.orderBy('updated_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toCall);
  }

  /** How many calls the learner started on an item. */
  async countForItem(userId: string, moduleId: string, itemId: string): Promise<number> {
    const row = await this.db
      .selectFrom('roleplay_calls')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('user_id', '=', userId)
      .where('module_id', '=', moduleId)
      .where('item_id', '=', itemId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /**
   * Stores the next state only if the call is still in progress and unchanged since `from` was
   * read: two posts computed from the same state cannot both be stored (replay protection).
   */
  async advance(id: string, from: CallState, state: CallState, status: CallStatus, updatedAt: string): Promise<boolean> {
    const result = await this.db
      .updateTable('roleplay_calls')
      .set({ state_json: JSON.stringify(state), revision: revisionOf(state), status, updated_at: updatedAt })
      .where('id', '=', id)
      .where('status', '=', 'in_progress')
      .where('revision', '=', revisionOf(from))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
