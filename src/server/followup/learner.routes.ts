import type { Request, Response } from 'express';
import type { AppContext } from '../context.ts';
import { get, type RouteSpec } from '../http/route-table.ts';
import { isLocale, translator } from '../i18n/catalogue.ts';
import { learnerAgent } from '../xapi/actor.ts';
import { boardModules } from './board-data.ts';
import { cohortBoard } from './cohort-board.ts';
import { learnerPageModel } from './learner-page.ts';
import { parisDay } from './paris-date.ts';
import { accountUserId } from './statement-reading.ts';
import { timeAllowanceView } from '../adaptations/http/time-allowance-view.ts';

const TIMELINE_LENGTH = 40;

/** One learner, as their trainer follows them: timeline, competencies, time per week, calls. */
export function learnerRoutes(ctx: AppContext): RouteSpec[] {
  const f = ctx.followup;
  const baseUrl = ctx.config.instanceIri;

  const show = async (req: Request, res: Response) => {
    const { learner, cohort } = await f.scope.learner(req.session.userId as string, String(req.params.id));
    const locale = isLocale(res.locals.locale) ? res.locals.locale : 'fr';
    const [modules, progress, digest, recent, reviews, attendanceHours, titles] = await Promise.all([
      boardModules(f, cohort.id),
      f.board.progress([learner.id]),
      f.digests.digest(learner.id),
      ctx.lrs.service.queryStatements({ agent: learnerAgent(baseUrl, learner.id), limit: TIMELINE_LENGTH }),
      ctx.calls.reviews.listForLearner(learner.id),
      f.attendance.attendanceHours(learner.id, cohort.startDate, cohort.endDate),
      f.catalogue.activityTitles(),
    ]);
    const [row] = cohortBoard([{ id: learner.id, name: learner.displayName, login: learner.login }], modules, progress);
    const model = learnerPageModel({
      row,
      modules,
      digest,
      framework: await f.framework(),
      recent: recent.statements,
      reviews,
      attendanceHours,
      titles,
      names: {
        actor: (agent) => (accountUserId(agent, baseUrl) === learner.id ? learner.displayName : undefined),
        activity: (id) => titles.get(id),
      },
      today: parisDay(ctx.clock()),
      cohortStart: cohort.startDate,
      callsPage: /^\d{1,6}$/.test(String(req.query.calls ?? '')) ? Number(req.query.calls) : 1,
      pageHref: `/trainer/learners/${encodeURIComponent(learner.id)}`,
      locale,
      t: translator(locale),
    });
    const allowance = timeAllowanceView(await ctx.adaptations.timeAllowanceOf(learner.id), req.query.allowance);
    res.render('followup/learner', { title: 'followup.learnerPage.title', learner, cohort, ...model, allowance });
  };

  return [get('/trainer/learners/:id', ['trainer'], show)];
}
