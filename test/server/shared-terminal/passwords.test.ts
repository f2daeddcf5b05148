import { expect } from 'chai';
import request from 'supertest';
import { cheerio, createTestApp, createUser, csrfFrom, loginAs, type TestApp } from '../../helpers/app.ts';

const RIGHT = 'motdepasse-solide';

describe('issue 13: password policy and the sessions a password change ends', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await createUser(t.ctx, 'learner', 'julien', RIGHT, 'Julien Martin');
    await createUser(t.ctx, 'admin', 'camille', RIGHT, 'Camille Admin');
  });
  afterEach(() => t.close());

  const hashOf = async (login: string) =>
    String((await t.ctx.database.db.selectFrom('users').select('password_hash').where('login', '=', login).executeTakeFirstOrThrow()).password_hash);

  async function change(agent: request.Agent, next: string, lang = ''): Promise<request.Response> {
    const csrf = await csrfFrom(agent, `/account/password${lang}`);
    return agent.post('/account/password').type('form').send({ current: RIGHT, next, confirm: next, _csrf: csrf });
  }

  for (const [weak, reason] of [
    ['12345678', 'plus utilisés'],
    ['azertyuiop', 'touches du clavier'],
    ['JulienMartin', 'votre nom'],
    ['motdepasse', 'plus utilisés'],
    ['court', 'au moins 8 caractères'],
  ] as const) {
    it(`refuses "${weak}" with the reason, and keeps the old password`, async () => {
      const agent = await loginAs(t.app, 'julien');
      const before = await hashOf('julien');
      const res = await change(agent, weak);
      expect(res.status).to.equal(400);
      expect(cheerio.load(res.text)('#f-next-error').text()).to.contain(reason);
      expect(await hashOf('julien')).to.equal(before);
    });
  }

  it('gives the reason in English when asked', async () => {
    const agent = await loginAs(t.app, 'julien');
    const res = await change(agent, '12345678', '?lang=en');
    expect(cheerio.load(res.text)('#f-next-error').text()).to.contain('most used');
  });

  it('accepts a passphrase', async () => {
    const agent = await loginAs(t.app, 'julien');
    expect((await change(agent, 'girafe-orage-citron-7')).status).to.equal(303);
    expect(await hashOf('julien')).to.match(/^scrypt\$/);
  });

  it("a password change logs the account's other sessions out, and keeps this one", async () => {
    const here = await loginAs(t.app, 'julien');
    const elsewhere = await loginAs(t.app, 'julien');
    const admin = await loginAs(t.app, 'camille');
    expect((await elsewhere.get('/learner')).status).to.equal(200);
    expect((await change(here, 'girafe-orage-citron-7')).status).to.equal(303);
    expect((await here.get('/learner')).status).to.equal(200);
    const other = await elsewhere.get('/learner');
    expect(other.status).to.equal(303);
    expect(other.headers.location).to.match(/^\/login/);
    // Another user's session is untouched.
    expect((await admin.get('/admin')).status).to.equal(200);
    const rows = await t.ctx.database.db.selectFrom('http_sessions').select('data').execute();
    expect(rows.map((r) => JSON.parse(String(r.data)).userId).filter(Boolean)).to.have.length(2);
  });

  it("an admin's password reset logs the user out everywhere", async () => {
    const julien = await loginAs(t.app, 'julien');
    const admin = await loginAs(t.app, 'camille');
    const user = await t.ctx.repositories.users.list({});
    const id = user.find((u) => u.login === 'julien')?.id as string;
    const csrf = await csrfFrom(admin, '/admin/users');
    expect((await admin.post(`/admin/users/${id}/reset-password`).type('form').send({ confirm: 'yes', _csrf: csrf })).status).to.equal(200);
    expect((await julien.get('/learner')).status).to.equal(303);
    expect((await admin.get('/admin')).status).to.equal(200);
  });
});
