import type { Generated } from 'kysely';
import type { CertificateStatus } from './registry.repository.ts';

/** Row types of the tables certificates.migrations.ts creates. */
declare module '../db/database.ts' {
  interface Database {
    learner_releases: LearnerReleasesTable;
    certificates: CertificatesTable;
    certificate_assets: CertificateAssetsTable;
    certificate_pdfs: CertificatePdfsTable;
  }
}

export interface LearnerReleasesTable {
  user_id: string;
  birth_date: string | null;
  leaving_date: string | null;
  appraisal_json: Generated<string>;
  overrides_json: Generated<string>;
  closed_at: string | null;
  purged_at: string | null;
  /** The first download of the leaving package: it stays downloadable for a few days after. */
  package_first_at: string | null;
  updated_by: string | null;
  updated_at: string;
}

export interface CertificatesTable {
  id: string;
  number: string;
  year: number;
  seq: number;
  user_id: string | null;
  cohort_id: string | null;
  holder_initials: string;
  search_key: Generated<string>;
  status: CertificateStatus;
  snapshot_json: string | null;
  snapshot_hash: string;
  credential_jwt: string | null;
  signature: string;
  key_id: string;
  issued_at: string;
  issued_by: string | null;
  revoked_at: string | null;
  revoked_reason: string | null;
  replaced_by: string | null;
  replaces: string | null;
  purged_at: string | null;
  status_index: number | null;
  verification_code: string | null;
  pdf_sha256: string | null;
  credential_sha256: string | null;
}

export interface CertificateAssetsTable {
  sha256: string;
  media_type: string;
  data_base64: string;
  created_at: string;
}

export interface CertificatePdfsTable {
  certificate_id: string;
  sha256: string;
  data_base64: string;
}
