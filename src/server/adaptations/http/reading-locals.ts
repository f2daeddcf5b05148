import type { NextFunction, Request, Response } from 'express';
import type { AppContext } from '../../context.ts';
import { DEFAULT_READING, readingClasses } from '../reading-preferences.ts';

/**
 * Puts the logged-in user's reading preferences on every page: the <html> classes (text size,
 * line spacing) and the pace the "Écouter" controls use (res.locals.reading).
 */
export function readingLocals(ctx: AppContext) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const reading = req.session.userId && res.locals.user ? await ctx.adaptations.readingPreferencesOf(req.session.userId) : DEFAULT_READING;
    res.locals.reading = { ...reading, classes: readingClasses(reading) };
    next();
  };
}
