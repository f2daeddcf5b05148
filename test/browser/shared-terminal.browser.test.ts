import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { createUser } from '../helpers/app.ts';
import { logIn, startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';
import { importCourseLibrary } from '../../src/server/courses/import/import-course-library.ts';
import { assignModule, MODULE_ID, START, writeCallLibrary } from '../calls/support.ts';

/**
 * Issue 13: on a shared terminal, the next person must not see the previous one's pages by
 * pressing Back after a logout.
 */
describe('browser: Back after logout on a shared terminal', function () {
  this.timeout(120_000);
  let h: BrowserHarness;
  let root: string;

  before(async () => {
    h = await startBrowserHarness();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tremplin-back-browser-'));
    writeCallLibrary(root);
    const report = await importCourseLibrary(h.t.ctx.database.db, root, h.t.clock.now);
    expect(report.errors).to.deep.equal([]);
  });
  after(async () => {
    await h.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('shows the login page, not the debrief nor the learner name, when Back is pressed after logout', async () => {
    const learner = await createUser(h.t.ctx, 'learner', 'sabrina', 'motdepasse-solide', 'Sabrina Lefèvre');
    await assignModule(h.t, learner.id);
    h.t.clock.set(START);
    const page = await h.newPage();
    page.setDefaultTimeout(60_000);
    await logIn(page, 'sabrina', 'motdepasse-solide');
    await page.waitForURL('**/learner');
    expect(await page.locator('h1').innerText()).to.contain('Sabrina Lefèvre');

    // A rude greeting makes the customer hang up: the shortest way to a debrief.
    await page.goto(`/learner/modules/${MODULE_ID}`);
    await page.locator('a[href*="/learner/calls/start"]').first().click();
    await page.getByRole('button', { name: 'Décrocher' }).click();
    await page.waitForURL(/\/learner\/calls\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: "Ouais, c'est pour quoi ?" }).click();
    await page.waitForURL('**/debrief');
    const debrief = await page.locator('main').innerText();
    expect(debrief).to.contain('Bilan');
    expect(debrief).to.contain('Trop familier');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL('**/login?**');
    await page.goBack();
    await page.waitForLoadState('load');

    expect(new URL(page.url()).pathname).to.equal('/login');
    const body = await page.locator('body').innerText();
    expect(body).to.contain('Se connecter');
    expect(body).not.to.contain('Bilan');
    expect(body).not.to.contain('Trop familier');
    expect(body).not.to.contain('Sabrina');
    expect(h.foreignRequests).to.deep.equal([]);
  });
});
