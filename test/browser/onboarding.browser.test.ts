import { expect } from 'chai';
import { createUser, TEST_BASE_URL } from '../helpers/app.ts';
import { logIn, startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';

/** Issue 18, done when: a list of 24 learners creates them and prints one sheet (no JavaScript needed). */
describe('browser: onboarding a group of 24', function () {
  this.timeout(60_000);
  let h: BrowserHarness;
  let cohortId: string;
  before(async () => {
    h = await startBrowserHarness();
    await createUser(h.t.ctx, 'admin', 'camille', 'motdepasse-solide', 'Camille Admin');
    cohortId = (await h.t.ctx.services.cohorts.create({ name: 'Atelier hiver', startDate: '2026-12-01', endDate: '2027-05-31' }, { ip: null, actorId: null })).id;
  });
  after(() => h.close());

  it("an admin pastes 24 names on the group's page, previews, creates them all and prints one sheet", async () => {
    const admin = await h.newPage({ javaScriptEnabled: false });
    await logIn(admin, 'camille', 'motdepasse-solide');
    await admin.waitForURL('**/admin');
    await admin.goto(`/admin/cohorts/${cohortId}`);
    await admin.getByRole('link', { name: "Créer les comptes du groupe d'un coup" }).click();
    const names = Array.from({ length: 24 }, (_, i) => `Stagiaire ${i + 1}`);
    await admin.getByLabel('Liste des stagiaires').fill(names.join('\n'));
    await admin.getByRole('button', { name: "Voir l'aperçu", exact: true }).click();
    expect(await admin.getByTestId('bulk-preview').locator('tbody tr').count()).to.equal(24);
    await admin.getByRole('button', { name: 'Créer tous les comptes de la liste (24)' }).click();

    const slips = admin.getByTestId('slip');
    expect(await slips.count()).to.equal(24);
    expect(await admin.getByTestId('slip-address').first().innerText()).to.equal(`${TEST_BASE_URL}/login`);
    expect(await admin.locator('.site-header .who').innerText()).to.equal('Camille Admin');
    expect((await h.t.ctx.repositories.cohorts.members(cohortId)).length).to.equal(24);

    // Printed: no header, two whole strips a row.
    await admin.emulateMedia({ media: 'print' });
    expect(await admin.locator('.site-header').isVisible()).to.equal(false);
    const [a, b] = [await slips.nth(0).boundingBox(), await slips.nth(1).boundingBox()];
    expect(a && b && Math.round(a.y) === Math.round(b.y) && b.x > a.x).to.equal(true);

    const password = (await admin.getByTestId('slip-password').nth(9).innerText()).trim();
    const learner = await h.newPage({ javaScriptEnabled: false });
    await logIn(learner, 'stagiaire.10', password);
    await learner.waitForURL('**/account/password');
    expect(h.foreignRequests).to.deep.equal([]);
  });

  it('an admin sends the 24-line CSV file of a spreadsheet, previews, creates them all and prints one sheet', async () => {
    const second = (await h.t.ctx.services.cohorts.create({ name: 'Atelier printemps', startDate: '2027-03-01', endDate: '2027-08-31' }, { ip: null, actorId: null })).id;
    const admin = await h.newPage({ javaScriptEnabled: false });
    await logIn(admin, 'camille', 'motdepasse-solide');
    await admin.waitForURL('**/admin');
    await admin.goto('/admin/users/bulk');
    const csv = ['Prénom;Nom', ...Array.from({ length: 24 }, (_, i) => `Apprenti;Numéro ${i + 1}`)].join('\r\n');
    await admin.locator('#f-file-cohortId').selectOption(second);
    await admin.getByLabel('Fichier CSV de la liste').setInputFiles({ name: 'printemps.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await admin.getByRole('button', { name: "Lire le fichier et voir l'aperçu" }).click();
    expect(await admin.getByTestId('bulk-preview').locator('tbody tr').count()).to.equal(24);
    await admin.getByRole('button', { name: 'Créer tous les comptes de la liste (24)' }).click();
    expect(await admin.getByTestId('slip').count()).to.equal(24);
    expect(await admin.getByTestId('slip-name').nth(23).innerText()).to.equal('Apprenti Numéro 24');
    expect((await h.t.ctx.repositories.cohorts.members(second)).length).to.equal(24);
    expect(h.foreignRequests).to.deep.equal([]);
  });
});
