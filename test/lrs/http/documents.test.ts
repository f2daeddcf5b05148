import { expect } from 'chai';
import request from 'supertest';
import { createTestLrs, type TestLrs } from '../support/test-lrs.ts';
import { agent, XAPI_1, XAPI_2 } from '../support/statements.ts';

const ACTIVITY = 'http://lrs.test/activities/module-1';
const AGENT = JSON.stringify(agent('alice'));

describe('LRS document resources (HTTP)', () => {
  let t: TestLrs;
  beforeEach(async () => {
    t = await createTestLrs();
  });
  afterEach(async () => {
    expect(t.errors).to.deep.equal([]);
    await t.close();
  });

  const call = (method: 'get' | 'put' | 'post' | 'delete', path: string, query: Record<string, string>, headers = XAPI_2) =>
    request(t.app)[method](`/xapi${path}`).query(query).set(headers).set('Authorization', t.auth);

  describe('state', () => {
    const state = (stateId?: string, extra: Record<string, string> = {}) => ({
      activityId: ACTIVITY,
      agent: AGENT,
      ...(stateId ? { stateId } : {}),
      ...extra,
    });

    it('stores, returns with an ETag, merges JSON on POST, lists ids with since, and deletes', async () => {
      await call('put', '/activities/state', state('bookmark')).send({ page: 3 }).expect(204);
      const first = await call('get', '/activities/state', state('bookmark')).expect(200);
      expect(first.body).to.deep.equal({ page: 3 });
      expect(first.headers.etag).to.match(/^"[0-9a-f]{40}"$/);
      await call('post', '/activities/state', state('bookmark')).send({ score: 10 }).expect(204);
      expect((await call('get', '/activities/state', state('bookmark')).expect(200)).body).to.deep.equal({ page: 3, score: 10 });
      t.setNow(new Date(Date.now() + 60_000));
      await call('put', '/activities/state', state('later'), XAPI_1).set('Content-Type', 'text/plain').send('plain text').expect(204);
      expect((await call('get', '/activities/state', state()).expect(200)).body).to.have.members(['bookmark', 'later']);
      const since = new Date(Date.now() + 30_000).toISOString();
      expect((await call('get', '/activities/state', state(undefined, { since })).expect(200)).body).to.deep.equal(['later']);
      const text = await call('get', '/activities/state', state('later')).expect(200);
      expect(text.text).to.equal('plain text');
      expect(text.headers['content-type']).to.match(/^text\/plain/);
      // merging into a non-JSON document is refused and changes nothing
      await call('post', '/activities/state', state('later')).send({ a: 1 }).expect(400);
      await call('delete', '/activities/state', state('bookmark')).expect(204);
      await call('get', '/activities/state', state('bookmark')).expect(404);
      await call('delete', '/activities/state', state()).expect(204);
      expect((await call('get', '/activities/state', state()).expect(200)).body).to.deep.equal([]);
    });

    it('keeps registrations apart and rejects bad parameters', async () => {
      const registration = '6f1b8a5e-1d8e-4c6e-9c55-0d6b2f0c7a11';
      await call('put', '/activities/state', state('s', { registration })).send({ r: 1 }).expect(204);
      await call('get', '/activities/state', state('s')).expect(404);
      await call('get', '/activities/state', state('s', { registration })).expect(200);
      await call('get', '/activities/state', { activityId: ACTIVITY, stateId: 's' }).expect(400);
      await call('get', '/activities/state', state('s', { agent: '{"mbox":"bad"}' })).expect(400);
      await call('get', '/activities/state', state('s', { registration: 'x' })).expect(400);
      await call('get', '/activities/state', state('s', { other: '1' })).expect(400);
    });

    it('honours If-Match and If-None-Match, and needs one in 2.0 to overwrite', async () => {
      await call('put', '/activities/state', state('doc')).send({ v: 1 }).expect(204);
      const etag = (await call('get', '/activities/state', state('doc'))).headers.etag as string;
      await call('put', '/activities/state', state('doc')).send({ v: 2 }).expect(409);
      await call('put', '/activities/state', state('doc')).set('If-Match', '"0000"').send({ v: 2 }).expect(412);
      await call('put', '/activities/state', state('doc')).set('If-None-Match', '*').send({ v: 2 }).expect(412);
      await call('put', '/activities/state', state('doc')).set('If-Match', etag).send({ v: 2 }).expect(204);
      await call('delete', '/activities/state', state('doc')).set('If-Match', etag).expect(412);
      expect((await call('get', '/activities/state', state('doc'))).body).to.deep.equal({ v: 2 });
      // 1.0.x clients may overwrite state without a precondition
      await call('put', '/activities/state', state('doc'), XAPI_1).send({ v: 3 }).expect(204);
    });
  });

  it('activity profile: needs an ETag header on PUT in 1.0.3, lists profile ids', async () => {
    const q = { activityId: ACTIVITY, profileId: 'p1' };
    await call('put', '/activities/profile', q, XAPI_1).send({ a: 1 }).expect(400);
    await call('put', '/activities/profile', q, XAPI_1).set('If-None-Match', '*').send({ a: 1 }).expect(204);
    expect((await call('get', '/activities/profile', q).expect(200)).body).to.deep.equal({ a: 1 });
    expect((await call('get', '/activities/profile', { activityId: ACTIVITY }).expect(200)).body).to.deep.equal(['p1']);
    await call('delete', '/activities/profile', { activityId: ACTIVITY }).expect(400);
    await call('delete', '/activities/profile', q).expect(204);
    await call('get', '/activities/profile', q).expect(404);
  });

  it('agent profile: stores per agent', async () => {
    const q = { agent: AGENT, profileId: 'prefs' };
    await call('post', '/agents/profile', q).send({ lang: 'fr' }).expect(204);
    await call('post', '/agents/profile', q).send({ audio: true }).expect(204);
    expect((await call('get', '/agents/profile', q).expect(200)).body).to.deep.equal({ lang: 'fr', audio: true });
    await call('get', '/agents/profile', { agent: JSON.stringify(agent('bob')), profileId: 'prefs' }).expect(404);
  });

  it('scopes: state and profile need their scope', async () => {
    const reader = await t.authFor(['statements/read']);
    await request(t.app).get('/xapi/activities/state').query({ activityId: ACTIVITY, agent: AGENT }).set(XAPI_2).set('Authorization', reader).expect(403);
    const stateOnly = await t.authFor(['state']);
    await request(t.app).put('/xapi/activities/state').query({ activityId: ACTIVITY, agent: AGENT, stateId: 'x' }).set(XAPI_2).set('Authorization', stateOnly).send({}).expect(204);
    await request(t.app).get('/xapi/agents/profile').query({ agent: AGENT }).set(XAPI_2).set('Authorization', stateOnly).expect(403);
  });

  it('agents returns the Person, about needs no credential, unknown paths are 404', async () => {
    const person = await call('get', '/agents', { agent: JSON.stringify({ name: 'Alice', mbox: 'mailto:alice@example.com' }) }).expect(200);
    expect(person.body).to.deep.equal({ objectType: 'Person', name: ['Alice'], mbox: ['mailto:alice@example.com'] });
    const about = await request(t.app).get('/xapi/about').expect(200);
    expect(about.body.version).to.include.members(['1.0.3', '2.0.0']);
    await call('get', '/nothing', {}).expect(404);
    await call('get', '/activities', {}).expect(400);
  });
});
