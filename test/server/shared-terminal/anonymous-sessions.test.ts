import { expect } from 'chai';
import request from 'supertest';
import { cheerio, createTestApp, createUser, csrfFrom, type TestApp } from '../../helpers/app.ts';

describe('issue 13: no session row before login', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await createUser(t.ctx, 'learner', 'julien', 'motdepasse-solide', 'Julien Martin');
  });
  afterEach(() => t.close());

  const sessionRows = async () => (await t.ctx.database.db.selectFrom('http_sessions').select('sid').execute()).length;

  it('stores nothing for 200 anonymous GETs (login page, language switch, 404, protected page)', async () => {
    const paths = ['/login', '/login?lang=en', '/', '/nulle-part', '/learner'];
    for (let i = 0; i < 200; i++) {
      const res = await request(t.app).get(paths[i % paths.length]);
      expect(res.status).to.be.oneOf([200, 303, 404]);
    }
    expect(await sessionRows()).to.equal(0);
  });

  it('still protects the login form, with a signed cookie token, and creates the session at login', async () => {
    const agent = request.agent(t.app);
    const csrf = await csrfFrom(agent, '/login');
    expect(await sessionRows()).to.equal(0);
    const forged = await request(t.app).post('/login').set('Cookie', `tremplin.csrf=${csrf.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`).type('form').send({ login: 'julien', password: 'motdepasse-solide', _csrf: csrf });
    expect(forged.status).to.equal(403);
    expect(cheerio.load(forged.text)('main').text()).to.contain('Le formulaire a expiré');
    const res = await agent.post('/login').type('form').send({ login: 'julien', password: 'motdepasse-solide', _csrf: csrf });
    expect(res.status).to.equal(303);
    expect(await sessionRows()).to.equal(1);
    expect(cheerio.load((await agent.get('/learner')).text)('h1').text()).to.contain('Julien Martin');
  });

  it('keeps the English choice before login through its cookie', async () => {
    const agent = request.agent(t.app);
    await agent.get('/login?lang=en');
    expect(cheerio.load((await agent.get('/login')).text)('h1').text()).to.contain('Log in');
    expect(await sessionRows()).to.equal(0);
  });
});
