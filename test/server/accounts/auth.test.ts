import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../../src/server/app.ts';
import { buildContext } from '../../../src/server/context.ts';
import { createLogger } from '../../../src/server/logger.ts';
import { cheerio, createTestApp, createUser, csrfFrom, loginAs, type TestApp } from '../../helpers/app.ts';

async function auditActions(t: TestApp, action: string): Promise<number> {
  const rows = await t.ctx.database.db.selectFrom('audit_log').select('id').where('action', '=', action).execute();
  return rows.length;
}

describe('login and sessions', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await createUser(t.ctx, 'learner', 'julien', 'motdepasse-solide', 'Julien Martin');
    await createUser(t.ctx, 'trainer', 'karim', 'motdepasse-solide', 'Karim Formateur');
  });
  afterEach(() => t.close());

  it('logs a learner in and shows their home page', async () => {
    const agent = request.agent(t.app);
    const csrf = await csrfFrom(agent, '/login');
    const res = await agent.post('/login').type('form').send({ login: 'Julien', password: 'motdepasse-solide', _csrf: csrf });
    expect(res.status).to.equal(303);
    expect(res.headers.location).to.equal('/learner');
    const home = await agent.get('/learner');
    expect(home.status).to.equal(200);
    const $ = cheerio.load(home.text);
    expect($('h1').text()).to.contain('Bonjour Julien Martin');
    expect($('html').attr('lang')).to.equal('fr');
    expect(await auditActions(t, 'login')).to.equal(1);
  });

  it('refuses an unknown login with a translated message and journals it', async () => {
    const agent = request.agent(t.app);
    const csrf = await csrfFrom(agent, '/login');
    const res = await agent.post('/login').type('form').send({ login: 'personne', password: 'x', _csrf: csrf });
    expect(res.status).to.equal(401);
    expect(cheerio.load(res.text)('#f-password-error').text()).to.contain('Identifiant ou mot de passe incorrect');
    expect(await auditActions(t, 'login_failed')).to.equal(1);
    expect((await agent.get('/learner')).status).to.equal(303);
  });

  it('refuses a wrong password', async () => {
    const agent = request.agent(t.app);
    const csrf = await csrfFrom(agent, '/login');
    const res = await agent.post('/login').type('form').send({ login: 'julien', password: 'mauvais', _csrf: csrf });
    expect(res.status).to.equal(401);
    expect(cheerio.load(res.text)('input[name=login]').val()).to.equal('julien');
  });

  it('explains missing fields next to them', async () => {
    const agent = request.agent(t.app);
    const csrf = await csrfFrom(agent, '/login');
    const res = await agent.post('/login').type('form').send({ _csrf: csrf });
    expect(res.status).to.equal(400);
    const $ = cheerio.load(res.text);
    expect($('#f-login-error').text()).to.contain('Ce champ est obligatoire');
    expect($('#f-login').attr('aria-invalid')).to.equal('true');
    expect($('#f-login').attr('aria-describedby')).to.contain('f-login-error');
  });

  it('rate-limits repeated failures on one account, even with the right password afterwards', async () => {
    const agent = request.agent(t.app);
    const csrf = await csrfFrom(agent, '/login');
    for (let i = 0; i < 5; i++) {
      expect((await agent.post('/login').type('form').send({ login: 'julien', password: `wrong${i}`, _csrf: csrf })).status).to.equal(401);
    }
    const blocked = await agent.post('/login').type('form').send({ login: 'julien', password: 'motdepasse-solide', _csrf: csrf });
    expect(blocked.status).to.equal(429);
    expect(cheerio.load(blocked.text)('main').text()).to.contain("Trop d'essais");
    t.clock.advanceMinutes(16);
    const later = await agent.post('/login').type('form').send({ login: 'julien', password: 'motdepasse-solide', _csrf: csrf });
    expect(later.status).to.equal(303);
  });

  it('holds logins that already failed once an address has 20 failures, but not the staff (issue 13)', async () => {
    const agent = request.agent(t.app);
    const csrf = await csrfFrom(agent, '/login');
    for (let i = 0; i < 20; i++) {
      await agent.post('/login').type('form').send({ login: `inconnu${i}`, password: 'x', _csrf: csrf });
    }
    expect((await agent.post('/login').type('form').send({ login: 'inconnu3', password: 'x', _csrf: csrf })).status).to.equal(429);
    const res = await agent.post('/login').type('form').send({ login: 'karim', password: 'motdepasse-solide', _csrf: csrf });
    expect(res.status).to.equal(303);
  });

  it('rejects a form without a CSRF token and changes nothing', async () => {
    const res = await request(t.app).post('/login').type('form').send({ login: 'julien', password: 'motdepasse-solide' });
    expect(res.status).to.equal(403);
    expect(cheerio.load(res.text)('main').text()).to.contain('Le formulaire a expiré');
    expect(await auditActions(t, 'login')).to.equal(0);
  });

  it('answers 413 with a translated page to an oversized body', async () => {
    const agent = request.agent(t.app);
    const csrf = await csrfFrom(agent, '/login');
    const res = await agent.post('/login').type('form').send({ login: 'julien', password: 'x'.repeat(2 * 1024 * 1024), _csrf: csrf });
    expect(res.status).to.equal(413);
    expect(cheerio.load(res.text)('main').text()).to.contain('trop gros');
    expect(await auditActions(t, 'login_failed')).to.equal(0);
  });

  it('ends a learner session after 15 idle minutes, measured with the injected clock', async () => {
    const agent = await loginAs(t.app, 'julien');
    t.clock.advanceMinutes(14);
    expect((await agent.get('/learner')).status).to.equal(200);
    t.clock.advanceMinutes(16);
    const res = await agent.get('/learner');
    expect(res.status).to.equal(303);
    expect(res.headers.location).to.match(/^\/login/);
    const login = await agent.get('/login');
    expect(cheerio.load(login.text)('[role=status]').text()).to.contain('déconnecté');
  });

  it('keeps a trainer session for 8 hours of idleness', async () => {
    const agent = await loginAs(t.app, 'karim');
    t.clock.advanceMinutes(60);
    expect((await agent.get('/trainer')).status).to.equal(200);
    t.clock.advanceMinutes(8 * 60 + 1);
    expect((await agent.get('/trainer')).status).to.equal(303);
  });

  it('keeps sessions in the database, so they survive a restart', async () => {
    const anonymous = await request(t.app).get('/login');
    const first = String(anonymous.headers['set-cookie']).split(';')[0];
    const csrf = cheerio.load(anonymous.text)('input[name=_csrf]').val() as string;
    const login = await request(t.app).post('/login').set('Cookie', first).type('form').send({ login: 'julien', password: 'motdepasse-solide', _csrf: csrf });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const rows = await t.ctx.database.db.selectFrom('http_sessions').select('data').execute();
    expect(rows.map((r) => JSON.parse(r.data as string).userId).filter(Boolean)).to.have.length(1);
    const restartedCtx = buildContext(t.ctx.config, t.ctx.database, t.clock.now, createLogger('error'));
    const restarted = createApp(restartedCtx, 's'.repeat(40));
    const res = await request(restarted).get('/learner').set('Cookie', cookie);
    expect(res.status).to.equal(200);
    expect(cheerio.load(res.text)('h1').text()).to.contain('Julien Martin');
  });

  it('logs out and forgets the session', async () => {
    const agent = await loginAs(t.app, 'julien');
    const csrf = await csrfFrom(agent, '/learner');
    const res = await agent.post('/logout').type('form').send({ _csrf: csrf });
    expect(res.status).to.equal(303);
    expect((await agent.get('/learner')).status).to.equal(303);
    const rows = await t.ctx.database.db.selectFrom('http_sessions').select('data').execute();
    expect(rows.filter((r) => JSON.parse(r.data as string).userId)).to.have.length(0);
  });

  it('makes a new account choose its own password before anything else', async () => {
    const { oneTimePassword } = await t.ctx.services.accounts.createUser({ role: 'learner', login: 'nouveau', displayName: 'Nouveau Stagiaire' }, { ip: null, actorId: null });
    const agent = request.agent(t.app);
    let csrf = await csrfFrom(agent, '/login');
    const login = await agent.post('/login').type('form').send({ login: 'nouveau', password: oneTimePassword, _csrf: csrf });
    expect(login.headers.location).to.equal('/account/password');
    expect((await agent.get('/learner')).headers.location).to.equal('/account/password');
    csrf = await csrfFrom(agent, '/account/password');
    const mismatch = await agent.post('/account/password').type('form').send({ current: oneTimePassword, next: 'nouveau-secret', confirm: 'autre-chose', _csrf: csrf });
    expect(mismatch.status).to.equal(400);
    expect(cheerio.load(mismatch.text)('#f-confirm-error').text()).to.contain('pas identiques');
    const done = await agent.post('/account/password').type('form').send({ current: oneTimePassword, next: 'nouveau-secret', confirm: 'nouveau-secret', _csrf: csrf });
    expect(done.status).to.equal(303);
    expect((await agent.get('/learner')).status).to.equal(200);
    const fresh = request.agent(t.app);
    csrf = await csrfFrom(fresh, '/login');
    expect((await fresh.post('/login').type('form').send({ login: 'nouveau', password: oneTimePassword, _csrf: csrf })).status).to.equal(401);
  });

  it('switches to English and keeps the choice', async () => {
    const agent = request.agent(t.app);
    const en = await agent.get('/login?lang=en');
    const $ = cheerio.load(en.text);
    expect($('html').attr('lang')).to.equal('en');
    expect($('h1').text()).to.contain('Log in');
    const again = cheerio.load((await agent.get('/login')).text);
    expect(again('label[for=f-password]').text()).to.equal('Password');
  });

  it('serves translated 404 pages without a stack trace', async () => {
    const res = await request(t.app).get('/nulle-part');
    expect(res.status).to.equal(404);
    const $ = cheerio.load(res.text);
    expect($('main').text()).to.contain("Cette page n'existe pas");
    expect(res.text).not.to.match(/at .*\.ts:\d+/);
  });

  it('reports health', async () => {
    const res = await request(t.app).get('/healthz');
    expect(res.status).to.equal(200);
    expect(res.body.status).to.equal('ok');
  });

  it('sends a strict Content-Security-Policy and safe cookies', async () => {
    const res = await request(t.app).get('/login');
    expect(res.headers['content-security-policy']).to.contain("default-src 'self'").and.to.contain("script-src 'self'");
    const agent = request.agent(t.app);
    const csrf = await csrfFrom(agent, '/login');
    const login = await agent.post('/login').type('form').send({ login: 'julien', password: 'motdepasse-solide', _csrf: csrf });
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).to.contain('HttpOnly').and.to.contain('SameSite=Lax');
  });
});

describe('health when the database is gone', () => {
  it('answers 503', async () => {
    const t = await createTestApp();
    // A first check opens the connection: Kysely's destroy() is a no-op on a driver never used,
    // and a test world copied from a template has not used it yet.
    expect((await request(t.app).get('/healthz')).status).to.equal(200);
    await t.ctx.database.db.destroy();
    const res = await request(t.app).get('/healthz');
    expect(res.status).to.equal(503);
    await t.close().catch(() => undefined);
  });
});
