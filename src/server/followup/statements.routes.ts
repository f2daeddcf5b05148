import type { Request, Response } from 'express';
import { LrsError, type Statement } from '../../lrs/index.ts';
import type { AppContext } from '../context.ts';
import { BadRequestError, ForbiddenError, NotFoundError } from '../errors.ts';
import { get, type RouteSpec } from '../http/route-table.ts';
import { isLocale, translator } from '../i18n/catalogue.ts';
import { VERBS } from '../xapi/vocabulary.ts';
import { filterQueryString, lrsQuery, readFilters, type BrowserFilters } from './statement-browser.ts';
import { statementSentence } from './statement-sentence.ts';
import { accountUserId } from './statement-reading.ts';

/**
 * The statement browser: admins see every statement; trainers see one learner of their cohorts
 * at a time, and a page that would show anyone else is refused.
 */
export function statementsRoutes(ctx: AppContext): RouteSpec[] {
  const { scope, catalogue } = ctx.followup;
  const baseUrl = ctx.config.instanceIri;

  async function learnersFor(req: Request, filters: BrowserFilters, admin: boolean) {
    if (admin) {
      const all = await ctx.repositories.users.list({ role: 'learner' });
      if (filters.learner && !all.some((u) => u.id === filters.learner)) throw new NotFoundError('followup.errors.learnerNotFound');
      return all.map((u) => ({ id: u.id, name: u.displayName }));
    }
    const trainerId = req.session.userId as string;
    if (filters.learner) await scope.learner(trainerId, filters.learner);
    const cohorts = await scope.cohortsOf(trainerId);
    const seen = new Map<string, string>();
    for (const c of cohorts) for (const m of await ctx.repositories.cohorts.members(c.id)) if (m.memberRole === 'learner') seen.set(m.userId, m.displayName);
    return [...seen].map(([id, name]) => ({ id, name }));
  }

  async function fetchPage(filters: BrowserFilters): Promise<{ statements: Statement[]; more?: string }> {
    try {
      return await ctx.lrs.service.queryStatements(lrsQuery(filters, baseUrl));
    } catch (err) {
      if (err instanceof LrsError && err.status < 500) throw new BadRequestError('followup.statements.errors.more');
      throw err;
    }
  }

  const browse = (admin: boolean) => async (req: Request, res: Response) => {
    const filters = readFilters(req.query);
    const learners = await learnersFor(req, filters, admin);
    const locale = isLocale(res.locals.locale) ? res.locals.locale : 'fr';
    const t = translator(locale);
    const path = admin ? '/admin/statements' : '/trainer/statements';
    const base = { title: 'followup.statements.title', path, learners, filters, verbs: verbOptions(locale), activities: await activityOptions() };
    // A trainer always browses one learner: the LRS cannot filter on "any of my learners".
    if (!admin && !filters.learner) return res.render('followup/statements', { ...base, chooseLearner: true });
    const page = await fetchPage(filters);
    if (!admin && page.statements.some((s) => accountUserId(s.actor, baseUrl) !== filters.learner)) throw new ForbiddenError('followup.errors.notYourLearner');
    const names = new Map(learners.map((l) => [l.id, l.name]));
    const titles = await catalogue.activityTitles();
    const sentenceNames = {
      actor: (agent: unknown) => names.get(accountUserId(agent, baseUrl) ?? ''),
      activity: (id: string) => titles.get(id),
    };
    const rows = page.statements.map((s) => ({
      id: s.id,
      at: s.timestamp,
      stored: s.stored,
      sentence: statementSentence(s, sentenceNames, locale, t),
      json: JSON.stringify(s, null, 2),
    }));
    res.render('followup/statements', {
      ...base,
      rows,
      nextUrl: page.more ? `${path}?${filterQueryString(filters, page.more)}` : null,
      firstUrl: filters.more ? `${path}?${filterQueryString(filters)}` : null,
    });
  };

  function verbOptions(locale: 'fr' | 'en') {
    return Object.values(VERBS).map((v) => ({ id: v.id, label: v[locale] }));
  }

  async function activityOptions() {
    const modules = await catalogue.modules();
    const ids = ctx.followup.activityIds;
    return modules.map((m) => ({ label: m.title, id: ids.module(m.id), items: m.items.map((i) => ({ id: ids.item(m.id, i.id), label: i.title })) }));
  }

  return [get('/trainer/statements', ['trainer'], browse(false)), get('/admin/statements', ['admin'], browse(true))];
}
