import type { Generated } from 'kysely';

/** Row types of the tables courses.migrations.ts creates. */
declare module '../../db/database.ts' {
  interface Database {
    course_modules: CourseModulesTable;
    course_versions: CourseVersionsTable;
    course_assets: CourseAssetsTable;
    course_disk_imports: CourseDiskImportsTable;
    course_import_conflicts: CourseImportConflictsTable;
    course_frameworks: CourseFrameworksTable;
  }
}

export interface CourseModulesTable {
  id: string;
  title: string;
  summary: string;
  latest_version: number;
  created_at: string;
  updated_at: string;
}

/** A published version: its whole content as JSON, never updated once inserted. */
export interface CourseVersionsTable {
  module_id: string;
  version: number;
  content_hash: string;
  format_version: number;
  content: string;
  created_at: string;
  /** 'disk' (imported from courses/) or 'authoring' (published in the browser). */
  origin: Generated<string>;
}

export interface CourseAssetsTable {
  sha256: string;
  media_type: string;
  bytes: number;
  data_base64: string;
  created_at: string;
}

/** The hash of courses/<module> the import last dealt with. */
export interface CourseDiskImportsTable {
  module_id: string;
  content_hash: string;
  recorded_at: string;
}

export interface CourseImportConflictsTable {
  module_id: string;
  disk_hash: string;
  kept_version: number;
  /** 0 or 1. */
  draft_from_disk: Generated<number>;
  detected_at: string;
}

/**
 * A version of the competency framework (courses/competences.yaml) as an import stored it: the
 * framework the app reads, never the file. Only ever inserted; the highest version is current.
 */
export interface CourseFrameworksTable {
  version: number;
  /** sha256 (hex) of `content`. */
  content_hash: string;
  /** The parsed CompetencyFramework as JSON. */
  content: string;
  created_at: string;
}
