import type { Request, Response } from 'express';
import type { AppContext } from '../context.ts';
import { get, type RouteSpec } from '../http/route-table.ts';
import { learnerAgent } from '../xapi/actor.ts';
import { boardModules } from './board-data.ts';
import { cohortBoard } from './cohort-board.ts';
import { formatHours } from './format-duration.ts';
import { isLocale } from '../i18n/catalogue.ts';
import { parisDay, parisMidnightUtc, weekStart } from './paris-date.ts';
import { PartnerRepository } from './partner.repository.ts';
import { PARTNER_MIN_LEARNERS, partnerMaySeeFigures } from './partner-privacy.ts';

/**
 * The prison administration's follow-up: numbers per cohort and nothing else. No learner name,
 * answer, transcript or comment ever reaches this page (a test checks it), and a group of fewer
 * than PARTNER_MIN_LEARNERS learners shows no figure at all (partner-privacy.ts).
 */
export function partnerRoutes(ctx: AppContext): RouteSpec[] {
  const f = ctx.followup;
  const partner = new PartnerRepository(ctx.database.db);
  const baseUrl = ctx.config.instanceIri;

  /** Learners with at least one statement since Monday 00:00 (Paris): one indexed look-up each. */
  async function activeSince(userIds: readonly string[], since: string): Promise<number> {
    let active = 0;
    for (const id of userIds) {
      const page = await ctx.lrs.service.queryStatements({ agent: learnerAgent(baseUrl, id), since, limit: 1 });
      if (page.statements.length > 0) active += 1;
    }
    return active;
  }

  const show = async (_req: Request, res: Response) => {
    const locale = isLocale(res.locals.locale) ? res.locals.locale : 'fr';
    const since = new Date(parisMidnightUtc(weekStart(parisDay(ctx.clock()))) - 1).toISOString();
    const cohorts = await ctx.repositories.cohorts.list();
    const rows = [];
    for (const cohort of cohorts) {
      const learners = (await ctx.repositories.cohorts.members(cohort.id)).filter((m) => m.memberRole === 'learner');
      const ids = learners.map((l) => l.userId);
      if (!partnerMaySeeFigures(ids.length)) {
        rows.push({ ...cohort, masked: true });
        continue;
      }
      const [modules, progress, attendance, onlineSeconds, certificates, active] = await Promise.all([
        boardModules(f, cohort.id),
        f.board.progress(ids),
        f.attendance.totals(ids, cohort.startDate, cohort.endDate),
        partner.timeOnTaskSeconds(ids),
        partner.certificatesIssued(cohort.id),
        activeSince(ids, since),
      ]);
      const board = cohortBoard(
        learners.map((l) => ({ id: l.userId, name: '', login: '' })),
        modules,
        progress,
      );
      const attendanceHours = [...attendance.values()].reduce((s, t) => s + t.hours, 0);
      rows.push({
        ...cohort,
        masked: false,
        enrolled: ids.length,
        active,
        attendanceHours: formatHours(attendanceHours, locale),
        onlineHours: formatHours(Math.round((onlineSeconds / 3600) * 10) / 10, locale),
        modulesCompleted: board.reduce((s, r) => s + r.modulesCompleted, 0),
        modulesAssigned: modules.length * ids.length,
        certificates,
      });
    }
    res.render('followup/partner', { title: 'followup.partner.title', cohorts: rows, minLearners: PARTNER_MIN_LEARNERS });
  };

  return [get('/partner', ['partner'], show)];
}
