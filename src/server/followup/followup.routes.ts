import type { AppContext } from '../context.ts';
import type { RouteSpec } from '../http/route-table.ts';
import { attendanceRoutes } from './attendance.routes.ts';
import { boardRoutes } from './board.routes.ts';
import { callReviewRoutes } from './call-review.routes.ts';
import { learnerRoutes } from './learner.routes.ts';
import { partnerRoutes } from './partner.routes.ts';
import { statementsRoutes } from './statements.routes.ts';

/** Every route of the trainer follow-up area. */
export function followupRoutes(ctx: AppContext): RouteSpec[] {
  return [...boardRoutes(ctx), ...learnerRoutes(ctx), ...callReviewRoutes(ctx), ...partnerRoutes(ctx), ...attendanceRoutes(ctx), ...statementsRoutes(ctx)];
}
