/**
 * The trainer's warning before issuing on thin evidence: shown on the review page (French, and
 * English on request), and the issue POST without the acknowledgement is refused and stores
 * nothing; with it, the certificate is issued. A learner with enough evidence sees no warning.
 */
import { expect } from 'chai';
import type request from 'supertest';
import { EXTENSIONS } from '../../src/server/xapi/vocabulary.ts';
import { cheerio, csrfFrom, loginAs } from '../helpers/app.ts';
import { callStatement, certificateWorld, readyToIssue, type CertificateWorld } from './world.ts';

describe('certificates: thin evidence warning before issuing', function () {
  this.timeout(60_000);
  let w: CertificateWorld;
  let trainer: request.Agent;
  const review = () => `/trainer/release/${w.learner.id}`;
  const issued = () => w.t.ctx.certificates.registry.countIssued();

  before(async () => {
    // Two calls and 10 h of attendance: under the 3 calls and 35 h of thin-evidence.ts.
    w = await certificateWorld();
    await readyToIssue(w);
    trainer = await loginAs(w.t.app, 'karim');
  });
  after(() => w.close());

  it('warns on the review page, in French, with what is missing, and asks for the checkbox', async () => {
    const $ = cheerio.load((await trainer.get(review()).expect(200)).text);
    const warning = $('.thin-evidence');
    expect(warning.find('h3').text()).to.equal('Peu de preuves pour cette attestation');
    const items = warning.find('li').map((_i, el) => $(el).text()).get();
    expect(items).to.include('2 appel(s) simulé(s) terminé(s) (conseillé : au moins 3).');
    expect(items).to.include('10 h de présence enregistrées (conseillé : au moins 35 h).');
    expect($('form[action$="/issue"] input[type=checkbox][name=acknowledgeThinEvidence]')).to.have.length(1);
    expect($('label[for=f-acknowledgeThinEvidence]').text()).to.contain("J'ai lu ces avertissements");
  });

  it('says it in English when the trainer chose English', async () => {
    const $ = cheerio.load((await trainer.get(`${review()}?lang=en`).expect(200)).text);
    expect($('.thin-evidence h3').text()).to.equal('Little evidence for this certificate');
    expect($('.thin-evidence li').text()).to.contain('2 simulated call(s) completed (advised: at least 3).');
    const csrf = await csrfFrom(trainer, review());
    const refused = await trainer.post(`${review()}/issue`).type('form').send({ _csrf: csrf }).expect(400);
    expect(cheerio.load(refused.text)('.alert-error').text()).to.contain('The evidence is thin');
    expect(await issued()).to.equal(0);
    await trainer.get(`${review()}?lang=fr`).expect(200);
  });

  it('refuses the POST without the acknowledgement, or with a tampered one, and stores nothing', async () => {
    const csrf = await csrfFrom(trainer, review());
    for (const form of [{ _csrf: csrf }, { _csrf: csrf, acknowledgeThinEvidence: 'yes' }, { _csrf: csrf, acknowledgeThinEvidence: '' }]) {
      const res = await trainer.post(`${review()}/issue`).type('form').send(form).expect(400);
      expect(cheerio.load(res.text)('.alert-error').text()).to.contain('Les preuves sont minces');
    }
    expect(await issued()).to.equal(0);
    expect(await w.t.ctx.certificates.registry.list({ userId: w.learner.id })).to.deep.equal([]);
  });

  it('issues once the warning is acknowledged', async () => {
    const csrf = await csrfFrom(trainer, review());
    await trainer.post(`${review()}/issue`).type('form').send({ _csrf: csrf, acknowledgeThinEvidence: 'on' }).expect(303);
    expect(await issued()).to.equal(1);
    const $ = cheerio.load((await trainer.get(review()).expect(200)).text);
    expect($('.certificate-issued')).to.have.length(1);
  });

  it('shows no warning and needs no checkbox when the evidence is enough', async () => {
    const rich = await certificateWorld();
    try {
      const { t, learner, trainer: karim } = rich;
      // Three more calls scoring four more competencies, and 5 more days of attendance (10 + 35 h).
      const more = [3, 4, 5].map((n) => {
        const s = callStatement(t, learner.id, `0190a000-0000-7000-8000-00000000000${n}`, `2026-11-2${n}T14:00:00.000Z`, 0.9);
        const scores: Record<string, number> = { 'CCP1.1': 0.9, 'CCP1.2': 0.9, T1: 0.9, T2: 0.9, 'CCP1.3': 0.9, T4: 0.9 };
        return { ...s, result: { ...s.result, extensions: { ...s.result.extensions, [EXTENSIONS.competencyScores]: scores } } };
      });
      await t.ctx.lrs.service.storeStatements(more);
      const days = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'];
      await t.ctx.followup.attendance.save(
        days.flatMap((day) => [
          { userId: learner.id, day, halfDay: 'am' as const, hours: 3.5 },
          { userId: learner.id, day, halfDay: 'pm' as const, hours: 3.5 },
        ]),
        karim.id,
        t.clock.now().toISOString(),
      );
      await readyToIssue(rich);
      const agent = await loginAs(t.app, 'karim');
      const path = `/trainer/release/${learner.id}`;
      const $ = cheerio.load((await agent.get(path).expect(200)).text);
      expect($('.thin-evidence')).to.have.length(0);
      expect($('input[name=acknowledgeThinEvidence]')).to.have.length(0);
      expect($('.practice-counts').text()).to.contain('5 appel(s) simulé(s) terminé(s)');
      const csrf = await csrfFrom(agent, path);
      await agent.post(`${path}/issue`).type('form').send({ _csrf: csrf }).expect(303);
      expect(await t.ctx.certificates.registry.countIssued()).to.equal(1);
    } finally {
      await rich.close();
    }
  });
});
