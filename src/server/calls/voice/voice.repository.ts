import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { VoiceRecordingsTable } from '../calls.tables.ts';

export interface VoiceRecording {
  id: string;
  userId: string;
  registration: string;
  statementId: string;
  turn: number;
  sha2: string;
  contentType: string;
  bytes: number;
  durationMs: number;
  recordedAt: string;
}

const toRecording = (r: VoiceRecordingsTable): VoiceRecording => ({
  id: r.id,
  userId: r.user_id,
  registration: r.registration,
  statementId: r.statement_id,
  turn: Number(r.turn),
  sha2: r.sha2,
  contentType: r.content_type,
  bytes: Number(r.bytes),
  durationMs: Number(r.duration_ms),
  recordedAt: r.recorded_at,
});

/** Consents to be recorded, and the recordings' rows (their sound is an LRS attachment). */
export class VoiceRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  within(trx: Transaction<Database>): VoiceRepository {
    return new VoiceRepository(trx);
  }

  async consentOf(userId: string): Promise<string | null> {
    const row = await this.db.selectFrom('voice_consents').select('given_at').where('user_id', '=', userId).executeTakeFirst();
    return row?.given_at ?? null;
  }

  /** A second agreement keeps the first date: one consent per learner. */
  async giveConsent(userId: string, at: string): Promise<void> {
    await this.db.insertInto('voice_consents').values({ user_id: userId, given_at: at }).onConflict((oc) => oc.column('user_id').doNothing()).execute();
  }

  async withdrawConsent(userId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('voice_consents').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async insert(recording: VoiceRecording): Promise<void> {
    await this.db
      .insertInto('voice_recordings')
      .values({
        id: recording.id,
        user_id: recording.userId,
        registration: recording.registration,
        statement_id: recording.statementId,
        turn: recording.turn,
        sha2: recording.sha2,
        content_type: recording.contentType,
        bytes: recording.bytes,
        duration_ms: recording.durationMs,
        recorded_at: recording.recordedAt,
      })
      .execute();
  }

  async findById(id: string): Promise<VoiceRecording | undefined> {
    const row = await this.db.selectFrom('voice_recordings').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecording(row);
  }

  async listForRegistration(registration: string): Promise<VoiceRecording[]> {
    return (await this.db.selectFrom('voice_recordings').selectAll().where('registration', '=', registration).orderBy('turn').execute()).map(toRecording);
  }

  async listForUser(userId: string): Promise<VoiceRecording[]> {
    return (await this.db.selectFrom('voice_recordings').selectAll().where('user_id', '=', userId).orderBy('recorded_at').execute()).map(toRecording);
  }

  async recordedBefore(cutoff: string): Promise<VoiceRecording[]> {
    return (await this.db.selectFrom('voice_recordings').selectAll().where('recorded_at', '<', cutoff).orderBy('recorded_at').execute()).map(toRecording);
  }

  async deleteByIds(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.db.deleteFrom('voice_recordings').where('id', 'in', [...ids]).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Hashes still used by other recordings than `ids` (identical bytes share one attachment). */
  async shaInUseBesides(sha2s: readonly string[], ids: readonly string[]): Promise<Set<string>> {
    if (sha2s.length === 0) return new Set();
    let q = this.db.selectFrom('voice_recordings').select('sha2').where('sha2', 'in', [...sha2s]);
    if (ids.length > 0) q = q.where('id', 'not in', [...ids]);
    return new Set((await q.execute()).map((r) => r.sha2));
  }
}
