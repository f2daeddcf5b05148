import type { AppContext } from '../context.ts';
import type { RouteSpec } from '../http/route-table.ts';
import { adminHomeRoutes } from './admin-home.routes.ts';
import { usersRoutes } from './users.routes.ts';
import { cohortsRoutes } from './cohorts.routes.ts';
import { auditRoutes } from './audit.routes.ts';
import { lrsKeysRoutes } from './lrs-keys.routes.ts';
import { onboardingRoutes } from './onboarding.routes.ts';

export function adminRoutes(ctx: AppContext): RouteSpec[] {
  // Onboarding first: /admin/users/bulk must not be read as an account id.
  return [...adminHomeRoutes(ctx), ...onboardingRoutes(ctx), ...usersRoutes(ctx), ...cohortsRoutes(ctx), ...auditRoutes(ctx), ...lrsKeysRoutes(ctx)];
}
