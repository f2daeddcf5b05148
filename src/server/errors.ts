/**
 * The few errors the LMS raises on purpose. Each carries its HTTP status, a stable code and a
 * catalogue key; the error middleware renders them, translated. Anything else is a 500.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** i18n key of the message shown to the user. */
    readonly messageKey: string,
    /** Field name -> i18n key, for form errors tied to their fields. */
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(code);
  }
}

export class BadRequestError extends AppError {
  constructor(messageKey = 'errors.badRequest', fieldErrors: Record<string, string> = {}) {
    super(400, 'bad_request', messageKey, fieldErrors);
  }
}
export class UnauthorizedError extends AppError {
  constructor() {
    super(401, 'unauthorized', 'errors.unauthorized');
  }
}
export class ForbiddenError extends AppError {
  constructor(messageKey = 'errors.forbidden') {
    super(403, 'forbidden', messageKey);
  }
}
export class NotFoundError extends AppError {
  constructor(messageKey = 'errors.notFound') {
    super(404, 'not_found', messageKey);
  }
}
export class ConflictError extends AppError {
  constructor(messageKey: string, fieldErrors: Record<string, string> = {}) {
    super(409, 'conflict', messageKey, fieldErrors);
  }
}
export class PayloadTooLargeError extends AppError {
  constructor() {
    super(413, 'payload_too_large', 'errors.payloadTooLarge');
  }
}
export class TooManyRequestsError extends AppError {
  constructor(messageKey = 'errors.tooManyRequests') {
    super(429, 'too_many_requests', messageKey);
  }
}
