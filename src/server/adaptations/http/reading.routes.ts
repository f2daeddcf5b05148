import type { Request, Response } from 'express';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { get, post, type RouteSpec } from '../../http/route-table.ts';
import { LINE_SPACINGS, TEXT_SIZES, type ReadingPreferences } from '../reading-preferences.ts';
import { SPEECH_PACES } from '../../speech/speech-pace.ts';
import { allowanceOfFactor, timeFactorOf } from '../time-allowance.ts';

const choices = <T extends string>(values: readonly T[], current: T, prefix: string) => values.map((value) => ({ value, labelKey: `${prefix}.${value}`, checked: value === current }));

/** "Confort de lecture": the learner's text size, line spacing and read-aloud pace; their "temps adapté", read only. */
export function readingRoutes(ctx: AppContext): RouteSpec[] {
  const render = async (req: Request, res: Response, p: ReadingPreferences, extra: Record<string, unknown> = {}, status = 200) => {
    const userId = req.session.userId as string;
    const allowance = allowanceOfFactor(timeFactorOf(await ctx.adaptations.timeAllowanceOf(userId)));
    res.status(status).render('adaptations/reading', {
      title: 'adaptations.reading.title',
      textSizes: choices(TEXT_SIZES, p.textSize, 'adaptations.reading.textSize'),
      lineSpacings: choices(LINE_SPACINGS, p.lineSpacing, 'adaptations.reading.lineSpacing'),
      paces: choices(SPEECH_PACES, p.speechPace, 'adaptations.reading.pace'),
      allowanceKey: `adaptations.allowance.${allowance}`,
      isLearner: req.session.role === 'learner',
      ...extra,
    });
  };
  const show = async (req: Request, res: Response) => render(req, res, await ctx.adaptations.readingPreferencesOf(req.session.userId as string), { saved: req.query.saved === '1' });
  const save = async (req: Request, res: Response) => {
    const userId = req.session.userId as string;
    try {
      await ctx.adaptations.setReadingPreferences(userId, (req.body ?? {}) as Record<string, unknown>);
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 400) throw error;
      return render(req, res, await ctx.adaptations.readingPreferencesOf(userId), { errorKey: error.messageKey }, 400);
    }
    res.redirect(303, '/account/reading?saved=1');
  };
  return [get('/account/reading', 'authenticated', show), post('/account/reading', 'authenticated', save)];
}
