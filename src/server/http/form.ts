import type { Response } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.ts';

export type FieldErrors = Record<string, string>;
export type FormResult<T> = { ok: true; values: T } | { ok: false; errors: FieldErrors; values: Record<string, unknown> };

/**
 * Validates a form body against a schema. Each failing field maps to a catalogue key, taken
 * from the schema's message (schemas use keys, not prose, as messages).
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, values: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    errors[field] ??= issue.message.includes('.') ? issue.message : 'errors.required';
  }
  return { ok: false, errors, values: raw };
}

/** Common field shapes; messages are catalogue keys. */
export const fields = {
  text: (max: number) => z.string({ message: 'errors.required' }).trim().min(1, 'errors.required').max(max, 'errors.tooLong'),
  date: () =>
    z
      .string({ message: 'errors.required' })
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.invalidDate')
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'errors.invalidDate'),
};

/** Re-renders a form with its errors (400) or the domain error's status, keeping what was typed. */
export function renderFormErrors(res: Response, view: string, model: Record<string, unknown>, errors: FieldErrors, status = 400): void {
  res.status(status).render(view, { ...model, errors, hasErrors: true });
}

/** A domain error that belongs to a form field is shown on the form, not on an error page. */
export function formErrorsOf(err: unknown): { status: number; errors: FieldErrors } | null {
  if (err instanceof AppError && Object.keys(err.fieldErrors).length > 0) return { status: err.status, errors: err.fieldErrors };
  return null;
}

/** The request's origin for the audit log. */
export function originOf(req: { ip?: string; session: { userId?: string } }): { ip: string | null; actorId: string | null } {
  return { ip: req.ip ?? null, actorId: req.session.userId ?? null };
}
