/**
 * Client compatibility: tincanjs (xAPI 1.0.2, PUT with statementId) and @xapi/xapi (2.0.0) store
 * and read back against the LRS listening on a real port. (2.0 clients are covered by supertest.)
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { expect } from 'chai';
import xapiModule from '@xapi/xapi';
import { createTestLrs, type TestLrs } from '../support/test-lrs.ts';

const require = createRequire(import.meta.url);
// A CommonJS package: its class is both module.exports and module.exports.default.
const XAPI = xapiModule.default;

interface TinCanStatement {
  id: string;
  verb: { id: string };
  result?: { score?: { scaled?: number } };
}
interface TinCanLrs {
  saveStatement(statement: unknown, cfg: { callback: (err: unknown, xhr: { status: number }) => void }): void;
  retrieveStatement(id: string, cfg: { callback: (err: unknown, statement: TinCanStatement | null) => void }): void;
  saveState(key: string, value: unknown, cfg: Record<string, unknown>): void;
  retrieveState(key: string, cfg: Record<string, unknown>): void;
}
interface TinCanModule {
  LRS: new (cfg: Record<string, unknown>) => TinCanLrs;
  Statement: new (cfg: Record<string, unknown>, options?: Record<string, unknown>) => { id: string };
  Agent: new (cfg: Record<string, unknown>) => unknown;
  Activity: new (cfg: Record<string, unknown>) => unknown;
  versions(): string[];
}
const TinCan = require('tincanjs') as TinCanModule;

describe('LRS client compatibility (tincanjs, @xapi/xapi)', function () {
  this.timeout(30000);
  let t: TestLrs;
  let server: Server;
  let endpoint: string;
  let key: string;
  let secret: string;

  before(async () => {
    t = await createTestLrs();
    ({ key, secret } = await t.lrs.credentials.create({ name: 'clients', scopes: ['all'] }));
    server = t.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/xapi/`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    expect(t.errors).to.deep.equal([]);
    await t.close();
  });

  it('tincanjs (1.0.2) saves a statement with PUT and retrieves it, and saves state', async () => {
    expect(TinCan.versions()[0]).to.equal('1.0.2');
    const lrs = new TinCan.LRS({ endpoint, username: key, password: secret, allowFail: false });
    const statement = new TinCan.Statement(
      {
        actor: { mbox: 'mailto:learner@example.com', name: 'Learner' },
        verb: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
        target: { id: 'http://tremplin.test/activities/quiz-1', definition: { name: { 'fr-FR': 'Quiz 1' } } },
        result: { score: { scaled: 0.8 }, success: true },
      },
      { doStamp: true },
    );
    const status = await new Promise<number>((resolve, reject) =>
      lrs.saveStatement(statement, { callback: (err, xhr) => (err ? reject(new Error(`tincan save failed: ${String(err)} ${xhr?.status}`)) : resolve(xhr.status)) }),
    );
    expect(status).to.equal(204); // PUT
    const back = await new Promise<TinCanStatement | null>((resolve, reject) =>
      lrs.retrieveStatement(statement.id, { callback: (err, s) => (err ? reject(new Error(String(err))) : resolve(s)) }),
    );
    expect(back?.id).to.equal(statement.id);
    expect(back?.verb.id).to.equal('http://adlnet.gov/expapi/verbs/passed');
    expect(back?.result?.score?.scaled).to.equal(0.8);
    const stored = await t.lrs.service.getStatement(statement.id);
    expect(stored?.version).to.equal('1.0.0');

    const agent = new TinCan.Agent({ mbox: 'mailto:learner@example.com' });
    const activity = new TinCan.Activity({ id: 'http://tremplin.test/activities/quiz-1' });
    await new Promise<void>((resolve, reject) =>
      lrs.saveState('bookmark', { page: 4 }, { agent, activity, contentType: 'application/json', callback: (err: unknown) => (err ? reject(new Error(String(err))) : resolve()) }),
    );
    const state = await new Promise<{ contents: unknown }>((resolve, reject) =>
      lrs.retrieveState('bookmark', { agent, activity, callback: (err: unknown, s: { contents: unknown }) => (err ? reject(new Error(String(err))) : resolve(s)) }),
    );
    expect(state.contents).to.deep.equal({ page: 4 });
  });

  it('@xapi/xapi (1.0.3, its newest typed version) sends statements, reads one back, queries and follows more', async () => {
    const xapi = new XAPI({ endpoint, auth: XAPI.toBasicAuth(key, secret), version: '1.0.3' });
    const actor = { objectType: 'Agent' as const, account: { homePage: 'http://tremplin.test', name: 'learner-42' } };
    const statements = Array.from({ length: 3 }, (_, i) => ({
      actor,
      verb: XAPI.Verbs.ANSWERED,
      object: { objectType: 'Activity' as const, id: `http://tremplin.test/activities/q-${i}` },
      result: { response: `answer ${i}` },
    }));
    const sent = await xapi.sendStatements({ statements });
    expect(sent.data).to.have.length(3);
    const one = await xapi.getStatement({ statementId: sent.data[0] });
    expect(one.data.id).to.equal(sent.data[0]);
    expect(one.data.version).to.equal('1.0.0');
    const page = await xapi.getStatements({ agent: actor, limit: 2 });
    if (!('statements' in page.data)) throw new Error('expected a StatementResult');
    expect(page.data.statements).to.have.length(2);
    expect(page.data.more).to.be.a('string').and.not.equal('');
    const rest = await xapi.getMoreStatements({ more: page.data.more as string });
    if (!('statements' in rest.data)) throw new Error('expected a StatementResult');
    expect(rest.data.statements).to.have.length(1);
    const voided = await xapi.voidStatement({ actor, statementId: sent.data[0] });
    expect(voided.data).to.have.length(1);
    const gone = await xapi.getVoidedStatement({ voidedStatementId: sent.data[0] });
    expect(gone.data.id).to.equal(sent.data[0]);
  });
});
