/**
 * One learner action, one transaction: the LMS rows it changes and the statements it emits
 * commit together or not at all (SQLite and PostgreSQL alike). LRS listeners (projections) run
 * only after the commit, never on work that rolled back.
 */
import type { Transaction } from 'kysely';
import type { LrsTransaction, SharedHandle } from '../../lrs/index.ts';
import { lmsTransaction, type Database } from './database.ts';

export interface UnitOfWork {
  /** Every read and write of the action goes through this handle (on SQLite the outer handle would wait for it). */
  db: Transaction<Database>;
  lrs: LrsTransaction;
}

export type RunUnitOfWork = <T>(work: (uow: UnitOfWork) => Promise<T>) => Promise<T>;

/**
 * `shared` is the handle naming no table (the LMS and the LRS each type their own view of the
 * one transaction); `lrs` is the LRS service, whose transactions join it.
 */
export function unitOfWork(shared: SharedHandle, lrs: { withTransaction(trx: SharedHandle): LrsTransaction }): RunUnitOfWork {
  return async (work) => {
    let joined: LrsTransaction | undefined;
    const result = await shared.transaction().execute(async (trx) => {
      joined = lrs.withTransaction(trx);
      return work({ db: lmsTransaction(trx), lrs: joined });
    });
    await joined?.afterCommit();
    return result;
  };
}
