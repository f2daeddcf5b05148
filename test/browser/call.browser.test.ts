import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { createUser } from '../helpers/app.ts';
import { logIn, startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';
import { importCourseLibrary } from '../../src/server/courses/import/import-course-library.ts';
import { EXTENSIONS, VERBS } from '../../src/server/xapi/vocabulary.ts';
import { assignModule, ITEM_ID, MODULE_ID, START, writeCallLibrary } from '../calls/support.ts';

interface XapiStatement {
  verb: { id: string };
  object: { id: string };
  context: { registration: string; extensions: Record<string, unknown> };
}

describe('browser: a learner makes a simulated call', function () {
  this.timeout(120_000);
  let h: BrowserHarness;
  let root: string;
  let lrsAuth: string;
  const at = (seconds: number) => h.t.clock.set(new Date(START.getTime() + seconds * 1000));

  before(async () => {
    h = await startBrowserHarness();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tremplin-call-browser-'));
    writeCallLibrary(root);
    const report = await importCourseLibrary(h.t.ctx.database.db, root, h.t.clock.now);
    expect(report.errors).to.deep.equal([]);
    const { key, secret } = await h.t.ctx.lrs.credentials.create({ name: 'browser test', scopes: ['statements/read'] });
    lrsAuth = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
  });
  after(async () => {
    await h.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** The statements of one registration, read back over xAPI as any LRS client would. */
  async function statementsOfRegistration(registration: string): Promise<XapiStatement[]> {
    const res = await fetch(`${h.baseUrl}/xapi/statements?registration=${registration}&limit=100`, {
      headers: { Authorization: lrsAuth, 'X-Experience-API-Version': '2.0.0' },
    });
    expect(res.status).to.equal(200);
    return ((await res.json()) as { statements: XapiStatement[] }).statements;
  }

  async function playCall(page: Page, javaScript: boolean): Promise<string> {
    await page.goto(`/learner/modules/${MODULE_ID}`);
    await page.locator(`a[href*="/learner/calls/start"]`).first().click();
    await page.waitForURL('**/learner/calls/start?**');
    expect(await page.locator('h1').innerText()).to.contain('Appel de test');
    at(0);
    await page.getByRole('button', { name: 'Décrocher' }).click();
    await page.waitForURL(/\/learner\/calls\/[0-9a-f-]{36}$/);
    const callId = page.url().split('/').pop() as string;

    expect(await page.locator('.call-line p').first().innerText()).to.equal("Bonjour, j'appelle pour ma commande.");
    const audioSrc = (await page.locator('audio.call-audio').first().getAttribute('src')) as string;
    expect((await page.request.get(audioSrc)).status()).to.equal(200);
    expect(await page.locator('#mood-meter').getAttribute('value')).to.equal('50');
    if (javaScript) {
      // The clock and the countdown run in the page; the server keeps the real time.
      await page.waitForFunction(() => document.querySelector('[data-call-timer]')?.textContent !== '0:00', undefined, { timeout: 5000 });
      expect(await page.locator('[data-countdown]').isVisible()).to.equal(true);
    } else {
      expect(await page.locator('[data-call-timer]').innerText()).to.equal('0:00');
    }
    await page.screenshot({ path: `/tmp/tremplin-call-player-${javaScript ? 'js' : 'nojs'}.png`, fullPage: true });

    at(6);
    await page.getByRole('button', { name: 'Bonjour madame, Lucie du service client, je vous écoute.' }).click();
    await page.getByText('Quand est-ce que je serai livrée ?').first().waitFor();
    expect(await page.getByRole('button', { name: 'Votre commande sera livrée le 12 mars.' }).isDisabled()).to.equal(true);

    at(12);
    await page.getByRole('button', { name: 'Consulter : Date de livraison' }).click();
    await page.locator('.record-fields', { hasText: '12 mars' }).waitFor();

    at(20);
    await page.getByRole('button', { name: 'Votre commande sera livrée le 12 mars.' }).click();
    await page.getByLabel('Écrivez ce que vous dites au client').fill('Je vous confirme, madame, que votre colis sera livré le 12 mars. Merci.');
    at(45);
    await page.getByRole('button', { name: 'Répondre' }).click();
    await page.waitForURL(`**/learner/calls/${callId}/debrief`);
    return callId;
  }

  for (const javaScript of [true, false]) {
    it(`completes a call and sees the debrief; the LRS holds one statement per learner turn plus the completion (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const login = javaScript ? 'nadia' : 'yannick';
      const learner = await createUser(h.t.ctx, 'learner', login);
      await assignModule(h.t, learner.id);
      const page = await h.newPage({ javaScriptEnabled: javaScript });
      // A busy machine (CI runs everything twice) can be slower than Playwright's 30 s default.
      page.setDefaultTimeout(60_000);
      await logIn(page, login, 'motdepasse-solide');
      await page.waitForURL('**/learner');

      const callId = await playCall(page, javaScript);
      expect(await page.locator('h1').innerText()).to.contain('Bilan');
      expect(await page.locator('.debrief-outcome h2').innerText()).to.equal('Demande résolue');
      expect(await page.locator('.tiles').innerText()).to.contain('0 min 45 s');
      expect(await page.locator('.debrief-turn').count()).to.equal(4);
      expect(await page.getByRole('button', { name: 'Réessayer' }).isVisible()).to.equal(true);
      await page.screenshot({ path: `/tmp/tremplin-call-debrief-${javaScript ? 'js' : 'nojs'}.png`, fullPage: true });

      const { registration } = (await h.t.ctx.database.db.selectFrom('roleplay_calls').select('registration').where('id', '=', callId).executeTakeFirstOrThrow()) as { registration: string };
      const statements = await statementsOfRegistration(registration);
      // One statement per learner turn (greeting, look-up, answer, free response), the
      // completion, and the pickup that counts the attempt.
      expect(statements.map((s) => s.verb.id).sort()).to.deep.equal([VERBS.initialized.id, VERBS.answered.id, VERBS.answered.id, VERBS.answered.id, VERBS.interacted.id, VERBS.passed.id].sort());
      const turns = statements.filter((s) => s.verb.id === VERBS.answered.id || s.verb.id === VERBS.interacted.id);
      expect(turns.map((s) => s.context.extensions[EXTENSIONS.turn]).sort()).to.deep.equal([0, 1, 2, 3]);
      for (const s of statements) expect(s.context.registration).to.equal(registration);
      const completion = statements.find((s) => s.verb.id === VERBS.passed.id);
      expect(completion?.object.id).to.equal(`${h.t.ctx.config.baseUrl}/xapi/activities/modules/${MODULE_ID}/items/${ITEM_ID}`);
      expect(h.foreignRequests).to.deep.equal([]);
    });
  }
});
