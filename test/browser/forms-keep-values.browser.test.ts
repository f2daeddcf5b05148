import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { createUser } from '../helpers/app.ts';
import { logIn, startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';
import { importCourseLibrary } from '../../src/server/courses/import/import-course-library.ts';
import { FIXTURE_COURSES } from '../learning/helpers.ts';

const PASSWORD = 'motdepasse-solide';

/**
 * Issue 18: a form that fails validation keeps everything that was typed, and says what is
 * wrong next to the field at fault. Each case types a whole form in real Chromium with one
 * field wrong (in a way the browser itself lets through), sends it, and reads the same form back.
 */
interface FormCase {
  name: string;
  who: 'admin' | 'trainer' | 'anonymous';
  url: () => string;
  /** The form, by its action. */
  action: () => string;
  /** Typed in text fields and text areas, chosen in selects, ticked for checkboxes ('on'). */
  typed: Record<string, string>;
  /** The field at fault: marked invalid, with its message inside its own field. */
  atFault: string;
  /** Typed but not given back on purpose (a password). */
  notKept?: string[];
}

describe('browser: every form that fails validation keeps what was typed', function () {
  this.timeout(180_000);
  let h: BrowserHarness;
  let cohortId = '';
  let learnerId = '';
  const pages = new Map<string, Page>();

  before(async () => {
    h = await startBrowserHarness({ COURSES_DIR: FIXTURE_COURSES });
    const { t } = h;
    await importCourseLibrary(t.ctx.database.db, FIXTURE_COURSES, t.clock.now);
    await createUser(t.ctx, 'admin', 'root', PASSWORD, 'Alice Admin');
    const trainer = await createUser(t.ctx, 'trainer', 'karim', PASSWORD, 'Karim Formateur');
    const learner = await createUser(t.ctx, 'learner', 'julien', PASSWORD, 'Julien Martin');
    learnerId = learner.id;
    const origin = { ip: null, actorId: null };
    const cohort = await t.ctx.services.cohorts.create({ name: 'Groupe A', startDate: '2026-11-01', endDate: '2027-04-30' }, origin);
    cohortId = cohort.id;
    await t.ctx.services.cohorts.addMember(cohort.id, learner.id, origin);
    await t.ctx.services.cohorts.addMember(cohort.id, trainer.id, origin);
    for (const [who, login] of [['admin', 'root'], ['trainer', 'karim']] as const) {
      const page = await h.newPage();
      await logIn(page, login, PASSWORD);
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      pages.set(who, page);
    }
    pages.set('anonymous', await h.newPage());
  });
  after(() => h.close());

  const cases: FormCase[] = [
    {
      name: 'login: a wrong password keeps the login',
      who: 'anonymous',
      url: () => '/login',
      action: () => '/login',
      typed: { login: 'julien', password: 'pas-le-bon-mot-de-passe' },
      atFault: 'password',
      notKept: ['password'],
    },
    {
      name: 'new account: a login with spaces',
      who: 'admin',
      url: () => '/admin/users/new',
      action: () => '/admin/users',
      typed: { displayName: 'Élodie Durand', login: 'élodie durand', role: 'trainer' },
      atFault: 'login',
    },
    {
      name: 'new group: an end before the start',
      who: 'admin',
      url: () => '/admin/cohorts/new',
      action: () => '/admin/cohorts',
      typed: { name: 'Groupe printemps', startDate: '2027-03-01', endDate: '2027-02-01' },
      atFault: 'endDate',
    },
    {
      name: "a group's settings: an end before the start",
      who: 'admin',
      url: () => `/admin/cohorts/${cohortId}`,
      action: () => `/admin/cohorts/${cohortId}`,
      typed: { name: 'Groupe A renommé', startDate: '2026-11-01', endDate: '2026-10-01' },
      atFault: 'endDate',
    },
    {
      name: 'organisation: a name that reveals detention',
      who: 'admin',
      url: () => '/admin/organisation',
      action: () => '/admin/organisation',
      typed: {
        name: 'Centre de détention de Lyon',
        address: '12 rue des Lilas\n69003 Lyon',
        city: 'Lyon',
        signatoryName: 'Claire Martin',
        signatoryTitle: 'Directrice',
        verifyBaseUrl: 'https://verif.cap-avenir.example',
      },
      atFault: 'name',
    },
    {
      name: 'an LRS key: a name too long',
      who: 'admin',
      url: () => '/admin/lrs-keys',
      action: () => '/admin/lrs-keys',
      typed: { name: `Lecteur ${'x'.repeat(200)}` },
      atFault: 'name',
    },
    {
      name: 'new module: an id with spaces and capitals',
      who: 'trainer',
      url: () => '/trainer/authoring',
      action: () => '/trainer/authoring/modules',
      typed: { id: 'Mon Module', title: 'Accueillir un client au téléphone', summary: 'Les premiers mots de l’appel.', durationMinutes: '45' },
      atFault: 'id',
    },
    {
      name: 'release: a leaving date before the group started',
      who: 'trainer',
      url: () => `/trainer/release/${learnerId}`,
      action: () => `/trainer/release/${learnerId}/leaving-date`,
      typed: { leavingDate: '2020-01-15' },
      atFault: 'leavingDate',
    },
    {
      name: 'release: a level changed with a justification too short',
      who: 'trainer',
      url: () => `/trainer/release/${learnerId}`,
      action: () => `/trainer/release/${learnerId}/levels`,
      typed: { level: 'acquis', justification: 'ok' },
      atFault: 'justification',
    },
    {
      name: 'release: an appraisal with one comment missing',
      who: 'trainer',
      url: () => `/trainer/release/${learnerId}`,
      action: () => `/trainer/release/${learnerId}/appraisal`,
      typed: {
        level_ponctualite: 'tres_satisfaisant',
        text_ponctualite: 'Toujours à l’heure.',
        level_assiduite: 'satisfaisant',
        text_assiduite: 'Présent à chaque séance.',
        level_travail_equipe: 'a_consolider',
        text_travail_equipe: 'Aide volontiers les autres.',
        level_respect_consignes: 'satisfaisant',
        text_respect_consignes: 'Suit les consignes.',
        level_autonomie: 'satisfaisant',
        text_autonomie: '',
      },
      atFault: 'text_autonomie',
    },
    {
      name: 'bulk accounts: a list with the same name twice',
      who: 'admin',
      url: () => '/admin/users/bulk',
      action: () => '/admin/users/bulk',
      typed: { list: 'Ana Lima\nPaul Roux\nana lima', cohortId: '' },
      atFault: 'list',
    },
  ];

  const fieldIn = (page: Page, action: string, name: string) => page.locator(`form[action="${action}"] [name="${name}"]`).first();

  async function type(page: Page, action: string, name: string, value: string): Promise<void> {
    const field = fieldIn(page, action, name);
    const tag = await field.evaluate((el) => `${el.tagName.toLowerCase()}:${(el as HTMLInputElement).type}`);
    if (tag.startsWith('select')) await field.selectOption(value === '' ? { index: 0 } : value);
    else if (tag === 'input:checkbox') await field.setChecked(value === 'on');
    else await field.fill(value);
  }

  async function readBack(page: Page, action: string, name: string): Promise<string> {
    const field = fieldIn(page, action, name);
    const tag = await field.evaluate((el) => `${el.tagName.toLowerCase()}:${(el as HTMLInputElement).type}`);
    if (tag === 'input:checkbox') return (await field.isChecked()) ? 'on' : '';
    return field.inputValue();
  }

  for (const c of cases) {
    it(c.name, async () => {
      const page = pages.get(c.who) as Page;
      await page.goto(c.url());
      const action = c.action();
      for (const [name, value] of Object.entries(c.typed)) await type(page, action, name, value);
      await page.locator(`form[action="${action}"] button[type=submit]`).first().click();
      await page.waitForLoadState('load');
      expect(await page.locator(`form[action="${action}"]`).count(), 'the form is shown again').to.be.greaterThan(0);
      for (const [name, value] of Object.entries(c.typed)) {
        expect(await readBack(page, action, name), name).to.equal(c.notKept?.includes(name) ? '' : value.replace(/\r\n/g, '\n'));
      }
      const wrong = fieldIn(page, action, c.atFault);
      expect(await wrong.getAttribute('aria-invalid'), `${c.atFault} marked invalid`).to.equal('true');
      const message = (await wrong.locator('xpath=ancestor::*[contains(@class,"field")][1]').locator('.error-text').innerText()).trim();
      expect(message.length, `a message next to ${c.atFault}`).to.be.greaterThan(5);
      expect(h.foreignRequests).to.deep.equal([]);
    });
  }
});
