import { expect } from 'chai';
import { APPRAISAL_TEXT_MAX } from '../../src/server/certificates/appraisal.ts';
import { FORBIDDEN_WORDS, foldText } from '../../src/server/certificates/forbidden-words.ts';
import { renderCertificatePdf } from '../../src/server/certificates/pdf/certificate-pdf.ts';
import { revealingTexts } from '../../src/server/certificates/snapshot.ts';
import { readPdf } from './pdf-text.ts';
import { fixtureSnapshot } from './snapshot-fixture.ts';

const JWT = 'eyJhbGciOiJFZERTQSJ9.eyJpZCI6InRlc3QifQ.c2lnbmF0dXJl';
const render = (snapshot = fixtureSnapshot()) => renderCertificatePdf({ snapshot, credentialJwt: JWT, logo: null });
const forbiddenIn = (text: string) => FORBIDDEN_WORDS.filter((w) => foldText(text).includes(foldText(w)));

describe('certificates: PDF', function () {
  this.timeout(60_000);

  it('holds the expected French content, metadata and the credential attachment', async () => {
    const pdf = await readPdf(await render());
    const text = pdf.text.replace(/\s+/g, ' ');
    for (const expected of [
      'Attestation de compétences',
      'Conseiller relation client à distance',
      'RNCP 35304',
      'Jérôme Lœuvre-Dupont',
      'du 2 mars 2026 au 27 novembre 2026',
      '412,5 h',
      'CCP1 — Assurer des prestations de services et de conseil en relation client à distance',
      'CCP2 — Réaliser des actions commerciales en relation client à distance',
      'Accueillir le client et identifier sa demande',
      'Acquise',
      "En cours d'acquisition",
      '« prise en charge »',
      '15 €',
      'Œuvre avec',
      'Ponctualité',
      'Fait à Lyon, le 26 novembre 2026',
      'Claire Martin',
      'Directrice pédagogique',
      'TRP-2026-000123-0',
      'https://verif.example.org/',
      'Association Cap Avenir Formation',
      '12 rue des Lilas',
    ]) {
      expect(text, expected).to.contain(expected);
    }
    expect(pdf.info.Title).to.equal('Attestation de compétences — Jérôme Lœuvre-Dupont');
    expect(pdf.info.Author).to.equal('Association Cap Avenir Formation');
    expect(String(pdf.info.Subject)).to.contain('TRP-2026-000123-0');
    expect(pdf.info.CreationDate).to.equal('D:20261126100000Z');
    expect(pdf.attachments.get('attestation.jwt')?.toString()).to.equal(JWT);
    expect(pdf.pages).to.be.at.most(2);
  });

  it('never names the place of training nor prison words while the option is off', async () => {
    const snapshot = fixtureSnapshot();
    expect(snapshot.training.place).to.equal(null);
    const { text } = await readPdf(await render(snapshot));
    expect(forbiddenIn(text)).to.deep.equal([]);
    expect(text).not.to.contain('Corbas');
    expect(snapshot.holder.birthDate).to.equal(null);
    expect(text).not.to.contain('1990');
  });

  it('prints the place of training (and so the words) only when the admin turns the option on', async () => {
    const snapshot = fixtureSnapshot({ organisation: { showTrainingPlace: true, showBirthDate: true } });
    const { text } = await readPdf(await render(snapshot));
    expect(text.replace(/\s+/g, ' ')).to.contain('dispensée à Centre pénitentiaire de Lyon-Corbas');
    expect(forbiddenIn(text)).to.deep.equal(['pénitentiaire']);
    expect(text).to.contain('né(e) le 1er mars 1990');
  });

  it('refuses to issue a typed text that would reveal the place while the option is off', () => {
    const leaking = fixtureSnapshot({ organisation: { addressLines: ['Maison d’arrêt, 1 rue du Port', '69000 Lyon'], name: 'Atelier de la Prison' } });
    expect(revealingTexts(leaking).map((r) => r.field)).to.deep.equal(['issuer.name', 'issuer.address']);
    expect(revealingTexts(fixtureSnapshot())).to.deep.equal([]);
  });

  it('fits on at most 2 pages with the longest content the forms allow', async () => {
    const words = Math.floor(APPRAISAL_TEXT_MAX / 8);
    const pdf = await readPdf(await render(fixtureSnapshot({ modules: 10, appraisalWords: words, fullName: 'Marie-Christine Anne-Sophie de La Rochefoucauld-Montmorency' })));
    expect(pdf.pages).to.equal(2);
  });

  it('is deterministic: the same snapshot gives the same bytes', async () => {
    const a = await render();
    const b = await render();
    expect(a.equals(b)).to.equal(true);
  });
});
