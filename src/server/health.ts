import { sql } from 'kysely';
import type { Request, Response } from 'express';
import type { AppContext } from './context.ts';

/** 200 when the database answers, 503 otherwise: for the supervisor and load balancer. */
export function healthRoute(ctx: AppContext) {
  return async (_req: Request, res: Response): Promise<void> => {
    try {
      await sql`select 1`.execute(ctx.database.db);
      res.json({ status: 'ok', database: ctx.database.dialect });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  };
}
