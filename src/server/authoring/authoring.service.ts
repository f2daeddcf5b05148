import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Clock } from '../clock.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { CompetencyFramework } from '../courses/format/types.ts';
import type { CompetencyFrameworks } from '../courses/current-framework.ts';
import { MODULE_FILE, parseModuleFolder, type ModuleResult } from '../courses/format/parse-module-folder.ts';
import { isSourceText } from '../courses/format/media-types.ts';
import { CourseRepository } from '../courses/import/course-repository.ts';
import type { ImportConflict } from '../courses/import/course-version.ts';
import { readCourseFiles } from '../courses/read-course-files.ts';
import { DraftsRepository, type Draft } from './drafts.repository.ts';
import { fromTextarea, type ModuleFiles } from './draft-files.ts';
import { appendItem, newModuleYaml, readMetadata, setMetadata, type ModuleMetadata } from './module-yaml.ts';
import { itemFilePath, itemTemplate, type ItemType } from './item-templates.ts';
import { readModuleZip } from './module-zip.ts';

/** A validation message located in the draft: `path` is relative to the module folder. */
export interface DraftError {
  path: string;
  line?: number;
  message: string;
}

export type Validation = { ok: true; result: Extract<ModuleResult, { ok: true }> } | { ok: false; errors: DraftError[] };
export type PublishOutcome = { status: 'published'; version: number } | { status: 'unchanged'; version: number } | { status: 'invalid'; errors: DraftError[] };
export type ImportOutcome = { status: 'draft'; moduleId: string } | { status: 'published'; moduleId: string; version: number } | { status: 'unchanged'; moduleId: string; version: number } | { status: 'invalid'; errors: DraftError[] };

/** updated_by of a draft the start-up import loaded from a conflicting courses/ folder. */
export const IMPORT_AUTHOR = 'courses/';

/** Paths a trainer may create in a folder: the layout of courses/ (no leading dot, no ".."). */
const EDITABLE_PATH = /^(?:[a-z0-9][a-z0-9_-]*\/)?[a-z0-9][a-z0-9._-]*\.(?:md|yaml|yml)$/;

export function isEditablePath(p: string): boolean {
  return EDITABLE_PATH.test(p) && !p.includes('..');
}

/**
 * Drafts of module folders, their validation by the same pure parser as courses/, and
 * publication as immutable course versions.
 */
export class AuthoringService {
  private readonly drafts: DraftsRepository;
  private readonly courses: CourseRepository;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly coursesDir: string,
    private readonly frameworks: CompetencyFrameworks,
    private readonly clock: Clock,
  ) {
    this.drafts = new DraftsRepository(db);
    this.courses = new CourseRepository(db);
  }

  /** The framework every module refers to, as the last import of courses/ stored it. */
  framework(): Promise<CompetencyFramework> {
    return this.frameworks.framework();
  }

  async validate(moduleId: string, files: ModuleFiles): Promise<Validation> {
    const result = parseModuleFolder(files, { folder: moduleId, framework: await this.framework() });
    if (result.ok) return { ok: true, result };
    const prefix = `${moduleId}/`;
    return {
      ok: false,
      errors: result.errors.map((e) => ({ path: e.file.startsWith(prefix) ? e.file.slice(prefix.length) : e.file, ...(e.line ? { line: e.line } : {}), message: e.message })),
    };
  }

  async overview(): Promise<Array<{ id: string; title: string; latestVersion: number | null; hasDraft: boolean }>> {
    const published = await this.courses.listModules();
    const drafts = await this.drafts.list();
    const draftIds = new Set(drafts.map((d) => d.moduleId));
    const rows = published.map((m) => ({ id: m.id, title: m.title, latestVersion: m.latestVersion as number | null, hasDraft: draftIds.has(m.id) }));
    for (const d of drafts) {
      if (!published.some((m) => m.id === d.moduleId)) {
        const draft = await this.drafts.find(d.moduleId);
        const title = readMetadata(draft?.files.get(MODULE_FILE)?.toString('utf8') ?? '').title ?? d.moduleId;
        rows.push({ id: d.moduleId, title, latestVersion: null, hasDraft: true });
      }
    }
    return rows.sort((a, b) => a.id.localeCompare(b.id));
  }

  async draft(moduleId: string): Promise<Draft> {
    const draft = await this.drafts.find(moduleId);
    if (!draft) throw new NotFoundError();
    return draft;
  }

  async findDraft(moduleId: string): Promise<Draft | undefined> {
    return this.drafts.find(moduleId);
  }

  /** A new module: its module.yaml only; items are added next. */
  async createModule(meta: ModuleMetadata, userId: string): Promise<void> {
    if ((await this.courses.latestVersion(meta.id)) || (await this.drafts.find(meta.id))) throw new ConflictError('authoring.errors.idTaken', { id: 'authoring.errors.idTaken' });
    const files: ModuleFiles = new Map([[MODULE_FILE, Buffer.from(newModuleYaml(meta), 'utf8')]]);
    if (!(await this.drafts.create(meta.id, files, null, userId, this.now()))) throw new ConflictError('authoring.errors.idTaken', { id: 'authoring.errors.idTaken' });
  }

  /** A draft holding the files of the latest published version (an existing draft is kept). */
  async startDraft(moduleId: string, userId: string): Promise<void> {
    if (await this.drafts.find(moduleId)) return;
    const latest = await this.courses.latestVersion(moduleId);
    if (!latest) throw new NotFoundError();
    const files = await this.versionFiles(moduleId, latest.version);
    if (!files) throw new ConflictError('authoring.errors.noSources');
    await this.drafts.create(moduleId, files, latest.version, userId, this.now());
  }

  async discard(moduleId: string): Promise<void> {
    await this.draft(moduleId);
    await this.drafts.delete(moduleId);
    // A discarded draft of the folder leaves the conflict open, with its "load" button again.
    if ((await this.courses.conflict(moduleId))?.draftFromDisk) await this.courses.setConflictDraft(moduleId, false);
  }

  /** Folders that changed on disk while the browser's version was kept (see importCourseLibrary). */
  async conflicts(): Promise<ImportConflict[]> {
    return this.courses.listConflicts();
  }

  async conflict(moduleId: string): Promise<ImportConflict | undefined> {
    return this.courses.conflict(moduleId);
  }

  /**
   * Puts courses/<module> into the module's draft, based on the kept version, so that the trainer
   * sees the diff and publishes it or not. Returns false when a draft already exists (the trainer's
   * work is never overwritten) or the folder no longer has that content.
   */
  async loadConflictDraft(moduleId: string, userId: string): Promise<boolean> {
    const conflict = await this.courses.conflict(moduleId);
    if (!conflict || conflict.draftFromDisk || (await this.drafts.find(moduleId))) return false;
    const dir = path.join(this.coursesDir, moduleId);
    if (!/^[a-z0-9_-]+$/.test(moduleId) || !fs.existsSync(path.join(dir, MODULE_FILE))) return false;
    const files = await readCourseFiles(dir);
    const parsed = parseModuleFolder(files, { folder: moduleId, framework: await this.framework() });
    if (!parsed.ok || parsed.module.contentHash !== conflict.diskHash) return false;
    return this.db.transaction().execute(async (trx) => {
      if (!(await new DraftsRepository(trx).create(moduleId, files, conflict.keptVersion, userId, this.now()))) return false;
      await new CourseRepository(trx).setConflictDraft(moduleId, true);
      return true;
    });
  }

  /** At start-up: every open conflict without a draft gets one from the folder. */
  async loadConflictDrafts(): Promise<string[]> {
    const loaded: string[] = [];
    for (const c of await this.courses.listConflicts()) if (await this.loadConflictDraft(c.moduleId, IMPORT_AUTHOR)) loaded.push(c.moduleId);
    return loaded;
  }

  /**
   * The trainer keeps the published version: the folder's content counts as seen (the next
   * import leaves it alone) and the draft loaded from it goes.
   */
  async keepPublished(moduleId: string): Promise<void> {
    const conflict = await this.courses.conflict(moduleId);
    if (!conflict) throw new NotFoundError();
    await this.db.transaction().execute(async (trx) => {
      const courses = new CourseRepository(trx);
      await courses.recordDiskHash(moduleId, conflict.diskHash, this.now());
      await courses.clearConflict(moduleId);
      if (conflict.draftFromDisk) await new DraftsRepository(trx).delete(moduleId);
    });
  }

  async saveFile(moduleId: string, filePath: string, text: string, userId: string): Promise<void> {
    const draft = await this.draft(moduleId);
    if (!draft.files.has(filePath) && !isEditablePath(filePath)) throw new ConflictError('authoring.errors.badPath', { path: 'authoring.errors.badPath' });
    if (draft.files.has(filePath) && !isSourceText(filePath)) throw new ConflictError('authoring.errors.badPath', { path: 'authoring.errors.badPath' });
    draft.files.set(filePath, fromTextarea(text));
    await this.drafts.saveFiles(moduleId, draft.files, userId, this.now());
  }

  async deleteFile(moduleId: string, filePath: string, userId: string): Promise<void> {
    const draft = await this.draft(moduleId);
    if (filePath === MODULE_FILE || !draft.files.delete(filePath)) throw new NotFoundError();
    await this.drafts.saveFiles(moduleId, draft.files, userId, this.now());
  }

  async updateMetadata(moduleId: string, meta: Omit<ModuleMetadata, 'id'>, userId: string): Promise<void> {
    const draft = await this.draft(moduleId);
    const next = setMetadata(draft.files.get(MODULE_FILE)?.toString('utf8') ?? '', meta);
    if (next === null) throw new ConflictError('authoring.errors.moduleYamlBroken');
    draft.files.set(MODULE_FILE, Buffer.from(next, 'utf8'));
    await this.drafts.saveFiles(moduleId, draft.files, userId, this.now());
  }

  /** Adds an item to module.yaml with a working starting file; returns the file's path. */
  async addItem(moduleId: string, item: { type: ItemType; id: string; title: string; competencies: string[] }, userId: string): Promise<string> {
    const draft = await this.draft(moduleId);
    const file = itemFilePath(item.type, item.id);
    if (draft.files.has(file)) throw new ConflictError('authoring.errors.fileExists', { itemId: 'authoring.errors.fileExists' });
    const next = appendItem(draft.files.get(MODULE_FILE)?.toString('utf8') ?? '', { ...item, file });
    if (next === null) throw new ConflictError('authoring.errors.moduleYamlBroken');
    draft.files.set(MODULE_FILE, Buffer.from(next, 'utf8'));
    draft.files.set(file, Buffer.from(itemTemplate(item.type, item.id, item.title, item.competencies, this.now().slice(0, 10)), 'utf8'));
    await this.drafts.saveFiles(moduleId, draft.files, userId, this.now());
    return file;
  }

  /** Validates the whole draft; a valid one becomes the next immutable version and the draft goes. */
  async publish(moduleId: string): Promise<PublishOutcome> {
    const draft = await this.draft(moduleId);
    return this.publishFiles(moduleId, draft.files, true);
  }

  async history(moduleId: string): Promise<Array<{ version: number; contentHash: string; createdAt: string }>> {
    const history = await this.courses.versionHistory(moduleId);
    if (history.length === 0 && !(await this.drafts.find(moduleId))) throw new NotFoundError();
    return history;
  }

  /**
   * The source files of a published version. Versions published here keep them; versions
   * imported from courses/ are read back from the folder when its content hash still matches.
   */
  async versionFiles(moduleId: string, version: number): Promise<ModuleFiles | undefined> {
    const stored = await this.drafts.versionFiles(moduleId, version);
    if (stored) return stored;
    const row = await this.courses.version(moduleId, version);
    if (!row) return undefined;
    const dir = path.join(this.coursesDir, moduleId);
    if (!/^[a-z0-9_-]+$/.test(moduleId) || !fs.existsSync(path.join(dir, MODULE_FILE))) return undefined;
    const files = await readCourseFiles(dir);
    const parsed = parseModuleFolder(files, { folder: moduleId, framework: await this.framework() });
    return parsed.ok && parsed.module.contentHash === row.contentHash ? files : undefined;
  }

  /** An uploaded zip, validated in full before anything is written. */
  async importZip(data: Buffer, publishNow: boolean, userId: string): Promise<ImportOutcome> {
    const read = await readModuleZip(data);
    if (!read.ok) return { status: 'invalid', errors: read.errors.map((e) => ({ path: e.file, message: e.message })) };
    const moduleId = read.folder ?? readMetadata(read.files.get(MODULE_FILE)?.toString('utf8') ?? '').id ?? '';
    if (!/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/.test(moduleId)) return { status: 'invalid', errors: [{ path: MODULE_FILE, message: 'identifiant du module illisible : « id: » manquant ou invalide' }] };
    const validation = await this.validate(moduleId, read.files);
    if (!validation.ok) return { status: 'invalid', errors: validation.errors };
    if (await this.drafts.find(moduleId)) return { status: 'invalid', errors: [{ path: MODULE_FILE, message: `un brouillon du module « ${moduleId} » existe déjà : publiez-le ou abandonnez-le avant d’importer` }] };
    if (publishNow) {
      const outcome = await this.publishFiles(moduleId, read.files, false);
      return outcome.status === 'invalid' ? outcome : { ...outcome, moduleId };
    }
    const base = await this.courses.latestVersion(moduleId);
    await this.drafts.create(moduleId, read.files, base?.version ?? null, userId, this.now());
    return { status: 'draft', moduleId };
  }

  private async publishFiles(moduleId: string, files: ModuleFiles, dropDraft: boolean): Promise<PublishOutcome> {
    const validation = await this.validate(moduleId, files);
    if (!validation.ok) return { status: 'invalid', errors: validation.errors };
    const { module, assets } = validation.result;
    const now = this.now();
    // One transaction: the version, its media and its sources appear together or not at all.
    return this.db.transaction().execute(async (trx) => {
      const courses = new CourseRepository(trx);
      if (dropDraft) await new DraftsRepository(trx).delete(moduleId);
      // Publishing the draft loaded from a conflicting folder (edited or not), or the folder's
      // very content, resolves the conflict: the folder has been seen.
      const conflict = await courses.conflict(moduleId);
      if (conflict && ((dropDraft && conflict.draftFromDisk) || conflict.diskHash === module.contentHash)) {
        await courses.recordDiskHash(moduleId, conflict.diskHash, now);
        await courses.clearConflict(moduleId);
      }
      for (;;) {
        const latest = await courses.latestVersion(moduleId);
        if (latest && latest.contentHash === module.contentHash) return { status: 'unchanged' as const, version: latest.version };
        const version = (latest?.version ?? 0) + 1;
        await courses.insertAssets(assets, now);
        if (await courses.insertVersion(module, version, now, 'authoring')) {
          await new DraftsRepository(trx).saveVersionFiles(moduleId, version, files, now);
          return { status: 'published' as const, version };
        }
      }
    });
  }

  private now(): string {
    return this.clock().toISOString();
  }
}
