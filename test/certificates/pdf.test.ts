import { expect } from 'chai';
import { APPRAISAL_TEXT_MAX } from '../../src/server/certificates/appraisal.ts';
import { forbiddenWordsIn } from '../../src/server/certificates/forbidden-words.ts';
import { renderCertificatePdf } from '../../src/server/certificates/pdf/certificate-pdf.ts';
import { frenchNumber, hours, signedHours } from '../../src/server/certificates/pdf/french-format.ts';
import { revealingTexts } from '../../src/server/certificates/printed-texts.ts';
import { readPdf } from './pdf-text.ts';
import { fixtureSnapshot, framework } from './snapshot-fixture.ts';

const JWT = 'eyJhbGciOiJFZERTQSJ9.eyJpZCI6InRlc3QifQ.c2lnbmF0dXJl';
const render = (snapshot = fixtureSnapshot()) => renderCertificatePdf({ snapshot, credentialJwt: JWT, logo: null });
const oneLine = (text: string) => text.replace(/[ \t\n]+/g, ' ');

describe('certificates: PDF', function () {
  this.timeout(60_000);

  it('holds the expected French content, metadata and the credential attachment', async () => {
    const pdf = await readPdf(await render());
    const text = oneLine(pdf.text);
    for (const expected of [
      'Attestation de compétences',
      'Conseiller relation client à distance',
      'RNCP 35304',
      'Jérôme Lœuvre-Dupont',
      'du 2 mars 2026 au 27 novembre 2026',
      'pour une durée de 412,5 h de présence en formation',
      'CCP1 — Assurer des prestations de services et de conseil en relation client à distance',
      'CCP2 — Réaliser des actions commerciales en relation client à distance',
      'Accueillir le client et identifier sa demande',
      'Acquise',
      "En cours d'acquisition",
      '14 appels clients simulés traités de bout en bout, sur 9 situations différentes',
      'progression de 31 points entre le premier et le dernier appel',
      '6 dossiers de back-office traités',
      '8 quiz de connaissances réalisés',
      "133 h d'activités enregistrées sur la plateforme",
      '« prise en charge »',
      '15 €',
      'Œuvre avec',
      'Ponctualité',
      'Fait à Lyon, le 26 novembre 2026',
      'Claire Martin',
      'Directrice pédagogique',
      'Code de vérification : TRP-7KQ2-M9XD',
      'https://verif.example.org/verify/0b7f0a8e-1111-4222-8333-444455556666',
      'Association Cap Avenir Formation',
      '12 rue des Lilas',
    ]) {
      expect(text, expected).to.contain(expected);
    }
    expect(pdf.info.Title).to.equal('Attestation de compétences — Jérôme Lœuvre-Dupont');
    expect(pdf.info.Author).to.equal('Association Cap Avenir Formation');
    expect(String(pdf.info.Subject)).to.contain('TRP-7KQ2-M9XD');
    // The registry's sequential number is internal: printing it would let anyone list certificates.
    expect(text).not.to.contain('TRP-2026-000123-0');
    expect(JSON.stringify(pdf.info)).not.to.contain('000123');
    expect(pdf.info.CreationDate).to.equal('D:20261126100000Z');
    expect(pdf.attachments.get('attestation.jwt')?.toString()).to.equal(JWT);
    expect(pdf.pages).to.equal(1);
  });

  it('prints only the competencies acquired or in progress: none never assessed, no "Non acquise"', async () => {
    // The fixture makes the third competency of each block "non acquis" (CCP1.3, CCP2.3, T3).
    const text = oneLine((await readPdf(await render())).text);
    expect(text).not.to.contain('Non acquise');
    expect(text).not.to.contain('Gérer les situations difficiles et les réclamations');
    expect(text).not.to.contain("Conclure l'appel et assurer le suivi");
    expect(text).not.to.contain('Respecter la confidentialité et le RGPD');
    expect(text).to.contain('Reformuler et traiter la demande');
    expect(text).to.contain('Gérer son stress et ses émotions');
  });

  it('says nothing that works against the holder: no failures, no empty lists, no negative trend, no tiny hours', async () => {
    const thin = fixtureSnapshot({
      modules: 0,
      levels: 'non_acquis',
      hours: { attendanceHours: 0.4, timeOnTaskHours: 0.2 },
      practice: { calls: 2, callScenarios: 1, backOfficeCases: 0, quizzes: 0 },
      progress: -0.23,
    });
    const pdf = await readPdf(await render(thin));
    const text = oneLine(pdf.text);
    for (const absent of ['Non acquise', 'Aucun module', 'évolution', '-23', '23 points', '0,2 h', '0,4 h', 'résultat moyen', 'Compétences du référentiel', 'Modules de formation', 'dossier', 'quiz']) {
      expect(text, absent).not.to.contain(absent);
    }
    expect(text).to.contain('2 appels clients simulés traités de bout en bout');
    expect(text).not.to.contain('situations différentes');
    expect(text).to.contain('du 2 mars 2026 au 27 novembre 2026.');
    expect(pdf.pages).to.equal(1);
  });

  it('writes hours the French way and rounds them down to the half hour', async () => {
    const text = (await readPdf(await render(fixtureSnapshot({ hours: { attendanceHours: 1200, timeOnTaskHours: 1.7 } })))).text;
    // pdfjs reads the narrow no-break space back as a plain space; frenchNumber's own test checks the character.
    expect(oneLine(text)).to.match(/pour une durée de 1\s200\sh de présence/);
    expect(oneLine(text)).to.match(/1,5\sh d'activités enregistrées/);
    expect(frenchNumber(1200.25)).to.equal('1\u202F200,3');
    expect(hours(1234567)).to.equal('1\u202F234\u202F567\u00A0h');
    expect(signedHours(0.9)).to.equal(null);
    expect(signedHours(9.9)).to.equal('9,5\u00A0h');
  });

  it('a schema 1 snapshot stored before this layout still prints no "Non acquise"', async () => {
    const stored = fixtureSnapshot();
    const old = { ...stored, schema: 1 as const, competencyBlocks: framework().blocks.map((b) => ({ code: b.code, label: b.label, competencies: b.competencies.map((c) => ({ code: c.code, label: c.label, level: 'non_acquis' as const, computedLevel: 'non_acquis' as const, justification: null })) })) };
    delete old.practice;
    const text = oneLine((await readPdf(await render(old))).text);
    expect(text).not.to.contain('Non acquise');
    expect(text).to.contain('14 appels clients simulés traités');
  });

  it('never names the place of training nor prison words while the option is off', async () => {
    const snapshot = fixtureSnapshot();
    expect(snapshot.training.place).to.equal(null);
    const { text } = await readPdf(await render(snapshot));
    expect(forbiddenWordsIn(text)).to.deep.equal([]);
    expect(text).not.to.contain('Corbas');
    expect(snapshot.holder.birthDate).to.equal(null);
    expect(text).not.to.contain('1990');
  });

  it('prints the place of training only when the admin turns the option on', async () => {
    const snapshot = fixtureSnapshot({ organisation: { showTrainingPlace: true, showBirthDate: true, trainingPlace: 'Plateforme Cap Avenir de Vénissieux' } });
    const { text } = await readPdf(await render(snapshot));
    expect(text.replace(/\s+/g, ' ')).to.contain('dispensée à Plateforme Cap Avenir de Vénissieux');
    expect(forbiddenWordsIn(text)).to.deep.equal([]);
    expect(text).to.contain('né(e) le 1er mars 1990');
  });

  it('refuses to issue a typed text that would reveal detention, even with the place option on', () => {
    const leaking = fixtureSnapshot({ organisation: { addressLines: ['Maison d’arrêt, 1 rue du Port', '69000 Lyon'], name: 'Atelier de la Prison' } });
    expect(revealingTexts(leaking).map((r) => r.field)).to.deep.equal(['issuer.name', 'issuer.addressLines']);
    const place = fixtureSnapshot({ organisation: { showTrainingPlace: true } });
    expect(revealingTexts(place).map((r) => [r.field, r.words])).to.deep.equal([['training.place', ['penitentiaire']]]);
    expect(revealingTexts(fixtureSnapshot())).to.deep.equal([]);
  });

  it('fits on ONE page, signature, QR code and verification code included, with the most evidence the forms allow', async () => {
    // 12 competencies, all printed, with labels far longer than the REAC's; 24 modules; the
    // longest appraisal texts; a long name.
    const long = framework();
    const longLabels = {
      ...long,
      blocks: long.blocks.map((b) => ({
        ...b,
        competencies: b.competencies.map((c) => ({ ...c, label: `${c.label}, en appliquant les procédures de l'entreprise, les règles de confidentialité et les consignes qualité du service client` })),
      })),
    };
    const words = Math.floor(APPRAISAL_TEXT_MAX / 8);
    const snapshot = fixtureSnapshot({ modules: 24, appraisalWords: words, levels: 'acquis', framework: longLabels, fullName: 'Marie-Christine Anne-Sophie de La Rochefoucauld-Montmorency' });
    expect(snapshot.competencyBlocks.flatMap((b) => b.competencies)).to.have.length(12);
    const pdf = await readPdf(await render(snapshot));
    expect(pdf.pages).to.equal(1);
    const page1 = oneLine(pdf.pageTexts[0] as string);
    expect(page1).to.contain('Code de vérification : TRP-7KQ2-M9XD');
    expect(page1).to.contain('Claire Martin');
    expect(page1).to.contain('Attestation signée électroniquement');
    expect(page1).to.contain('Gérer son stress et ses émotions, en appliquant');
    expect(page1).to.contain('Module 24 :');
  });

  it('is deterministic: the same snapshot gives the same bytes', async () => {
    const a = await render();
    const b = await render();
    expect(a.equals(b)).to.equal(true);
  });
});
