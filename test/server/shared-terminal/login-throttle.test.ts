import { expect } from 'chai';
import request from 'supertest';
import { cheerio, createTestApp, createUser, csrfFrom, loginAs, type TestApp } from '../../helpers/app.ts';
import { inParallel } from '../../helpers/parallel.ts';
import { AccountsService } from '../../../src/server/accounts/accounts.service.ts';
import { LoginThrottleRepository } from '../../../src/server/accounts/login-throttle.repository.ts';
import { scryptHasher, type PasswordHasher } from '../../../src/server/accounts/password.ts';

const RIGHT = 'motdepasse-solide';

async function audited(t: TestApp, action: string): Promise<number> {
  return (await t.ctx.database.db.selectFrom('audit_log').select('id').where('action', '=', action).execute()).length;
}

/** An anonymous agent holding a login form token. */
async function loginForm(t: TestApp): Promise<{ agent: request.Agent; csrf: string }> {
  const agent = request.agent(t.app);
  return { agent, csrf: await csrfFrom(agent, '/login') };
}

describe('issue 13: login throttling on a shared room', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await createUser(t.ctx, 'learner', 'julien', RIGHT, 'Julien Martin');
    await createUser(t.ctx, 'learner', 'ines', RIGHT, 'Inès Robert');
    await createUser(t.ctx, 'trainer', 'karim', RIGHT);
    await createUser(t.ctx, 'admin', 'camille', RIGHT);
  });
  afterEach(() => t.close());

  it('evaluates at most 5 of 30 parallel wrong guesses plus the right password, the others get 429', async () => {
    const { agent, csrf } = await loginForm(t);
    let sent = 0;
    const responses = await inParallel(31, () => {
      const password = sent++ === 15 ? RIGHT : `faux-${sent}`;
      return agent.post('/login').type('form').send({ login: 'julien', password, _csrf: csrf });
    });
    const statuses = responses.map((r) => r.status);
    // Each evaluated attempt journals one line (login or login_failed); refused ones none.
    expect((await audited(t, 'login_failed')) + (await audited(t, 'login'))).to.equal(5);
    expect(statuses.filter((s) => s === 429)).to.have.length(26);
    expect(statuses.filter((s) => s === 401 || s === 303)).to.have.length(5);
  });

  it("costs a learner half a minute, not a lock, after a neighbour's 5 wrong guesses", async () => {
    const neighbour = await loginForm(t);
    for (let i = 0; i < 5; i++) {
      expect((await neighbour.agent.post('/login').type('form').send({ login: 'julien', password: `faux${i}`, _csrf: neighbour.csrf })).status).to.equal(401);
    }
    const owner = await loginForm(t);
    const held = await owner.agent.post('/login').type('form').send({ login: 'julien', password: RIGHT, _csrf: owner.csrf });
    expect(held.status).to.equal(429);
    expect(cheerio.load(held.text)('main').text()).to.contain("Trop d'essais");
    t.clock.advanceMinutes(0.5);
    expect((await owner.agent.post('/login').type('form').send({ login: 'julien', password: RIGHT, _csrf: owner.csrf })).status).to.equal(303);
    // Another account was never held by julien's failures.
    expect((await loginForm(t).then(({ agent, csrf }) => agent.post('/login').type('form').send({ login: 'ines', password: RIGHT, _csrf: csrf }))).status).to.equal(303);
  });

  it('grows the delay with each further failure: 30 s, then 1 min', async () => {
    const { agent, csrf } = await loginForm(t);
    const attempt = (password: string) => agent.post('/login').type('form').send({ login: 'julien', password, _csrf: csrf }).then((r) => r.status);
    for (let i = 0; i < 5; i++) expect(await attempt(`faux${i}`)).to.equal(401);
    t.clock.advanceMinutes(0.5);
    expect(await attempt('faux5')).to.equal(401);
    t.clock.advanceMinutes(0.5);
    expect(await attempt(RIGHT)).to.equal(429);
    t.clock.advanceMinutes(0.5);
    expect(await attempt(RIGHT)).to.equal(303);
  });

  it('lets an admin lift the delay from the accounts page, at once', async () => {
    const neighbour = await loginForm(t);
    for (let i = 0; i < 5; i++) await neighbour.agent.post('/login').type('form').send({ login: 'julien', password: `faux${i}`, _csrf: neighbour.csrf });
    const admin = await loginAs(t.app, 'camille');
    const page = cheerio.load((await admin.get('/admin/users?q=julien')).text);
    const lift = page('form[action$="/lift-login-delay"]');
    expect(lift).to.have.length(1);
    expect(page('tbody').text()).to.contain('Connexion retardée');
    const res = await admin.post(String(lift.attr('action'))).type('form').send({ _csrf: String(lift.find('input[name=_csrf]').val()) });
    expect(res.status).to.equal(303);
    expect(await audited(t, 'login_delay_lifted')).to.equal(1);
    expect(cheerio.load((await admin.get('/admin/users?q=julien')).text)('form[action$="/lift-login-delay"]')).to.have.length(0);
    const owner = await loginForm(t);
    expect((await owner.agent.post('/login').type('form').send({ login: 'julien', password: RIGHT, _csrf: owner.csrf })).status).to.equal(303);
  });

  it('keeps staff and first-time learners able to log in after 20 failures from the same address', async () => {
    const flood = await loginForm(t);
    for (let i = 0; i < 20; i++) {
      expect((await flood.agent.post('/login').type('form').send({ login: `inconnu${i}`, password: 'x', _csrf: flood.csrf })).status).to.equal(401);
    }
    for (const login of ['karim', 'camille', 'ines']) {
      const { agent, csrf } = await loginForm(t);
      expect((await agent.post('/login').type('form').send({ login, password: RIGHT, _csrf: csrf })).status, login).to.equal(303);
    }
    // A login that already failed from this flooded address is held until the window ends.
    expect((await flood.agent.post('/login').type('form').send({ login: 'inconnu0', password: 'x', _csrf: flood.csrf })).status).to.equal(429);
  });

  it('runs the same password check for an unknown login as for a known one (a dummy hash)', async () => {
    const checked: string[] = [];
    const counting: PasswordHasher = {
      hash: scryptHasher.hash,
      verify: async (password, stored) => {
        checked.push(stored.split('$')[0]);
        return scryptHasher.verify(password, stored);
      },
    };
    const accounts = new AccountsService(t.ctx.repositories.users, t.ctx.repositories.audit, t.clock.now, new LoginThrottleRepository(t.ctx.database.db), counting);
    expect(await accounts.authenticate('personne', 'x', '10.0.0.9')).to.equal(null);
    expect(await accounts.authenticate('julien', 'x', '10.0.0.9')).to.equal(null);
    expect((await accounts.authenticate('julien', RIGHT, '10.0.0.9'))?.displayName).to.equal('Julien Martin');
    expect(checked).to.deep.equal(['scrypt', 'scrypt', 'scrypt']);
  });
});
