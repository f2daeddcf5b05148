/** Row types of the tables bundle.migrations.ts creates. */
declare module '../../db/database.ts' {
  interface Database {
    verify_bundle_exports: VerifyBundleExportsTable;
    verify_bundles: VerifyBundlesTable;
  }
}

/** The intranet's exports: one sequence number each. */
export interface VerifyBundleExportsTable {
  sequence: number;
  issued_at: string;
  valid_until: string;
  sha256: string;
  certificates: number;
}

/** The public site's loaded bundles, whole. */
export interface VerifyBundlesTable {
  sequence: number;
  issued_at: string;
  sha256: string;
  key_id: string;
  bundle: string;
  imported_at: string;
}
