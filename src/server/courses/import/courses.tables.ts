/** Row types of the tables courses.migrations.ts creates. */
declare module '../../db/database.ts' {
  interface Database {
    course_modules: CourseModulesTable;
    course_versions: CourseVersionsTable;
    course_assets: CourseAssetsTable;
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
}

export interface CourseAssetsTable {
  sha256: string;
  media_type: string;
  bytes: number;
  data_base64: string;
  created_at: string;
}
