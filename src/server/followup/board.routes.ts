import type { Request, Response } from 'express';
import type { AppContext } from '../context.ts';
import { BadRequestError } from '../errors.ts';
import { get, type RouteSpec } from '../http/route-table.ts';
import { isLocale, translator } from '../i18n/catalogue.ts';
import { loadCohortBoard } from './board-data.ts';
import { boardView } from './board-view.ts';
import { readSort, sortBoard } from './cohort-board.ts';
import { csvFileName, toCsv } from './csv.ts';
import { parisDateTime } from './paris-date.ts';
import { param } from './query-params.ts';

/** The trainer's home: the cohort board, sortable without script, and its CSV export. */
export function boardRoutes(ctx: AppContext): RouteSpec[] {
  const { scope } = ctx.followup;
  const localeOf = (res: Response) => (isLocale(res.locals.locale) ? res.locals.locale : 'fr');

  const show = async (req: Request, res: Response) => {
    const s = await scope.cohort(req.session.userId as string, param(req.query, 'cohort'));
    if (!s) return res.render('followup/no-cohort', { title: 'followup.board.title' });
    const data = await loadCohortBoard(ctx.followup, s);
    const sort = readSort(req.query.sort, req.query.dir, data.modules.map((m) => m.id));
    const t = translator(localeOf(res));
    res.render('followup/board', {
      title: 'followup.board.title',
      // Full window width: 24 learners by every module of the group on one screen.
      pageClass: 'page-wide',
      cohort: s.cohort,
      cohorts: s.cohorts,
      sort,
      csvUrl: `/trainer/board.csv?cohort=${encodeURIComponent(s.cohort.id)}&sort=${encodeURIComponent(sort.key)}&dir=${sort.dir}`,
      ...boardView(data, s.cohort.id, sort, t),
    });
  };

  /** One line per learner and module (long format: easy to pivot in a spreadsheet). */
  const exportCsv = async (req: Request, res: Response) => {
    const s = await scope.cohort(req.session.userId as string, param(req.query, 'cohort'));
    if (!s) throw new BadRequestError('followup.errors.noCohort');
    const data = await loadCohortBoard(ctx.followup, s);
    const sort = readSort(req.query.sort, req.query.dir, data.modules.map((m) => m.id));
    const t = translator(localeOf(res));
    const titles = new Map(data.modules.map((m) => [m.id, m.title]));
    const header = ['learner', 'login', 'module', 'status', 'done', 'progress', 'score', 'minutes', 'last'].map((k) => t(`followup.board.csv.${k}`));
    const lines = sortBoard(data.rows, sort.key, sort.dir).flatMap((row) =>
      row.cells.map((c) => [
        row.learner.name,
        row.learner.login,
        titles.get(c.moduleId) ?? c.moduleId,
        t(`followup.board.status.${c.status}`),
        `${c.done}/${c.total}`,
        Math.round(c.fraction * 100),
        c.scoreScaled === null ? '' : Math.round(c.scoreScaled * 100),
        Math.round(c.durationSeconds / 60),
        c.lastActivity ? parisDateTime(new Date(c.lastActivity)) : '',
      ]),
    );
    res.type('text/csv; charset=utf-8').attachment(csvFileName(t('followup.board.csv.file'), s.cohort.name)).send(toCsv(header, lines));
  };

  return [get('/trainer', ['trainer'], show), get('/trainer/board.csv', ['trainer'], exportCsv)];
}
