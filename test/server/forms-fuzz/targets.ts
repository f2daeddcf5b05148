/**
 * Where each POST route of the route table is fuzzed: the concrete path (its parameters filled
 * with real ids of the fuzz world) and who posts (a role the route allows, or nobody for public
 * routes). A route with a parameter this file does not know makes the fuzz fail, so a new route
 * is given real ids rather than skipped.
 */
import type { Role } from '../../../src/server/accounts/roles.ts';
import type { RouteSpec } from '../../../src/server/http/route-table.ts';
import type { WorldIds } from './world.ts';

export interface FuzzTarget {
  route: RouteSpec;
  path: string;
  /** null: an anonymous visitor. */
  role: Role | null;
}

/** The first prefix that starts a route's path says which id each of its parameters takes. */
function parameterValues(ids: WorldIds): Array<[prefix: string, values: Record<string, string>]> {
  const item = (itemId: string) => ({ moduleId: ids.moduleId, itemId });
  return [
    ['/learner/modules/:moduleId/items/:itemId/complete', item(ids.lessonId)],
    ['/learner/modules/:moduleId/items/:itemId/restart', item(ids.lessonId)],
    ['/learner/modules/:moduleId/items/:itemId/answer', item(ids.quizId)],
    ['/learner/modules/:moduleId/items/:itemId/submit', item(ids.exerciseId)],
    ['/learner/modules/:moduleId/items/:itemId/retry', item(ids.exerciseId)],
    ['/learner/calls/', { id: ids.callId }],
    ['/trainer/cohorts/', { id: ids.victimCohortId }],
    ['/trainer/calls/', { registration: ids.finishedCallRegistration }],
    ['/trainer/release/', { userId: ids.releaseLearnerId }],
    ['/trainer/learners/', { id: ids.releaseLearnerId }],
    ['/trainer/authoring/', { moduleId: ids.authoringModuleId }],
    ['/admin/users/', { id: ids.victimUserId }],
    ['/admin/cohorts/', { id: ids.victimCohortId, userId: ids.victimUserId }],
    ['/admin/lrs-keys/', { key: ids.lrsKey }],
    ['/admin/organisation/birth-dates/', { userId: ids.releaseLearnerId }],
    ['/admin/certificates/', { id: ids.certificateId }],
  ];
}

export function concretePath(routePath: string, ids: WorldIds): string {
  const values = parameterValues(ids).find(([prefix]) => routePath.startsWith(prefix))?.[1] ?? {};
  return routePath.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`the form fuzz has no id for :${name} of ${routePath} (test/server/forms-fuzz/targets.ts)`);
    return encodeURIComponent(value);
  });
}

/** A role allowed to post: anonymous for public routes, a learner for any logged-in user, else the first listed. */
export function posterOf(route: RouteSpec): Role | null {
  if (route.access === 'public') return null;
  if (route.access === 'authenticated') return 'learner';
  return route.access[0];
}

export function fuzzTargets(routes: RouteSpec[], ids: WorldIds): FuzzTarget[] {
  return routes.filter((r) => r.method === 'post').map((route) => ({ route, path: concretePath(route.path, ids), role: posterOf(route) }));
}

/** Whether a form's action is an instance of a route path. */
export function matchesRoute(action: string, routePath: string): boolean {
  const pattern = new RegExp(`^${routePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}$`);
  return pattern.test(action);
}
