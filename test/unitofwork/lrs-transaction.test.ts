import { expect } from 'chai';
import { sql } from 'kysely';
import { createTestLrs, type TestLrs } from '../lrs/support/test-lrs.ts';
import { makeStatement } from '../lrs/support/statements.ts';
import { unitOfWork } from '../../src/server/db/unit-of-work.ts';

describe('LRS: statements stored in the caller\'s transaction', () => {
  let t: TestLrs;
  beforeEach(async () => {
    t = await createTestLrs();
  });
  afterEach(() => t.close());

  it('rolls back with the caller: nothing stored, no listener run', async () => {
    let notified = 0;
    t.lrs.service.subscribe(() => {
      notified += 1;
    });
    const statement = makeStatement();
    const run = unitOfWork(t.db, t.lrs.service);
    const failure = await run(async (uow) => {
      await uow.lrs.storeStatements([statement]);
      // Visible inside the caller's transaction...
      const inside = await sql<{ n: number }>`select count(*) as n from lrs_statement`.execute(uow.db);
      expect(Number(inside.rows[0].n)).to.equal(1);
      throw new Error('the LMS change failed');
    }).then(() => undefined, (e: unknown) => e as Error);
    expect(failure?.message).to.equal('the LMS change failed');
    // ...and gone with it.
    expect(await t.lrs.service.getStatement(statement.id as string)).to.equal(null);
    expect(notified).to.equal(0);
  });

  it('commits with the caller, then runs the listeners once, after the commit', async () => {
    const seen: string[] = [];
    t.lrs.service.subscribe(async (stored) => {
      expect(await t.lrs.service.getStatement(stored[0].id)).to.not.equal(null);
      seen.push(...stored.map((s) => s.id));
    });
    const first = makeStatement();
    const second = makeStatement();
    const run = unitOfWork(t.db, t.lrs.service);
    await run(async (uow) => {
      await uow.lrs.storeStatements([first]);
      await uow.lrs.storeStatements([second]);
      expect(seen).to.deep.equal([]);
    });
    expect(seen).to.deep.equal([first.id, second.id]);
  });

  it('stores a retry with the same id and content as nothing new', async () => {
    const statement = makeStatement();
    const run = unitOfWork(t.db, t.lrs.service);
    await run((uow) => uow.lrs.storeStatements([statement]));
    await run((uow) => uow.lrs.storeStatements([statement]));
    const rows = await sql<{ n: number }>`select count(*) as n from lrs_statement`.execute(t.db);
    expect(Number(rows.rows[0].n)).to.equal(1);
  });
});
