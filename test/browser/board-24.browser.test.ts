/**
 * The trainer's board with a realistic group, in real Chromium (issue 18): 24 learners by the
 * 10 modules of the shipped library's titles fit on one screen at 1366×768, in natural order
 * ("Stagiaire 2" before "Stagiaire 10"), with the name column visible. Measured from the DOM.
 */
import { expect } from 'chai';
import { createUser } from '../helpers/app.ts';
import { logIn, startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';
import { smallModule, storeModules, storeProgress } from '../followup/course-fixture.ts';
import { prng } from '../../bench/prng.ts';

const TITLES = [
  ['accueil-appels-entrants', 'Accueillir un appel entrant'],
  ['appels-sortants', 'Passer des appels sortants'],
  ['back-office', 'Traiter les dossiers en back-office'],
  ['clients-mecontents', 'Apaiser un client mécontent'],
  ['confidentialite-rgpd', 'Confidentialité et protection des données (RGPD)'],
  ['fidelisation-resiliation', 'Garder un client, prospecter dans les règles'],
  ['pret-pour-l-emploi', "Prêt pour l'emploi"],
  ['recouvrement-amiable', 'Le recouvrement amiable'],
  ['relation-client-ecrite', 'Répondre aux e-mails et aux courriers'],
  ['situations-sensibles', 'Les appels sensibles'],
] as const;

const ITEMS = ['lecon-1', 'lecon-2', 'quiz', 'exercice', 'appel-1', 'appel-2'].map((id) => ({ id, title: id, type: (id.startsWith('appel') ? 'roleplay' : id === 'quiz' ? 'quiz' : 'lesson') as 'lesson' | 'quiz' | 'roleplay' }));

describe('browser: the board fits a group of 24 learners on one screen', function () {
  this.timeout(120_000);
  let h: BrowserHarness;
  before(async () => {
    h = await startBrowserHarness();
    const { cohorts } = h.t.ctx.services;
    const origin = { ip: null, actorId: null };
    const trainer = await createUser(h.t.ctx, 'trainer', 'formatrice', 'motdepasse-solide', 'Claire Formatrice');
    const cohort = await cohorts.create({ name: 'Atelier relation client', startDate: '2026-06-01', endDate: '2027-03-31' }, origin);
    await cohorts.addMember(cohort.id, trainer.id, origin);
    await storeModules(h.t.ctx, cohort.id, TITLES.map(([id, title]) => smallModule(id, title, ITEMS, ['CCP1.1'])));
    const random = prng(18);
    // Created in a shuffled order, so that the page's order is the sort's, not the insertion's.
    const numbers = Array.from({ length: 24 }, (_, i) => i + 1).sort(() => random() - 0.5);
    for (const n of numbers) {
      const learner = await createUser(h.t.ctx, 'learner', `stagiaire${n}`, 'motdepasse-solide', `Stagiaire ${n}`);
      await cohorts.addMember(cohort.id, learner.id, origin);
      // A pace per learner: the first modules done, one under way, the last ones not started.
      const pace = 2 + random() * 7;
      for (const [index, [moduleId]] of TITLES.entries()) {
        const reached = Math.max(0, Math.min(1, pace - index));
        const done = Math.floor(reached * ITEMS.length);
        for (const [i, item] of ITEMS.entries()) {
          if (i > done || (i === done && reached === 0)) break;
          const status = i < done ? (item.type === 'lesson' ? 'completed' : 'passed') : 'in_progress';
          await storeProgress(h.t.ctx, { userId: learner.id, moduleId, itemId: item.id, status, score: item.type === 'lesson' || status === 'in_progress' ? null : 0.6 + Math.round(random() * 40) / 100, seconds: 300 + Math.round(random() * 1500), at: `2026-11-${String(2 + index * 2 + (n % 3)).padStart(2, '0')}T10:00:00.000Z` });
        }
      }
    }
  });
  after(() => h.close());

  for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
    it(`shows the 24 learners and the 10 modules without scrolling at ${width}×${height}, names in natural order`, async () => {
      const page = await h.newPage();
      await page.setViewportSize({ width, height });
      await logIn(page, 'formatrice', 'motdepasse-solide');
      await page.waitForURL('**/trainer');
      const figures = await page.evaluate(() => {
        const table = document.querySelector('.board-table') as HTMLElement;
        const rows = [...table.querySelectorAll('tbody tr')] as HTMLElement[];
        return {
          scrollWidth: document.documentElement.scrollWidth,
          tableRight: table.getBoundingClientRect().right,
          tableScrollWidth: (table.parentElement as HTMLElement).scrollWidth,
          tableClientWidth: (table.parentElement as HTMLElement).clientWidth,
          lastRowBottom: rows[rows.length - 1].getBoundingClientRect().bottom,
          rowHeights: rows.map((r) => r.getBoundingClientRect().height),
          names: rows.map((r) => (r.querySelector('th[scope=row]') as HTMLElement).innerText.trim()),
          moduleHeaders: [...table.querySelectorAll('thead th.board-module')].map((th) => ({ text: (th as HTMLElement).innerText.replace(/\s+/g, ' ').trim(), right: th.getBoundingClientRect().right })),
          legend: (document.querySelector('#board-legend') as HTMLElement | null)?.innerText ?? '',
          legendBottom: (document.querySelector('#board-legend') as HTMLElement).getBoundingClientRect().bottom,
          statuses: [...table.querySelectorAll('td.board-cell')].map((td) => td.className),
        };
      });
      await page.screenshot({ path: `/tmp/tremplin-board-${width}x${height}.png` });
      console.log(`      ${width}×${height}: page ${figures.scrollWidth} px wide, table right edge ${Math.round(figures.tableRight)} px, last row bottom ${Math.round(figures.lastRowBottom)} px, rows ${Math.min(...figures.rowHeights).toFixed(0)}–${Math.max(...figures.rowHeights).toFixed(0)} px high`);
      expect(figures.names).to.deep.equal(Array.from({ length: 24 }, (_, i) => `Stagiaire ${i + 1}`));
      expect(figures.moduleHeaders.map((m) => m.text)).to.deep.equal(TITLES.map(([, title]) => title));
      // No horizontal scroll, neither of the page nor of the table's own region.
      expect(figures.scrollWidth).to.be.at.most(width);
      expect(figures.tableScrollWidth).to.be.at.most(figures.tableClientWidth);
      for (const m of figures.moduleHeaders) expect(m.right).to.be.at.most(width);
      // The 24th learner's row ends above the bottom of the window.
      expect(figures.lastRowBottom).to.be.at.most(height);
      for (const rowHeight of figures.rowHeights) expect(rowHeight).to.be.at.most(24);
      expect(figures.legendBottom).to.be.at.most(height);
      // The seeded group has cells of all three kinds, each coloured by its class.
      for (const status of ['completed', 'in_progress', 'not_started']) expect(figures.statuses.filter((c) => c.includes(`status-${status}`))).to.not.be.empty;
      expect(figures.legend).to.contain('Terminé');
      expect(figures.legend).to.contain('En cours');
      expect(figures.legend).to.contain('Pas commencé');
      expect(h.foreignRequests).to.deep.equal([]);
    });
  }

  it('keeps the learner\'s name in view when the table scrolls sideways on a narrow window', async () => {
    const page = await h.newPage();
    await page.setViewportSize({ width: 800, height: 768 });
    await logIn(page, 'formatrice', 'motdepasse-solide');
    await page.waitForURL('**/trainer');
    const shift = await page.evaluate(() => {
      const region = document.querySelector('.table-scroll') as HTMLElement;
      const name = document.querySelector('.board-table tbody th[scope=row]') as HTMLElement;
      const before = name.getBoundingClientRect().left;
      region.scrollLeft = 400;
      return { scrolled: region.scrollLeft, moved: name.getBoundingClientRect().left - before };
    });
    expect(shift.scrolled).to.be.greaterThan(0);
    expect(shift.moved).to.equal(0);
  });
});
