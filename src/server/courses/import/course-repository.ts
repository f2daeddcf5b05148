import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ModuleVersion } from '../format/types.ts';
import type { ModuleAsset } from '../format/parse-module-folder.ts';
import type { CourseModuleSummary, CourseVersion, ImportConflict, VersionOrigin, StoredAsset } from './course-version.ts';
import type { CourseImportConflictsTable, CourseVersionsTable } from './courses.tables.ts';

type Db = Kysely<Database>;
type VersionRow = Selectable<CourseVersionsTable>;

function toVersion(row: VersionRow): CourseVersion {
  return {
    moduleId: row.module_id,
    version: Number(row.version),
    contentHash: row.content_hash,
    createdAt: row.created_at,
    origin: row.origin === 'authoring' ? 'authoring' : 'disk',
    content: JSON.parse(row.content) as ModuleVersion,
  };
}

function toConflict(row: Selectable<CourseImportConflictsTable>): ImportConflict {
  return { moduleId: row.module_id, diskHash: row.disk_hash, keptVersion: Number(row.kept_version), draftFromDisk: Number(row.draft_from_disk) === 1, detectedAt: row.detected_at };
}

/**
 * Storage of course versions. Versions and assets are only ever inserted, never updated:
 * a learner's attempt points at (module, version) and must find the same content forever.
 * Takes the LMS's handle or a transaction on it.
 */
export class CourseRepository {
  constructor(private readonly db: Db) {}

  async latestVersion(moduleId: string): Promise<CourseVersion | undefined> {
    const row = await this.db.selectFrom('course_versions').selectAll().where('module_id', '=', moduleId).orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row ? toVersion(row) : undefined;
  }

  async version(moduleId: string, version: number): Promise<CourseVersion | undefined> {
    const row = await this.db.selectFrom('course_versions').selectAll().where('module_id', '=', moduleId).where('version', '=', version).executeTakeFirst();
    return row ? toVersion(row) : undefined;
  }

  /** Version numbers and hashes of a module, oldest first (no content: cheap). */
  async versionHistory(moduleId: string): Promise<Array<{ version: number; contentHash: string; createdAt: string }>> {
    const rows = await this.db.selectFrom('course_versions').select(['version', 'content_hash', 'created_at']).where('module_id', '=', moduleId).orderBy('version', 'asc').execute();
    return rows.map((r) => ({ version: Number(r.version), contentHash: r.content_hash, createdAt: r.created_at }));
  }

  async listModules(): Promise<CourseModuleSummary[]> {
    const rows = await this.db.selectFrom('course_modules').selectAll().orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, title: r.title, summary: r.summary, latestVersion: Number(r.latest_version), createdAt: r.created_at, updatedAt: r.updated_at }));
  }

  async asset(sha256: string): Promise<StoredAsset | undefined> {
    const row = await this.db.selectFrom('course_assets').select(['sha256', 'media_type', 'data_base64']).where('sha256', '=', sha256).executeTakeFirst();
    return row ? { sha256: row.sha256, mediaType: row.media_type, data: Buffer.from(row.data_base64, 'base64') } : undefined;
  }

  /**
   * Adds version `version` of the module. Returns false when that number is already taken
   * (another instance imported at the same moment): the caller re-reads instead of failing.
   */
  async insertVersion(content: ModuleVersion, version: number, createdAt: string, origin: VersionOrigin = 'disk'): Promise<boolean> {
    const summary = { title: content.title, summary: content.summary, latest_version: version, updated_at: createdAt };
    await this.db
      .insertInto('course_modules')
      .values({ id: content.id, ...summary, created_at: createdAt })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const inserted = await this.db
      .insertInto('course_versions')
      .values({ module_id: content.id, version, content_hash: content.contentHash, format_version: content.formatVersion, content: JSON.stringify(content), created_at: createdAt, origin })
      .onConflict((oc) => oc.columns(['module_id', 'version']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    await this.db.updateTable('course_modules').set(summary).where('id', '=', content.id).where('latest_version', '<', version).execute();
    return true;
  }

  async insertAssets(assets: readonly ModuleAsset[], createdAt: string): Promise<void> {
    for (const a of assets) {
      await this.db
        .insertInto('course_assets')
        .values({ sha256: a.sha256, media_type: a.mediaType, bytes: a.bytes, data_base64: a.data.toString('base64'), created_at: createdAt })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
    }
  }

  /**
   * The hash of courses/<module> the import last dealt with; for a database from before that
   * was recorded, the hash of the newest version imported from disk.
   */
  async lastDiskHash(moduleId: string): Promise<string | undefined> {
    const recorded = await this.db.selectFrom('course_disk_imports').select('content_hash').where('module_id', '=', moduleId).executeTakeFirst();
    if (recorded) return recorded.content_hash;
    const imported = await this.db.selectFrom('course_versions').select('content_hash').where('module_id', '=', moduleId).where('origin', '=', 'disk').orderBy('version', 'desc').limit(1).executeTakeFirst();
    return imported?.content_hash;
  }

  async recordDiskHash(moduleId: string, contentHash: string, now: string): Promise<void> {
    await this.db
      .insertInto('course_disk_imports')
      .values({ module_id: moduleId, content_hash: contentHash, recorded_at: now })
      .onConflict((oc) => oc.column('module_id').doUpdateSet({ content_hash: contentHash, recorded_at: now }))
      .execute();
  }

  /** Records (or refreshes) a conflict; a new disk hash forgets that a draft was made from the old one. */
  async recordConflict(moduleId: string, diskHash: string, keptVersion: number, now: string): Promise<void> {
    const existing = await this.conflict(moduleId);
    if (existing && existing.diskHash === diskHash && existing.keptVersion === keptVersion) return;
    await this.db
      .insertInto('course_import_conflicts')
      .values({ module_id: moduleId, disk_hash: diskHash, kept_version: keptVersion, draft_from_disk: 0, detected_at: now })
      .onConflict((oc) => oc.column('module_id').doUpdateSet({ disk_hash: diskHash, kept_version: keptVersion, draft_from_disk: 0, detected_at: now }))
      .execute();
  }

  async conflict(moduleId: string): Promise<ImportConflict | undefined> {
    const row = await this.db.selectFrom('course_import_conflicts').selectAll().where('module_id', '=', moduleId).executeTakeFirst();
    return row ? toConflict(row) : undefined;
  }

  async listConflicts(): Promise<ImportConflict[]> {
    const rows = await this.db.selectFrom('course_import_conflicts').selectAll().orderBy('module_id').execute();
    return rows.map(toConflict);
  }

  async setConflictDraft(moduleId: string, fromDisk: boolean): Promise<void> {
    await this.db.updateTable('course_import_conflicts').set({ draft_from_disk: fromDisk ? 1 : 0 }).where('module_id', '=', moduleId).execute();
  }

  async clearConflict(moduleId: string): Promise<void> {
    await this.db.deleteFrom('course_import_conflicts').where('module_id', '=', moduleId).execute();
  }
}
