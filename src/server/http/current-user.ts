import type { NextFunction, Request, Response } from 'express';
import type { AppContext } from '../context.ts';
import { HOME_OF } from '../accounts/roles.ts';
import { ForbiddenError } from '../errors.ts';
import { NAVIGATION } from './navigation.ts';

const PASSWORD_PAGE = '/account/password';

/**
 * Loads the logged-in user for views. A deactivated account loses its session at once; an
 * account with a one-time password must choose its own before going anywhere else.
 */
export function currentUser(ctx: AppContext) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const { userId } = req.session;
    if (!userId) return next();
    const user = await ctx.repositories.users.findById(userId);
    if (!user || !user.active) {
      delete req.session.userId;
      delete req.session.role;
      return next();
    }
    req.session.role = user.role;
    res.locals.user = user;
    res.locals.homePath = HOME_OF[user.role];
    res.locals.isRole = { [user.role]: true };
    res.locals.navExtra = NAVIGATION[user.role];
    const exempt = req.path === PASSWORD_PAGE || req.path === '/logout' || req.path.startsWith('/static/');
    if (user.mustChangePassword && !exempt) {
      if (req.method === 'GET') return res.redirect(303, PASSWORD_PAGE);
      return next(new ForbiddenError('accounts.errors.mustChangePassword'));
    }
    next();
  };
}
