import { expect } from 'chai';
import { cheerio, createTestApp, createUser, csrfFrom, loginAs, type TestApp } from '../../helpers/app.ts';
import request from 'supertest';

describe('admin: accounts and cohorts', () => {
  let t: TestApp;
  let admin: request.Agent;
  const userCount = async () => (await t.ctx.database.db.selectFrom('users').select('id').execute()).length;

  beforeEach(async () => {
    t = await createTestApp();
    await createUser(t.ctx, 'admin', 'camille');
    admin = await loginAs(t.app, 'camille');
  });
  afterEach(() => t.close());

  it('creates a learner, shows a printable one-time sheet, and the learner can log in', async () => {
    const csrf = await csrfFrom(admin, '/admin/users/new');
    const res = await admin.post('/admin/users').type('form').send({ displayName: 'Élodie Durand', login: 'elodie.d', role: 'learner', _csrf: csrf });
    expect(res.status).to.equal(201);
    const $ = cheerio.load(res.text);
    expect($('[data-testid=sheet-login]').text()).to.equal('elodie.d');
    const password = $('[data-testid=sheet-password]').text();
    expect(password).to.match(/^\w{4}-\w{4}-\w{4}$/);
    const learner = request.agent(t.app);
    const token = await csrfFrom(learner, '/login');
    const login = await learner.post('/login').type('form').send({ login: 'elodie.d', password, _csrf: token });
    expect(login.headers.location).to.equal('/account/password');
    const list = cheerio.load((await admin.get('/admin/users?q=elodie')).text);
    expect(list('tbody tr').length).to.equal(1);
    expect(list('tbody').text()).to.contain('Élodie Durand');
  });

  it('refuses a duplicate login with a message on the field, and stores nothing', async () => {
    await createUser(t.ctx, 'learner', 'julien');
    const before = await userCount();
    const csrf = await csrfFrom(admin, '/admin/users/new');
    const res = await admin.post('/admin/users').type('form').send({ displayName: 'Autre Julien', login: 'JULIEN', role: 'learner', _csrf: csrf });
    expect(res.status).to.equal(409);
    expect(cheerio.load(res.text)('#f-login-error').text()).to.contain('déjà utilisé');
    expect(await userCount()).to.equal(before);
  });

  it('refuses missing fields and an unknown role, and stores nothing', async () => {
    const before = await userCount();
    const csrf = await csrfFrom(admin, '/admin/users/new');
    const res = await admin.post('/admin/users').type('form').send({ role: 'pirate', _csrf: csrf });
    expect(res.status).to.equal(400);
    const $ = cheerio.load(res.text);
    expect($('#f-displayName-error').text()).to.contain('obligatoire');
    expect($('#f-login-error').text()).to.contain('obligatoire');
    expect($('#f-role-error').text()).to.contain("n'est pas possible");
    expect(await userCount()).to.equal(before);
  });

  it('deactivates an account, which can no longer log in, then reactivates it', async () => {
    const julien = await createUser(t.ctx, 'learner', 'julien');
    const learnerAgent = await loginAs(t.app, 'julien');
    let csrf = await csrfFrom(admin, '/admin/users');
    expect((await admin.post(`/admin/users/${julien.id}/deactivate`).type('form').send({ _csrf: csrf })).status).to.equal(303);
    expect((await learnerAgent.get('/learner')).status).to.equal(303);
    const fresh = request.agent(t.app);
    const token = await csrfFrom(fresh, '/login');
    expect((await fresh.post('/login').type('form').send({ login: 'julien', password: 'motdepasse-solide', _csrf: token })).status).to.equal(401);
    csrf = await csrfFrom(admin, '/admin/users');
    await admin.post(`/admin/users/${julien.id}/reactivate`).type('form').send({ _csrf: csrf });
    expect((await t.ctx.repositories.users.findById(julien.id))?.active).to.equal(true);
  });

  it('resets a password only after a confirmation, with a new one-time sheet', async () => {
    const julien = await createUser(t.ctx, 'learner', 'julien', 'motdepasse-solide', 'Julien Martin');
    const list = cheerio.load((await admin.get('/admin/users')).text);
    expect(list(`a[href="/admin/users/${julien.id}/reset-password"]`).text()).to.contain('Nouveau mot de passe');
    const confirm = cheerio.load((await admin.get(`/admin/users/${julien.id}/reset-password`)).text);
    expect(confirm('h1').text()).to.equal('Donner un nouveau mot de passe à Julien Martin ?');
    const csrf = String(confirm('input[name=_csrf]').val());
    const fresh = request.agent(t.app);
    const token = await csrfFrom(fresh, '/login');

    const unconfirmed = await admin.post(`/admin/users/${julien.id}/reset-password`).type('form').send({ _csrf: csrf });
    expect(unconfirmed.status).to.equal(400);
    expect(cheerio.load(unconfirmed.text)('#f-confirm-error').text()).to.contain('Cochez la case');
    expect(cheerio.load(unconfirmed.text)('[data-testid=sheet-password]')).to.have.length(0);
    expect((await fresh.post('/login').type('form').send({ login: 'julien', password: 'motdepasse-solide', _csrf: token })).status).to.equal(303);

    const res = await admin.post(`/admin/users/${julien.id}/reset-password`).type('form').send({ confirm: 'yes', _csrf: csrf });
    expect(res.status).to.equal(200);
    const $ = cheerio.load(res.text);
    const password = $('[data-testid=sheet-password]').text();
    expect($('[data-testid=sheet-address]').text()).to.equal('http://tremplin.test/login');
    const other = request.agent(t.app);
    const otherToken = await csrfFrom(other, '/login');
    expect((await other.post('/login').type('form').send({ login: 'julien', password: 'motdepasse-solide', _csrf: otherToken })).status).to.equal(401);
    expect((await other.post('/login').type('form').send({ login: 'julien', password, _csrf: otherToken })).headers.location).to.equal('/account/password');
  });

  it("keeps the admin's name in the header on the sheet of a new account", async () => {
    const csrf = await csrfFrom(admin, '/admin/users/new');
    const res = await admin.post('/admin/users').type('form').send({ displayName: 'Élodie Durand', login: 'elodie.d', role: 'learner', _csrf: csrf });
    const $ = cheerio.load(res.text);
    expect($('[data-testid=sheet-name]').text()).to.equal('Élodie Durand');
    expect($('.site-header .who').text().trim()).to.equal('Test camille');
    expect($('[data-testid=sheet-address]').text()).to.equal('http://tremplin.test/login');
  });

  it('creates a cohort with members; bad dates are explained and store nothing', async () => {
    const julien = await createUser(t.ctx, 'learner', 'julien', 'motdepasse-solide', 'Julien Martin');
    let csrf = await csrfFrom(admin, '/admin/cohorts/new');
    const bad = await admin.post('/admin/cohorts').type('form').send({ name: 'Session hiver', startDate: '2026-13-01', endDate: '2026-01-01', _csrf: csrf });
    expect(bad.status).to.equal(400);
    expect(cheerio.load(bad.text)('#f-startDate-error').text()).to.contain("n'est pas valide");
    const reversed = await admin.post('/admin/cohorts').type('form').send({ name: 'Session hiver', startDate: '2026-12-01', endDate: '2026-11-01', _csrf: csrf });
    expect(reversed.status).to.equal(400);
    expect(await t.ctx.repositories.cohorts.list()).to.have.length(0);
    const ok = await admin.post('/admin/cohorts').type('form').send({ name: 'Session hiver', startDate: '2026-12-01', endDate: '2027-05-31', _csrf: csrf });
    expect(ok.status).to.equal(303);
    const path = ok.headers.location as string;
    csrf = await csrfFrom(admin, path);
    await admin.post(`${path}/members`).type('form').send({ userIds: julien.id, _csrf: csrf });
    const page = cheerio.load((await admin.get(path)).text);
    expect(page('table tbody').text()).to.contain('Julien Martin');
    const [cohort] = await t.ctx.repositories.cohorts.list();
    expect((await t.ctx.repositories.cohorts.members(cohort.id)).map((m) => m.userId)).to.deep.equal([julien.id]);
  });

  it('shows logins and account changes in the audit log', async () => {
    await createUser(t.ctx, 'learner', 'julien');
    const $ = cheerio.load((await admin.get('/admin/audit')).text);
    const text = $('tbody').text();
    expect(text).to.contain('Connexion');
    expect(text).to.contain('Compte créé');
  });
});
