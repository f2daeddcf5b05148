/**
 * Issue 12: nothing printed or exported reveals detention. Each variant reported in the issue,
 * typed where a trainer or an admin types it, blocks issuing with a message naming the field,
 * and stores nothing; a clean certificate's PDF, credential and leaving package are read back
 * and hold none of the lexicon, though the world around them does.
 */
import { expect } from 'chai';
import { sql } from 'kysely';
import type request from 'supertest';
import { forbiddenWordsIn } from '../../src/server/certificates/forbidden-words.ts';
import { MASKED_TEXT } from '../../src/server/certificates/export-guard.ts';
import { APPRAISAL_CRITERIA } from '../../src/server/certificates/appraisal.ts';
import { cheerio, csrfFrom, loginAs } from '../helpers/app.ts';
import { binary, unzip } from './download.ts';
import { readPdf } from './pdf-text.ts';
import { runCommand } from './run-command.ts';
import { callStatement, certificateWorld, ORGANISATION, readyToIssue, type CertificateWorld } from './world.ts';

async function certificateRows(w: CertificateWorld): Promise<number> {
  const row = await w.t.ctx.database.db.selectFrom('certificates').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('certificates: no printed or exported text reveals detention', function () {
  this.timeout(120_000);
  let w: CertificateWorld;
  let trainer: request.Agent;
  const review = () => `/trainer/release/${w.learner.id}`;

  const appraisalForm = (csrf: string, autonomie: string) => {
    const form: Record<string, string> = { _csrf: csrf };
    for (const c of APPRAISAL_CRITERIA) {
      form[`level_${c}`] = 'satisfaisant';
      form[`text_${c}`] = c === 'autonomie' ? autonomie : `Régulier et sérieux (${c}).`;
    }
    return form;
  };

  /** Types the appraisal through the page, then presses "issue": the page it answers with. */
  async function issueWithAppraisal(text: string, lang?: 'en') {
    if (lang) await trainer.get(`${review()}?lang=${lang}`).expect(200);
    const csrf = await csrfFrom(trainer, review());
    await trainer.post(`${review()}/appraisal`).type('form').send(appraisalForm(csrf, text)).expect(303);
    return trainer.post(`${review()}/issue`).type('form').send({ _csrf: csrf, acknowledgeThinEvidence: 'on' });
  }

  before(async () => {
    w = await certificateWorld();
    await readyToIssue(w);
    trainer = await loginAs(w.t.app, 'karim');
    // The learner typed something that names detention: the export must not carry it out.
    const typed = callStatement(w.t, w.learner.id, '0190a000-0000-7000-8000-000000000009', '2026-11-25T11:00:00.000Z', 0.7);
    await w.t.ctx.lrs.service.storeStatements([{ ...typed, result: { ...typed.result, response: 'Je suis détenu au centre de détention depuis 2024.' } }]);
  });
  after(() => w.close());

  const variants = ['Travaille bien malgré l’incarcération.', 'Aide ses codétenus.', 'Suivi avec le SPIP.', 'Arrivé de la maison centrale.', "Progrès depuis la maison  d'arrêt.", 'Sérieux en pri\u200Bson.', 'Sérieux en ＰＲＩＳＯＮ.'];
  for (const text of variants) {
    it(`refuses to issue with "${text}" in the appraisal, names the field, stores nothing`, async () => {
      const res = await issueWithAppraisal(text);
      expect(res.status).to.equal(400);
      const alert = cheerio.load(res.text)('.alert-error').text();
      expect(alert).to.contain('Un texte à imprimer révèle la détention');
      expect(alert).to.contain('Appréciation du formateur : elle révèle la détention.');
      expect(await certificateRows(w)).to.equal(0);
    });
  }

  it('says it in English when the trainer chose English', async () => {
    const res = await issueWithAppraisal('Aide ses codétenus.', 'en');
    expect(res.status).to.equal(400);
    const alert = cheerio.load(res.text)('.alert-error').text();
    expect(alert).to.contain('A text to be printed reveals detention');
    expect(alert).to.contain("Trainer's appraisal: it reveals detention.");
    await trainer.get(`${review()}?lang=fr`).expect(200);
    expect(await certificateRows(w)).to.equal(0);
  });

  it('refuses an organisation address or a place of training that names detention, even with the place option on', async () => {
    const csrf = await csrfFrom(trainer, review());
    await trainer.post(`${review()}/appraisal`).type('form').send(appraisalForm(csrf, 'Autonome.')).expect(303);
    await w.t.ctx.certificates.organisation.save({ ...ORGANISATION, addressLines: ["Maison  d'arrêt, 1 rue du Port", '69000 Lyon'] });
    const address = cheerio.load((await trainer.post(`${review()}/issue`).type('form').send({ _csrf: csrf, acknowledgeThinEvidence: 'on' }).expect(400)).text)('.alert-error').text();
    expect(address).to.contain("Adresse de l'organisme : elle révèle la détention.");
    await w.t.ctx.certificates.organisation.save({ ...ORGANISATION, showTrainingPlace: true });
    const place = cheerio.load((await trainer.post(`${review()}/issue`).type('form').send({ _csrf: csrf, acknowledgeThinEvidence: 'on' }).expect(400)).text)('.alert-error').text();
    expect(place).to.contain('Lieu de formation : il révèle la détention');
    await trainer.get(`${review()}/preview.pdf`).expect(400);
    expect(await certificateRows(w)).to.equal(0);
    await w.t.ctx.certificates.organisation.save(ORGANISATION);
  });

  it('issues a clean certificate whose PDF, credential and leaving package hold none of the lexicon', async () => {
    const csrf = await csrfFrom(trainer, review());
    await trainer.post(`${review()}/issue`).type('form').send({ _csrf: csrf, acknowledgeThinEvidence: 'on' }).expect(303);
    expect(await certificateRows(w)).to.equal(1);
    const [record] = await w.t.ctx.certificates.registry.list({ userId: w.learner.id });
    const pdfRes = await trainer.get(`/admin/certificates/${record?.id}/pdf`).buffer(true).parse(binary).expect(200);
    const pdf = await readPdf(pdfRes.body as Buffer);
    expect(pdf.text).to.contain('Association Cap Avenir Formation');
    expect(forbiddenWordsIn(`${pdf.text} ${Object.values(pdf.info).join(' ')}`)).to.deep.equal([]);
    const payload = Buffer.from((record?.credentialJwt as string).split('.')[1] as string, 'base64url').toString();
    expect(payload).to.contain('https://verif.cap-avenir.test/verify/');
    expect(forbiddenWordsIn(payload)).to.deep.equal([]);

    const learner = await loginAs(w.t.app, 'julien');
    const page = cheerio.load((await learner.get('/learner/certificate').expect(200)).text);
    const res = await learner.post('/learner/certificate/package').type('form').send({ _csrf: String(page('input[name=_csrf]').val()) }).buffer(true).parse(binary).expect(200);
    const files = await unzip(res.body as Buffer);
    expect([...files.keys()].filter((n) => !n.endsWith('.pdf')).sort()).to.deep.equal([`attestation-${record?.verificationCode}.json`, `attestation-${record?.verificationCode}.jwt`, 'mes-traces.json', 'mon-parcours.html']);
    for (const [name, data] of files) {
      const text = name.endsWith('.pdf') ? (await readPdf(data)).text : data.toString('utf8');
      expect(forbiddenWordsIn(text), name).to.deep.equal([]);
    }
    const traces = (files.get('mes-traces.json') as Buffer).toString();
    expect(traces).to.contain(`"response": "${MASKED_TEXT}"`);
    expect(traces).not.to.contain('2024');
    expect((JSON.parse(traces) as unknown[]).length).to.be.greaterThan(10);
  });
});

describe('certificates: the addresses a certificate carries', function () {
  this.timeout(120_000);

  async function refusal(env: Record<string, string>, lang: 'fr' | 'en' = 'fr'): Promise<{ text: string; rows: number; cli: { code: number; err: string } }> {
    const w = await certificateWorld({ play: false, env });
    try {
      await readyToIssue(w);
      const trainer = await loginAs(w.t.app, 'karim');
      if (lang === 'en') await trainer.get('/trainer/release?lang=en').expect(200);
      const csrf = await csrfFrom(trainer, `/trainer/release/${w.learner.id}`);
      const res = await trainer.post(`/trainer/release/${w.learner.id}/issue`).type('form').send({ _csrf: csrf, acknowledgeThinEvidence: 'on' }).expect(400);
      const cli = await runCommand('certificate issue', { learner: 'julien', by: 'karim', lang }, [], w.t.ctx);
      return { text: cheerio.load(res.text)('.alert-error').text(), rows: await certificateRows(w), cli };
    } finally {
      await w.close();
    }
  }

  it('refuses while VERIFY_BASE_URL is unset, on the page and in the CLI', async () => {
    const r = await refusal({ VERIFY_BASE_URL: '' });
    expect(r.text).to.contain("VERIFY_BASE_URL n'est pas réglé");
    expect(r.cli.code).to.equal(1);
    expect(r.cli.err).to.contain("VERIFY_BASE_URL n'est pas réglé");
    expect(r.rows).to.equal(0);
  });

  it('refuses when VERIFY_BASE_URL is the intranet BASE_URL (same origin), in English too', async () => {
    const r = await refusal({ VERIFY_BASE_URL: 'http://tremplin.test/verification' }, 'en');
    expect(r.text).to.contain("The verification address is the intranet's (BASE_URL)");
    expect(r.cli.err).to.contain("The verification address is the intranet's (BASE_URL)");
    expect(r.rows).to.equal(0);
  });

  it('refuses a prison host name in VERIFY_BASE_URL', async () => {
    const r = await refusal({ VERIFY_BASE_URL: 'https://verif.maisondarret-lyon.fr' });
    expect(r.text).to.contain("L'adresse de vérification (VERIFY_BASE_URL ou celle de l'organisme) contient un mot qui révèle la détention");
    expect(r.cli.err).to.contain('contient un mot qui révèle la détention');
    expect(r.rows).to.equal(0);
  });

  it('refuses a prison host name in BASE_URL, which the exported statements carry', async () => {
    const r = await refusal({ BASE_URL: 'http://formation.prison-exemple.local', VERIFY_BASE_URL: 'https://verif.cap-avenir.test' });
    expect(r.text).to.contain("L'adresse de l'intranet (BASE_URL) contient un mot qui révèle la détention");
    expect(r.cli.err).to.contain("L'adresse de l'intranet (BASE_URL)");
    expect(r.rows).to.equal(0);
  });

  it('refuses a localhost verification address, and the organisation’s own address when it names detention', async () => {
    expect((await refusal({ VERIFY_BASE_URL: 'http://localhost:3000' })).text).to.contain('désigne cet ordinateur (localhost)');
    const w = await certificateWorld({ play: false });
    try {
      await readyToIssue(w);
      await w.t.ctx.certificates.organisation.save({ ...ORGANISATION, verifyBaseUrl: 'https://verification.centre-penitentiaire.fr' });
      const cli = await runCommand('certificate issue', { learner: 'julien', by: 'karim' }, [], w.t.ctx);
      expect(cli.code).to.equal(1);
      expect(cli.err).to.contain('contient un mot qui révèle la détention');
      expect(await certificateRows(w)).to.equal(0);
      await w.t.ctx.certificates.organisation.save(ORGANISATION);
      const ok = await runCommand('certificate issue', { learner: 'julien', by: 'karim' }, [], w.t.ctx);
      expect(ok.out).to.match(/^Attestation délivrée : TRP-2026-\d{6}-\d\n$/);
      expect(await certificateRows(w)).to.equal(1);
    } finally {
      await w.close();
    }
  });
});
