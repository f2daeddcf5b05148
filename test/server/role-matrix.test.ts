import { expect } from 'chai';
import request from 'supertest';
import { allRoutes } from '../../src/server/routes.ts';
import { ROLES, type Role } from '../../src/server/accounts/roles.ts';
import type { RouteSpec } from '../../src/server/http/route-table.ts';
import { createTestApp, createUser, csrfFrom, loginAs, type TestApp } from '../helpers/app.ts';
import { ROUTE_ROLES } from './role-table.ts';

/**
 * Every LMS route, times every role and anonymous: deny by default. New routes join this test
 * automatically because it walks the same route list the app mounts.
 */
describe('authorisation matrix', () => {
  let t: TestApp;
  let routes: RouteSpec[];
  const agents = new Map<Role, request.Agent>();

  before(async () => {
    t = await createTestApp();
    for (const role of ROLES) await createUser(t.ctx, role, `matrix-${role}`);
    routes = allRoutes(t.ctx);
  });
  after(() => t.close());

  async function agentFor(role: Role): Promise<request.Agent> {
    if (!agents.has(role)) agents.set(role, await loginAs(t.app, `matrix-${role}`));
    return agents.get(role) as request.Agent;
  }

  const concrete = (path: string) => path.replace(/:(\w+)/g, 'inexistant-$1');
  const allowed = (route: RouteSpec, role: Role) => route.access === 'public' || route.access === 'authenticated' || route.access.includes(role);

  async function call(agent: request.Agent, route: RouteSpec): Promise<request.Response> {
    const path = concrete(route.path);
    if (route.method === 'get') return agent.get(path);
    const csrf = await csrfFrom(agent, '/login?matrix=1').catch(() => csrfFrom(agent, '/account/password'));
    return agent.post(path).type('form').send({ _csrf: csrf });
  }

  it('covers a real route list', () => {
    expect(routes.length).to.be.greaterThan(20);
  });

  it('mounts exactly the routes of the written-out table, each open to the roles it lists', () => {
    const access = (a: RouteSpec['access']) => (Array.isArray(a) ? [...a].sort().join(',') : String(a));
    const mounted = routes.map((r) => `${r.method} ${r.path} → ${access(r.access)}`).sort();
    const written = ROUTE_ROLES.map(([route, roles]) => `${route} → ${access(roles as RouteSpec['access'])}`).sort();
    expect(mounted).to.deep.equal(written);
  });

  it('sends anonymous visitors to the login page, or answers 401 to their forms', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const res = await call(request.agent(t.app), route);
      if (route.access === 'public') {
        if (res.status >= 500 || res.status === 401 || res.status === 403) failures.push(`${route.method} ${route.path}: ${res.status}`);
      } else if (route.method === 'get' ? !(res.status === 303 && String(res.headers.location).startsWith('/login')) : res.status !== 401) {
        failures.push(`${route.method} ${route.path}: ${res.status}`);
      }
    }
    expect(failures).to.deep.equal([]);
  });

  for (const role of ROLES) {
    it(`gives a ${role} exactly the routes of that role`, async () => {
      const failures: string[] = [];
      for (const route of routes) {
        const res = await call(await agentFor(role), route);
        const ok = allowed(route, role) ? res.status < 500 && res.status !== 401 && res.status !== 403 : res.status === 403;
        if (!ok) failures.push(`${route.method} ${route.path}: ${res.status}`);
        if (route.method === 'post' && (route.path === '/logout' || route.path.startsWith('/account'))) agents.delete(role);
      }
      expect(failures).to.deep.equal([]);
    });
  }
});
