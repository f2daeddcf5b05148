import type { Request, Response } from 'express';
import type { AppContext } from '../context.ts';
import { get, type RouteSpec } from '../http/route-table.ts';
import { tr } from '../http/locale.ts';
import { describeAuditEntry, idsNamedBy } from './audit-view.ts';

const PAGE_SIZE = 50;

export function auditRoutes(ctx: AppContext): RouteSpec[] {
  const list = async (req: Request, res: Response) => {
    const page = Math.max(1, Math.min(10_000, Number.parseInt(String(req.query.page ?? '1'), 10) || 1));
    const entries = await ctx.repositories.audit.latest(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
    const shown = entries.slice(0, PAGE_SIZE);
    const ids = [...new Set(shown.flatMap(idsNamedBy))];
    const people = new Map((await ctx.repositories.users.findByIds(ids)).map((u) => [u.id, `${u.displayName} (${u.login})`]));
    const groups = new Map((await ctx.repositories.cohorts.list()).map((c) => [c.id, c.name]));
    const names = { person: (id: string) => people.get(id), group: (id: string) => groups.get(id) };
    res.render('admin/audit', {
      title: 'admin.audit.title',
      entries: shown.map((e) => describeAuditEntry(e, names, tr(res))),
      page,
      previousPage: page > 1 ? page - 1 : null,
      nextPage: entries.length > PAGE_SIZE ? page + 1 : null,
    });
  };
  return [get('/admin/audit', ['admin'], list)];
}
