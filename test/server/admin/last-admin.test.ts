import { expect } from 'chai';
import request from 'supertest';
import { ConflictError } from '../../../src/server/errors.ts';
import { cheerio, createTestApp, createUser, csrfFrom, loginAs, type TestApp } from '../../helpers/app.ts';

/** Issue 13: the last active admin cannot be deactivated, by the page, a forged post or a race. */
describe('admin: the last active admin', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  const activeAdminLogins = async () =>
    (await t.ctx.database.db.selectFrom('users').select('login').where('role', '=', 'admin').where('active', '=', 1).orderBy('login').execute()).map((r) => r.login);
  const deactivations = async () =>
    (await t.ctx.database.db.selectFrom('audit_log').select('subject').where('action', '=', 'user_deactivated').execute()).length;

  it('offers no "Deactivate" button to the only admin, and says why', async () => {
    const camille = await createUser(t.ctx, 'admin', 'camille');
    const julien = await createUser(t.ctx, 'learner', 'julien');
    const admin = await loginAs(t.app, 'camille');
    const $ = cheerio.load((await admin.get('/admin/users')).text);
    expect($(`form[action="/admin/users/${camille.id}/deactivate"]`)).to.have.length(0);
    expect($('[data-testid=last-active-admin]').text()).to.equal('Dernier administrateur actif : ne peut pas être désactivé');
    expect($(`form[action="/admin/users/${julien.id}/deactivate"]`)).to.have.length(1);
    // The filter does not fool the count: a search showing only camille still hides the button.
    const filtered = cheerio.load((await admin.get('/admin/users?role=admin')).text);
    expect(filtered(`form[action="/admin/users/${camille.id}/deactivate"]`)).to.have.length(0);
  });

  it('refuses a forged deactivation of the only admin with a translated message, changing nothing', async () => {
    const camille = await createUser(t.ctx, 'admin', 'camille');
    const admin = await loginAs(t.app, 'camille');
    const csrf = await csrfFrom(admin, '/admin/users');

    const fr = await admin.post(`/admin/users/${camille.id}/deactivate`).type('form').send({ _csrf: csrf });
    expect(fr.status).to.equal(409);
    expect(cheerio.load(fr.text)('main').text()).to.contain("C'est le dernier compte administrateur actif : il ne peut pas être désactivé.");

    const en = await admin.post(`/admin/users/${camille.id}/deactivate?lang=en`).type('form').send({ _csrf: csrf });
    expect(en.status).to.equal(409);
    expect(cheerio.load(en.text)('main').text()).to.contain('This is the last active admin account: it cannot be deactivated.');

    expect(await activeAdminLogins()).to.deep.equal(['camille']);
    expect(await deactivations()).to.equal(0);
    // Still logged in and still an admin.
    expect((await admin.get('/admin/users')).status).to.equal(200);
  });

  it('lets one of two admins deactivate the other, then hides the button from the one left', async () => {
    const camille = await createUser(t.ctx, 'admin', 'camille');
    const dominique = await createUser(t.ctx, 'admin', 'dominique');
    const admin = await loginAs(t.app, 'camille');
    const before = cheerio.load((await admin.get('/admin/users')).text);
    expect(before(`form[action="/admin/users/${camille.id}/deactivate"]`)).to.have.length(1);
    expect(before(`form[action="/admin/users/${dominique.id}/deactivate"]`)).to.have.length(1);
    expect(before('[data-testid=last-active-admin]')).to.have.length(0);

    const csrf = String(before('input[name=_csrf]').first().val());
    expect((await admin.post(`/admin/users/${dominique.id}/deactivate`).type('form').send({ _csrf: csrf })).status).to.equal(303);
    expect(await activeAdminLogins()).to.deep.equal(['camille']);

    const after = cheerio.load((await admin.get('/admin/users')).text);
    expect(after(`form[action="/admin/users/${camille.id}/deactivate"]`)).to.have.length(0);
    expect(after(`form[action="/admin/users/${dominique.id}/reactivate"]`)).to.have.length(1);
    expect((await admin.post(`/admin/users/${camille.id}/deactivate`).type('form').send({ _csrf: csrf })).status).to.equal(409);
    expect(await activeAdminLogins()).to.deep.equal(['camille']);
  });

  it('counts a deactivated admin as gone: reactivating them offers the button again', async () => {
    await createUser(t.ctx, 'admin', 'camille');
    const dominique = await createUser(t.ctx, 'admin', 'dominique');
    await t.ctx.services.accounts.setActive(dominique.id, false, { ip: null, actorId: null });
    await t.ctx.services.accounts.setActive(dominique.id, true, { ip: null, actorId: null });
    expect(await activeAdminLogins()).to.deep.equal(['camille', 'dominique']);
    const admin = await loginAs(t.app, 'camille');
    expect(cheerio.load((await admin.get('/admin/users')).text)('[data-testid=last-active-admin]')).to.have.length(0);
  });

  it('leaves one active admin when two admins deactivate each other at the same moment (20 rounds)', async () => {
    const camille = await createUser(t.ctx, 'admin', 'camille');
    const dominique = await createUser(t.ctx, 'admin', 'dominique');
    const accounts = t.ctx.services.accounts;
    for (let round = 0; round < 20; round++) {
      const outcomes = await Promise.allSettled([
        accounts.setActive(dominique.id, false, { ip: null, actorId: camille.id }),
        accounts.setActive(camille.id, false, { ip: null, actorId: dominique.id }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled'), `round ${round}`).to.have.length(1);
      const refused = outcomes.find((o) => o.status === 'rejected');
      expect(refused?.reason, `round ${round}`).to.be.instanceOf(ConflictError);
      expect((refused?.reason as ConflictError).messageKey).to.equal('accounts.errors.lastActiveAdmin');
      expect(await activeAdminLogins(), `round ${round}`).to.have.length(1);
      // Both active again for the next round.
      await t.ctx.database.db.updateTable('users').set({ active: 1 }).where('role', '=', 'admin').execute();
    }
    expect(await deactivations()).to.equal(20);
  });

  it('leaves one active admin when three admins deactivate one another over HTTP at once', async () => {
    const logins = ['camille', 'dominique', 'sacha'];
    const admins = await Promise.all(logins.map((login) => createUser(t.ctx, 'admin', login)));
    const agents = await Promise.all(logins.map((login) => loginAs(t.app, login)));
    const tokens = await Promise.all(agents.map((agent) => csrfFrom(agent, '/admin/users')));
    const responses = await Promise.all(
      agents.map((agent, i) => agent.post(`/admin/users/${admins[(i + 1) % 3].id}/deactivate`).type('form').send({ _csrf: tokens[i] })),
    );
    // 303 done, 409 refused as the last admin, 401 when the sender was deactivated a moment before.
    for (const res of responses) expect(res.status).to.be.oneOf([303, 401, 409]);
    expect(await activeAdminLogins()).to.have.length(1);
    expect(await deactivations()).to.equal(2);
  });

  it('deactivates a learner twice with one effect', async () => {
    await createUser(t.ctx, 'admin', 'camille');
    const julien = await createUser(t.ctx, 'learner', 'julien');
    const admin = await loginAs(t.app, 'camille');
    const csrf = await csrfFrom(admin, '/admin/users');
    const send = () => admin.post(`/admin/users/${julien.id}/deactivate`).type('form').send({ _csrf: csrf });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.status, b.status]).to.deep.equal([303, 303]);
    expect((await t.ctx.repositories.users.findById(julien.id))?.active).to.equal(false);
    expect(await deactivations()).to.equal(1);
    expect((await request(t.app).get('/login')).status).to.equal(200);
  });
});
