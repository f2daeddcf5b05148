/**
 * Issue 13: the leaving package can be downloaded again for 7 days after its first download, and
 * the account closes only when the learner or the trainer confirms the learner has it.
 */
import crypto from 'node:crypto';
import { expect } from 'chai';
import request from 'supertest';
import { cheerio, csrfFrom, loginAs } from '../helpers/app.ts';
import { binary, unzip } from './download.ts';
import { callStatement, certificateWorld, readyToIssue, type CertificateWorld } from './world.ts';
import { attachRecording } from '../../src/server/calls/voice/attach-recording.ts';
import { VoiceRepository } from '../../src/server/calls/voice/voice.repository.ts';
import { VERBS } from '../../src/server/xapi/vocabulary.ts';

const FIRST_DOWNLOAD = '2026-11-26T09:00:00.000Z';

async function issuedWorld(): Promise<CertificateWorld> {
  const w = await certificateWorld();
  await readyToIssue(w);
  await w.t.ctx.certificates.issuing.issue(w.learner.id, w.trainer.id);
  return w;
}

const accountActive = async (w: CertificateWorld) => (await w.t.ctx.repositories.users.findById(w.learner.id))?.active;
const deactivations = async (w: CertificateWorld) =>
  (await w.t.ctx.database.db.selectFrom('audit_log').select('id').where('action', '=', 'user_deactivated').where('subject', '=', w.learner.id).execute()).length;

describe('certificates: the leaving package, downloaded by the learner, closed on confirmation', function () {
  this.timeout(120_000);
  let w: CertificateWorld;
  let learner: request.Agent;
  let csrf: string;
  let firstZip: Buffer;
  const download = (agent: request.Agent, path: string, token: string) => agent.post(path).type('form').send({ _csrf: token }).buffer(true).parse(binary);
  /** Days later, the learner's idle session has ended: they log in again. */
  const comeBack = async () => {
    learner = await loginAs(w.t.app, 'julien');
    csrf = await csrfFrom(learner, '/learner/certificate');
  };

  before(async () => {
    w = await issuedWorld();
    learner = await loginAs(w.t.app, 'julien');
  });
  after(() => w.close());

  it('says the account stays open, and downloads the same package twice with the account still active', async () => {
    const page = cheerio.load((await learner.get('/learner/certificate').expect(200)).text);
    expect(page('[data-testid=package-state]').text()).to.equal(
      "Votre compte reste ouvert après le téléchargement : vous pourrez télécharger le dossier à nouveau pendant 7 jours. Quand vous l'avez bien, fermez votre compte sur cette page.",
    );
    expect(page('a[href="/learner/certificate/close"]')).to.have.length(0);
    csrf = String(page('input[name=_csrf]').val());

    const first = await download(learner, '/learner/certificate/package', csrf).expect(200);
    const second = await download(learner, '/learner/certificate/package', csrf).expect(200);
    firstZip = first.body as Buffer;
    expect(Buffer.compare(firstZip, second.body as Buffer)).to.equal(0);
    const files = await unzip(second.body as Buffer);
    expect([...files.keys()].filter((n) => !n.endsWith('.pdf') && !n.startsWith('attestation-')).sort()).to.deep.equal(['mes-traces.json', 'mon-parcours.html']);

    expect(await accountActive(w)).to.equal(true);
    expect(await deactivations(w)).to.equal(0);
    expect((await w.t.ctx.certificates.releases.get(w.learner.id)).packageFirstAt).to.equal(FIRST_DOWNLOAD);
    expect((await w.t.ctx.certificates.releases.get(w.learner.id)).closedAt).to.equal(null);

    const after = cheerio.load((await learner.get('/learner/certificate').expect(200)).text);
    expect(after('[data-testid=package-state]').text()).to.equal(
      "Dossier téléchargé le 26 novembre 2026 à 10:00. Vous pouvez le télécharger à nouveau jusqu'au 3 décembre 2026 à 10:00.",
    );
    expect(after('form[action="/learner/certificate/package"] button').text()).to.equal('Télécharger à nouveau mon dossier');
    expect(after('a[href="/learner/certificate/close"]').text()).to.equal("J'ai bien mon dossier, fermer mon compte");
  });

  it('downloads again six days later, the period still counted from the first download', async () => {
    w.t.clock.advanceMinutes(6 * 24 * 60);
    await comeBack();
    const again = await download(learner, '/learner/certificate/package', csrf).expect(200);
    expect(Buffer.compare(firstZip, again.body as Buffer)).to.equal(0);
    expect((await w.t.ctx.certificates.releases.get(w.learner.id)).packageFirstAt).to.equal(FIRST_DOWNLOAD);
  });

  it('refuses the download once the 7 days are over, says why (fr, en), and keeps the account open', async () => {
    w.t.clock.set(new Date('2026-12-03T09:01:00.000Z'));
    await comeBack();
    const page = cheerio.load((await learner.get('/learner/certificate').expect(200)).text);
    expect(page('form[action="/learner/certificate/package"]')).to.have.length(0);
    expect(page('[data-testid=package-state]').text()).to.equal(
      "Le délai pour télécharger le dossier est passé (il était disponible jusqu'au 3 décembre 2026 à 10:00). Votre formateur peut vous remettre votre attestation imprimée.",
    );
    const refused = await learner.post('/learner/certificate/package').type('form').send({ _csrf: csrf });
    expect(refused.status).to.equal(410);
    expect(refused.headers['content-type']).to.match(/html/);
    expect(cheerio.load(refused.text)('main').text()).to.contain("Le dossier de sortie ne peut plus être téléchargé : il l'était pendant 7 jours après le premier téléchargement.");
    const en = await learner.post('/learner/certificate/package?lang=en').type('form').send({ _csrf: csrf });
    expect(en.status).to.equal(410);
    expect(cheerio.load(en.text)('main').text()).to.contain('The leaving package can no longer be downloaded: it could be for 7 days after the first download.');
    await learner.get('/learner/certificate?lang=fr');
    expect(await accountActive(w)).to.equal(true);
  });

  it('asks for the confirmation box before closing, and changes nothing without it', async () => {
    const confirm = cheerio.load((await learner.get('/learner/certificate/close').expect(200)).text);
    expect(confirm('h1').text()).to.equal('Fermer votre compte Tremplin ?');
    expect(confirm('label.check').text().trim()).to.equal("Je confirme : j'ai bien mon dossier de sortie.");
    expect(confirm('main form button[type=submit]').text()).to.equal("J'ai bien mon dossier, fermer mon compte");
    const unticked = await learner.post('/learner/certificate/close').type('form').send({ _csrf: csrf });
    expect(unticked.status).to.equal(400);
    expect(cheerio.load(unticked.text)('#f-confirm-error').text()).to.contain('Cochez la case pour confirmer.');
    const tampered = await learner.post('/learner/certificate/close').type('form').send({ _csrf: csrf, confirm: 'oui' });
    expect(tampered.status).to.equal(400);
    expect(await accountActive(w)).to.equal(true);
    expect((await w.t.ctx.certificates.releases.get(w.learner.id)).closedAt).to.equal(null);
  });

  it('closes the account once under two parallel confirmations, and ends the session', async () => {
    const send = () => learner.post('/learner/certificate/close').type('form').send({ _csrf: csrf, confirm: 'yes' });
    const responses = await Promise.all([send(), send()]);
    // 200: the closing page; 401: the second arrived once the account was already closed.
    for (const res of responses) expect(res.status).to.be.oneOf([200, 401]);
    const closedPage = responses.find((r) => r.status === 200);
    expect(cheerio.load(closedPage?.text ?? '')('[data-testid=account-closed]').text()).to.equal(
      'Votre compte est fermé. Gardez bien votre dossier de sortie. Bonne continuation !',
    );
    expect(await accountActive(w)).to.equal(false);
    expect(await deactivations(w)).to.equal(1);
    expect((await w.t.ctx.certificates.releases.get(w.learner.id)).closedAt).to.equal('2026-12-03T09:01:00.000Z');

    const gone = await learner.get('/learner/certificate');
    expect(gone.status).to.equal(303);
    expect(gone.headers.location).to.match(/^\/login/);
    const fresh = request.agent(w.t.app);
    const token = await csrfFrom(fresh, '/login');
    expect((await fresh.post('/login').type('form').send({ login: 'julien', password: 'motdepasse-solide', _csrf: token })).status).to.equal(401);
  });

  it("shows the trainer the closing date and the end of the period, and refuses the trainer's late download too", async () => {
    const trainer = await loginAs(w.t.app, 'karim');
    const review = `/trainer/release/${w.learner.id}`;
    const $ = cheerio.load((await trainer.get(review).expect(200)).text);
    expect($('[data-testid=account-state]').text()).to.equal('Compte fermé le 3 décembre 2026 à 10:01.');
    expect($('[data-testid=package-state]').text()).to.contain("Le délai de téléchargement du dossier est passé (il était disponible jusqu'au 3 décembre 2026 à 10:00).");
    expect($(`form[action="${review}/package"]`)).to.have.length(0);
    const token = String($('input[name=_csrf]').first().val());
    expect((await trainer.post(`${review}/package`).type('form').send({ _csrf: token })).status).to.equal(410);
  });
});

describe('certificates: the trainer hands over the leaving package and closes the account', function () {
  this.timeout(120_000);
  let w: CertificateWorld;
  let trainer: request.Agent;
  let learner: request.Agent;
  const review = () => `/trainer/release/${w.learner.id}`;

  before(async () => {
    w = await issuedWorld();
    trainer = await loginAs(w.t.app, 'karim');
    learner = await loginAs(w.t.app, 'julien');
  });
  after(() => w.close());

  it('refuses to close before the package was downloaded, with the reason, and changes nothing', async () => {
    const $ = cheerio.load((await trainer.get(review()).expect(200)).text);
    expect($(`a[href="${review()}/close"]`)).to.have.length(0);
    expect($('[data-testid=package-state]')).to.have.length(0);
    const page = await trainer.get(`${review()}/close`);
    expect(page.status).to.equal(409);
    expect(cheerio.load(page.text)('main').text()).to.contain("Téléchargez d'abord le dossier de sortie : le compte se ferme seulement une fois le dossier en main.");
    const token = String($('input[name=_csrf]').first().val());
    expect((await trainer.post(`${review()}/close`).type('form').send({ _csrf: token, confirm: 'yes' })).status).to.equal(409);
    const en = await trainer.post(`${review()}/close?lang=en`).type('form').send({ _csrf: token, confirm: 'yes' });
    expect(cheerio.load(en.text)('main').text()).to.contain('Download the leaving package first: the account closes only once the package is in hand.');
    await trainer.get(`${review()}?lang=fr`);
    expect(await accountActive(w)).to.equal(true);
    expect((await w.t.ctx.certificates.releases.get(w.learner.id)).closedAt).to.equal(null);
  });

  it('downloads the package twice for the learner, whose account stays open', async () => {
    const token = await csrfFrom(trainer, review());
    const first = await trainer.post(`${review()}/package`).type('form').send({ _csrf: token }).buffer(true).parse(binary).expect(200);
    const second = await trainer.post(`${review()}/package`).type('form').send({ _csrf: token }).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(first.body as Buffer, second.body as Buffer)).to.equal(0);
    expect(await accountActive(w)).to.equal(true);
    expect((await learner.get('/learner/certificate')).status).to.equal(200);
    const $ = cheerio.load((await trainer.get(review()).expect(200)).text);
    expect($('[data-testid=package-state]').text()).to.equal("Premier téléchargement le 26 novembre 2026 à 10:00 : le dossier peut être téléchargé à nouveau jusqu'au 3 décembre 2026 à 10:00.");
    expect($(`a[href="${review()}/close"]`).text()).to.equal('Le stagiaire a bien son dossier : fermer son compte');
  });

  it('closes the account after the confirmation step; a second confirmation changes nothing more', async () => {
    const confirm = cheerio.load((await trainer.get(`${review()}/close`).expect(200)).text);
    expect(confirm('h1').text()).to.equal('Fermer le compte de Julien Martin ?');
    expect(confirm('label.check').text().trim()).to.equal('Je confirme : Julien Martin a bien son dossier de sortie.');
    const token = String(confirm('input[name=_csrf]').val());
    expect((await trainer.post(`${review()}/close`).type('form').send({ _csrf: token })).status).to.equal(400);
    expect(await accountActive(w)).to.equal(true);

    const [a, b] = await Promise.all([0, 1].map(() => trainer.post(`${review()}/close`).type('form').send({ _csrf: token, confirm: 'yes' })));
    expect([a.status, b.status]).to.deep.equal([303, 303]);
    expect(a.headers.location).to.equal(`${review()}?done=closed`);
    expect(await accountActive(w)).to.equal(false);
    expect(await deactivations(w)).to.equal(1);
    const again = await trainer.post(`${review()}/close`).type('form').send({ _csrf: token, confirm: 'yes' });
    expect(again.status).to.equal(303);
    expect(await deactivations(w)).to.equal(1);

    const $ = cheerio.load((await trainer.get(`${review()}?done=closed`).expect(200)).text);
    expect($('.alert-success').text()).to.contain('Compte fermé.');
    expect($('[data-testid=account-state]').text()).to.equal('Compte fermé le 26 novembre 2026 à 10:00.');
    // Within the period the trainer can still hand the package over again.
    expect((await trainer.post(`${review()}/package`).type('form').send({ _csrf: token })).status).to.equal(200);
    // The learner's session ended with the account.
    expect((await learner.get('/learner/certificate')).status).to.equal(303);
  });

  it('shows the English confirmation page', async () => {
    const w2 = cheerio.load((await trainer.get(`${review()}/close?lang=en`).expect(200)).text);
    expect(w2('h1').text()).to.equal('Close the account of Julien Martin?');
    expect(w2('label.check').text().trim()).to.equal('I confirm: Julien Martin has their leaving package.');
    await trainer.get(`${review()}?lang=fr`);
  });
});

describe('certificates: the leaving package holds the voice recordings only when the learner asks (issue 14)', function () {
  this.timeout(120_000);
  let w: CertificateWorld;
  const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.from('une réponse dite à voix haute '.repeat(30))]);

  before(async () => {
    w = await issuedWorld();
    // A turn answered aloud, stored as the calls area stores it: the answer with its recording
    // attached, and the recording's row.
    const registration = '0190a000-0000-7000-8000-0000000000c1';
    const answered = { ...callStatement(w.t, w.learner.id, registration, '2026-11-24T10:00:00.000Z', 0.8), verb: { id: VERBS.answered.id, display: { 'fr-FR': 'a répondu' } }, id: crypto.randomUUID() };
    const attached = attachRecording([answered], { content: webm, durationMs: 2400 });
    if (!attached) throw new Error('no answer to attach the recording to');
    await w.t.ctx.lrs.service.storeStatements(attached.statements, undefined, { attachments: [attached.part] });
    await new VoiceRepository(w.t.ctx.database.db).insert({ ...attached.row, userId: w.learner.id, registration, recordedAt: '2026-11-24T10:00:00.000Z' });
  });
  after(() => w.close());

  const download = async (fields: Record<string, string>) => {
    const learner = await loginAs(w.t.app, 'julien');
    const csrf = await csrfFrom(learner, '/learner/certificate');
    const res = await learner.post('/learner/certificate/package').type('form').send({ _csrf: csrf, ...fields }).buffer(true).parse(binary).expect(200);
    return unzip(res.body as Buffer);
  };

  it('offers the box with the number of recordings, leaves them out by default and puts them in when ticked', async () => {
    const learner = await loginAs(w.t.app, 'julien');
    const page = cheerio.load((await learner.get('/learner/certificate').expect(200)).text);
    expect(page('label[for=f-withRecordings]').text()).to.equal('Ajouter les enregistrements de ma voix dans les appels (1)');

    const without = await download({});
    expect([...without.keys()].filter((n) => n.startsWith('mes-enregistrements/'))).to.deep.equal([]);
    expect(without.get('mon-parcours.html')?.toString('utf8')).to.not.contain('mes-enregistrements');

    const withThem = await download({ withRecordings: 'yes' });
    expect([...withThem.keys()].filter((n) => n.startsWith('mes-enregistrements/'))).to.deep.equal(['mes-enregistrements/001-2026-11-24-tour-1.webm']);
    expect(Buffer.compare(withThem.get('mes-enregistrements/001-2026-11-24-tour-1.webm') as Buffer, webm)).to.equal(0);
    expect(withThem.get('mon-parcours.html')?.toString('utf8')).to.contain('ma voix dans les appels simulés (1 enregistrement(s)');
  });

  it("never puts them in the trainer's download of the package", async () => {
    const trainer = await loginAs(w.t.app, 'karim');
    const csrf = await csrfFrom(trainer, `/trainer/release/${w.learner.id}`);
    const res = await trainer.post(`/trainer/release/${w.learner.id}/package`).type('form').send({ _csrf: csrf, withRecordings: 'yes' }).buffer(true).parse(binary).expect(200);
    expect([...(await unzip(res.body as Buffer)).keys()].filter((n) => n.startsWith('mes-enregistrements/'))).to.deep.equal([]);
  });
});
