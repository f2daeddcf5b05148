/** The bundles exported (intranet) and loaded (public site), and the issuer key the site pinned. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { JWK } from 'jose';
import { SettingsRepository } from '../../settings/settings.repository.ts';

export const PINNED_JWKS_SETTING = 'verify_bundle_issuer_jwks';

type Db = Kysely<Database>;

export interface LoadedBundle {
  sequence: number;
  issuedAt: string;
  sha256: string;
  text: string;
}

export class BundlesRepository {
  constructor(private readonly db: Db) {}

  async lastExport(): Promise<{ sequence: number; issuedAt: string } | null> {
    const row = await this.db.selectFrom('verify_bundle_exports').select(['sequence', 'issued_at']).orderBy('sequence', 'desc').limit(1).executeTakeFirst();
    return row ? { sequence: Number(row.sequence), issuedAt: row.issued_at } : null;
  }

  /** False when another export took this sequence first. */
  async recordExport(e: { sequence: number; issuedAt: string; validUntil: string; sha256: string; certificates: number }): Promise<boolean> {
    const result = await this.db
      .insertInto('verify_bundle_exports')
      .values({ sequence: e.sequence, issued_at: e.issuedAt, valid_until: e.validUntil, sha256: e.sha256, certificates: e.certificates })
      .onConflict((oc) => oc.column('sequence').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async latest(): Promise<LoadedBundle | null> {
    const row = await this.db.selectFrom('verify_bundles').selectAll().orderBy('sequence', 'desc').limit(1).executeTakeFirst();
    return row ? { sequence: Number(row.sequence), issuedAt: row.issued_at, sha256: row.sha256, text: row.bundle } : null;
  }

  /** The highest sequence loaded: cheap, read on each request to notice a new import. */
  async latestSequence(): Promise<number | null> {
    const row = await this.db.selectFrom('verify_bundles').select('sequence').orderBy('sequence', 'desc').limit(1).executeTakeFirst();
    return row ? Number(row.sequence) : null;
  }

  async pinnedJwks(): Promise<{ keys: JWK[] } | null> {
    const text = await new SettingsRepository(this.db).get(PINNED_JWKS_SETTING);
    return text === null ? null : (JSON.parse(text) as { keys: JWK[] });
  }

  /** Stores the bundle, and pins the issuer's keys on a first import, in one transaction. */
  async store(b: { sequence: number; issuedAt: string; sha256: string; kid: string; text: string; importedAt: string }, pin: { keys: JWK[] } | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('verify_bundles')
        .values({ sequence: b.sequence, issued_at: b.issuedAt, sha256: b.sha256, key_id: b.kid, bundle: b.text, imported_at: b.importedAt })
        .execute();
      if (pin) await new SettingsRepository(trx).set(PINNED_JWKS_SETTING, JSON.stringify(pin));
    });
  }
}
