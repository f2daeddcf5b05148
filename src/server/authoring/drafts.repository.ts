import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { decodeFiles, encodeFiles, type ModuleFiles } from './draft-files.ts';

export interface Draft {
  moduleId: string;
  files: ModuleFiles;
  /** The published version it started from; null for a new module. */
  baseVersion: number | null;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
}

/** Drafts (commands: save, delete) and the source files of published versions (insert only). */
export class DraftsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(moduleId: string): Promise<Draft | undefined> {
    const row = await this.db.selectFrom('authoring_drafts').selectAll().where('module_id', '=', moduleId).executeTakeFirst();
    if (!row) return undefined;
    return {
      moduleId: row.module_id,
      files: decodeFiles(row.files_json),
      baseVersion: row.base_version === null ? null : Number(row.base_version),
      updatedBy: row.updated_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async list(): Promise<Array<{ moduleId: string; baseVersion: number | null; updatedAt: string }>> {
    const rows = await this.db.selectFrom('authoring_drafts').select(['module_id', 'base_version', 'updated_at']).orderBy('module_id').execute();
    return rows.map((r) => ({ moduleId: r.module_id, baseVersion: r.base_version === null ? null : Number(r.base_version), updatedAt: r.updated_at }));
  }

  /** Returns false when a draft of that module already exists (nothing written). */
  async create(moduleId: string, files: ModuleFiles, baseVersion: number | null, userId: string, now: string): Promise<boolean> {
    const result = await this.db
      .insertInto('authoring_drafts')
      .values({ module_id: moduleId, files_json: encodeFiles(files), base_version: baseVersion, updated_by: userId, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('module_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async saveFiles(moduleId: string, files: ModuleFiles, userId: string, now: string): Promise<void> {
    await this.db.updateTable('authoring_drafts').set({ files_json: encodeFiles(files), updated_by: userId, updated_at: now }).where('module_id', '=', moduleId).execute();
  }

  async delete(moduleId: string): Promise<void> {
    await this.db.deleteFrom('authoring_drafts').where('module_id', '=', moduleId).execute();
  }

  async versionFiles(moduleId: string, version: number): Promise<ModuleFiles | undefined> {
    const row = await this.db.selectFrom('authoring_version_files').select('files_json').where('module_id', '=', moduleId).where('version', '=', version).executeTakeFirst();
    return row ? decodeFiles(row.files_json) : undefined;
  }

  async saveVersionFiles(moduleId: string, version: number, files: ModuleFiles, now: string): Promise<void> {
    await this.db
      .insertInto('authoring_version_files')
      .values({ module_id: moduleId, version, files_json: encodeFiles(files), created_at: now })
      .onConflict((oc) => oc.columns(['module_id', 'version']).doNothing())
      .execute();
  }
}
