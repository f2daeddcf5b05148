import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { TurnRescore } from './turn-rescore.ts';
import type { CallRescoresTable } from '../calls.tables.ts';

type RescoreRow = CallRescoresTable;

type Db = Kysely<Database>;

const toRescore = (r: RescoreRow): TurnRescore => ({
  id: r.id,
  registration: r.registration,
  turn: Number(r.turn),
  percent: Number(r.percent),
  reviewerId: r.reviewer_id,
  revision: Number(r.revision),
  createdAt: r.created_at,
});

/** Trainers' scores of typed answers (`call_rescores`): the source of truth, the LRS has their statements. */
export class CallRescoresRepository {
  constructor(private readonly db: Db) {}

  within(trx: Db): CallRescoresRepository {
    return new CallRescoresRepository(trx);
  }

  /** Oldest revision first. */
  async listForRegistration(registration: string): Promise<TurnRescore[]> {
    const rows = await this.db.selectFrom('call_rescores').selectAll().where('registration', '=', registration).orderBy('revision').execute();
    return rows.map(toRescore);
  }

  async insert(r: TurnRescore): Promise<void> {
    await this.db
      .insertInto('call_rescores')
      .values({ id: r.id, registration: r.registration, turn: r.turn, percent: r.percent, reviewer_id: r.reviewerId, revision: r.revision, created_at: r.createdAt })
      .execute();
  }
}
