import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export class CsrfError extends AppError {
  constructor() {
    super(403, 'csrf', 'errors.csrf');
  }
}

/** Synchronizer token: one per session, in a hidden field of every form. */
export function csrfProtection(req: Request, res: Response, next: NextFunction): void {
  req.session.csrfToken ??= crypto.randomBytes(24).toString('base64url');
  res.locals.csrfToken = req.session.csrfToken;
  if (SAFE.has(req.method)) return next();
  const body = req.body as Record<string, unknown> | undefined;
  const sent = (typeof body?._csrf === 'string' && body._csrf) || req.get('x-csrf-token') || (typeof req.query._csrf === 'string' ? req.query._csrf : '');
  const expected = Buffer.from(req.session.csrfToken);
  const given = Buffer.from(String(sent));
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return next(new CsrfError());
  next();
}
