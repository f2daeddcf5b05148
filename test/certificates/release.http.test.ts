import { expect } from 'chai';
import request from 'supertest';
import { cheerio, createUser, csrfFrom, loginAs } from '../helpers/app.ts';
import { binary, unzip } from './download.ts';
import { readPdf } from './pdf-text.ts';
import { certificateWorld, type CertificateWorld } from './world.ts';


describe('certificates: release workflow over HTTP', function () {
  this.timeout(60_000);
  let w: CertificateWorld;
  let trainer: request.Agent;
  const review = () => `/trainer/release/${w.learner.id}`;

  before(async () => {
    w = await certificateWorld();
    trainer = await loginAs(w.t.app, 'karim');
  });
  after(() => w.close());

  it('lists learners and shows the evidence gathered from the LRS', async () => {
    const list = cheerio.load((await trainer.get('/trainer/release').expect(200)).text);
    expect(list(`a[href="${review()}"]`).text()).to.equal('Julien Martin');
    const $ = cheerio.load((await trainer.get(review()).expect(200)).text);
    const modules = $('table').first().text();
    expect(modules).to.contain("Module d'essai du lecteur");
    expect(modules).to.contain('4 / 4');
    expect($('.plain-list').text()).to.contain('10 h');
    expect($('body').text()).to.contain('2 appel(s) simulé(s)');
    expect($('body').text()).to.contain('Premier appel : 50 %, dernier appel : 80 %');
    const ccp13 = $('tr').filter((_i, el) => $(el).find('td').first().text().startsWith('CCP1.3'));
    expect(ccp13.find('.level').text()).to.equal("En cours d'acquisition");
  });

  it('is limited to the learners of the cohorts the trainer trains', async () => {
    await createUser(w.t.ctx, 'trainer', 'autre-formateur');
    const other = await loginAs(w.t.app, 'autre-formateur');
    await other.get(review()).expect(403);
    await other.get(`${review()}/preview.pdf`).expect(403);
    const list = cheerio.load((await other.get('/trainer/release').expect(200)).text);
    expect(list(`a[href="${review()}"]`)).to.have.length(0);
  });

  it('stores the leaving date; refuses a bad one and stores nothing', async () => {
    const csrf = await csrfFrom(trainer, review());
    await trainer.post(`${review()}/leaving-date`).type('form').send({ _csrf: csrf, leavingDate: '2026-02-31' }).expect(400);
    expect((await w.t.ctx.certificates.releases.get(w.learner.id)).leavingDate).to.equal(null);
    await trainer.post(`${review()}/leaving-date`).type('form').send({ _csrf: csrf, leavingDate: '2026-11-27' }).expect(303);
    expect((await w.t.ctx.certificates.releases.get(w.learner.id)).leavingDate).to.equal('2026-11-27');
  });

  it('refuses a leaving date before the training began or over a year ahead, keeping the typed date and the stored one', async () => {
    const csrf = await csrfFrom(trainer, review());
    for (const [date, message] of [
      ['2020-01-15', 'La date de sortie ne peut pas être avant le début de la formation.'],
      ['2031-06-30', "La date de sortie ne peut pas être plus d'un an après aujourd'hui."],
    ] as const) {
      const res = await trainer.post(`${review()}/leaving-date`).type('form').send({ _csrf: csrf, leavingDate: date }).expect(400);
      const $ = cheerio.load(res.text);
      expect($('#f-leavingDate').val()).to.equal(date);
      expect($('#f-leavingDate-error').text().trim()).to.equal(message);
      expect((await w.t.ctx.certificates.releases.get(w.learner.id)).leavingDate).to.equal('2026-11-27');
    }
  });

  it('needs a written justification to change a level, and keeps it', async () => {
    const csrf = await csrfFrom(trainer, review());
    const short = await trainer.post(`${review()}/levels`).type('form').send({ _csrf: csrf, code: 'T4', level: 'acquis', justification: 'ok' }).expect(400);
    expect(cheerio.load(short.text)('.alert-error').text()).to.contain('au moins 10 caractères');
    expect((await w.t.ctx.certificates.releases.get(w.learner.id)).overrides).to.deep.equal([]);
    const why = "Gère très bien son stress lors des appels observés en double écoute.";
    await trainer.post(`${review()}/levels`).type('form').send({ _csrf: csrf, code: 'T4', level: 'acquis', justification: why }).expect(303);
    const [override] = (await w.t.ctx.certificates.releases.get(w.learner.id)).overrides;
    expect(override).to.include({ code: 'T4', level: 'acquis', justification: why, by: w.trainer.id });
  });

  it('refuses to issue before the appraisal is complete', async () => {
    const csrf = await csrfFrom(trainer, review());
    // This learner's evidence is thin (2 calls, 10 h): the warning is acknowledged, the appraisal still refuses.
    const res = await trainer.post(`${review()}/issue`).type('form').send({ _csrf: csrf, acknowledgeThinEvidence: 'on' }).expect(400);
    expect(cheerio.load(res.text)('.alert-error').text()).to.contain("Complétez d'abord l'appréciation");
    expect(await w.t.ctx.certificates.registry.countIssued()).to.equal(0);
  });

  it('saves the appraisal (level + short text for each of the five criteria)', async () => {
    const csrf = await csrfFrom(trainer, review());
    const form: Record<string, string> = { _csrf: csrf };
    for (const c of ['ponctualite', 'assiduite', 'travail_equipe', 'respect_consignes', 'autonomie']) {
      form[`level_${c}`] = 'tres_satisfaisant';
      form[`text_${c}`] = `Très bien : ${c}.`;
    }
    await trainer.post(`${review()}/appraisal`).type('form').send({ ...form, level_autonomie: 'parfait' }).expect(400);
    expect((await w.t.ctx.certificates.releases.get(w.learner.id)).appraisal).to.deep.equal([]);
    await trainer.post(`${review()}/appraisal`).type('form').send(form).expect(303);
    expect((await w.t.ctx.certificates.releases.get(w.learner.id)).appraisal).to.have.length(5);
  });

  it('previews a PDF marked APERÇU without storing anything', async () => {
    const res = await trainer.get(`${review()}/preview.pdf`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).to.equal('application/pdf');
    const pdf = await readPdf(res.body as Buffer);
    expect(pdf.text).to.contain('APERÇU');
    expect(pdf.text).to.contain('Julien Martin');
    expect(await w.t.ctx.certificates.registry.countIssued()).to.equal(0);
  });

  it('issues: registry row with snapshot, hash, signature; the overridden level is printed', async () => {
    const csrf = await csrfFrom(trainer, review());
    await trainer.post(`${review()}/issue`).type('form').send({ _csrf: csrf, acknowledgeThinEvidence: 'on' }).expect(303);
    const [record] = await w.t.ctx.certificates.registry.list({ userId: w.learner.id });
    expect(record?.status).to.equal('valid');
    expect(record?.number).to.match(/^TRP-2026-000001-\d$/);
    expect(record?.snapshotHash).to.match(/^[0-9a-f]{64}$/);
    expect(record?.snapshot?.competencyBlocks.flatMap((b) => b.competencies).find((c) => c.code === 'T4')).to.include({ level: 'acquis', computedLevel: 'en_cours' });
    const again = await trainer.post(`${review()}/issue`).type('form').send({ _csrf: csrf, acknowledgeThinEvidence: 'on' }).expect(409);
    expect(cheerio.load(again.text)('.alert-error').text()).to.contain('Une attestation valide existe déjà');
    const pdfRes = await trainer.get(`/admin/certificates/${record?.id}/pdf`).buffer(true).parse(binary).expect(200);
    const pdf = await readPdf(pdfRes.body as Buffer);
    expect(record?.verificationCode).to.match(/^TRP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(pdf.text).to.contain(record?.verificationCode as string);
    expect(pdf.text).not.to.contain(record?.number as string);
    expect(pdf.text).not.to.contain('APERÇU');
    expect(pdf.attachments.get('attestation.jwt')?.toString()).to.equal(record?.credentialJwt);
  });

  it('a trainer of another cohort neither sees nor changes the registry entry; the cohort trainer does', async () => {
    const [record] = await w.t.ctx.certificates.registry.list({ userId: w.learner.id });
    const other = await loginAs(w.t.app, 'autre-formateur');
    await other.get(`/admin/certificates/${record?.id}`).expect(403);
    await other.get(`/admin/certificates/${record?.id}/pdf`).expect(403);
    await other.get(`/admin/certificates/cohorts/${w.cohortId}/zip`).expect(403);
    expect(cheerio.load((await other.get('/admin/certificates').expect(200)).text)('tbody a.mono')).to.have.length(0);
    expect(cheerio.load((await trainer.get('/admin/certificates').expect(200)).text)('tbody a.mono').text()).to.equal(record?.number);
  });

  it('the public page says valide, then révoqué after revocation', async () => {
    const [record] = await w.t.ctx.certificates.registry.list({ userId: w.learner.id });
    const anonymous = request.agent(w.t.app);
    const $ = cheerio.load((await anonymous.get(`/verify/${record?.id}`).expect(200)).text);
    expect($('.verify-status-word').text()).to.equal('valide');
    expect($('dd').text()).to.contain('J.M.');
    expect($('body').text()).not.to.contain('Julien');
    const admin = await loginAs(w.t.app, 'admin-cert');
    const csrf = await csrfFrom(admin, `/admin/certificates/${record?.id}`);
    await admin.post(`/admin/certificates/${record?.id}/revoke`).type('form').send({ _csrf: csrf, reason: '' }).expect(400);
    expect((await w.t.ctx.certificates.registry.findById(record?.id as string))?.status).to.equal('valid');
    await admin.post(`/admin/certificates/${record?.id}/revoke`).type('form').send({ _csrf: csrf, reason: 'Erreur de saisie' }).expect(303);
    const after = cheerio.load((await anonymous.get(`/verify/${record?.id}`).expect(200)).text);
    expect(after('.verify-status-word').text()).to.equal('révoquée');
    const unknown = cheerio.load((await anonymous.get('/verify/00000000-0000-4000-8000-00000000abcd').expect(404)).text);
    expect(unknown('.verify-status-word').text()).to.equal('inconnue');
  });

  it('re-issue gives a new number and marks the old one replaced', async () => {
    await w.t.ctx.certificates.issuing.issue(w.learner.id, w.trainer.id);
    const [current] = await w.t.ctx.certificates.registry.list({ userId: w.learner.id, status: 'valid' });
    const admin = await loginAs(w.t.app, 'admin-cert');
    const csrf = await csrfFrom(admin, `/admin/certificates/${current?.id}`);
    const res = await admin.post(`/admin/certificates/${current?.id}/reissue`).type('form').send({ _csrf: csrf }).expect(303);
    const freshId = String(res.headers.location).split('/').pop() as string;
    const fresh = await w.t.ctx.certificates.registry.findById(freshId);
    const old = await w.t.ctx.certificates.registry.findById(current?.id as string);
    expect(fresh?.number).not.to.equal(old?.number);
    expect(fresh?.snapshot?.replaces).to.equal(old?.number);
    expect(old).to.include({ status: 'replaced', replacedBy: freshId });
    const list = cheerio.load((await admin.get('/admin/certificates?q=julien').expect(200)).text);
    expect(list('tbody tr')).to.have.length(3);
  });

  it('the leaving package holds the PDF, the credential, the statements and a summary; the account stays open', async () => {
    const learner = await loginAs(w.t.app, 'julien');
    const page = cheerio.load((await learner.get('/learner/certificate').expect(200)).text);
    const csrf = String(page('input[name=_csrf]').val());
    const res = await learner.post('/learner/certificate/package').type('form').send({ _csrf: csrf }).buffer(true).parse(binary).expect(200);
    const files = await unzip(res.body as Buffer);
    const names = [...files.keys()];
    expect(names.some((n) => n.endsWith('.pdf'))).to.equal(true);
    expect(names.some((n) => n.endsWith('.jwt'))).to.equal(true);
    const statements = JSON.parse((files.get('mes-traces.json') as Buffer).toString()) as unknown[];
    expect(statements.length).to.be.greaterThan(10);
    expect(cheerio.load((files.get('mon-parcours.html') as Buffer).toString())('body').text()).to.contain("Module d'essai du lecteur");
    // Closing is a separate, confirmed step (test/certificates/leaving-package.http.test.ts).
    expect((await w.t.ctx.repositories.users.findById(w.learner.id))?.active).to.equal(true);
    expect((await learner.get('/learner/certificate')).status).to.equal(200);
  });
});
