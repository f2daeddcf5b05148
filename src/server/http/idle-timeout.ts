import type { NextFunction, Request, Response } from 'express';
import type { AppContext } from '../context.ts';

/**
 * Ends a session left idle too long, measured with the app's clock. Learners share terminals,
 * so theirs ends after LEARNER_IDLE_MINUTES (15 by default); other roles after STAFF_IDLE_MINUTES.
 */
export function idleTimeout(ctx: AppContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const now = ctx.clock().getTime();
    const { userId, role, lastSeenAt } = req.session;
    if (userId && role) {
      const limitMinutes = role === 'learner' ? ctx.config.learnerIdleMinutes : ctx.config.staffIdleMinutes;
      if (lastSeenAt !== undefined && now - lastSeenAt > limitMinutes * 60_000) {
        const locale = req.session.locale;
        req.session.regenerate((err) => {
          if (err) return next(err);
          req.session.expired = true;
          req.session.locale = locale;
          next();
        });
        return;
      }
      req.session.lastSeenAt = now;
    }
    next();
  };
}
