/**
 * PDFs bound to the registry, and the printed code typed by an employer (issue 12): a PDF forged
 * with pdfkit around the genuine attached credential is "not the issued PDF" on the page and in
 * the CLI, and both show what was issued so that an employer can compare.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import PDFDocument from 'pdfkit';
import request from 'supertest';
import type { CertificateRecord } from '../../src/server/certificates/registry.repository.ts';
import { cheerio } from '../helpers/app.ts';
import { runCommand } from './run-command.ts';
import { certificateWorld, readyToIssue, type CertificateWorld } from './world.ts';

/** What a forger makes: a PDF that says more than was issued, with the genuine credential attached. */
function forgedPdf(jwt: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(20).text('Attestation de compétences');
  doc.fontSize(11).text('Julien Martin — toutes les compétences : Acquise — 1 200 heures de formation');
  doc.file(Buffer.from(jwt, 'utf8'), { name: 'attestation.jwt', type: 'application/jwt' });
  doc.end();
  return done;
}

describe('certificates: PDFs bound to the registry, codes typed by employers', function () {
  this.timeout(120_000);
  let w: CertificateWorld;
  let record: CertificateRecord;
  let genuine: Buffer;
  let forged: Buffer;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-binding-'));
  const file = (name: string, data: Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, data);
    return p;
  };
  const upload = async (data: Buffer, name: string, lang?: string) => {
    const agent = request.agent(w.t.app);
    const form = await agent.get(`/verify${lang ? `?lang=${lang}` : ''}`).expect(200);
    const $form = cheerio.load(form.text)('form.verify-file-form');
    // The form's token is its first field, ahead of the file (http/multipart.ts).
    const res = await agent.post($form.attr('action') as string).field('_csrf', String($form.find('input[name=_csrf]').val())).attach('file', data, name);
    return { status: res.status, $: cheerio.load(res.text) };
  };

  before(async () => {
    w = await certificateWorld();
    await readyToIssue(w);
    record = await w.t.ctx.certificates.issuing.issue(w.learner.id, w.trainer.id);
    genuine = await w.t.ctx.certificates.issuing.pdf(record);
    forged = await forgedPdf(record.credentialJwt as string);
  });
  after(async () => {
    await w.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the CLI says a forged PDF with the genuine credential is not the issued one (exit 1), and shows what was issued', async () => {
    const res = await runCommand('certificate verify', {}, [file('forged.pdf', forged)], w.t.ctx);
    expect(res.code).to.equal(1);
    expect(res.out).to.contain("Statut : invalide : ce PDF n'est pas celui qui a été délivré");
    expect(res.out).not.to.contain('Statut : valide');
    expect(res.out).to.contain('Ce qui a été délivré :');
    expect(res.out).to.contain(`Numéro : ${record.verificationCode}`);
    expect(res.out).to.contain('Délivrée le : 2026-11-26');
    expect(res.out).to.contain('Date de sortie : 2026-11-27');
    expect(res.out).to.contain('Heures de présence en formation : 10 h');
    // Under one hour is not printed on the PDF (0,2 h here), so not shown either.
    expect(res.out).not.to.contain("Heures d'activités");
    expect(res.out).to.contain('CCP1.1 Accueillir le client et identifier sa demande : Acquise');
    expect(res.out).to.contain("T4 Gérer son stress et ses émotions : En cours d'acquisition");
    expect(res.out).to.contain(`Empreinte SHA-256 du PDF délivré : ${record.pdfSha256}`);
    expect(res.out).not.to.contain('Non acquise');
  });

  it('the CLI says the genuine PDF is the issued one (exit 0), and speaks English with --lang en', async () => {
    const ok = await runCommand('certificate verify', {}, [file('genuine.pdf', genuine)], w.t.ctx);
    expect(ok.code).to.equal(0);
    expect(ok.out).to.contain('Statut : valide');
    expect(ok.out).to.contain('Ce PDF est bien celui qui a été délivré');
    const en = await runCommand('certificate verify', { lang: 'en' }, [file('forged-en.pdf', forged)], w.t.ctx);
    expect(en.code).to.equal(1);
    expect(en.out).to.contain('Status: invalid: this PDF is not the one that was issued');
    expect(en.out).to.contain('Leaving date: 2026-11-27');
    const bad = await runCommand('certificate verify', { lang: 'de' }, [file('x.pdf', genuine)], w.t.ctx).catch((e: Error) => e);
    expect(String(bad)).to.contain('--lang must be fr or en');
  });

  it('the page says a forged PDF is not the issued one and shows what was issued; the genuine PDF is valide', async () => {
    const fake = await upload(forged, 'attestation.pdf');
    expect(fake.status).to.equal(422);
    expect(fake.$('.verify-status-word').text()).to.equal("invalide : ce PDF n'est pas celui qui a été délivré");
    expect(fake.$('.verify-pdf').text()).to.contain("Ce PDF n'est pas celui qui a été délivré");
    expect(fake.$('.verify-code').text()).to.equal(record.verificationCode);
    expect(fake.$('.verify-leaving-date').text()).to.equal('27 novembre 2026');
    expect(fake.$('.verify-attendance-hours').text()).to.equal('10 h');
    expect(fake.$('.verify-pdf-sha256').text()).to.equal(record.pdfSha256);
    expect(fake.$('.verify-competencies').text()).to.contain('Acquise');
    expect(fake.$('body').text()).not.to.contain(record.number);
    const real = await upload(genuine, 'attestation.pdf');
    expect(real.status).to.equal(200);
    expect(real.$('.verify-status-word').text()).to.equal('valide');
    expect(real.$('.verify-pdf').text()).to.contain('Ce PDF est bien celui qui a été délivré');
    const en = await upload(forged, 'attestation.pdf', 'en');
    expect(en.$('.verify-status-word').text()).to.equal('invalid: this PDF is not the one that was issued');
  });

  it('refuses an upload that is no certificate with a translated message, never a 500', async () => {
    const fr = await upload(Buffer.from('%PDF-1.4 nothing here'), 'x.pdf');
    expect(fr.status).to.equal(400);
    expect(fr.$('.error-text').text()).to.contain("Choisissez le PDF de l'attestation");
    const en = await upload(Buffer.from('hello'), 'x.txt', 'en');
    expect(en.status).to.equal(400);
    expect(en.$('.error-text').text()).to.contain("Choose the certificate's PDF");
  });

  it('finds the certificate from the printed code, typed in any case, with spaces or without dashes', async () => {
    const code = record.verificationCode as string;
    for (const typed of [code, code.toLowerCase().replace(/-/g, ' '), code.replace(/-/g, '')]) {
      const res = await request(w.t.app).get('/verify').query({ code: typed }).expect(200);
      const $ = cheerio.load(res.text);
      expect($('.verify-status-word').text(), typed).to.equal('valide');
      expect($('.verify-code').text()).to.equal(code);
      expect($('.verify-issued-at').text()).to.equal('26 novembre 2026');
      expect($('body').text()).not.to.contain(record.number);
    }
    const page = cheerio.load((await request(w.t.app).get('/verify').expect(200)).text);
    expect(page('form.verify-code-form').attr('method')).to.equal('get');
    expect(page('form.verify-code-form input[name=code]').length).to.equal(1);
  });

  it('answers inconnue for a well-formed code nobody was given, and a translated error for a malformed one', async () => {
    const unknown = await request(w.t.app).get('/verify').query({ code: 'TRP-0000-0001' }).expect(404);
    expect(cheerio.load(unknown.text)('.verify-status-word').text()).to.equal('inconnue');
    // The sequential registry number is no public code: it finds nothing.
    const byNumber = await request(w.t.app).get('/verify').query({ code: record.number }).expect(400);
    expect(cheerio.load(byNumber.text)('.error-text').text()).to.contain("Ce code n'a pas la forme TRP-XXXX-XXXX");
    const en = await request(w.t.app).get('/verify').query({ code: 'abc', lang: 'en' }).expect(400);
    expect(cheerio.load(en.text)('.error-text').text()).to.contain('This code is not of the form TRP-XXXX-XXXX');
  });
});
