/**
 * The few errors the LRS answers with. Each carries its HTTP status and a stable code; the
 * router's error handler turns any of them into an xAPI JSON error.
 */
export class LrsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'LrsError';
  }
}

export const badRequest = (message: string, code = 'bad_request'): LrsError => new LrsError(400, code, message);
export const unauthorized = (message = 'Authentication required'): LrsError =>
  new LrsError(401, 'unauthorized', message, { 'WWW-Authenticate': 'Basic realm="xAPI"' });
export const forbidden = (message: string): LrsError => new LrsError(403, 'forbidden', message);
export const notFound = (message: string): LrsError => new LrsError(404, 'not_found', message);
export const conflict = (message: string): LrsError => new LrsError(409, 'conflict', message);
export const preconditionFailed = (message: string): LrsError => new LrsError(412, 'precondition_failed', message);
export const tooLarge = (limit: number): LrsError =>
  new LrsError(413, 'payload_too_large', `Request body is larger than ${limit} bytes`);

export function isLrsError(error: unknown): error is LrsError {
  return error instanceof LrsError;
}
