import type { NextFunction, Request, Response } from 'express';
import { ForbiddenError, UnauthorizedError } from '../errors.ts';
import type { Access } from './route-table.ts';

/**
 * Enforces a route's access rule. Anonymous page requests go to the login page; anything else
 * from the wrong role is a 403.
 */
export function accessGuard(access: Access) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (access === 'public') return next();
    const role = req.session.role;
    if (!req.session.userId || !role) {
      if (req.method === 'GET') return res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return next(new UnauthorizedError());
    }
    if (access !== 'authenticated' && !access.includes(role)) return next(new ForbiddenError());
    next();
  };
}
