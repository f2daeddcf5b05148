import type { NextFunction, Request, Response } from 'express';
import { BadRequestError } from '../errors.ts';

// C0 controls but tab, line feed and carriage return (typed in text areas), and DEL.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function holdsControl(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return CONTROL.test(value);
  if (depth > 5 || value === null || typeof value !== 'object') return false;
  return Object.entries(value as Record<string, unknown>).some(([k, v]) => CONTROL.test(k) || holdsControl(v, depth + 1));
}

/**
 * One guard for every form and query: a NUL byte made PostgreSQL refuse the text and the page
 * answer 500 (issue 13), and no field of ours has a use for control characters. The request
 * gets a translated 400 before any route reads it, so nothing is stored.
 */
export function rejectControlCharacters(req: Request, _res: Response, next: NextFunction): void {
  if (holdsControl(req.query) || holdsControl(req.body) || CONTROL.test(decodeURIComponentSafe(req.path))) {
    return next(new BadRequestError('errors.controlCharacters'));
  }
  next();
}

function decodeURIComponentSafe(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
