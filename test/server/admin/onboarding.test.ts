import { expect } from 'chai';
import request from 'supertest';
import { cheerio, createTestApp, createUser, csrfFrom, loginAs, TEST_BASE_URL, type TestApp } from '../../helpers/app.ts';

/** Issue 18, onboarding: a whole group's accounts from one pasted list, on one printable sheet. */
describe('admin: onboarding a group at once', () => {
  let t: TestApp;
  let admin: request.Agent;
  let cohortId: string;
  const db = () => t.ctx.database.db;
  const count = async (table: 'users' | 'cohort_members') => (await db().selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n;
  // Rows written by someone logged in (the fixtures' own accounts are created by nobody).
  const auditOf = async (action: string) => db().selectFrom('audit_log').selectAll().where('action', '=', action).where('actor_id', 'is not', null).execute();
  const names24 = Array.from({ length: 24 }, (_, i) => `Stagiaire${i % 2 ? 'é' : ''} Numéro ${i + 1}`);

  beforeEach(async () => {
    t = await createTestApp();
    await createUser(t.ctx, 'admin', 'camille', 'motdepasse-solide', 'Camille Admin');
    admin = await loginAs(t.app, 'camille');
    cohortId = (await t.ctx.services.cohorts.create({ name: 'Session hiver', startDate: '2026-12-01', endDate: '2027-05-31' }, { ip: null, actorId: null })).id;
  });
  afterEach(() => t.close());

  /** Posts the list for a preview and returns the create form's fields, as the preview page holds them. */
  async function preview(list: string, cohort = cohortId) {
    const csrf = await csrfFrom(admin, '/admin/users/bulk');
    const res = await admin.post('/admin/users/bulk').type('form').send({ list, cohortId: cohort, step: 'preview', _csrf: csrf });
    const $ = cheerio.load(res.text);
    const field = (name: string) => String($(`form input[name=${name}]`).val() ?? '');
    return { res, $, create: { list: field('list'), cohortId: field('cohortId'), token: field('token'), step: 'create', _csrf: field('_csrf') } };
  }

  it('creates 24 learners and their 24 memberships from one paste, on one sheet with the platform address', async () => {
    const before = Number(await count('users'));
    const { res, $, create } = await preview(names24.join('\n'));
    expect(res.status).to.equal(200);
    expect($('[data-testid=bulk-preview] tbody tr')).to.have.length(24);
    expect($('[data-testid=bulk-preview]').text()).to.contain('stagiairee.numero2');
    expect(Number(await count('users'))).to.equal(before); // a preview creates nothing

    const done = await admin.post('/admin/users/bulk').type('form').send(create);
    expect(done.status).to.equal(201);
    expect(Number(await count('users'))).to.equal(before + 24);
    expect((await t.ctx.repositories.cohorts.members(cohortId)).map((m) => m.login)).to.have.length(24);
    const sheet = cheerio.load(done.text);
    const slips = sheet('[data-testid=slip]');
    expect(slips).to.have.length(24);
    slips.each((_, slip) => {
      expect(sheet(slip).find('[data-testid=slip-address]').text()).to.equal(`${TEST_BASE_URL}/login`);
      expect(sheet(slip).find('[data-testid=slip-password]').text()).to.match(/^\w{4}-\w{4}-\w{4}$/);
    });
    expect(sheet('[data-testid=slip-name]').first().text()).to.equal('Stagiaire Numéro 1');
    expect(sheet('h1').text()).to.contain('Session hiver');
    // The header still names the admin, not the last person created.
    expect(sheet('.site-header .who').text().trim()).to.equal('Camille Admin');
    expect(done.headers['cache-control']).to.contain('no-store');

    const learner = request.agent(t.app);
    const token = await csrfFrom(learner, '/login');
    const password = sheet('[data-testid=slip-password]').eq(1).text();
    const login = await learner.post('/login').type('form').send({ login: 'stagiairee.numero2', password, _csrf: token });
    expect(login.headers.location).to.equal('/account/password');
    expect(await auditOf('user_created')).to.have.length(24);
    expect(await auditOf('cohort_member_added')).to.have.length(24);
  });

  it('creates nothing when a line repeats another or an existing login, and names the lines (French and English)', async () => {
    await createUser(t.ctx, 'learner', 'julien');
    const before = Number(await count('users'));
    const list = 'Ana Lima\nPaul Roux ; JULIEN\nana lima\nLéa Roy';
    const { res, $ } = await preview(list);
    expect(res.status).to.equal(400);
    const problems = $('[data-testid=bulk-problems] li').map((_, li) => $(li).text()).get();
    expect(problems).to.deep.equal(["Ligne 2 : l'identifiant « JULIEN » est déjà utilisé.", 'Ligne 3 : « ana lima » figure déjà ligne 1.']);
    expect($('#f-list').text()).to.equal(list);
    expect($('[data-testid=bulk-preview]')).to.have.length(0);

    // A create sent without a preview's approval (a forged form) is checked the same way.
    const csrf = await csrfFrom(admin, '/admin/users/bulk');
    const forged = await admin.post('/admin/users/bulk').type('form').send({ list, cohortId, step: 'create', token: '01234567-89ab-cdef-0123-456789abcdef', _csrf: csrf });
    expect(forged.status).to.equal(400);
    expect(Number(await count('users'))).to.equal(before);
    expect(Number(await count('cohort_members'))).to.equal(0);

    await admin.get('/admin?lang=en');
    const english = await preview(list);
    expect(english.$('[data-testid=bulk-problems] li').first().text()).to.equal('Line 2: the login "JULIEN" is already used.');
  });

  it("starts from a group's page with the group chosen, and refuses a group that does not exist", async () => {
    const group = cheerio.load((await admin.get(`/admin/cohorts/${cohortId}`)).text);
    const href = String(group('a[href^="/admin/users/bulk"]').attr('href'));
    const form = cheerio.load((await admin.get(href)).text);
    expect(form('#f-cohortId option[selected]').text()).to.equal('Session hiver');
    const before = Number(await count('users'));
    const { res, $ } = await preview('Ana Lima', 'inexistant');
    expect(res.status).to.equal(400);
    expect($('.alert-error').text()).to.contain("Ce groupe n'existe pas.");
    expect(Number(await count('users'))).to.equal(before);
  });

  it('a create form sent twice, one after the other or at once, gives one set of accounts and a clear answer', async () => {
    const { create } = await preview('Ana Lima\nPaul Roux\nLéa Roy');
    const first = await admin.post('/admin/users/bulk').type('form').send(create);
    expect(first.status).to.equal(201);
    const again = await admin.post('/admin/users/bulk').type('form').send(create);
    expect(again.status).to.equal(409);
    expect(cheerio.load(again.text)('.alert-error').text()).to.contain('déjà été créés');
    expect(cheerio.load(again.text)('[data-testid=slip-password]')).to.have.length(0);
    expect(Number(await count('users'))).to.equal(4);

    const second = await preview('Marc Noir\nZoé Blanc');
    const both = await Promise.all([admin.post('/admin/users/bulk').type('form').send(second.create), admin.post('/admin/users/bulk').type('form').send(second.create)]);
    expect(both.map((r) => r.status).sort()).to.deep.equal([201, 409]);
    expect(Number(await count('users'))).to.equal(6);
    expect((await t.ctx.repositories.cohorts.members(cohortId)).map((m) => m.login).sort()).to.deep.equal(['ana.lima', 'lea.roy', 'marc.noir', 'paul.roux', 'zoe.blanc']);
  });

  it("prints the group's sheet without passwords, and new passwords for the whole group only after a confirmation", async () => {
    const { create } = await preview('Ana Lima\nPaul Roux');
    const created = cheerio.load((await admin.post('/admin/users/bulk').type('form').send(create)).text);
    const oldPassword = created('[data-testid=slip-password]').first().text();

    const sheet = cheerio.load((await admin.get(`/admin/cohorts/${cohortId}/sheet`)).text);
    expect(sheet('[data-testid=slip-name]').map((_, e) => sheet(e).text()).get()).to.deep.equal(['Ana Lima', 'Paul Roux']);
    expect(sheet('[data-testid=slip-address]').first().text()).to.equal(`${TEST_BASE_URL}/login`);
    expect(sheet('[data-testid=slip-password]').text()).to.not.contain(oldPassword);
    expect(sheet('[data-testid=slip-password]').first().text()).to.equal('déjà remis');

    const confirm = cheerio.load((await admin.get(`/admin/cohorts/${cohortId}/reset-passwords`)).text);
    expect(confirm('[data-testid=reset-people]').text()).to.contain('Ana Lima (ana.lima)');
    const csrf = String(confirm('input[name=_csrf]').val());
    const unconfirmed = await admin.post(`/admin/cohorts/${cohortId}/reset-passwords`).type('form').send({ _csrf: csrf });
    expect(unconfirmed.status).to.equal(400);
    expect(cheerio.load(unconfirmed.text)('#f-confirm-error').text()).to.contain('Cochez la case');
    expect(await auditOf('password_reset')).to.have.length(0);

    const reset = await admin.post(`/admin/cohorts/${cohortId}/reset-passwords`).type('form').send({ confirm: 'yes', _csrf: csrf });
    expect(reset.status).to.equal(200);
    const fresh = cheerio.load(reset.text)('[data-testid=slip-password]').map((_, e) => cheerio.load(reset.text)(e).text()).get();
    expect(fresh).to.have.length(2);
    expect(fresh[0]).to.match(/^\w{4}-\w{4}-\w{4}$/).and.not.equal(oldPassword);
    expect(await auditOf('password_reset')).to.have.length(2);
    const learner = request.agent(t.app);
    const token = await csrfFrom(learner, '/login');
    expect((await learner.post('/login').type('form').send({ login: 'ana.lima', password: oldPassword, _csrf: token })).status).to.equal(401);
  });
});
