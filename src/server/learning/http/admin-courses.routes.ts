import type { Request, Response } from 'express';
import type { AppContext } from '../../context.ts';
import { get, post, type RouteSpec } from '../../http/route-table.ts';
import { importCourseLibrary } from '../../courses/import/import-course-library.ts';

/** /admin/courses: the imported modules and their versions, and a button to re-import courses/. */
export function adminCoursesRoutes(ctx: AppContext): RouteSpec[] {
  const list = async () =>
    Promise.all(
      (await ctx.learning.courses.listModules()).map(async (m) => ({ ...m, versions: (await ctx.learning.courses.versionHistory(m.id)).map((v) => ({ ...v, shortHash: v.contentHash.slice(0, 12) })) })),
    );

  const show = async (_req: Request, res: Response) => res.render('learning/admin-courses', { title: 'learning.admin.title', modules: await list() });

  const reimport = async (req: Request, res: Response) => {
    const report = await importCourseLibrary(ctx.database.db, ctx.config.coursesDir, ctx.clock);
    await ctx.repositories.audit.record({
      at: ctx.clock().toISOString(),
      action: 'courses_imported',
      actorId: req.session.userId ?? null,
      subject: null,
      ip: req.ip ?? null,
      details: `${report.created.length} new, ${report.unchanged.length} unchanged, ${report.kept.length} kept from the browser, ${report.conflicts.length} conflicts, ${report.errors.length} errors`,
    });
    res.render('learning/admin-courses', { title: 'learning.admin.title', modules: await list(), report, hasReport: true });
  };

  return [get('/admin/courses', ['admin'], show), post('/admin/courses/import', ['admin'], reimport)];
}
