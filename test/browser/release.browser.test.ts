import { expect } from 'chai';
import { createUser, loginAs } from '../helpers/app.ts';
import { logIn, startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';
import { importCourseLibrary } from '../../src/server/courses/import/import-course-library.ts';
import type { User } from '../../src/server/accounts/user.ts';
import { FIXTURE_COURSES, MODULE } from '../learning/helpers.ts';
import { callStatement, playModule } from '../certificates/world.ts';

const PASSWORD = 'motdepasse-solide';
const CRITERIA = ['Ponctualité', 'Assiduité', 'Travail en équipe', 'Respect des consignes', 'Autonomie'];

describe('browser: the trainer releases a learner with a certificate an employer can check', function () {
  this.timeout(300_000);
  let h: BrowserHarness;
  let learner: User;

  before(async () => {
    h = await startBrowserHarness({ COURSES_DIR: FIXTURE_COURSES });
    const { t } = h;
    await importCourseLibrary(t.ctx.database.db, FIXTURE_COURSES, t.clock.now);
    learner = await createUser(t.ctx, 'learner', 'julien', PASSWORD, 'Julien Martin');
    const trainer = await createUser(t.ctx, 'trainer', 'karim', PASSWORD, 'Karim Formateur');
    await createUser(t.ctx, 'admin', 'root', PASSWORD, 'Alice Admin');
    const origin = { ip: null, actorId: null };
    const cohort = await t.ctx.services.cohorts.create({ name: 'Groupe A', startDate: '2026-11-01', endDate: '2027-04-30' }, origin);
    await t.ctx.services.cohorts.addMember(cohort.id, learner.id, origin);
    await t.ctx.services.cohorts.addMember(cohort.id, trainer.id, origin);
    await t.ctx.learning.assignment.assign(cohort.id, [{ moduleId: MODULE, position: 1, prerequisiteModuleId: null }]);
    // Evidence: the module played through the HTTP player, two calls in the LRS.
    await playModule(await loginAs(t.app, 'julien'));
    await t.ctx.lrs.service.storeStatements([
      callStatement(t, learner.id, '0190a000-0000-7000-8000-0000000000a1', '2026-11-20T10:00:00.000Z', 0.55),
      callStatement(t, learner.id, '0190a000-0000-7000-8000-0000000000a2', '2026-11-25T10:00:00.000Z', 0.85),
    ]);
  });
  after(() => h.close());

  it('admin sets the organisation; trainer reviews, adjusts, appraises, previews and issues; the employer sees "valide"', async () => {
    const admin = await h.newPage();
    await logIn(admin, 'root', PASSWORD);
    await admin.goto('/admin/organisation');
    await admin.getByLabel("Nom de l'organisme").fill('Association Cap Avenir Formation');
    await admin.getByLabel('Adresse', { exact: true }).fill('12 rue des Lilas\n69003 Lyon');
    await admin.getByLabel('Ville (« Fait à »)').fill('Lyon');
    await admin.getByLabel('Nom du signataire').fill('Claire Martin');
    await admin.getByLabel('Fonction du signataire').fill('Directrice');
    await admin.getByRole('button', { name: 'Enregistrer' }).click();
    expect(await admin.locator('.alert-success').innerText()).to.contain('Réglages enregistrés');

    const page = await h.newPage();
    await logIn(page, 'karim', PASSWORD);
    await page.goto('/trainer/release');
    await page.getByRole('link', { name: 'Julien Martin' }).click();
    expect(await page.locator('h1').innerText()).to.equal('Sortie de Julien Martin');
    expect(await page.locator('body').innerText()).to.contain('2 appel(s) simulé(s)');

    await page.getByLabel('Date de sortie').fill('2026-11-27');
    await page.getByRole('button', { name: 'Enregistrer' }).first().click();
    expect(await page.locator('.alert-success').innerText()).to.contain('Date de sortie enregistrée');

    const row = page.locator('tr', { hasText: 'Gérer son stress' });
    await row.locator('select').selectOption('acquis');
    await row.locator('textarea').fill('Reste calme et courtois lors des appels difficiles observés.');
    await row.getByRole('button', { name: 'Enregistrer' }).click();
    expect(await page.locator('.alert-success').innerText()).to.contain('Niveau enregistré');

    for (const criterion of CRITERIA) {
      const fieldset = page.locator('fieldset', { hasText: criterion });
      await fieldset.getByLabel('Niveau').selectOption({ label: 'Satisfaisant' });
      await fieldset.getByLabel("Commentaire court (imprimé sur l'attestation)").fill(`${criterion} : régulier et sérieux.`);
    }
    await page.getByRole('button', { name: "Enregistrer l'appréciation" }).click();
    expect(await page.locator('.alert-success').innerText()).to.contain('Appréciation enregistrée');

    const previewHref = await page.getByRole('link', { name: "Voir l'aperçu (PDF)" }).getAttribute('href');
    const preview = await page.request.get(previewHref as string);
    expect(preview.status()).to.equal(200);
    expect(preview.headers()['content-type']).to.equal('application/pdf');

    // Two calls and a few hours: the trainer is warned, and issues after ticking the box.
    expect(await page.locator('.thin-evidence').innerText()).to.contain('Peu de preuves pour cette attestation');
    await page.getByLabel("J'ai lu ces avertissements : je délivre l'attestation en connaissance de cause.").check();
    await page.getByRole('button', { name: "Délivrer l'attestation" }).click();
    expect(await page.locator('.alert-success').innerText()).to.contain('Attestation délivrée');
    const [record] = await h.t.ctx.certificates.registry.list({ userId: learner.id });
    expect(await page.locator('.certificate-issued').innerText()).to.contain(record!.number);

    const employer = await h.newPage();
    await employer.goto(`/verify/${record!.id}`);
    expect(await employer.locator('.verify-status-word').innerText()).to.equal('valide');
    expect(await employer.locator('body').innerText()).not.to.contain('Julien');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger le dossier de sortie' }).click();
    expect((await download).suggestedFilename()).to.equal(`dossier-de-sortie-${record!.verificationCode}.zip`);
    // The download leaves the account open; the trainer closes it on a confirmed step (issue 13).
    expect((await h.t.ctx.repositories.users.findById(learner.id))?.active).to.equal(true);
    await page.reload();
    expect(await page.getByTestId('package-state').innerText()).to.contain('Premier téléchargement le');
    await page.getByRole('link', { name: 'Le stagiaire a bien son dossier : fermer son compte' }).click();
    await page.getByLabel('Je confirme : Julien Martin a bien son dossier de sortie.').check();
    await page.getByRole('button', { name: 'Fermer le compte' }).click();
    expect(await page.locator('.alert-success').innerText()).to.contain('Compte fermé.');
    expect((await h.t.ctx.repositories.users.findById(learner.id))?.active).to.equal(false);
    expect(h.foreignRequests).to.deep.equal([]);
  });
});
