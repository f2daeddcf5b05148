import type { Request, Response } from 'express';
import type { AppContext } from '../context.ts';
import { get, type RouteSpec } from '../http/route-table.ts';

/** The partner's home until its own area takes over: real data, a simple page. */
export function homeRoutes(ctx: AppContext): RouteSpec[] {
  const { cohorts } = ctx.repositories;

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
    get('/partner', ['partner'], partnerHome),
  ];
}
