/** Row types of the tables authoring.migrations.ts creates. */
declare module '../db/database.ts' {
  interface Database {
    authoring_drafts: AuthoringDraftsTable;
    authoring_version_files: AuthoringVersionFilesTable;
  }
}

export interface AuthoringDraftsTable {
  module_id: string;
  files_json: string;
  base_version: number | null;
  updated_by: string;
  created_at: string;
  updated_at: string;
}

export interface AuthoringVersionFilesTable {
  module_id: string;
  version: number;
  files_json: string;
  created_at: string;
}
