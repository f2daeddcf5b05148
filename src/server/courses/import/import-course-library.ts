import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.ts';
import { systemClock } from '../../clock.ts';
import type { SourceError } from '../format/source-error.ts';
import type { ParsedModule } from '../format/parse-library.ts';
import { loadCourseLibrary } from '../load-library.ts';
import { CourseRepository } from './course-repository.ts';

export interface ImportedVersion {
  moduleId: string;
  version: number;
  contentHash: string;
  /** The version it replaces as the latest; absent for a new module. */
  previousVersion?: number;
}

export interface ImportReport {
  /** New versions made because the content changed (or the module is new). */
  created: ImportedVersion[];
  /** Modules whose content hash equals their latest version's. */
  unchanged: Array<{ moduleId: string; version: number }>;
  /** Modules in the database that are no longer in the folder (kept: learners may use them). */
  missing: string[];
  /** Modules with errors are not imported; the others are. */
  errors: SourceError[];
}

/**
 * Imports courses/ as immutable versions: a module gets a new version only when its content
 * hash differs from its latest version. Run at start-up, and from the CLI and admin page.
 */
export async function importCourseLibrary(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  coursesDir: string,
  clock: Clock = systemClock,
): Promise<ImportReport> {
  const library = await loadCourseLibrary(coursesDir);
  const report = await importParsedModules(db, library.modules, clock);
  return { ...report, errors: library.errors };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function importParsedModules(db: Kysely<any>, modules: readonly ParsedModule[], clock: Clock = systemClock): Promise<Omit<ImportReport, 'errors'>> {
  const report: Omit<ImportReport, 'errors'> = { created: [], unchanged: [], missing: [] };
  for (const parsed of modules) {
    const outcome = await db.transaction().execute((trx) => importOne(new CourseRepository(trx), parsed, clock().toISOString()));
    if (outcome.created) report.created.push(outcome.imported);
    else report.unchanged.push({ moduleId: outcome.imported.moduleId, version: outcome.imported.version });
  }
  const onDisk = new Set(modules.map((m) => m.module.id));
  report.missing = (await new CourseRepository(db).listModules()).map((m) => m.id).filter((id) => !onDisk.has(id));
  return report;
}

async function importOne(repo: CourseRepository, { module, assets }: ParsedModule, now: string): Promise<{ created: boolean; imported: ImportedVersion }> {
  // Two instances starting together may race for the same number: retry on the next one.
  for (;;) {
    const latest = await repo.latestVersion(module.id);
    if (latest && latest.contentHash === module.contentHash) {
      return { created: false, imported: { moduleId: module.id, version: latest.version, contentHash: latest.contentHash } };
    }
    const version = (latest?.version ?? 0) + 1;
    await repo.insertAssets(assets, now);
    if (await repo.insertVersion(module, version, now)) {
      return {
        created: true,
        imported: { moduleId: module.id, version, contentHash: module.contentHash, ...(latest ? { previousVersion: latest.version } : {}) },
      };
    }
  }
}
