import { expect } from 'chai';
import type request from 'supertest';
import { allRoutes } from '../../../src/server/routes.ts';
import { verifySiteRoutes } from '../../../src/server/certificates/http/verify-site.routes.ts';
import { DOUBLE_ECOUTE_GRID, RATINGS, criterionKey } from '../../../src/server/followup/double-ecoute-grid.ts';
import { ROLES, type Role } from '../../../src/server/accounts/roles.ts';
import { seededRandom } from '../../lrs/validation/fuzz/prng.ts';
import { createTestApp, csrfFrom, type TestApp } from '../../helpers/app.ts';
import { usingPostgres } from '../../helpers/database.ts';
import { crawlForms, type CrawledForm } from './form-crawler.ts';
import { fuzzBody, uploadBodyCount, type FormTarget, type FuzzBody } from './mutations.ts';
import { answerProblem } from './answer-check.ts';
import { fuzzTargets, matchesRoute, type FuzzTarget } from './targets.ts';
import { fuzzWorld, type FuzzWorld } from './world.ts';

/**
 * Issue 13: no page answers 500 to any input. Every POST route of the route table gets mutated
 * bodies from a seeded PRNG, posted by a role the route allows with a valid form token, on the
 * database the suite runs on (SQLite, or PostgreSQL with DATABASE_URL). The seed is printed;
 * FUZZ_SEED replays a run, FUZZ_BODIES changes how many bodies each route gets (upload forms get
 * each test file once, and as many other bodies; FUZZ_VERBOSE prints each route's statuses).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const BODIES = Number(process.env.FUZZ_BODIES ?? 12);

/**
 * Forms that the fuzz world's pages do not show, because the state they belong to is not there
 * (a lesson already finished, a failed attempt, a deactivated account, a logo, the learner's own
 * certificate, a conflict between a draft and a newer published version): their fields, read
 * from their route handlers.
 */
const SCENARIO = ['roleplays/retard-livraison.yaml'];
const FORMS_NOT_ON_PAGES: Record<string, FormTarget> = {
  '/learner/modules/:moduleId/items/:itemId/complete': { base: new Map([['attempt', ['']]]) },
  '/learner/modules/:moduleId/items/:itemId/restart': { base: new Map() },
  '/learner/modules/:moduleId/items/:itemId/retry': { base: new Map() },
  '/admin/users/:id/reactivate': { base: new Map() },
  '/admin/users/:id/lift-login-delay': { base: new Map() },
  '/admin/organisation/logo/remove': { base: new Map() },
  '/learner/certificate/package': { base: new Map([['withRecordings', ['yes']]]) },
  // Closing after the package (shown once it was downloaded), and the voice consent (its own page).
  '/learner/certificate/close': { base: new Map([['confirm', ['yes']]]) },
  '/trainer/release/:userId/close': { base: new Map([['confirm', ['yes']]]) },
  '/learner/voice/consent': { base: new Map() },
  '/learner/voice/withdraw': { base: new Map() },
  '/trainer/authoring/:moduleId/conflict/load': { base: new Map() },
  '/trainer/authoring/:moduleId/conflict/keep': { base: new Map() },
  // The review forms show once the call's transcript has its end, which a closing statement alone does not give.
  '/trainer/calls/:registration/reviews': {
    base: new Map([...DOUBLE_ECOUTE_GRID.flatMap((phase) => phase.criteria.map((c): [string, string[]] => [criterionKey(phase, c), [...RATINGS]])), ['comment', ['Bon appel.']]]),
  },
  '/trainer/calls/:registration/rescores': { base: new Map([['turn', ['1', '2']], ['percent', ['50', '100']]]) },
  // Buttons of the file editor and of a play-test in progress.
  '/trainer/authoring/:moduleId/preview': { base: new Map([['path', ['lessons/01-comprendre-colere.md', 'quiz.yaml']], ['content', ['# Titre\n\nTexte.']]]) },
  '/trainer/authoring/:moduleId/scenario/node/delete': { base: new Map([['path', SCENARIO], ['id', ['accueil', 'fin']]]) },
  '/trainer/authoring/:moduleId/playtest/turn': {
    base: new Map([['path', SCENARIO], ['state', ['']], ['turn', ['1']], ['kind', ['choice', 'free', 'lookup']], ['choice', ['0', '1']], ['text', ['Bonjour']], ['field', ['commande']]]),
  },
};

/** Routes whose every post does a lot of work: reading the whole course library again from disk (about a second a post). */
const FEWER_BODIES: Record<string, number> = { '/admin/courses/import': 3 };

/** A small stable hash, so that each route's bodies do not depend on the routes before it. */
function hashOf(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** The fields a route's forms send, merged over every page that shows one (the form at the fuzzed path first). */
function formTargetOf(target: FuzzTarget, crawled: CrawledForm[]): FormTarget | null {
  const matching = crawled.filter((f) => matchesRoute(f.action, target.route.path));
  if (matching.length === 0) return FORMS_NOT_ON_PAGES[target.route.path] ?? null;
  matching.sort((a, b) => Number(b.action === target.path) - Number(a.action === target.path));
  const base = new Map<string, string[]>();
  for (const form of matching) for (const [name, values] of form.fields) if (!base.has(name)) base.set(name, values);
  const fileField = matching.flatMap((f) => f.fileFields)[0];
  return fileField ? { base, fileField } : { base };
}

function send(agent: request.Agent, path: string, body: FuzzBody, index: number): Promise<request.Response> {
  // Every other body asks for English, so that both catalogues answer the bad input.
  const req = agent.post(index % 2 === 1 ? `${path}?lang=en` : path);
  if (body.kind === 'multipart') return req.set('content-type', `multipart/form-data; boundary=${body.boundary}`).send(body.raw);
  return req.set('content-type', body.kind === 'json' ? 'application/json' : 'application/x-www-form-urlencoded').send(body.raw);
}

const excerpt = (body: FuzzBody) => (typeof body.raw === 'string' ? body.raw : body.raw.toString('latin1')).replace(/_csrf=[^&]*&?|"_csrf":"[^"]*",?/, '').slice(0, 160);

/** What the fuzz posts as, fetched again before each body (a body may have ended the session). */
type Poster = (role: Role | null) => Promise<{ agent: request.Agent; csrf: string }>;

/**
 * Posts BODIES bodies to every target; returns one line per answer that is a 5xx, neither a
 * page nor a redirect, or an error page with a bare catalogue key. `prepare` puts back, before
 * each body, the state a route needs (a draft that an earlier body discarded or published).
 */
async function fuzz(targets: FuzzTarget[], forms: Map<FuzzTarget, FormTarget>, posterOf: Poster, otherIds: string[], prepare: (target: FuzzTarget) => Promise<void> = async () => {}): Promise<string[]> {
  const failures: string[] = [];
  for (const [n, target] of targets.entries()) {
    const random = seededRandom(SEED ^ hashOf(target.route.path));
    const statuses: number[] = [];
    const started = Date.now();
    const form = forms.get(target) as FormTarget;
    const count = form.fileField ? uploadBodyCount() : (FEWER_BODIES[target.route.path] ?? BODIES);
    for (let i = 0; i < count; i++) {
      await prepare(target);
      const { agent, csrf } = await posterOf(target.role);
      const body = fuzzBody(random, form, { csrf, otherIds }, n + i, i % 2 === 0 && { contentIndex: i / 2 });
      const res = await send(agent, target.path, body, i);
      statuses.push(res.status);
      const problem = answerProblem(res);
      if (problem) failures.push(`POST ${target.route.path} as ${target.role ?? 'anonymous'}, ${body.label}: ${problem} [${excerpt(body)}]`);
    }
    if (process.env.FUZZ_VERBOSE) console.log(`      ${target.route.path}: ${statuses.join(' ')} (${Date.now() - started} ms)`);
  }
  return failures;
}

describe(`form fuzz on ${usingPostgres() ? 'PostgreSQL' : 'SQLite'}: every POST route, mutated bodies, never a 5xx`, function () {
  this.timeout(180_000);
  let w: FuzzWorld;
  let targets: FuzzTarget[];
  const forms = new Map<FuzzTarget, FormTarget>();

  before(async () => {
    console.log(`    form fuzz: seed ${SEED} (FUZZ_SEED), ${BODIES} bodies per route (FUZZ_BODIES)`);
    w = await fuzzWorld();
    targets = fuzzTargets(allRoutes(w.t.ctx), w.ids);
    const crawled: CrawledForm[] = [];
    const anonymous = await w.anonymous();
    crawled.push(...(await crawlForms(anonymous.agent, ['/login', '/verify'], { perShape: 3, maxPages: 20 })));
    for (const role of ROLES) {
      const { agent } = await w.agentFor(role);
      // The pages of the fuzzed paths themselves, then what their links reach.
      const own = targets.filter((t) => t.role === role).flatMap((t) => [t.path, t.path.replace(/\/[^/]+$/, ''), t.path.replace(/\/[^/]+\/[^/]+$/, '')]);
      crawled.push(...(await crawlForms(agent, [...new Set([...own, `/${role}`])], { perShape: 4, maxPages: 120 })));
    }
    for (const target of targets) {
      const form = formTargetOf(target, crawled);
      if (form) forms.set(target, form);
    }
  });
  after(() => w?.close());

  it('fuzzes every POST route of the route table, each with the fields of its form', () => {
    const posts = allRoutes(w.t.ctx).filter((r) => r.method === 'post');
    expect(targets.map((t) => t.route.path)).to.deep.equal(posts.map((r) => r.path));
    expect(targets.length).to.equal(68);
    expect(targets.filter((t) => !forms.has(t)).map((t) => t.route.path)).to.deep.equal([]);
  });

  it(`answers ${BODIES} mutated bodies per route with a page or a redirect, never a 5xx`, async () => {
    const failures = await fuzz(targets, forms, (role) => (role ? w.agentFor(role) : w.anonymous()), w.ids.otherUserIds, (target) => w.prepare(target.route.path));
    expect(failures).to.deep.equal([]);
  });
});

describe(`form fuzz of the public verification site on ${usingPostgres() ? 'PostgreSQL' : 'SQLite'}`, function () {
  this.timeout(60_000);
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ TREMPLIN_MODE: 'verify' });
  });
  after(() => t?.close());

  it(`answers ${BODIES} mutated bodies per form with a page or a redirect, never a 5xx`, async () => {
    const { default: supertest } = await import('supertest');
    const agent = supertest.agent(t.app);
    const posts = verifySiteRoutes(t.ctx).filter((r) => r.method === 'post');
    const targets: FuzzTarget[] = posts.map((route) => ({ route, path: route.path, role: null }));
    const crawled = await crawlForms(agent, ['/verify'], { perShape: 3, maxPages: 10 });
    const forms = new Map<FuzzTarget, FormTarget>();
    for (const target of targets) forms.set(target, formTargetOf(target, crawled) ?? { base: new Map() });
    expect(targets.map((x) => x.path)).to.deep.equal(['/verify/document']);
    // No session and no form token on this site: the token the bodies carry is ignored.
    const failures = await fuzz(targets, forms, async () => ({ agent, csrf: await csrfFrom(agent, '/verify').catch(() => 'sans-jeton') }), []);
    expect(failures).to.deep.equal([]);
  });
});
