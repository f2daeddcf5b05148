import { expect } from 'chai';
import { createUser } from '../helpers/app.ts';
import { logIn, startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';

describe('browser: foundation flows', function () {
  this.timeout(60_000);
  let h: BrowserHarness;
  before(async () => {
    h = await startBrowserHarness();
    await createUser(h.t.ctx, 'learner', 'julien', 'motdepasse-solide', 'Julien Martin');
    await createUser(h.t.ctx, 'admin', 'camille', 'motdepasse-solide', 'Camille Admin');
  });
  after(() => h.close());

  it('a learner logs in, sees their home page and logs out', async () => {
    const page = await h.newPage();
    await logIn(page, 'julien', 'motdepasse-solide');
    await page.waitForURL('**/learner');
    expect(await page.locator('h1').innerText()).to.contain('Bonjour Julien Martin');
    expect(await page.locator('html').getAttribute('lang')).to.equal('fr');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL('**/login**');
    await page.goto('/learner');
    expect(page.url()).to.contain('/login');
    expect(h.foreignRequests).to.deep.equal([]);
  });

  it('an admin creates a learner, who can then log in and choose a password', async () => {
    const admin = await h.newPage();
    await logIn(admin, 'camille', 'motdepasse-solide');
    await admin.waitForURL('**/admin');
    await admin.goto('/admin/users/new');
    await admin.getByLabel('Nom complet').fill('Élodie Durand');
    await admin.getByLabel('Identifiant').fill('elodie');
    await admin.getByLabel('Rôle').selectOption('learner');
    await admin.getByRole('button', { name: 'Créer le compte' }).click();
    const password = (await admin.getByTestId('sheet-password').innerText()).trim();
    expect(password).to.match(/^\w{4}-\w{4}-\w{4}$/);

    const learner = await h.newPage({ javaScriptEnabled: false });
    await logIn(learner, 'elodie', password);
    await learner.waitForURL('**/account/password');
    await learner.getByLabel('Mot de passe actuel').fill(password);
    await learner.getByLabel('Nouveau mot de passe', { exact: true }).fill('mon-secret-2026');
    await learner.getByLabel('Nouveau mot de passe, encore une fois').fill('mon-secret-2026');
    await learner.getByRole('button', { name: 'Enregistrer' }).click();
    await learner.waitForURL('**/learner');
    expect(await learner.locator('h1').innerText()).to.contain('Élodie Durand');
    await learner.screenshot({ path: '/tmp/tremplin-learner-home.png', fullPage: true });
    expect(h.foreignRequests).to.deep.equal([]);
  });
});
