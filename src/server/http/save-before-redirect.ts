import type { NextFunction, Request, Response } from 'express';

/**
 * express-session sends a response's headers before its store has saved the session, and only
 * holds back the last byte. A browser follows a 303 on the headers alone, so on PostgreSQL (an
 * asynchronous store) the next request could arrive before a fresh login's session row exists
 * and bounce back to the login page. Saving first closes that race for every redirect.
 */
export function saveSessionBeforeRedirect(req: Request, res: Response, next: NextFunction): void {
  const redirect = res.redirect.bind(res) as (...args: unknown[]) => void;
  res.redirect = ((...args: unknown[]) => {
    // An empty session (an anonymous visitor) is not saved: saving it would store a row (issue 13).
    if (!req.session || Object.keys(req.session).every((k) => k === 'cookie')) return redirect(...args);
    req.session.save((err) => (err ? next(err) : redirect(...args)));
  }) as Response['redirect'];
  next();
}
