import type { NextFunction, Request, Response } from 'express';

/**
 * Learners share terminals: after a logout, Back or the browser's cache must not show the
 * previous person's pages (a debrief, a name, a CSV). Every page and download the app builds
 * is marked not to be stored anywhere; only /static (mounted before this) may be cached.
 * Pragma and Expires are for HTTP/1.0 caches and proxies that ignore Cache-Control.
 */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.set('Cache-Control', 'no-store, max-age=0');
  res.set('Pragma', 'no-cache');
  res.set('Expires', '0');
  next();
}
