import { expect } from 'chai';
import request from 'supertest';
import { cheerio, createTestApp, createUser, csrfFrom, loginAs, type TestApp } from '../../helpers/app.ts';

describe('issue 13: NUL and other control characters get a translated 400, never a 500', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await createUser(t.ctx, 'admin', 'admin');
  });
  afterEach(() => t.close());

  const count = async (table: 'users' | 'audit_log') => (await t.ctx.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;

  it('answers 400 to login=adm\\0in, in French, and journals nothing', async () => {
    const agent = request.agent(t.app);
    const csrf = await csrfFrom(agent, '/login');
    const before = await count('audit_log');
    const res = await agent.post('/login').type('form').send({ login: 'adm\0in', password: 'motdepasse-solide', _csrf: csrf });
    expect(res.status).to.equal(400);
    expect(cheerio.load(res.text)('main').text()).to.contain('caractère invisible');
    expect(await count('audit_log')).to.equal(before);
  });

  it('answers in English when asked', async () => {
    const agent = request.agent(t.app);
    const csrf = await csrfFrom(agent, '/login?lang=en');
    const res = await agent.post('/login').type('form').send({ login: 'x\u0007y', password: 'z', _csrf: csrf });
    expect(res.status).to.equal(400);
    expect(cheerio.load(res.text)('main').text()).to.contain('invisible character');
  });

  it('refuses a control character in an admin form and stores no account', async () => {
    const admin = await loginAs(t.app, 'admin');
    const csrf = await csrfFrom(admin, '/admin/users/new');
    const before = await count('users');
    const res = await admin.post('/admin/users').type('form').send({ displayName: 'Élodie\0Durand', login: 'elodie', role: 'learner', _csrf: csrf });
    expect(res.status).to.equal(400);
    expect(await count('users')).to.equal(before);
  });

  it('refuses a NUL byte in a query string (the accounts search) instead of failing in the database', async () => {
    const admin = await loginAs(t.app, 'admin');
    const res = await admin.get('/admin/users?q=jul%00ien');
    expect(res.status).to.equal(400);
    expect(cheerio.load(res.text)('main').text()).to.contain('caractère invisible');
  });

  it('keeps tabs and line breaks, which people type', async () => {
    const admin = await loginAs(t.app, 'admin');
    expect((await admin.get('/admin/users?q=jul%09ien')).status).to.equal(200);
  });
});
