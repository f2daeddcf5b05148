/**
 * The intranet and the public verification site as two real server processes with two
 * databases. A trainer issues and revokes on the intranet's pages; `verify-bundle export` runs
 * on the intranet's database, `verify-bundle import` on the public one; the public site
 * (TREMPLIN_MODE=verify) and `certificate verify --bundle` (no database) then answer from the
 * bundle alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { decodeJwt } from 'jose';
import { boot } from '../../src/server/boot.ts';
import type { AppContext } from '../../src/server/context.ts';
import type { CertificateRecord } from '../../src/server/certificates/registry.repository.ts';
import { TEST_BASE_URL, TEST_SECRET_KEY } from '../helpers/app.ts';
import { anyTable, createChildDatabaseUrl } from '../helpers/database.ts';
import { freePort } from '../helpers/free-port.ts';
import { browser, childDatabaseUrl, runCli, startRealServer, type RealServer } from '../helpers/real-server.ts';
import { FIXTURE_COURSES } from '../learning/helpers.ts';
import { runCommand } from './run-command.ts';
import { forgedPdf, payloadOf, signedByAnotherKey, tampered, unsecured } from './bundle-fixtures.ts';
import { certificateWorld, ORGANISATION, readyToIssue, type CertificateWorld } from './world.ts';

const REASON = 'transfert vers le centre pénitentiaire de Meaux, détenu n° 41237';

describe('verification bundle: intranet and public site as two real processes', function () {
  this.timeout(600_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-two-sites-'));
  const file = (name: string, content?: string | Buffer) => {
    const p = path.join(dir, name);
    if (content !== undefined) fs.writeFileSync(p, content);
    return p;
  };
  let w: CertificateWorld;
  let intranet: RealServer;
  let site: RealServer;
  let publicDb: { url: string; cleanup(): Promise<void> };
  /** The public site's database seen in-process, to count rows and to run the adversarial imports quickly. */
  let publicSite: { ctx: AppContext; database: { close(): Promise<void> } };
  let intranetEnv: Record<string, string>;
  let trainer: ReturnType<typeof browser>;
  let record: CertificateRecord;
  let issuedPdf: string;

  const exportBundle = (name: string) => runCli(['verify-bundle', 'export', '--out', file(name)], intranetEnv);
  const importBundle = (name: string) => runCli(['verify-bundle', 'import', file(name)], { DATABASE_URL: publicDb.url, TREMPLIN_MODE: 'verify' });
  /** Fully offline: no DATABASE_URL at all. */
  const offline = (...args: string[]) => runCli(['certificate', 'verify', ...args], { DATABASE_URL: undefined });
  const publicPage = async (pathname: string) => browser(site.base).get(pathname);
  const loadedBundles = async () => Number((await anyTable(publicSite.ctx.database).selectFrom('verify_bundles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    w = await certificateWorld();
    await readyToIssue(w);
    const publicPort = await freePort();
    // The public site's public name (issuing refuses a loopback address); the test reaches it on 127.0.0.1.
    const publicBase = `http://verif.cap-avenir.test:${publicPort}`;
    // The QR code and the credential point at the public site.
    await w.t.ctx.certificates.organisation.save({ ...ORGANISATION, verifyBaseUrl: publicBase });
    intranetEnv = { DATABASE_URL: childDatabaseUrl(w.t.ctx), BASE_URL: TEST_BASE_URL, COURSES_DIR: FIXTURE_COURSES, SESSION_SECRET: 's'.repeat(40), TREMPLIN_SECRET_KEY: TEST_SECRET_KEY };
    publicDb = await createChildDatabaseUrl();
    [intranet, site] = await Promise.all([
      startRealServer(intranetEnv),
      startRealServer({ DATABASE_URL: publicDb.url, BASE_URL: publicBase, TREMPLIN_MODE: 'verify' }, publicPort),
    ]);
    publicSite = await boot({ DATABASE_URL: publicDb.url, TREMPLIN_MODE: 'verify', LOG_LEVEL: 'error' });
    trainer = browser(intranet.base);
    expect(await trainer.login('karim')).to.equal(303);
  });
  after(async () => {
    await Promise.all([intranet?.stop(), site?.stop()]);
    await publicSite?.database.close();
    await publicDb?.cleanup();
    await w?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('issued on the intranet; a bundle carried out long ago is flagged stale on the page and by the CLI', async () => {
    const review = await trainer.get(`/trainer/release/${w.learner.id}`);
    expect((await trainer.post(`/trainer/release/${w.learner.id}/issue`, { _csrf: String(review.$('input[name=_csrf]').first().val()), acknowledgeThinEvidence: 'on' })).status).to.equal(303);
    [record] = await w.t.ctx.certificates.registry.list({ userId: w.learner.id });
    expect(record?.status).to.equal('valid');
    const pdf = await trainer.get(`/admin/certificates/${record.id}/pdf`);
    expect(pdf.type).to.contain('application/pdf');
    issuedPdf = file('issued.pdf', pdf.body);

    // The same export on the intranet's database, with its clock 30 days back: a 14-day list long past.
    w.t.clock.set(new Date(Date.now() - 30 * 86_400_000));
    file('b1.jws', (await w.t.ctx.certificates.bundles.exporter.export(14)).text);
    const imported = await importBundle('b1.jws');
    expect(imported.stdout).to.contain('Lot n° 1').and.contain("Clé de l'émetteur épinglée").and.contain('cette liste est déjà périmée');
    expect(imported.status, imported.stderr).to.equal(0);

    const onPage = await publicPage(`/verify/${record.id}`);
    expect(onPage.$('.verify-stale h2').text()).to.equal('Liste périmée');
    expect(onPage.$('.verify-status-word').text()).to.equal('valide selon la dernière liste publiée, mais cette liste est périmée');
    const english = await publicPage(`/verify/${record.id}?lang=en`);
    expect(english.$('.verify-stale h2').text()).to.equal('Out-of-date list');
    expect(english.$('.verify-status-word').text()).to.equal('valid according to the last published list, but that list is out of date');
    const summary = await runCommand('certificate verify', { bundle: file('b1.jws') }, [], null);
    expect(summary.out).to.contain('PÉRIMÉE');
    expect(summary.code).to.equal(8);
    const withPdf = await offline('--bundle', file('b1.jws'), issuedPdf);
    expect(withPdf.stdout).to.contain('Statut : liste périmée');
    expect(withPdf.status).to.equal(8);
  });

  it('exported by the CLI, imported: valid on the public page and with the offline CLI', async () => {
    const exported = await exportBundle('b2.jws');
    expect(exported.status, exported.stderr).to.equal(0);
    expect(exported.stdout).to.contain('Lot de vérification n° 2').and.contain('1 attestation(s), dont 0 révoquée(s)');
    const imported = await importBundle('b2.jws');
    expect(imported.status, imported.stderr).to.equal(0);
    expect(imported.stdout).to.contain('Lot n° 2').and.not.contain('épinglée');

    const onPage = await publicPage(`/verify/${record.id}`);
    expect(onPage.status).to.equal(200);
    expect(onPage.$('.verify-status-word').text()).to.equal('valide');
    expect(onPage.$('.verify-code').text()).to.equal(String(record.verificationCode));
    expect(onPage.$('.verify-initials').text()).to.equal('J.M.');
    expect(onPage.$('.verify-leaving-date').text()).to.equal('27 novembre 2026');
    expect(onPage.$('.verify-stale').length).to.equal(0);

    const cli = await offline('--bundle', file('b2.jws'), issuedPdf);
    expect(cli.stdout).to.contain('Statut : valide').and.contain('PDF : identique à celui qui a été délivré').and.contain(`Code : ${String(record.verificationCode)}`).and.contain('Titulaire (initiales) : J.M.');
    expect(cli.status).to.equal(0);
    const jwt = await runCommand('certificate verify', { bundle: file('b2.jws') }, [file('issued.jwt', record.credentialJwt as string)], null);
    expect(jwt.out).to.contain('Statut : valide');
    expect(jwt.code).to.equal(0);
  });

  it('the printed code typed in the field finds the certificate, whatever the case and spaces', async () => {
    const typed = ` ${String(record.verificationCode).toLowerCase().replace(/-/g, ' ')} `;
    const res = await publicPage(`/verify?code=${encodeURIComponent(typed)}`);
    expect(res.status).to.equal(200);
    expect(res.$('.verify-status-word').text()).to.equal('valide');
    expect(res.$('.verify-code').text()).to.equal(String(record.verificationCode));
    const unknown = await publicPage('/verify?code=TRP-ZZZZ-ZZZZ');
    expect(unknown.status).to.equal(404);
    expect(unknown.$('.error-text').text()).to.contain('Aucune attestation ne porte ce code');
  });

  it('the public site serves the issuer, its keys and the signed status list, and no LMS page', async () => {
    const jwks = JSON.parse((await publicPage('/.well-known/jwks.json')).body.toString()) as { keys: Array<{ kid: string; d?: string }> };
    expect(jwks.keys.map((k) => k.kid)).to.deep.equal([record.keyId]);
    expect(jwks.keys[0]?.d).to.equal(undefined);
    expect(JSON.parse((await publicPage('/issuer')).body.toString()).name).to.equal('Association Cap Avenir Formation');
    const list = decodeJwt((await publicPage('/status/1')).body.toString()) as { type: string[]; validUntil: string; credentialSubject: { statusPurpose: string } };
    expect(list.type).to.deep.equal(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(list.credentialSubject.statusPurpose).to.equal('revocation');
    for (const lms of ['/login', '/learner', '/trainer/release', '/admin/certificates', '/xapi/statements']) expect((await publicPage(lms)).status, lms).to.equal(404);
    // No demo accounts, no course library on the public site.
    expect(Number((await publicSite.ctx.database.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).to.equal(0);
  });

  it('a forged PDF carrying the genuine credential is "not the issued PDF", on the page and the CLI', async () => {
    const forged = file('forged.pdf', await forgedPdf(record.credentialJwt as string));
    const cli = await offline('--bundle', file('b2.jws'), forged);
    expect(cli.stdout).to.contain("Statut : ce PDF n'est pas celui qui a été délivré").and.contain('Heures :').and.contain('Compétences :');
    expect(cli.stdout).not.to.contain('1 200');
    expect(cli.status).to.equal(5);
    const form = new FormData();
    form.set('document', new Blob([fs.readFileSync(forged)], { type: 'application/pdf' }), 'attestation.pdf');
    const res = await fetch(`${site.base}/verify/document`, { method: 'POST', body: form });
    const $ = (await import('cheerio')).load(await res.text());
    expect(res.status).to.equal(422);
    expect($('.verify-status-word').text()).to.equal("authentique, mais ce PDF n'est pas celui qui a été délivré");
    expect($('.verify-code').text()).to.equal(String(record.verificationCode));
  });

  it('revoked on the intranet, exported, imported: revoked on the page and the CLI, reason never shown', async () => {
    const detail = await trainer.get(`/admin/certificates/${record.id}`);
    expect((await trainer.post(`/admin/certificates/${record.id}/revoke`, { _csrf: String(detail.$('input[name=_csrf]').first().val()), reason: REASON })).status).to.equal(303);
    expect((await exportBundle('b3.jws')).stdout).to.contain('Lot de vérification n° 3').and.contain('dont 1 révoquée(s)');
    expect((await importBundle('b3.jws')).status).to.equal(0);
    const onPage = await publicPage(`/verify/${record.id}`);
    expect(onPage.$('.verify-status-word').text()).to.equal('révoquée');
    expect(onPage.$('main').text()).not.to.contain('Meaux');
    const cli = await offline('--bundle', file('b3.jws'), issuedPdf);
    expect(cli.stdout).to.contain('Statut : révoquée');
    expect(cli.stdout).not.to.contain('Meaux');
    expect(cli.status).to.equal(4);
  });

  it('an older bundle is refused (no rollback) and nothing is stored', async () => {
    const res = await importBundle('b2.jws');
    expect(res.stderr).to.contain('pas de retour en arrière').and.contain('lot n° 2, déjà chargé : n° 3').and.contain("Rien n'a été enregistré");
    expect(res.status).to.equal(9);
    expect(await loadedBundles()).to.equal(3);
    expect((await publicPage(`/verify/${record.id}`)).$('.verify-status-word').text()).to.equal('révoquée');
  });

  it('an unsigned, a tampered or a foreign-key bundle is refused with its reason, nothing stored', async () => {
    const b3 = fs.readFileSync(file('b3.jws'), 'utf8');
    // Each one claims to be newer and to un-revoke the certificate.
    const unrevoke = (p: ReturnType<typeof payloadOf>) => {
      p.sequence = 99;
      (p.certificates[0] as { statusIndex: number }).statusIndex = 131_000;
    };
    const cases: Array<[string, string, string]> = [
      ['unsigned.json', JSON.stringify(payloadOf(b3)), "le lot n'est pas signé"],
      ['alg-none.jws', unsecured(b3), "le lot n'est pas signé"],
      ['tampered.jws', tampered(b3, unrevoke), 'le lot a été modifié après sa signature'],
      ['foreign.jws', await signedByAnotherKey(b3, unrevoke), "pas celle de l'émetteur déjà épinglée"],
      ['garbage.jws', 'bonjour', "n'est pas un lot de vérification"],
    ];
    // The commands run in-process here (the same code as the child processes above, much faster).
    for (const [name, content, message] of cases) {
      file(name, content);
      const res = await runCommand('verify-bundle import', {}, [file(name)], publicSite.ctx);
      expect(res.err, name).to.contain(message).and.contain("Rien n'a été enregistré");
      expect(res.code, name).to.equal(7);
      const cli = await runCommand('certificate verify', { bundle: file(name) }, [issuedPdf], null);
      expect(cli.out, `offline ${name}`).to.contain('Lot de vérification refusé');
      expect(cli.code, `offline ${name}`).to.equal(7);
    }
    expect(await loadedBundles()).to.equal(3);
    expect((await publicPage(`/verify/${record.id}`)).$('.verify-status-word').text()).to.equal('révoquée');
  });
});
