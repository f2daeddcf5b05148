/** The certificate registry (table certificates). Returns domain records, never rows. */
import type { Kysely } from 'kysely';
import type { CertificateSnapshot } from './snapshot.ts';

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
}

interface CertificateRow {
  id: string;
  number: string;
  year: number;
  seq: number;
  user_id: string | null;
  cohort_id: string | null;
  holder_initials: string;
  search_key: string;
  status: string;
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
}

type Db = Kysely<{ certificates: CertificateRow }>;

function toRecord(row: CertificateRow): CertificateRecord {
  return {
    id: row.id,
    number: row.number,
    userId: row.user_id,
    cohortId: row.cohort_id,
    holderInitials: row.holder_initials,
    status: row.status as CertificateStatus,
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
}

export interface RegistryFilter {
  search?: string;
  status?: CertificateStatus;
  cohortId?: string;
  userId?: string;
}

export class RegistryRepository {
  private readonly db: Db;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  constructor(db: Kysely<any>) {
    this.db = db as Db;
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
        replaces: c.snapshot.replaces === null ? null : await this.idOfNumber(c.snapshot.replaces),
        purged_at: null,
      })
      .execute();
  }

  private async idOfNumber(number: string): Promise<string | null> {
    const row = await this.db.selectFrom('certificates').select('id').where('number', '=', number).executeTakeFirst();
    return row?.id ?? null;
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
      query = query.where((eb) => eb.or([eb('search_key', 'like', pattern), eb('number', 'like', pattern.toUpperCase())]));
    }
    const rows = await query.orderBy('issued_at', 'desc').orderBy('number', 'desc').limit(limit).execute();
    return rows.map(toRecord);
  }

  async revoke(id: string, reason: string, at: string): Promise<void> {
    await this.db.updateTable('certificates').set({ status: 'revoked', revoked_at: at, revoked_reason: reason }).where('id', '=', id).execute();
  }

  async markReplaced(id: string, by: string, at: string): Promise<void> {
    await this.db
      .updateTable('certificates')
      .set({ status: 'replaced', replaced_by: by, revoked_at: at, revoked_reason: 'remplacée' })
      .where('id', '=', id)
      .execute();
  }

  /** Retention: keeps number, hash, status, dates and initials only. */
  async purgePersonalData(userId: string, at: string): Promise<number> {
    const result = await this.db
      .updateTable('certificates')
      .set({ user_id: null, cohort_id: null, snapshot_json: null, credential_jwt: null, search_key: '', issued_by: null, purged_at: at })
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
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
