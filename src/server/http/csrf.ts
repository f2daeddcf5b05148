import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The anonymous form token's cookie (the login form): no session row for it (issue 13). */
export const ANONYMOUS_CSRF_COOKIE = 'tremplin.csrf';

export class CsrfError extends AppError {
  constructor() {
    super(403, 'csrf', 'errors.csrf');
  }
}

/** Whether a token sent with a form is the one this request expects. */
export type CsrfCheck = (sent: string) => boolean;

/**
 * The routes that take a multipart upload, and read it with readMultipart (which checks the
 * token): any other multipart POST is checked here, and fails, as its body is not parsed.
 */
const UPLOAD_PATHS = new Set(['/trainer/authoring/import', '/admin/organisation/logo', '/verify/file', '/admin/users/bulk/file']);

const sameToken = (sent: string, expected: string): boolean => {
  const given = Buffer.from(sent);
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && crypto.timingSafeEqual(given, wanted);
};

/**
 * Synchronizer token in a hidden field of every form. A session that exists keeps its token
 * there. Before login there is no session (each anonymous GET used to store a row for 8 hours):
 * the token is then a signed double-submit cookie, HMAC'd with the session secret so that a
 * cookie planted by someone else does not pass.
 */
export function csrfProtection(secret: string) {
  const sign = (nonce: string) => crypto.createHmac('sha256', secret).update(`csrf:${nonce}`).digest('base64url');
  const cookieToken = (req: Request): string | null => {
    const raw = (req.headers.cookie ?? '').match(new RegExp(`(?:^|;\\s*)${ANONYMOUS_CSRF_COOKIE.replace('.', '\\.')}=([\\w-]+\\.[\\w-]+)`))?.[1];
    if (!raw) return null;
    const [nonce, mac] = raw.split('.');
    return sameToken(mac, sign(nonce)) ? raw : null;
  };

  return (req: Request, res: Response, next: NextFunction): void => {
    const hasSession = req.session.userId !== undefined || req.session.csrfToken !== undefined;
    let expected: string;
    if (hasSession) {
      req.session.csrfToken ??= crypto.randomBytes(24).toString('base64url');
      expected = req.session.csrfToken;
    } else {
      const existing = cookieToken(req);
      if (existing) expected = existing;
      else {
        const nonce = crypto.randomBytes(18).toString('base64url');
        expected = `${nonce}.${sign(nonce)}`;
        res.cookie(ANONYMOUS_CSRF_COOKIE, expected, { httpOnly: true, sameSite: 'lax', secure: req.secure });
      }
    }
    res.locals.csrfToken = expected;
    if (SAFE.has(req.method)) return next();
    // An anonymous form posted after the session appeared (or the reverse) still carries a valid token of one kind.
    const check: CsrfCheck = (sent) => sameToken(sent, expected) || (hasSession && cookieToken(req) !== null && sameToken(sent, cookieToken(req) as string));
    const header = req.get('x-csrf-token');
    if (!header && UPLOAD_PATHS.has(req.path) && /^multipart\/form-data\b/i.test(req.get('content-type') ?? '')) {
      // The token is in the form's first field, which only the upload's streaming reader sees
      // (http/multipart.ts): it checks it before it accepts a file. Never in the URL.
      res.locals.csrfCheck = check;
      return next();
    }
    const body = req.body as Record<string, unknown> | undefined;
    const sent = (typeof body?._csrf === 'string' && body._csrf) || header || '';
    if (!check(sent)) return next(new CsrfError());
    next();
  };
}
