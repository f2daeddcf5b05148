import { expect } from 'chai';
import request from 'supertest';
import { cheerio, createTestApp, createUser, csrfFrom, loginAs, type TestApp } from '../../helpers/app.ts';
import type { User } from '../../../src/server/accounts/user.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

describe('admin: several members at once, and an audit log that names people', () => {
  let t: TestApp;
  let admin: request.Agent;
  let cohortId: string;
  let learners: User[];
  const path = () => `/admin/cohorts/${cohortId}`;
  const memberLogins = async () => (await t.ctx.repositories.cohorts.members(cohortId)).map((m) => m.login).sort();
  const memberAudit = async () => t.ctx.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'cohort_member_added').execute();

  beforeEach(async () => {
    t = await createTestApp();
    await createUser(t.ctx, 'admin', 'camille', 'motdepasse-solide', 'Camille Admin');
    await createUser(t.ctx, 'partner', 'paule', 'motdepasse-solide', 'Paule Partenaire');
    learners = [];
    for (const [login, name] of [['ana', 'Ana Lima'], ['paul', 'Paul Roux'], ['lea', 'Léa Roy'], ['marc', 'Marc Noir'], ['zoe', 'Zoé Blanc']]) {
      learners.push(await createUser(t.ctx, 'learner', login, 'motdepasse-solide', name));
    }
    admin = await loginAs(t.app, 'camille');
    cohortId = (await t.ctx.services.cohorts.create({ name: 'Session hiver', startDate: '2026-12-01', endDate: '2027-05-31' }, { ip: null, actorId: null })).id;
  });
  afterEach(() => t.close());

  it('adds the people ticked and those whose logins are typed, in one go, one audit row each', async () => {
    const page = cheerio.load((await admin.get(path())).text);
    expect(page('input[name=userIds]')).to.have.length(5);
    const csrf = String(page('input[name=_csrf]').first().val());
    const res = await admin
      .post(`${path()}/members`)
      .type('form')
      .send(`_csrf=${encodeURIComponent(csrf)}&userIds=${learners[0].id}&userIds=${learners[1].id}&userIds=${learners[2].id}&logins=${encodeURIComponent('MARC\n\n zoe ')}`);
    expect(res.status).to.equal(303);
    expect(await memberLogins()).to.deep.equal(['ana', 'lea', 'marc', 'paul', 'zoe']);
    const rows = await memberAudit();
    expect(rows.map((r) => r.subject).sort()).to.deep.equal(learners.map((l) => l.id).sort());
    expect(rows.every((r) => r.details === cohortId)).to.equal(true);
  });

  it('adds nobody when a typed login is unknown or a person may not join, and names the line', async () => {
    const csrf = await csrfFrom(admin, path());
    const res = await admin.post(`${path()}/members`).type('form').send({ _csrf: csrf, userIds: [learners[0].id], logins: 'paul\npersonne\npaule' });
    expect(res.status).to.equal(400);
    const $ = cheerio.load(res.text);
    expect($('[data-testid=member-problems] li').map((_, li) => $(li).text()).get()).to.deep.equal([
      "Ligne 2 : aucun compte n'a l'identifiant « personne ».",
      'Ligne 3 : Paule Partenaire n\'est ni stagiaire ni formateur : seuls eux peuvent faire partie d\'un groupe.',
    ]);
    expect($('#f-logins').text()).to.equal('paul\npersonne\npaule');
    expect($(`input[value=${learners[0].id}]`).attr('checked')).to.equal('checked');
    expect(await memberLogins()).to.deep.equal([]);
    expect(await memberAudit()).to.have.length(0);
    const empty = await admin.post(`${path()}/members`).type('form').send({ _csrf: csrf });
    expect(empty.status).to.equal(400);
    expect(cheerio.load(empty.text)('[data-testid=member-problems]').text()).to.contain('cochez au moins une personne');
  });

  it('shows who did what by name and login, and says which person joined or left which group', async () => {
    let csrf = await csrfFrom(admin, path());
    await admin.post(`${path()}/members`).type('form').send({ _csrf: csrf, logins: 'ana' });
    csrf = await csrfFrom(admin, path());
    await admin.post(`${path()}/members/${learners[0].id}/remove`).type('form').send({ _csrf: csrf });
    csrf = await csrfFrom(admin, '/admin/users/bulk');
    const preview = cheerio.load((await admin.post('/admin/users/bulk').type('form').send({ list: 'Nina Gris', cohortId, _csrf: csrf })).text);
    await admin.post('/admin/users/bulk').type('form').send({ list: 'Nina Gris', cohortId, step: 'create', token: String(preview('input[name=token]').val()), _csrf: csrf });
    // A row written before member changes had their own action reads the same.
    await t.ctx.repositories.audit.record({ at: t.clock.now().toISOString(), action: 'cohort_updated', actorId: null, subject: cohortId, ip: null, details: `+${learners[1].id}` });

    const $ = cheerio.load((await admin.get('/admin/audit')).text);
    const rows = $('tbody tr').map((_, tr) => [$(tr).find('td').map((__, td) => $(td).text().trim()).get()]).get() as unknown as string[][];
    const texts = rows.map((cells) => cells.slice(1, 4).join(' | '));
    expect(texts).to.include('Membre ajouté |  | Paul Roux (paul) ajouté au groupe « Session hiver »');
    expect(texts).to.include("Comptes créés d'un coup | Camille Admin (camille) | Comptes créés d'un coup dans le groupe « Session hiver » : 1");
    expect(texts).to.include('Membre ajouté | Camille Admin (camille) | Nina Gris (nina.gris) ajouté au groupe « Session hiver »');
    expect(texts).to.include('Compte créé | Camille Admin (camille) | Nina Gris (nina.gris)');
    expect(texts).to.include('Membre retiré | Camille Admin (camille) | Ana Lima (ana) retiré du groupe « Session hiver »');
    expect(texts).to.include('Membre ajouté | Camille Admin (camille) | Ana Lima (ana) ajouté au groupe « Session hiver »');
    expect($('tbody').text()).to.not.match(UUID);

    await admin.get('/admin?lang=en');
    const en = cheerio.load((await admin.get('/admin/audit')).text);
    expect(en('tbody').text()).to.contain('Ana Lima (ana) removed from the group "Session hiver"');
  });
});
