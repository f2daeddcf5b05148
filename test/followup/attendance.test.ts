import { expect } from 'chai';
import { cheerio, csrfFrom } from '../helpers/app.ts';
import { followupWorld, type FollowupWorld } from './fixtures.ts';

describe('attendance', () => {
  let w: FollowupWorld;
  before(async () => {
    w = await followupWorld(3);
  });
  after(() => w.t.close());
  beforeEach(() => w.t.ctx.database.db.deleteFrom('attendance').execute());

  const page = (query: string) => `/trainer/attendance?cohort=${w.cohort.id}&${query}`;
  const rows = () => w.t.ctx.followup.attendance.list([...w.learners, w.outsider].map((l) => l.id));

  it('lists every learner of the cohort with a morning and an afternoon field', async () => {
    const res = await w.trainerAgent.get(page('day=2026-11-25'));
    expect(res.status).to.equal(200);
    const $ = cheerio.load(res.text);
    expect($('tbody th[scope=row]').map((_, e) => $(e).text()).get()).to.deep.equal(['Stagiaire A', 'Stagiaire B', 'Stagiaire C']);
    expect($(`input[name=am_${w.learners[0].id}]`)).to.have.length(1);
    expect($(`input[name=pm_${w.learners[2].id}]`)).to.have.length(1);
    expect($('body').text()).not.to.include('Autre Groupe');
  });

  it('stores the hours of a day, clears emptied half-days, and counts them for the certificate', async () => {
    const csrf = await csrfFrom(w.trainerAgent, page('day=2026-11-25'));
    const [a, b, c] = w.learners;
    let res = await w.trainerAgent
      .post('/trainer/attendance')
      .type('form')
      .send({ _csrf: csrf, cohort: w.cohort.id, day: '2026-11-25', [`am_${a.id}`]: '3,5', [`pm_${a.id}`]: '3', [`am_${b.id}`]: '0', [`pm_${c.id}`]: '2.25' });
    expect(res.status).to.equal(303);
    expect((await rows()).map((r) => [r.userId, r.halfDay, r.hours])).to.have.deep.members([
      [a.id, 'am', 3.5],
      [a.id, 'pm', 3],
      [b.id, 'am', 0],
      [c.id, 'pm', 2.25],
    ]);
    expect(await w.t.ctx.followup.attendance.attendanceHours(a.id)).to.equal(6.5);
    expect(await w.t.ctx.followup.attendance.attendanceHours(a.id, '2026-11-26')).to.equal(0);
    res = await w.trainerAgent.post('/trainer/attendance').type('form').send({ _csrf: csrf, cohort: w.cohort.id, day: '2026-11-25', [`am_${a.id}`]: '3,5' });
    expect(res.status).to.equal(303);
    expect((await rows()).map((r) => [r.userId, r.halfDay])).to.deep.equal([[a.id, 'am']]);
    const shown = cheerio.load((await w.trainerAgent.get(page('day=2026-11-25'))).text);
    expect(shown(`input[name=am_${a.id}]`).val()).to.equal('3,5');
  });

  it('refuses hours out of range or malformed, shows the error on the field, and stores nothing', async () => {
    const csrf = await csrfFrom(w.trainerAgent, page('day=2026-11-25'));
    const [a, b] = w.learners;
    for (const bad of ['6', '-1', '3,3', 'abc', '1e1']) {
      const res = await w.trainerAgent
        .post('/trainer/attendance')
        .type('form')
        .send({ _csrf: csrf, cohort: w.cohort.id, day: '2026-11-25', [`am_${a.id}`]: '3', [`pm_${b.id}`]: bad });
      expect(res.status, bad).to.equal(400);
      const $ = cheerio.load(res.text);
      expect($(`#f-pm_${b.id}-error`).text()).to.include('entre 0 et 5');
      expect($(`input[name=pm_${b.id}]`).val()).to.equal(bad);
    }
    expect(await rows()).to.deep.equal([]);
  });

  it('refuses a bad date, a future day and a day outside the cohort, storing nothing', async () => {
    const csrf = await csrfFrom(w.trainerAgent, page('day=2026-11-25'));
    const a = w.learners[0];
    for (const [day, text] of [
      ['2026-02-30', 'vraie date'],
      ['2026-12-01', 'jour à venir'],
      ['2026-08-01', 'en dehors de la période'],
    ]) {
      const res = await w.trainerAgent.post('/trainer/attendance').type('form').send({ _csrf: csrf, cohort: w.cohort.id, day, [`am_${a.id}`]: '3' });
      expect(res.status, day).to.equal(400);
      expect(cheerio.load(res.text)('main').text(), day).to.include(text);
    }
    const get = await w.trainerAgent.get(page('day=hier'));
    expect(get.status).to.equal(400);
    expect(cheerio.load(get.text)('main').text()).to.include('vraie date');
    expect(await rows()).to.deep.equal([]);
  });

  it("marks everyone present with the standard hours, without overwriting what was entered", async () => {
    const csrf = await csrfFrom(w.trainerAgent, page('day=2026-11-24'));
    const [a] = w.learners;
    await w.trainerAgent.post('/trainer/attendance').type('form').send({ _csrf: csrf, cohort: w.cohort.id, day: '2026-11-24', [`am_${a.id}`]: '1' });
    const res = await w.trainerAgent.post('/trainer/attendance/all-present').type('form').send({ _csrf: csrf, cohort: w.cohort.id, day: '2026-11-24' });
    expect(res.status).to.equal(303);
    const stored = await rows();
    expect(stored).to.have.length(6);
    expect(stored.find((r) => r.userId === a.id && r.halfDay === 'am')?.hours).to.equal(1);
    expect(stored.filter((r) => r.hours === 3.5)).to.have.length(5);
  });

  it("forbids another cohort and 404s an unknown one", async () => {
    expect((await w.trainerAgent.get(`/trainer/attendance?cohort=${w.otherCohort.id}`)).status).to.equal(403);
    expect((await w.trainerAgent.get('/trainer/attendance?cohort=nope')).status).to.equal(404);
    const csrf = await csrfFrom(w.trainerAgent, page('day=2026-11-25'));
    const res = await w.trainerAgent.post('/trainer/attendance').type('form').send({ _csrf: csrf, cohort: w.otherCohort.id, day: '2026-11-25', [`am_${w.outsider.id}`]: '3' });
    expect(res.status).to.equal(403);
    expect(await rows()).to.deep.equal([]);
  });

  it('exports the attendance as CSV with a BOM, semicolons and quoting', async () => {
    const csrf = await csrfFrom(w.trainerAgent, page('day=2026-11-25'));
    const [a] = w.learners;
    await w.trainerAgent.post('/trainer/attendance').type('form').send({ _csrf: csrf, cohort: w.cohort.id, day: '2026-11-25', [`am_${a.id}`]: '3,5' });
    const res = await w.trainerAgent.get(`/trainer/attendance.csv?cohort=${w.cohort.id}`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.match(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).to.match(/^attachment; filename="?presences-Groupe-A-2026-09-01-2027-03-31\.csv"?$/);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8').slice(1).split('\r\n')).to.deep.equal(['Stagiaire;Identifiant;Jour;Demi-journée;Heures', 'Stagiaire A;stagiaire1;2026-11-25;Matin;3,5', '']);
  });
});
