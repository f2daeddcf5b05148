import type { Request, Response } from 'express';
import type { AppContext } from '../context.ts';
import { get, type RouteSpec } from '../http/route-table.ts';
import { ROLES } from '../accounts/roles.ts';

export function adminHomeRoutes(ctx: AppContext): RouteSpec[] {
  const home = async (_req: Request, res: Response) => {
    const users = await ctx.repositories.users.list();
    const counts = ROLES.map((role) => ({ role, count: users.filter((u) => u.role === role && u.active).length }));
    const cohorts = await ctx.repositories.cohorts.list();
    res.render('admin/home', { title: 'admin.home.title', counts, cohortCount: cohorts.length });
  };
  return [get('/admin', ['admin'], home)];
}
