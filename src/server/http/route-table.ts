import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Role } from '../accounts/roles.ts';

/** Who may call a route: anyone, any logged-in user, or the listed roles. Deny by default. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface RouteSpec {
  method: 'get' | 'post';
  path: string;
  access: Access;
  handler: (req: Request, res: Response, next: NextFunction) => unknown;
}

/** Shorthands that keep route lists readable. */
export const get = (path: string, access: Access, handler: RouteSpec['handler']): RouteSpec => ({ method: 'get', path, access, handler });
export const post = (path: string, access: Access, handler: RouteSpec['handler']): RouteSpec => ({ method: 'post', path, access, handler });

/** Express 5 forwards rejected promises to the error middleware; this keeps handler types simple. */
export function asHandler(handler: RouteSpec['handler']): RequestHandler {
  return (req, res, next) => handler(req, res, next) as void;
}
