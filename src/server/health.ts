import { sql } from 'kysely';
import type { Request, Response } from 'express';
import type { AppContext } from './context.ts';

/**
 * For the supervisor and load balancer: 200 "ok" when the database answers and the projections
 * keep up; 503 "degraded" when a projection failed (pages may show stale progress: see the log,
 * then `projections rebuild`); 503 "unavailable" when the database does not answer.
 */
export function healthRoute(ctx: AppContext) {
  return async (_req: Request, res: Response): Promise<void> => {
    try {
      await sql`select 1`.execute(ctx.database.db);
      const projection = ctx.learning.projection.health();
      if (!projection.ok) {
        res.status(503).json({ status: 'degraded', database: ctx.database.dialect, projections: [projection] });
        return;
      }
      res.json({ status: 'ok', database: ctx.database.dialect });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  };
}
