import type { AppContext } from '../../context.ts';
import { importCourseLibrary } from '../../courses/import/import-course-library.ts';

/** The order a trainer would follow: inbound calls first, GDPR alongside. Others come after. */
const DEMO_ORDER = ['accueil-appels-entrants', 'clients-mecontents', 'appels-sortants', 'relation-client-ecrite', 'back-office', 'confidentialite-rgpd'];

/**
 * Gives the demo cohort every imported module, in the order above, when it has none yet
 * (a trainer's later choices are never overwritten). Imports courses/ first if nothing is.
 */
export async function assignDemoModules(ctx: AppContext, cohortId: string): Promise<number> {
  if ((await ctx.learning.assignments.forCohort(cohortId)).length > 0) return 0;
  let modules = await ctx.learning.courses.listModules();
  if (modules.length === 0) {
    await importCourseLibrary(ctx.database.db, ctx.config.coursesDir, ctx.clock);
    modules = await ctx.learning.courses.listModules();
  }
  const rank = (id: string) => (DEMO_ORDER.includes(id) ? DEMO_ORDER.indexOf(id) : DEMO_ORDER.length);
  const ordered = [...modules].sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
  await ctx.learning.assignment.assign(
    cohortId,
    ordered.map((m, i) => ({ moduleId: m.id, position: i + 1, prerequisiteModuleId: null })),
  );
  return ordered.length;
}
