import type { AppContext } from '../context.ts';
import type { RouteSpec } from '../http/route-table.ts';
import { adminHomeRoutes } from './admin-home.routes.ts';
import { usersRoutes } from './users.routes.ts';
import { cohortsRoutes } from './cohorts.routes.ts';
import { auditRoutes } from './audit.routes.ts';
import { lrsKeysRoutes } from './lrs-keys.routes.ts';

export function adminRoutes(ctx: AppContext): RouteSpec[] {
  return [...adminHomeRoutes(ctx), ...usersRoutes(ctx), ...cohortsRoutes(ctx), ...auditRoutes(ctx), ...lrsKeysRoutes(ctx)];
}
