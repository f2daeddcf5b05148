/**
 * The employer's flow on the public verification site, in real Chromium. Two real server
 * processes with two databases: the intranet (where the trainer issues and revokes) and the
 * public site (TREMPLIN_MODE=verify), fed only by `verify-bundle export` / `import` run as CLI
 * processes. Chromium resolves the public site's name (verif.cap-avenir.test) to the loopback
 * port, so the address printed under the QR code of the real PDF is opened as it is.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { CertificateRecord } from '../../src/server/certificates/registry.repository.ts';
import { TEST_BASE_URL, TEST_SECRET_KEY } from '../helpers/app.ts';
import { CHROMIUM_PATH } from '../helpers/browser.ts';
import { createChildDatabaseUrl } from '../helpers/database.ts';
import { freePort } from '../helpers/free-port.ts';
import { browser, childDatabaseUrl, runCli, startRealServer, type RealServer } from '../helpers/real-server.ts';
import { FIXTURE_COURSES } from '../learning/helpers.ts';
import { forgedPdf } from '../certificates/bundle-fixtures.ts';
import { readPdf } from '../certificates/pdf-text.ts';
import { certificateWorld, ORGANISATION, readyToIssue, type CertificateWorld } from '../certificates/world.ts';

const PUBLIC_HOST = 'verif.cap-avenir.test';
const REASON = 'transfert vers le centre pénitentiaire de Meaux, détenu n° 41237';
/**
 * Words that would tell an employer where the training took place, or why a certificate was
 * revoked: the place of training of the fixture organisation, the revocation reason, and the
 * lexicon's families (compared without accents and case).
 */
const DETENTION_WORDS = [
  'prison', 'penitentiaire', 'detention', 'detenu', 'codetenu', 'incarceration', 'ecrou', 'spip',
  "maison d'arret", 'maison centrale', 'centre de detention', 'quartier', 'corbas', 'meaux', '41237',
];
const folded = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[\u2019]/g, "'").toLowerCase();
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

describe('browser: an employer checks a certificate on the public verification site', function () {
  this.timeout(600_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'employer-browser-'));
  const file = (name: string, content?: string | Buffer) => {
    const p = path.join(dir, name);
    if (content !== undefined) fs.writeFileSync(p, content);
    return p;
  };
  let w: CertificateWorld;
  let intranet: RealServer;
  let site: RealServer;
  let publicDb: { url: string; cleanup(): Promise<void> };
  let intranetEnv: Record<string, string>;
  let chrome: Browser;
  let page: Page;
  let record: CertificateRecord;
  let publicBase: string;
  let pdfText: string;
  /** Every URL the employer's browser asked for: all must be on the public site. */
  const requested: string[] = [];

  const exportBundle = async (name: string) => {
    const res = await runCli(['verify-bundle', 'export', '--out', file(name)], intranetEnv);
    expect(res.status, res.stderr).to.equal(0);
  };
  const importBundle = async (name: string) => {
    const res = await runCli(['verify-bundle', 'import', file(name)], { DATABASE_URL: publicDb.url, TREMPLIN_MODE: 'verify' });
    expect(res.status, res.stderr).to.equal(0);
  };
  const statusWord = () => page.locator('.verify-status-word').innerText();
  const mainText = () => page.locator('main').innerText();
  const expectNoDetentionWord = async () => {
    const text = folded(await page.locator('html').innerText());
    for (const word of DETENTION_WORDS) expect(text, `"${word}" on ${page.url()}`).not.to.contain(word);
  };

  before(async () => {
    w = await certificateWorld();
    await readyToIssue(w);
    const publicPort = await freePort();
    publicBase = `http://${PUBLIC_HOST}:${publicPort}`;
    await w.t.ctx.certificates.organisation.save({ ...ORGANISATION, verifyBaseUrl: publicBase });
    intranetEnv = { DATABASE_URL: childDatabaseUrl(w.t.ctx), BASE_URL: TEST_BASE_URL, COURSES_DIR: FIXTURE_COURSES, SESSION_SECRET: 's'.repeat(40), TREMPLIN_SECRET_KEY: TEST_SECRET_KEY };
    publicDb = await createChildDatabaseUrl();
    [intranet, site] = await Promise.all([
      startRealServer(intranetEnv),
      startRealServer({ DATABASE_URL: publicDb.url, BASE_URL: publicBase, TREMPLIN_MODE: 'verify' }, publicPort),
    ]);
    chrome = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS, `--host-resolver-rules=MAP ${PUBLIC_HOST} 127.0.0.1`] });
    const context = await chrome.newContext({ locale: 'fr-FR' });
    page = await context.newPage();
    page.on('request', (req) => requested.push(req.url()));

    // The trainer issues on the intranet's pages; the PDF is the one the learner takes away.
    const trainer = browser(intranet.base);
    expect(await trainer.login('karim')).to.equal(303);
    const review = await trainer.get(`/trainer/release/${w.learner.id}`);
    expect((await trainer.post(`/trainer/release/${w.learner.id}/issue`, { _csrf: String(review.$('input[name=_csrf]').first().val()), acknowledgeThinEvidence: 'on' })).status).to.equal(303);
    [record] = await w.t.ctx.certificates.registry.list({ userId: w.learner.id });
    const pdf = await trainer.get(`/admin/certificates/${record.id}/pdf`);
    expect(pdf.type).to.contain('application/pdf');
    file('attestation.pdf', pdf.body);
    pdfText = (await readPdf(pdf.body)).text;
    file('forged.pdf', await forgedPdf(record.credentialJwt as string));
    await exportBundle('b1.jws');
    await importBundle('b1.jws');
  });
  after(async () => {
    await chrome?.close();
    await Promise.all([intranet?.stop(), site?.stop()]);
    await publicDb?.cleanup();
    await w?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens the address printed under the QR code and sees "valide" with what the PDF says', async () => {
    const printedUrl = /http:\/\/verif\.cap-avenir\.test:\d+\/verify\/[0-9a-f-]{36}/.exec(pdfText.replace(/\s+/g, ''))?.[0];
    expect(printedUrl).to.equal(`${publicBase}/verify/${record.id}`);
    const res = await page.goto(printedUrl as string);
    expect(res?.status()).to.equal(200);
    expect(new URL(page.url()).host).to.equal(`${PUBLIC_HOST}:${new URL(publicBase).port}`);
    expect(await page.locator('h1').innerText()).to.equal('Vérifier une attestation');
    expect(await statusWord()).to.equal('valide');
    // What the PDF prints, on the page: code, holder's initials, dates, hours, levels.
    const code = String(record.verificationCode);
    expect(pdfText).to.contain(code);
    expect(await page.locator('.verify-code').innerText()).to.equal(code);
    expect(await page.locator('.verify-initials').innerText()).to.equal('J.M.');
    expect(await page.locator('.verify-leaving-date').innerText()).to.equal('27 novembre 2026');
    const flatPdf = pdfText.replace(/\s+/g, ' ');
    expect(flatPdf).to.contain('10 h de présence');
    expect(await page.locator('.verify-attendance').innerText()).to.equal('10 h');
    const rows = await page.locator('.verify-competencies tbody tr').allInnerTexts();
    expect(rows.length).to.be.greaterThan(0);
    for (const row of rows) {
      const [label, level] = row.split('\t').map((s) => s.trim()) as [string, string];
      expect(['Acquise', "En cours d'acquisition"]).to.include(level);
      expect(flatPdf, label).to.contain(label);
    }
    expect(await mainText()).not.to.contain('Non acquise');
    await expectNoDetentionWord();
  });

  it('types the printed code in the field, as it reads it (lower case, spaces), and finds the certificate', async () => {
    await page.goto(`${publicBase}/verify`);
    expect(await page.locator('.verify-status').count()).to.equal(0);
    await page.getByLabel('Code de vérification').fill(` ${String(record.verificationCode).toLowerCase().replace(/-/g, ' ')} `);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    expect(await statusWord()).to.equal('valide');
    expect(await page.locator('.verify-code').innerText()).to.equal(String(record.verificationCode));
    await page.getByLabel('Code de vérification').fill('TRP-ZZZZ-ZZZZ');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    expect(await page.locator('.error-text').innerText()).to.equal('Aucune attestation ne porte ce code : vérifiez la saisie.');
    expect(await page.locator('.verify-issued').count()).to.equal(0);
    await expectNoDetentionWord();
  });

  it('uploads the genuine PDF: valide, "ce PDF est bien celui qui a été délivré"', async () => {
    await page.goto(`${publicBase}/verify`);
    await page.getByLabel("Fichier PDF de l'attestation (ou son fichier .jwt)").setInputFiles(file('attestation.pdf'));
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    expect(await statusWord()).to.equal('valide');
    expect(await page.locator('.verify-pdf').innerText()).to.equal('Ce PDF est bien celui qui a été délivré.');
    await expectNoDetentionWord();
  });

  it('uploads a forged PDF carrying the genuine credential: not the issued one, and sees what was issued instead', async () => {
    await page.goto(`${publicBase}/verify`);
    await page.getByLabel("Fichier PDF de l'attestation (ou son fichier .jwt)").setInputFiles(file('forged.pdf'));
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    expect(await statusWord()).to.equal("authentique, mais ce PDF n'est pas celui qui a été délivré");
    expect(await page.locator('.verify-pdf').innerText()).to.equal("Ce PDF n'est pas celui qui a été délivré : comparez-le avec ce qui a été délivré, ci-dessous.");
    // The forgery says 1 200 hours; the page says what was issued.
    expect(await page.locator('.verify-attendance').innerText()).to.equal('10 h');
    expect(await mainText()).not.to.contain('1 200');
    await expectNoDetentionWord();
  });

  it('reads the page in English', async () => {
    await page.goto(`${publicBase}/verify/${record.id}?lang=en`);
    expect(await page.locator('h1').innerText()).to.equal('Verify a certificate');
    expect(await statusWord()).to.equal('valid');
    await page.goto(`${publicBase}/verify/${record.id}?lang=fr`);
    expect(await statusWord()).to.equal('valide');
  });

  it('after a revocation on the intranet and a new bundle: "révoquée", and never the reason', async () => {
    const trainer = browser(intranet.base);
    expect(await trainer.login('karim')).to.equal(303);
    const detail = await trainer.get(`/admin/certificates/${record.id}`);
    expect((await trainer.post(`/admin/certificates/${record.id}/revoke`, { _csrf: String(detail.$('input[name=_csrf]').first().val()), reason: REASON })).status).to.equal(303);
    // Until the new bundle is carried out, the public site still has the old list.
    await page.goto(`${publicBase}/verify/${record.id}`);
    expect(await statusWord()).to.equal('valide');
    await exportBundle('b2.jws');
    await importBundle('b2.jws');
    await page.goto(`${publicBase}/verify/${record.id}`);
    expect(await statusWord()).to.equal('révoquée');
    await expectNoDetentionWord();
    await page.goto(`${publicBase}/verify`);
    await page.getByLabel("Fichier PDF de l'attestation (ou son fichier .jwt)").setInputFiles(file('attestation.pdf'));
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    expect(await statusWord()).to.equal('révoquée');
    await expectNoDetentionWord();
  });

  it('asked nothing of any other host (no outbound request, no intranet address)', () => {
    expect(requested.length).to.be.greaterThan(10);
    const elsewhere = requested.filter((u) => !u.startsWith(`${publicBase}/`) && !u.startsWith('data:'));
    expect(elsewhere).to.deep.equal([]);
  });
});
