import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { createUser } from '../helpers/app.ts';
import { logIn, startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';

const PASSWORD = 'motdepasse-solide';

/** Shows the page text when a step fails, so a broken step says where it was. */
async function step<T>(page: Page, name: string, act: () => Promise<T>): Promise<T> {
  try {
    return await act();
  } catch (err) {
    await page.screenshot({ path: `/tmp/tremplin-authoring-${name}.png`, fullPage: true }).catch(() => undefined);
    throw new Error(`${name} failed at ${page.url()}: ${String(err)}\n${(await page.locator('main').innerText().catch(() => '')).slice(0, 1500)}`);
  }
}

describe('browser: a trainer authors, publishes and assigns a module; a learner plays it; the trainer reviews the call', function () {
  this.timeout(300_000);
  let h: BrowserHarness;
  let cohortId: string;

  before(async () => {
    h = await startBrowserHarness();
    const origin = { ip: null, actorId: null };
    const trainer = await createUser(h.t.ctx, 'trainer', 'claire', PASSWORD, 'Claire Formatrice');
    const learner = await createUser(h.t.ctx, 'learner', 'julien', PASSWORD, 'Julien Martin');
    const cohort = await h.t.ctx.services.cohorts.create({ name: 'Groupe A', startDate: '2026-11-01', endDate: '2027-04-30' }, origin);
    await h.t.ctx.services.cohorts.addMember(cohort.id, trainer.id, origin);
    await h.t.ctx.services.cohorts.addMember(cohort.id, learner.id, origin);
    cohortId = cohort.id;
  });
  after(() => h.close());

  async function addItem(page: Page, type: string, id: string, title: string): Promise<void> {
    await page.locator('#f-type').selectOption(type);
    await page.locator('#add-item input[name=itemId]').fill(id);
    await page.locator('#add-item input[name=itemTitle]').fill(title);
    await page.locator('#add-item input[name=itemCompetencies][value="CCP1.1"]').check();
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.locator(`[data-item="${id}"]`).waitFor();
  }

  it('goes from authoring to the learner seeing the trainer’s comment', async () => {
    const trainer = await h.newPage();
    await logIn(trainer, 'claire', PASSWORD);
    await trainer.waitForURL('**/trainer');

    await step(trainer, 'create', async () => {
      await trainer.getByRole('link', { name: 'Créer des cours' }).click();
      await trainer.getByLabel('Identifiant').fill('appel-livraison');
      await trainer.getByLabel('Titre').fill('Renseigner sur une livraison');
      await trainer.getByLabel('Résumé').fill('Répondre à un client qui attend sa commande.');
      await trainer.getByLabel('Durée (en minutes)').fill('30');
      await trainer.locator('input[name=competencies][value="CCP1.1"]').check();
      await trainer.getByRole('button', { name: 'Créer le module' }).click();
      await trainer.waitForURL('**/trainer/authoring/appel-livraison');
    });

    await step(trainer, 'items', async () => {
      await addItem(trainer, 'lesson', 'bien-accueillir', 'Bien accueillir');
      await addItem(trainer, 'quiz', 'quiz', 'Quiz de l’accueil');
      await addItem(trainer, 'roleplay', 'client-livraison', 'Appel : où est ma commande ?');
      expect(await trainer.locator('#validation').innerText()).to.contain('Le brouillon est valide');
    });

    await step(trainer, 'lesson', async () => {
      await trainer.locator('[data-item="bien-accueillir"] a').click();
      await trainer.getByLabel('Contenu du fichier').fill('Au téléphone, on **sourit**.\n\n## La phrase d’accueil\n\nLe nom de l’entreprise, puis votre prénom.\n');
      // Live preview (JavaScript on) renders through the server as the player does.
      await trainer.locator('#preview-body strong', { hasText: 'sourit' }).waitFor();
      await trainer.screenshot({ path: '/tmp/tremplin-authoring-lesson.png', fullPage: true });
      await trainer.getByRole('button', { name: 'Enregistrer' }).click();
      await trainer.locator('.alert-success').waitFor();
      await trainer.getByRole('link', { name: 'Revenir au brouillon' }).click();
    });

    await step(trainer, 'scenario', async () => {
      await trainer.locator('[data-item="client-livraison"] a').click();
      expect(await trainer.locator('form.authoring-node[data-node]').count()).to.equal(5);
      expect(await trainer.locator('.authoring-graph svg').count()).to.equal(1);
      await trainer.screenshot({ path: '/tmp/tremplin-authoring-scenario.png', fullPage: true });
      await trainer.getByRole('button', { name: "Tester l'appel" }).first().click();
      await trainer.getByRole('button', { name: /je suis Karim/ }).click();
      await trainer.getByRole('button', { name: /elle arrive jeudi/ }).click();
      expect(await trainer.locator('#playtest-debrief').innerText()).to.contain('Score : 100 %');
      await trainer.getByRole('link', { name: 'Revenir au scénario' }).click();
      await trainer.getByRole('link', { name: 'Revenir au brouillon' }).click();
    });
    expect(await h.t.ctx.lrs.service.queryStatements({})).to.have.property('statements').that.has.length(0);

    await step(trainer, 'publish', async () => {
      await trainer.getByRole('button', { name: 'Publier une nouvelle version' }).click();
      await trainer.locator('#published').waitFor();
      expect(await trainer.locator('#published').innerText()).to.contain('Version 1 publiée');
    });

    await step(trainer, 'assign', async () => {
      await trainer.goto(`/trainer/cohorts/${cohortId}/modules`);
      await trainer.locator('input[name="assigned__appel-livraison"]').check();
      await trainer.getByRole('button', { name: /Enregistrer/ }).click();
      await trainer.locator('.alert-success').waitFor();
    });

    const learner = await h.newPage();
    await logIn(learner, 'julien', PASSWORD);
    await learner.waitForURL('**/learner');
    await step(learner, 'learner-lesson', async () => {
      await learner.getByRole('link', { name: 'Commencer le module' }).click();
      await learner.getByRole('link', { name: /Bien accueillir/ }).click();
      expect(await learner.locator('main').innerText()).to.contain('sourit');
      await learner.getByRole('link', { name: 'Page suivante' }).click();
      await learner.getByRole('button', { name: "J'ai fini la leçon" }).click();
      await learner.getByRole('link', { name: /Suivant : Quiz/ }).click();
    });
    await step(learner, 'learner-quiz', async () => {
      await learner.getByLabel('La bonne réponse').check();
      await learner.getByRole('button', { name: 'Valider ma réponse' }).click();
      await learner.getByRole('link', { name: 'Voir mon résultat' }).click();
      expect(await learner.locator('.result-verdict').innerText()).to.contain('Réussi');
      await learner.getByRole('link', { name: /Suivant : Appel/ }).click();
    });
    await step(learner, 'learner-call', async () => {
      if (!learner.url().includes('/learner/calls/start')) await learner.locator('a[href*="/learner/calls/start"]').first().click();
      await learner.getByRole('button', { name: 'Décrocher' }).click();
      await learner.waitForURL(/\/learner\/calls\/[0-9a-f-]{36}$/);
      await learner.getByRole('button', { name: /je suis Karim/ }).click();
      await learner.getByRole('button', { name: /elle arrive jeudi/ }).click();
      await learner.waitForURL('**/debrief');
    });
    const debriefUrl = learner.url();

    await step(trainer, 'board', async () => {
      await trainer.goto('/trainer');
      const row = trainer.locator('.board-table tbody tr', { hasText: 'Julien Martin' });
      expect(await row.locator('.status-text').first().innerText()).to.match(/Terminé|Réussi|terminé|réussi/);
      await row.getByRole('link', { name: 'Julien Martin' }).click();
      await trainer.locator('a[href^="/trainer/calls/"]').first().click();
    });
    await step(trainer, 'review', async () => {
      const names = await trainer.locator('input[type=radio][value="3"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).name));
      expect(names.length).to.be.greaterThan(3);
      for (const name of names) await trainer.locator(`input[type=radio][name="${name}"][value="3"]`).check();
      await trainer.locator('#f-comment').fill('Très bon accueil, Julien. Pensez à reformuler la demande.');
      await trainer.getByRole('button', { name: /Enregistrer/ }).click();
      await trainer.locator('.alert-success').waitFor();
    });

    await step(learner, 'learner-comment', async () => {
      await learner.goto(debriefUrl);
      expect(await learner.locator('#reviews-title').isVisible()).to.equal(true);
      expect(await learner.locator('main').innerText()).to.contain('Très bon accueil, Julien. Pensez à reformuler la demande.');
    });
    expect(h.foreignRequests).to.deep.equal([]);
  });
});
