import type { NextFunction, Request, Response } from 'express';
import { isLrsError } from '../errors.ts';

/** Turns any error under /xapi into an xAPI JSON error; unknown errors are 500 without details. */
export function xapiErrorHandler(onError?: (error: unknown) => void) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = isLrsError(error) ? error : undefined;
    const status = known?.status ?? 500;
    if (!known) onError?.(error);
    for (const [name, value] of Object.entries(known?.headers ?? {})) res.setHeader(name, value);
    // Refused bodies are not drained: close the connection instead of reading them.
    if (status === 413) res.setHeader('Connection', 'close');
    res.status(status).json({
      error: known?.code ?? 'internal_error',
      message: known?.message ?? 'Internal error',
    });
    void req;
  };
}
