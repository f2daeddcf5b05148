/** The certificate registry (table certificates). Returns domain records, never rows. */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/database.ts';
import type { CertificateSnapshot } from './snapshot.ts';
import type { CertificatesTable } from './certificates.tables.ts';

export type CertificateStatus = 'valid' | 'revoked' | 'replaced';

export interface CertificateRecord {
  id: string;
  number: string;
  userId: string | null;
  cohortId: string | null;
  holderInitials: string;
  status: CertificateStatus;
  /** Null once purged. */
  snapshot: CertificateSnapshot | null;
  snapshotHash: string;
  credentialJwt: string | null;
  signature: string;
  keyId: string;
  issuedAt: string;
  issuedBy: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
  replacedBy: string | null;
  replaces: string | null;
  purgedAt: string | null;
  /** Index in the status list (W3C Bitstring Status List); null only for rows issued before it. */
  statusIndex: number | null;
  /** The random public code printed on the PDF (TRP-XXXX-XXXX); `number` stays internal. */
  verificationCode: string | null;
  /** SHA-256 (hex) of the issued PDF's bytes; null for certificates issued before it was kept. */
  pdfSha256: string | null;
  /** SHA-256 (hex) of the credential JWT as issued. */
  credentialSha256: string | null;
}

type CertificateRow = Selectable<CertificatesTable>;

type Db = Kysely<Database>;

function toRecord(row: CertificateRow): CertificateRecord {
  return {
    id: row.id,
    number: row.number,
    userId: row.user_id,
    cohortId: row.cohort_id,
    holderInitials: row.holder_initials,
    status: row.status,
    snapshot: row.snapshot_json === null ? null : (JSON.parse(row.snapshot_json) as CertificateSnapshot),
    snapshotHash: row.snapshot_hash,
    credentialJwt: row.credential_jwt,
    signature: row.signature,
    keyId: row.key_id,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
    revokedAt: row.revoked_at,
    revokedReason: row.revoked_reason,
    replacedBy: row.replaced_by,
    replaces: row.replaces,
    purgedAt: row.purged_at,
    statusIndex: row.status_index === null ? null : Number(row.status_index),
    verificationCode: row.verification_code,
    pdfSha256: row.pdf_sha256,
    credentialSha256: row.credential_sha256,
  };
}

export interface NewCertificate {
  id: string;
  number: string;
  year: number;
  seq: number;
  userId: string;
  cohortId: string | null;
  snapshot: CertificateSnapshot;
  snapshotHash: string;
  credentialJwt: string;
  keyId: string;
  issuedBy: string;
  searchKey: string;
  statusIndex: number;
  verificationCode: string;
  pdf: Buffer;
  pdfSha256: string;
  credentialSha256: string;
  /** Id of the certificate this one replaces (re-issue). */
  replacesId: string | null;
}

export interface RegistryFilter {
  search?: string;
  status?: CertificateStatus;
  cohortId?: string;
  userId?: string;
}

export class RegistryRepository {
  constructor(private readonly db: Db) {}

  /** The same registry on a unit of work's transaction. */
  within(trx: Db): RegistryRepository {
    return new RegistryRepository(trx);
  }

  /** The next free sequence number of a year (the unique constraint settles a race). */
  async nextSeq(year: number): Promise<number> {
    const row = await this.db.selectFrom('certificates').select((eb) => eb.fn.max('seq').as('max')).where('year', '=', year).executeTakeFirst();
    return Number(row?.max ?? 0) + 1;
  }

  async insert(c: NewCertificate): Promise<void> {
    await this.db
      .insertInto('certificates')
      .values({
        id: c.id,
        number: c.number,
        year: c.year,
        seq: c.seq,
        user_id: c.userId,
        cohort_id: c.cohortId,
        holder_initials: c.snapshot.holder.initials,
        search_key: c.searchKey,
        status: 'valid',
        snapshot_json: JSON.stringify(c.snapshot),
        snapshot_hash: c.snapshotHash,
        credential_jwt: c.credentialJwt,
        signature: c.credentialJwt.split('.')[2] as string,
        key_id: c.keyId,
        issued_at: c.snapshot.issuedAt,
        issued_by: c.issuedBy,
        revoked_at: null,
        revoked_reason: null,
        replaced_by: null,
        replaces: c.replacesId,
        purged_at: null,
        status_index: c.statusIndex,
        verification_code: c.verificationCode,
        pdf_sha256: c.pdfSha256,
        credential_sha256: c.credentialSha256,
      })
      .execute();
    await this.db.insertInto('certificate_pdfs').values({ certificate_id: c.id, sha256: c.pdfSha256, data_base64: c.pdf.toString('base64') }).execute();
  }

  /** The PDF as issued, or null (issued before PDFs were kept, or purged). */
  async issuedPdf(id: string): Promise<Buffer | null> {
    const row = await this.db.selectFrom('certificate_pdfs').select('data_base64').where('certificate_id', '=', id).executeTakeFirst();
    return row ? Buffer.from(row.data_base64, 'base64') : null;
  }

  /** The certificate whose public code this is (already normalised, see verification-code.ts). */
  async findByVerificationCode(code: string): Promise<CertificateRecord | null> {
    const row = await this.db.selectFrom('certificates').selectAll().where('verification_code', '=', code).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** Is this status index or public code already given? (drawn at random, so checked before use). */
  async identifiersTaken(statusIndex: number, verificationCode: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('certificates')
      .select('id')
      .where((eb) => eb.or([eb('status_index', '=', statusIndex), eb('verification_code', '=', verificationCode)]))
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Status list indexes of the certificates that are no longer valid (revoked or replaced). */
  async revokedStatusIndexes(): Promise<number[]> {
    const rows = await this.db.selectFrom('certificates').select('status_index').where('status', '!=', 'valid').where('status_index', 'is not', null).execute();
    return rows.map((r) => Number(r.status_index));
  }

  async findById(id: string): Promise<CertificateRecord | null> {
    const row = await this.db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async findByNumber(number: string): Promise<CertificateRecord | null> {
    const row = await this.db.selectFrom('certificates').selectAll().where('number', '=', number.trim().toUpperCase()).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async list(filter: RegistryFilter = {}, limit = 200): Promise<CertificateRecord[]> {
    let query = this.db.selectFrom('certificates').selectAll();
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.cohortId) query = query.where('cohort_id', '=', filter.cohortId);
    if (filter.userId) query = query.where('user_id', '=', filter.userId);
    if (filter.search) {
      const pattern = `%${filter.search.replace(/[%_\\]/g, '')}%`;
      query = query.where((eb) => eb.or([eb('search_key', 'like', pattern), eb('number', 'like', pattern.toUpperCase()), eb('verification_code', 'like', pattern.toUpperCase())]));
    }
    const rows = await query.orderBy('issued_at', 'desc').orderBy('number', 'desc').limit(limit).execute();
    return rows.map(toRecord);
  }

  async revoke(id: string, reason: string, at: string): Promise<void> {
    await this.db.updateTable('certificates').set({ status: 'revoked', revoked_at: at, revoked_reason: reason }).where('id', '=', id).execute();
  }

  /** False when the certificate was no longer valid (a parallel re-issue or revocation won). */
  async markReplaced(id: string, by: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('certificates')
      .set({ status: 'replaced', replaced_by: by, revoked_at: at, revoked_reason: 'remplacée' })
      .where('id', '=', id)
      .where('status', '=', 'valid')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Retention: keeps number, code, hashes, status, dates and initials only. */
  async purgePersonalData(userId: string, at: string): Promise<number> {
    const ids = (await this.db.selectFrom('certificates').select('id').where('user_id', '=', userId).execute()).map((r) => r.id);
    if (ids.length === 0) return 0;
    await this.db
      .updateTable('certificates')
      .set({ user_id: null, cohort_id: null, snapshot_json: null, credential_jwt: null, search_key: '', issued_by: null, purged_at: at })
      .where('id', 'in', ids)
      .execute();
    // The PDF prints the name: it goes too; its hash stays, so a copy the holder kept still verifies.
    await this.db.deleteFrom('certificate_pdfs').where('certificate_id', 'in', ids).execute();
    return ids.length;
  }

  /** Certificates issued (any status unless given), optionally for some learners: the partner view counts these. */
  async countIssued(filter: { status?: CertificateStatus; userIds?: readonly string[] } = {}): Promise<number> {
    if (filter.userIds && filter.userIds.length === 0) return 0;
    let query = this.db.selectFrom('certificates').select((eb) => eb.fn.countAll().as('n'));
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.userIds) query = query.where('user_id', 'in', [...filter.userIds]);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
