import type { AppContext } from './context.ts';
import type { RouteSpec } from './http/route-table.ts';
import { authRoutes } from './accounts/auth.routes.ts';
import { adminRoutes } from './admin/admin.routes.ts';
import { learningRoutes } from './learning/http/learning.routes.ts';
import { followupRoutes } from './followup/followup.routes.ts';
import { callsRoutes } from './calls/calls.routes.ts';
import { certificatesRoutes } from './certificates/certificates.routes.ts';
import { authoringRoutes } from './authoring/http/authoring.routes.ts';
import { timeAllowanceRoutes } from './adaptations/http/time-allowance.routes.ts';
import { readingRoutes } from './adaptations/http/reading.routes.ts';
import { speechRoutes } from './speech/speech.routes.ts';

/** Every LMS route of every area. The role-matrix test walks this list. */
export function allRoutes(ctx: AppContext): RouteSpec[] {
  return [
    ...authRoutes(ctx),
    ...learningRoutes(ctx),
    ...adminRoutes(ctx),
    ...followupRoutes(ctx),
    ...callsRoutes(ctx),
    ...certificatesRoutes(ctx),
    ...authoringRoutes(ctx),
    ...timeAllowanceRoutes(ctx),
    ...readingRoutes(ctx),
    ...speechRoutes(ctx),
  ];
}
