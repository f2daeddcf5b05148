import type { Request, Response } from 'express';
import type { AppContext } from '../context.ts';
import { get, type RouteSpec } from '../http/route-table.ts';

/** The learner's and partner's homes until their own areas take over: real data, simple pages. */
export function homeRoutes(ctx: AppContext): RouteSpec[] {
  const { cohorts } = ctx.repositories;

  const learnerHome = async (req: Request, res: Response) => {
    const mine = await cohorts.cohortsOf(req.session.userId as string);
    res.render('home/learner', { title: 'home.learner.title', cohorts: mine });
  };

  const partnerHome = async (_req: Request, res: Response) => {
    const all = await cohorts.list();
    const rows = await Promise.all(
      all.map(async (c) => {
        const members = await cohorts.members(c.id);
        return { ...c, enrolled: members.filter((m) => m.memberRole === 'learner').length };
      }),
    );
    res.render('home/partner', { title: 'home.partner.title', cohorts: rows });
  };

  return [
    get('/learner', ['learner'], learnerHome),
    get('/partner', ['partner'], partnerHome),
  ];
}
