import type { Request } from 'express';
import type { AppContext } from '../../context.ts';
import type { AuthoringService } from '../authoring.service.ts';

export const AUTHORS = ['trainer', 'admin'] as const;

/** The app's authoring service (built with the context). */
export function authoringOf(ctx: AppContext): AuthoringService {
  return ctx.authoring;
}

export const userOf = (req: Request): string => req.session.userId as string;
export const moduleIdOf = (req: Request): string => String(req.params.moduleId);
export const base = (moduleId: string): string => `/trainer/authoring/${encodeURIComponent(moduleId)}`;

/** First value of a form or query field, as text. */
export function field(source: unknown, name: string): string {
  const value = source && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

export function fieldList(source: unknown, name: string): string[] {
  const value = source && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
}
