/** The organisation settings (one JSON value in app_settings) and uploaded logos (content-addressed). */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { SettingsRepository } from '../settings/settings.repository.ts';
import { DEFAULT_ORGANISATION, type Organisation } from './organisation.ts';

export const ORGANISATION_SETTING = 'certificates_organisation';

export class OrganisationRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly settings: SettingsRepository,
  ) {}

  async get(): Promise<Organisation> {
    const text = await this.settings.get(ORGANISATION_SETTING);
    if (text === null) return { ...DEFAULT_ORGANISATION };
    // Settings written by an older version may lack newer fields: defaults fill them in.
    return { ...DEFAULT_ORGANISATION, ...(JSON.parse(text) as Partial<Organisation>) };
  }

  async save(organisation: Organisation): Promise<void> {
    await this.settings.set(ORGANISATION_SETTING, JSON.stringify(organisation));
  }

  /** Stores a logo once per content; returns its sha256. */
  async putAsset(data: Buffer, mediaType: string, now: string): Promise<string> {
    const sha256 = crypto.createHash('sha256').update(data).digest('hex');
    await this.db
      .insertInto('certificate_assets')
      .values({ sha256, media_type: mediaType, data_base64: data.toString('base64'), created_at: now })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    return sha256;
  }

  async asset(sha256: string): Promise<{ mediaType: string; data: Buffer } | null> {
    const row = await this.db.selectFrom('certificate_assets').select(['media_type', 'data_base64']).where('sha256', '=', sha256).executeTakeFirst();
    return row ? { mediaType: row.media_type, data: Buffer.from(row.data_base64, 'base64') } : null;
  }
}
