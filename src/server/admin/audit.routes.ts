import type { Request, Response } from 'express';
import type { AppContext } from '../context.ts';
import { get, type RouteSpec } from '../http/route-table.ts';

const PAGE_SIZE = 50;

export function auditRoutes(ctx: AppContext): RouteSpec[] {
  const list = async (req: Request, res: Response) => {
    const page = Math.max(1, Math.min(10_000, Number.parseInt(String(req.query.page ?? '1'), 10) || 1));
    const entries = await ctx.repositories.audit.latest(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
    const actorIds = [...new Set(entries.map((e) => e.actorId).filter((id): id is string => id !== null))];
    const names = new Map((await ctx.repositories.users.findByIds(actorIds)).map((u) => [u.id, u.displayName]));
    res.render('admin/audit', {
      title: 'admin.audit.title',
      entries: entries.slice(0, PAGE_SIZE).map((e) => ({ ...e, actorName: e.actorId ? (names.get(e.actorId) ?? e.actorId) : '', actionKey: `admin.audit.actions.${e.action}` })),
      page,
      previousPage: page > 1 ? page - 1 : null,
      nextPage: entries.length > PAGE_SIZE ? page + 1 : null,
    });
  };
  return [get('/admin/audit', ['admin'], list)];
}
