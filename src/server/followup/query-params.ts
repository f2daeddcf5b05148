import type { Request } from 'express';
import { BadRequestError } from '../errors.ts';
import { isIsoDay } from './paris-date.ts';

/** A single string query or body parameter; repeated or nested values are ignored. */
export function param(source: Request['query'] | Record<string, unknown>, name: string): string | undefined {
  const value = (source as Record<string, unknown>)[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** An optional 'YYYY-MM-DD' parameter; anything else is a translated 400. */
export function dayParam(source: Request['query'] | Record<string, unknown>, name: string): string | undefined {
  const value = param(source, name);
  if (value !== undefined && !isIsoDay(value)) throw new BadRequestError('followup.errors.badDate', { [name]: 'followup.errors.badDate' });
  return value;
}
