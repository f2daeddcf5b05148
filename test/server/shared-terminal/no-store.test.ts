import { expect } from 'chai';
import request from 'supertest';
import { createTestApp, createUser, loginAs, type TestApp } from '../../helpers/app.ts';

describe('issue 13: pages are never kept in a cache on a shared terminal', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await createUser(t.ctx, 'learner', 'julien', 'motdepasse-solide', 'Julien Martin');
    await createUser(t.ctx, 'trainer', 'karim');
  });
  after(() => t.close());

  it('marks authenticated pages no-store (with Pragma and Expires for old caches)', async () => {
    for (const [login, path] of [['julien', '/learner'], ['julien', '/account/password'], ['karim', '/trainer']]) {
      const res = await (await loginAs(t.app, login)).get(path);
      expect(res.status, path).to.equal(200);
      expect(res.headers['cache-control'], path).to.equal('no-store, max-age=0');
      expect(res.headers.pragma, path).to.equal('no-cache');
      expect(res.headers.expires, path).to.equal('0');
    }
  });

  it('also the login page (it carries a form token and the login typed) and error pages', async () => {
    expect((await request(t.app).get('/login')).headers['cache-control']).to.equal('no-store, max-age=0');
    expect((await request(t.app).get('/nulle-part')).headers['cache-control']).to.equal('no-store, max-age=0');
  });

  it('leaves static files cacheable', async () => {
    const res = await request(t.app).get('/static/css/tremplin.css');
    expect(res.status).to.equal(200);
    expect(res.headers['cache-control']).not.to.contain('no-store');
  });
});
