import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../clock.ts';
import { systemClock } from '../../clock.ts';
import type { SourceError } from '../format/source-error.ts';
import type { ParsedModule } from '../format/parse-library.ts';
import { loadCourseLibrary } from '../load-library.ts';
import { CourseRepository } from './course-repository.ts';
import { FrameworkRepository } from './framework-repository.ts';

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
  /** Latest version published in the browser, folder unchanged since the last import: kept as is. */
  kept: Array<{ moduleId: string; version: number }>;
  /** Folder changed since the last import while the latest version came from the browser: kept, to be resolved by a trainer. */
  conflicts: Array<{ moduleId: string; keptVersion: number; diskHash: string }>;
  /** Modules in the database that are no longer in the folder (kept: learners may use them). */
  missing: string[];
  /** Modules with errors are not imported; the others are. */
  errors: SourceError[];
  /** The stored framework version now current (new or unchanged); null when competences.yaml did not parse. */
  frameworkVersion: number | null;
}

/**
 * Imports courses/ as immutable versions: a module gets a new version only when its content
 * hash differs from its latest version AND that latest version came from disk. A version
 * published in the browser is never replaced by an import: if the folder changed since the last
 * import, that is recorded as a conflict for the trainer (docs/authoring.md "Source of truth").
 * Run at start-up, and from the CLI and admin page.
 */
export async function importCourseLibrary(
  db: Kysely<Database>,
  coursesDir: string,
  clock: Clock = systemClock,
): Promise<ImportReport> {
  const library = await loadCourseLibrary(coursesDir);
  // One import, one time: the framework and the modules it brings are dated alike.
  const at = clock();
  // The framework first: the modules' labels were copied from it, and every reader takes it from here.
  const frameworkVersion = library.framework ? await new FrameworkRepository(db).record(library.framework, at.toISOString()) : null;
  const report = await importParsedModules(db, library.modules, () => at);
  return { ...report, frameworkVersion, errors: library.errors };
}

export async function importParsedModules(db: Kysely<Database>, modules: readonly ParsedModule[], clock: Clock = systemClock): Promise<Omit<ImportReport, 'errors' | 'frameworkVersion'>> {
  const report: Omit<ImportReport, 'errors' | 'frameworkVersion'> = { created: [], unchanged: [], kept: [], conflicts: [], missing: [] };
  for (const parsed of modules) {
    const outcome = await db.transaction().execute((trx) => importOne(new CourseRepository(trx), parsed, clock().toISOString()));
    if (outcome.kind === 'created') report.created.push(outcome.imported);
    else if (outcome.kind === 'unchanged') report.unchanged.push({ moduleId: outcome.imported.moduleId, version: outcome.imported.version });
    else if (outcome.kind === 'kept') report.kept.push({ moduleId: outcome.imported.moduleId, version: outcome.imported.version });
    else report.conflicts.push({ moduleId: outcome.imported.moduleId, keptVersion: outcome.imported.version, diskHash: parsed.module.contentHash });
  }
  const onDisk = new Set(modules.map((m) => m.module.id));
  report.missing = (await new CourseRepository(db).listModules()).map((m) => m.id).filter((id) => !onDisk.has(id));
  return report;
}

type Outcome = { kind: 'created' | 'unchanged' | 'kept' | 'conflict'; imported: ImportedVersion };

async function importOne(repo: CourseRepository, { module, assets }: ParsedModule, now: string): Promise<Outcome> {
  // Two instances starting together may race for the same number: retry on the next one.
  for (;;) {
    const latest = await repo.latestVersion(module.id);
    if (latest && latest.contentHash === module.contentHash) {
      await repo.recordDiskHash(module.id, module.contentHash, now);
      await repo.clearConflict(module.id);
      return { kind: 'unchanged', imported: { moduleId: module.id, version: latest.version, contentHash: latest.contentHash } };
    }
    if (latest && latest.origin === 'authoring') {
      const kept = { moduleId: module.id, version: latest.version, contentHash: latest.contentHash };
      // The folder says nothing new since it was last dealt with: the browser's work stands.
      if ((await repo.lastDiskHash(module.id)) === module.contentHash) {
        await repo.clearConflict(module.id);
        return { kind: 'kept', imported: kept };
      }
      // Both changed: never overwrite the trainer's version; a trainer resolves it.
      await repo.recordConflict(module.id, module.contentHash, latest.version, now);
      return { kind: 'conflict', imported: kept };
    }
    const version = (latest?.version ?? 0) + 1;
    await repo.insertAssets(assets, now);
    if (await repo.insertVersion(module, version, now, 'disk')) {
      await repo.recordDiskHash(module.id, module.contentHash, now);
      return {
        kind: 'created',
        imported: { moduleId: module.id, version, contentHash: module.contentHash, ...(latest ? { previousVersion: latest.version } : {}) },
      };
    }
  }
}
