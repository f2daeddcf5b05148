/**
 * One learner action, one transaction: the LMS rows it changes and the statements it emits
 * commit together or not at all (SQLite and PostgreSQL alike). LRS listeners (projections) run
 * only after the commit, never on work that rolled back.
 */
import type { Kysely, Transaction } from 'kysely';
import type { LrsTransaction } from '../../lrs/index.ts';

export interface UnitOfWork<DB> {
  /** Every read and write of the action goes through this handle (on SQLite the outer handle would wait for it). */
  db: Transaction<DB>;
  lrs: LrsTransaction;
}

export type RunUnitOfWork<DB> = <T>(work: (uow: UnitOfWork<DB>) => Promise<T>) => Promise<T>;

/** `lrs` is the LRS service; its transactions join the handle given here. */
export function unitOfWork<DB>(db: Kysely<DB>, lrs: { withTransaction(trx: Kysely<DB>): LrsTransaction }): RunUnitOfWork<DB> {
  return async (work) => {
    let joined: LrsTransaction | undefined;
    const result = await db.transaction().execute(async (trx) => {
      joined = lrs.withTransaction(trx);
      return work({ db: trx, lrs: joined });
    });
    await joined?.afterCommit();
    return result;
  };
}
