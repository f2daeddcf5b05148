import { expect } from 'chai';
import { createTestLrs, type TestLrs } from '../support/test-lrs.ts';
import { agent, makeStatement, verb } from '../support/statements.ts';
import type { Statement } from '../../../src/lrs/index.ts';

describe('LRS service (in-process, as the LMS uses it)', () => {
  let t: TestLrs;
  beforeEach(async () => {
    t = await createTestLrs();
  });
  afterEach(async () => {
    expect(t.errors).to.deep.equal([]);
    await t.close();
  });

  it('stores with the LMS authority by default and notifies subscribers after commit', async () => {
    const seen: Statement[][] = [];
    t.lrs.service.subscribe(async (stored) => {
      // committed already: the statement can be read back from inside the listener
      expect(await t.lrs.service.getStatement(stored[0].id)).to.not.equal(null);
      seen.push(stored);
    });
    const statement = makeStatement();
    const ids = await t.lrs.service.storeStatements([statement]);
    expect(ids).to.deep.equal([statement.id]);
    const stored = await t.lrs.service.getStatement(ids[0]);
    expect(stored?.authority).to.deep.equal({ objectType: 'Agent', name: 'Tremplin', account: { homePage: 'http://lrs.test', name: 'tremplin-lms' } });
    expect(seen).to.have.length(1);
    expect(seen[0][0].stored).to.equal(stored?.stored);
  });

  it('validates like POST /statements: 400 LrsError, nothing stored, no notification', async () => {
    let notified = 0;
    t.lrs.service.subscribe(() => {
      notified += 1;
    });
    const good = makeStatement();
    const error = await t.lrs.service.storeStatements([good, makeStatement({ verb: { id: 'not an iri' } })]).then(
      () => undefined,
      (e: unknown) => e as { status?: number; message?: string },
    );
    expect(error?.status).to.equal(400);
    expect(error?.message).to.match(/statements\[1\]\.verb/);
    expect(await t.lrs.service.getStatement(good.id as string)).to.equal(null);
    expect(notified).to.equal(0);
    const conflictError = await t.lrs.service
      .storeStatements([good])
      .then(() => t.lrs.service.storeStatements([{ ...good, verb: verb('failed') }]))
      .then(
        () => undefined,
        (e: unknown) => e as { status?: number },
      );
    expect(conflictError?.status).to.equal(409);
  });

  it('queries with a cursor, by agent and verb', async () => {
    const alice = agent('alice');
    for (let i = 0; i < 5; i += 1) await t.lrs.service.storeStatements([makeStatement({ actor: alice })]);
    await t.lrs.service.storeStatements([makeStatement({ actor: agent('bob') })]);
    const first = await t.lrs.service.queryStatements({ agent: alice, verb: 'http://adlnet.gov/expapi/verbs/completed', limit: 3 });
    expect(first.statements).to.have.length(3);
    expect(first.more).to.be.a('string');
    const second = await t.lrs.service.queryStatements({ cursor: first.more });
    expect(second.statements).to.have.length(2);
    expect(second.more).to.equal(undefined);
    const all = [...first.statements, ...second.statements];
    expect(new Set(all.map((s) => s.id)).size).to.equal(5);
    expect(all.every((s) => JSON.stringify(s.actor) === JSON.stringify(alice))).to.equal(true);
  });
});
