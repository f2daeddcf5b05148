import type { NextFunction, Request, Response } from 'express';
import { AppError, BadRequestError, NotFoundError, PayloadTooLargeError } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** Errors thrown by body parsers (a type) and the router (URIError): ours, so they get a translated page. */
function fromBodyParser(err: unknown): AppError | null {
  const type = (err as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return new PayloadTooLargeError();
  if (typeof type === 'string' && type.startsWith('entity.')) return new BadRequestError();
  if (type === 'parameters.too.many') return new BadRequestError();
  // A path that is not valid percent-encoding (/verify/%E0%A4%A): the router cannot decode it.
  if (err instanceof URIError) return new BadRequestError();
  return null;
}

export function notFoundHandler(_req: Request, _res: Response, next: NextFunction): void {
  next(new NotFoundError());
}

/** One place turns errors into translated pages; a stack trace is logged, never shown. */
export function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const known = err instanceof AppError ? err : fromBodyParser(err);
    if (!known) logger.error(`${req.method} ${req.originalUrl} failed`, err);
    const status = known?.status ?? 500;
    const messageKey = known?.messageKey ?? 'errors.server';
    if (res.headersSent) return;
    res.status(status);
    if (req.accepts(['html', 'json']) === 'json') {
      res.json({ error: known?.code ?? 'server_error', message: (res.locals.t as (k: string) => string | undefined)?.(messageKey) ?? messageKey });
      return;
    }
    res.render('errors/error', { title: 'errors.title', status, messageKey }, (renderErr, html) => {
      if (renderErr) {
        logger.error('error page failed to render', renderErr);
        res.type('text/plain').send(`Error ${status}`);
        return;
      }
      res.send(html);
    });
  };
}
