import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { createUser } from '../helpers/app.ts';
import { logIn, startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';
import { importCourseLibrary } from '../../src/server/courses/import/import-course-library.ts';
import { learnerAgent } from '../../src/server/xapi/actor.ts';
import type { User } from '../../src/server/accounts/user.ts';
import { FIXTURE_COURSES, MODULE } from '../learning/helpers.ts';

const PASSWORD = 'motdepasse-solide';

async function answer(page: Page, act: () => Promise<void>, last = false): Promise<void> {
  await act();
  await page.getByRole('button', { name: 'Valider ma réponse' }).click();
  expect(await page.locator('.alert-success h2').innerText()).to.contain('Bonne réponse');
  await page.getByRole('link', { name: last ? 'Voir mon résultat' : 'Question suivante' }).click();
}

describe('browser: a learner follows a module, logs out and continues', function () {
  this.timeout(300_000);
  let h: BrowserHarness;
  let learner: User;
  before(async () => {
    h = await startBrowserHarness({ COURSES_DIR: FIXTURE_COURSES });
    await importCourseLibrary(h.t.ctx.database.db, FIXTURE_COURSES, h.t.clock.now);
    learner = await createUser(h.t.ctx, 'learner', 'julien', PASSWORD, 'Julien Martin');
    const origin = { ip: null, actorId: null };
    const cohort = await h.t.ctx.services.cohorts.create({ name: 'Groupe A', startDate: '2026-11-01', endDate: '2027-04-30' }, origin);
    await h.t.ctx.services.cohorts.addMember(cohort.id, learner.id, origin);
    await h.t.ctx.learning.assignment.assign(cohort.id, [{ moduleId: MODULE, position: 1, prerequisiteModuleId: null }]);
  });
  after(() => h.close());

  it('reads a lesson, passes the quiz, completes an exercise, comes back and finishes', async () => {
    const page = await h.newPage();
    await logIn(page, 'julien', PASSWORD);
    await page.waitForURL('**/learner');
    await page.getByRole('link', { name: 'Commencer le module' }).click();
    await page.getByRole('link', { name: /La leçon d'essai/ }).click();

    expect(await page.locator('.page-count').innerText()).to.equal('Page 1 sur 3');
    await page.getByRole('link', { name: 'Page suivante' }).click();
    await page.getByRole('link', { name: 'Page suivante' }).click();
    await page.getByRole('button', { name: "J'ai fini la leçon" }).click();
    expect(await page.locator('.alert-success').innerText()).to.contain('Leçon terminée');
    await page.getByRole('link', { name: "Suivant : Le quiz d'essai" }).click();

    await answer(page, () => page.getByLabel("Bonjour, le nom de l'entreprise et mon prénom").check());
    await answer(page, async () => {
      await page.getByLabel("Que s'est-il passé ?").check();
      await page.getByLabel('Comment cela se présente-t-il ?').check();
    });
    await answer(page, () => page.getByLabel('Vrai').check());
    await answer(page, async () => {
      await page.getByLabel('Pas de souci.').selectOption({ label: 'Bien sûr.' });
      await page.getByLabel('Je ne sais pas.').selectOption({ label: 'Je me renseigne.' });
    });
    await answer(page, async () => {
      await page.getByLabel('Étape 1').selectOption({ label: 'Accueil' });
      await page.getByLabel('Étape 2').selectOption({ label: 'Découverte' });
      await page.getByLabel('Étape 3').selectOption({ label: 'Conclusion' });
    });
    await answer(page, () => page.getByLabel('Votre réponse').fill('comprends'), true);
    expect(await page.locator('.result-verdict').innerText()).to.contain('Réussi');
    await page.getByRole('link', { name: "Suivant : La fiche d'essai" }).click();

    expect(await page.locator('.exercise-document h2').innerText()).to.equal('Courriel de M. Durand');
    await page.getByLabel('Numéro de commande').fill('CM-1234');
    await page.getByLabel('Motif', { exact: true }).selectOption('Colis non reçu');
    await page.getByLabel('Montant').fill('59,90');
    await page.getByRole('button', { name: "Valider l'exercice" }).click();
    expect(await page.locator('.result-verdict').innerText()).to.contain('Réussi');
    expect(await page.locator('.field-result.result-passed').count()).to.equal(3);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL('**/login**');
    await logIn(page, 'julien', PASSWORD);
    await page.waitForURL('**/learner', { timeout: 60_000 }).catch(async (e: unknown) => {
      throw new Error(`${String(e)} at ${page.url()}: ${await page.locator('main').innerText()}`);
    });
    expect(await page.locator(`.module-card[data-module=${MODULE}] progress`).getAttribute('value')).to.equal('75');
    await page.getByRole('link', { name: 'Continuer là où je me suis arrêté' }).click();
    expect(await page.locator('h1').innerText()).to.contain('Trier le courrier');
    await page.locator('select[name=category_r1]').selectOption('reclamation');
    await page.locator('select[name=priority_r1]').selectOption('urgent');
    await page.locator('select[name=category_r2]').selectOption('information');
    await page.locator('select[name=priority_r2]').selectOption('normal');
    await page.getByRole('button', { name: "Valider l'exercice" }).click();
    await page.getByRole('link', { name: 'Revenir au module' }).click();
    expect(await page.locator('.alert-success').innerText()).to.contain('Bravo');
    await page.goto('/learner');
    expect(await page.locator(`.module-card[data-module=${MODULE}] progress`).getAttribute('value')).to.equal('100');

    // Every step is in the LRS, by the learner's agent and by registration.
    const { statements } = await h.t.ctx.lrs.service.queryStatements({ agent: learnerAgent(h.t.ctx.config.baseUrl, learner.id), limit: 500 });
    const verbs = statements.map((s) => String((s.verb as { id: string }).id).split('/').pop());
    expect(verbs.filter((v) => v === 'answered')).to.have.length(6 + 3 + 2);
    expect(verbs.filter((v) => v === 'passed')).to.have.length(4);
    expect(verbs.filter((v) => v === 'experienced')).to.have.length(3);
    const attempts = await h.t.ctx.learning.attempts.forItem(learner.id, MODULE, 'quiz');
    const byRegistration = await h.t.ctx.lrs.service.queryStatements({ registration: attempts[0].id });
    expect(byRegistration.statements).to.have.length(1 + 6 + 1);
    expect(h.foreignRequests).to.deep.equal([]);
  });
});
