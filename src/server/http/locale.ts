import type { NextFunction, Request, Response } from 'express';
import { DEFAULT_LOCALE, isLocale, translator } from '../i18n/catalogue.ts';

/**
 * French by default; ?lang=en (the switch in the header) changes it for the session and a
 * cookie, so the choice survives logging out on a shared terminal only until the cookie expires.
 */
export function localeMiddleware(req: Request, res: Response, next: NextFunction): void {
  const asked = req.query.lang;
  // The public verification site keeps no session: the cookie carries the choice there.
  const session = req.session as typeof req.session | undefined;
  if (isLocale(asked)) {
    // Only a session that exists keeps it: choosing a language must not create a session row (issue 13).
    if (session?.userId) session.locale = asked;
    res.cookie('lang', asked, { httpOnly: true, sameSite: 'lax', maxAge: 365 * 24 * 3600 * 1000 });
  }
  const cookie = (req.headers.cookie ?? '').match(/(?:^|;\s*)lang=(\w+)/)?.[1];
  const locale = (isLocale(asked) ? asked : session?.locale) ?? (isLocale(cookie) ? cookie : DEFAULT_LOCALE);
  res.locals.locale = locale;
  res.locals.otherLocale = locale === 'fr' ? 'en' : 'fr';
  res.locals.t = translator(locale);
  next();
}

/** The translator for this request (set by localeMiddleware). */
export function tr(res: Response): (key: string, vars?: Record<string, unknown>) => string {
  return res.locals.t as (key: string, vars?: Record<string, unknown>) => string;
}
