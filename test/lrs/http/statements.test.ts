import crypto from 'node:crypto';
import { expect } from 'chai';
import request from 'supertest';
import { createTestLrs, type TestLrs } from '../support/test-lrs.ts';
import { activity, agent, makeStatement, verb, XAPI_1, XAPI_2, type JsonObject } from '../support/statements.ts';

describe('LRS statements resource (HTTP)', () => {
  let t: TestLrs;
  beforeEach(async () => {
    t = await createTestLrs();
  });
  afterEach(async () => {
    expect(t.errors).to.deep.equal([]);
    await t.close();
  });

  const post = (body: unknown, headers: Record<string, string> = XAPI_2) =>
    request(t.app).post('/xapi/statements').set(headers).set('Authorization', t.auth).send(body as object);
  const get = (query: Record<string, string>, headers: Record<string, string> = XAPI_2) =>
    request(t.app).get('/xapi/statements').query(query).set(headers).set('Authorization', t.auth);

  it('stores a POSTed statement and returns it with id, stored, authority, timestamp and version', async () => {
    const statement = makeStatement();
    const res = await post(statement).expect(200);
    expect(res.body).to.deep.equal([statement.id]);
    const back = await get({ statementId: statement.id as string }).expect(200);
    expect(back.body).to.include({ id: statement.id, version: '2.0.0' });
    expect(back.body.actor).to.deep.equal(statement.actor);
    expect(back.body.authority.account.homePage).to.equal('http://lrs.test');
    expect(back.body.stored).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(back.body.timestamp).to.equal(back.body.stored);
    expect(back.headers['x-experience-api-version']).to.equal('2.0.0');
    const consistentThrough = back.headers['x-experience-api-consistent-through'] as string;
    expect(consistentThrough).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    expect(Date.parse(consistentThrough)).to.be.at.least(Date.parse(back.body.stored));
  });

  it('assigns ids to statements that have none, in order', async () => {
    const res = await post([makeStatement({ id: undefined }), makeStatement({ id: undefined })]).expect(200);
    expect(res.body).to.have.length(2);
    for (const id of res.body as string[]) await get({ statementId: id }).expect(200);
  });

  it('stores with PUT, answers 204, is idempotent for the same statement and 409 for a different one', async () => {
    const statement = makeStatement();
    const id = statement.id as string;
    const put = (body: JsonObject) =>
      request(t.app).put('/xapi/statements').query({ statementId: id }).set(XAPI_1).set('Authorization', t.auth).send(body);
    await put(statement).expect(204);
    await put(statement).expect(204);
    await put({ ...statement, verb: verb('failed') }).expect(409);
    const back = await get({ statementId: id }).expect(200);
    expect(back.body.verb.id).to.equal('http://adlnet.gov/expapi/verbs/completed');
    await request(t.app).put('/xapi/statements').set(XAPI_2).set('Authorization', t.auth).send(statement).expect(400);
  });

  it('rejects an invalid statement with 400 naming the path, and stores nothing from the batch', async () => {
    const good = makeStatement();
    const bad = makeStatement({ actor: { mbox: 'not-an-email' } });
    const res = await post([good, bad]).expect(400);
    expect(res.body.message).to.match(/statements\[1\]\.actor/);
    await get({ statementId: good.id as string }).expect(404);
  });

  it('rejects a batch that uses the same id twice', async () => {
    const statement = makeStatement();
    await post([statement, statement]).expect(400);
    await get({ statementId: statement.id as string }).expect(404);
  });

  it('voids a statement: hidden from statementId and queries, returned by voidedStatementId', async () => {
    const target = makeStatement();
    await post(target).expect(200);
    const voiding = makeStatement({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: target.id } });
    await post(voiding).expect(200);
    await get({ statementId: target.id as string }).expect(404);
    const voided = await get({ voidedStatementId: target.id as string }).expect(200);
    expect(voided.body.id).to.equal(target.id);
    const all = await get({}).expect(200);
    expect(all.body.statements.map((s: JsonObject) => s.id)).to.deep.equal([voiding.id]);
    // xAPI: the voiding statement is still found through the voided statement's activity
    const byActivity = await get({ activity: 'http://lrs.test/activities/module-1' }).expect(200);
    expect(byActivity.body.statements.map((s: JsonObject) => s.id)).to.deep.equal([voiding.id]);
  });

  it('filters by agent, verb, activity, registration, related agents and related activities', async () => {
    const registration = crypto.randomUUID();
    const a = makeStatement({ actor: agent('alice'), context: { registration, contextActivities: { parent: activity('http://lrs.test/course') } } });
    const b = makeStatement({ actor: agent('bob'), verb: verb('attempted'), context: { instructor: agent('alice') } });
    const c = makeStatement({ actor: agent('carol'), object: activity('http://lrs.test/activities/other') });
    await post([a, b, c]).expect(200);
    const ids = async (query: Record<string, string>) => ((await get(query).expect(200)).body.statements as JsonObject[]).map((s) => s.id);
    expect(await ids({ agent: JSON.stringify(agent('alice')) })).to.deep.equal([a.id]);
    expect(await ids({ agent: JSON.stringify(agent('alice')), related_agents: 'true' })).to.have.members([a.id, b.id]);
    expect(await ids({ verb: 'http://adlnet.gov/expapi/verbs/attempted' })).to.deep.equal([b.id]);
    expect(await ids({ activity: 'http://lrs.test/course' })).to.deep.equal([]);
    expect(await ids({ activity: 'http://lrs.test/course', related_activities: 'true' })).to.deep.equal([a.id]);
    expect(await ids({ registration })).to.deep.equal([a.id]);
    expect(await ids({ activity: 'http://lrs.test/activities/module-1', verb: 'http://adlnet.gov/expapi/verbs/completed' })).to.deep.equal([a.id]);
    await get({ agent: '{not json' }).expect(400);
    await get({ registration: 'nope' }).expect(400);
    await get({ bogus: '1' }).expect(400);
    await get({ statementId: a.id as string, verb: 'http://x' }).expect(400);
  });

  it('returns statements that target matching statements through a StatementRef', async () => {
    const target = makeStatement({ object: activity('http://lrs.test/target') });
    const ref = makeStatement({ verb: verb('commented'), object: { objectType: 'StatementRef', id: target.id } });
    // stored before its target: the filter must still find it once the target arrives
    await post(ref).expect(200);
    await post(target).expect(200);
    const res = await get({ activity: 'http://lrs.test/target' }).expect(200);
    expect(res.body.statements.map((s: JsonObject) => s.id)).to.have.members([target.id, ref.id]);
  });

  it('pages with more, in stored order, ascending or not, and honours since/until', async () => {
    t.setNow(new Date('2026-01-01T10:00:00.000Z'));
    const first = [makeStatement(), makeStatement(), makeStatement()];
    await post(first).expect(200);
    t.setNow(new Date('2026-01-01T11:00:00.000Z'));
    const second = [makeStatement(), makeStatement()];
    await post(second).expect(200);
    const seen: unknown[] = [];
    let page = await get({ limit: '2' }).expect(200);
    for (;;) {
      seen.push(...page.body.statements.map((s: JsonObject) => s.id));
      if (!page.body.more) break;
      expect(page.body.more).to.match(/^\/xapi\/statements\?more=/);
      page = await request(t.app).get(page.body.more).set(XAPI_2).set('Authorization', t.auth).expect(200);
    }
    expect(seen).to.deep.equal([...first, ...second].map((s) => s.id).reverse());
    const ascending = await get({ ascending: 'true' }).expect(200);
    expect(ascending.body.statements.map((s: JsonObject) => s.id)).to.deep.equal([...first, ...second].map((s) => s.id));
    const since = await get({ since: '2026-01-01T10:30:00Z' }).expect(200);
    expect(since.body.statements.map((s: JsonObject) => s.id)).to.have.members(second.map((s) => s.id));
    const until = await get({ until: '2026-01-01T10:00:00.000Z' }).expect(200);
    expect(until.body.statements.map((s: JsonObject) => s.id)).to.have.members(first.map((s) => s.id));
    await get({ more: 'garbage' }).expect(400);
  });

  it('stores and finds statements with very long identifiers and U+0000 (PostgreSQL key limits)', async () => {
    const longActivity = `http://lrs.test/activities/${'a'.repeat(4000)}`;
    const oddAgent = { objectType: 'Agent', account: { homePage: 'http://lrs.test', name: `nul\u0000${'n'.repeat(3000)}` } };
    const statement = makeStatement({ actor: oddAgent, object: activity(longActivity, { name: { en: 'Long' } }) });
    await post(statement).expect(200);
    const byActivity = await get({ activity: longActivity }).expect(200);
    expect(byActivity.body.statements.map((s: JsonObject) => s.id)).to.deep.equal([statement.id]);
    const byAgent = await get({ agent: JSON.stringify(oddAgent) }).expect(200);
    expect(byAgent.body.statements[0].actor).to.deep.equal(oddAgent);
    await get({ agent: JSON.stringify({ ...oddAgent, account: { homePage: 'http://lrs.test', name: 'nul' } }) }).expect(200).then((r) => expect(r.body.statements).to.deep.equal([]));
    const definition = await request(t.app).get('/xapi/activities').query({ activityId: longActivity }).set(XAPI_2).set('Authorization', t.auth).expect(200);
    expect(definition.body.definition.name).to.deep.equal({ en: 'Long' });
    const state = { activityId: longActivity, agent: JSON.stringify(oddAgent), stateId: `s\u0000${'x'.repeat(3000)}` };
    await request(t.app).put('/xapi/activities/state').query(state).set(XAPI_2).set('Authorization', t.auth).send({ ok: true }).expect(204);
    const back = await request(t.app).get('/xapi/activities/state').query(state).set(XAPI_2).set('Authorization', t.auth).expect(200);
    expect(back.body).to.deep.equal({ ok: true });
  });

  it('keeps stored times moving forward when the clock goes back', async () => {
    t.setNow(new Date('2026-01-01T12:00:00.000Z'));
    const a = makeStatement();
    await post(a).expect(200);
    t.setNow(new Date('2025-01-01T12:00:00.000Z'));
    const b = makeStatement();
    await post(b).expect(200);
    const storedA = (await get({ statementId: a.id as string })).body.stored;
    const storedB = (await get({ statementId: b.id as string })).body.stored;
    expect(storedB >= storedA).to.equal(true);
    const newest = await get({ limit: '1' }).expect(200);
    expect(newest.body.statements[0].id).to.equal(b.id);
  });

  it('formats ids and canonical (with Accept-Language)', async () => {
    const definition = { name: { 'en-US': 'Module one', fr: 'Module un' }, description: { 'en-US': 'First' } };
    const statement = makeStatement({ object: activity('http://lrs.test/m1', definition) });
    await post(statement).expect(200);
    await post(makeStatement({ object: activity('http://lrs.test/m1', { name: { de: 'Modul eins' } }) })).expect(200);
    const ids = await get({ statementId: statement.id as string, format: 'ids' }).expect(200);
    expect(ids.body.object).to.deep.equal({ id: 'http://lrs.test/m1' });
    expect(ids.body.verb).to.deep.equal({ id: 'http://adlnet.gov/expapi/verbs/completed' });
    expect(ids.body.actor).to.deep.equal(agent());
    const canonical = await get({ statementId: statement.id as string, format: 'canonical' })
      .set('Accept-Language', 'fr-FR, fr;q=0.9, en;q=0.5')
      .expect(200);
    expect(canonical.body.object.definition.name).to.deep.equal({ fr: 'Module un' });
    const activityRes = await request(t.app).get('/xapi/activities').query({ activityId: 'http://lrs.test/m1' }).set(XAPI_2).set('Authorization', t.auth).expect(200);
    expect(activityRes.body.definition.name).to.deep.equal({ 'en-US': 'Module one', fr: 'Module un', de: 'Modul eins' });
    await get({ format: 'full' }).expect(400);
  });

  it('accepts attachments as multipart/mixed, checks their SHA-2, and returns them with attachments=true', async () => {
    const content = Buffer.from('hello attachment');
    const sha2 = crypto.createHash('sha256').update(content).digest('hex');
    const statement = makeStatement({
      attachments: [{ usageType: 'http://lrs.test/usage', display: { en: 'note' }, contentType: 'text/plain', length: content.length, sha2 }],
    });
    const multipart = (hash: string) =>
      Buffer.concat([
        Buffer.from(`--b1\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(statement)}\r\n`),
        Buffer.from(`--b1\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${hash}\r\n\r\n`),
        content,
        Buffer.from('\r\n--b1--\r\n'),
      ]);
    const send = (body: Buffer) =>
      request(t.app).post('/xapi/statements').set(XAPI_2).set('Authorization', t.auth).set('Content-Type', 'multipart/mixed; boundary=b1').send(body);
    await send(multipart('0'.repeat(64))).expect(400);
    await post(statement).expect(400); // no part and no fileUrl
    await send(multipart(sha2)).expect(200);
    const res = await get({ statementId: statement.id as string, attachments: 'true' }).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(res.headers['content-type']).to.match(/^multipart\/mixed; boundary=/);
    const text = (res.body as Buffer).toString('utf8');
    expect(text).to.include('hello attachment');
    expect(text).to.include(`X-Experience-API-Hash: ${sha2}`);
  });

  it('needs credentials (401), the right scope (403) and a version header (400)', async () => {
    await request(t.app).get('/xapi/statements').set(XAPI_2).expect(401);
    await request(t.app).get('/xapi/statements').set(XAPI_2).set('Authorization', 'Basic Zm9vOmJhcg==').expect(401);
    await request(t.app).get('/xapi/statements').set('Authorization', t.auth).expect(400);
    await request(t.app).get('/xapi/statements').set({ 'X-Experience-API-Version': '0.95' }).set('Authorization', t.auth).expect(400);
    const reader = await t.authFor(['statements/read']);
    await request(t.app).post('/xapi/statements').set(XAPI_2).set('Authorization', reader).send(makeStatement()).expect(403);
    await request(t.app).get('/xapi/statements').set(XAPI_2).set('Authorization', reader).expect(200);
  });

  it('shows statements/read/mine readers only the statements they wrote, and sets authority from the credential', async () => {
    const mine = await t.authFor(['statements/write', 'statements/read/mine'], 'device');
    const own = makeStatement();
    await request(t.app).post('/xapi/statements').set(XAPI_2).set('Authorization', mine).send(own).expect(200);
    const other = makeStatement();
    await post(other).expect(200);
    const res = await request(t.app).get('/xapi/statements').set(XAPI_2).set('Authorization', mine).expect(200);
    expect(res.body.statements.map((s: JsonObject) => s.id)).to.deep.equal([own.id]);
    expect(res.body.statements[0].authority.name).to.equal('device');
    await request(t.app).get('/xapi/statements').query({ statementId: other.id }).set(XAPI_2).set('Authorization', mine).expect(404);
    const key = Buffer.from(mine.slice(6), 'base64').toString().split(':')[0];
    await t.lrs.credentials.revoke(key);
    await request(t.app).get('/xapi/statements').set(XAPI_2).set('Authorization', mine).expect(401);
  });

  it('answers 413 for a body over the limit without reading it', async () => {
    const small = t.appWith({ maxBodyBytes: 1000 });
    const big = [makeStatement({ result: { response: 'x'.repeat(5000) } })];
    await request(small).post('/xapi/statements').set(XAPI_2).set('Authorization', t.auth).send(big).expect(413);
    expect((await t.lrs.service.queryStatements({})).statements).to.have.length(0);
  });

  it('supports the 1.0.3 alternate request syntax and refuses it in 2.0', async () => {
    const statement = makeStatement();
    const form = new URLSearchParams({
      statementId: statement.id as string,
      content: JSON.stringify(statement),
      Authorization: t.auth,
      'X-Experience-API-Version': '1.0.3',
      'Content-Type': 'application/json',
    });
    await request(t.app).post('/xapi/statements?method=PUT').type('form').send(form.toString()).expect(204);
    const read = new URLSearchParams({ statementId: statement.id as string, Authorization: t.auth, 'X-Experience-API-Version': '1.0.3' });
    const res = await request(t.app).post('/xapi/statements?method=GET').type('form').send(read.toString()).expect(200);
    expect(res.body.id).to.equal(statement.id);
    await request(t.app).post('/xapi/statements?method=GET').set(XAPI_2).set('Authorization', t.auth).type('form').send('limit=1').expect(400);
  });
});
