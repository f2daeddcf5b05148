import type { LrsService } from '../../../lrs/index.ts';
import type { Clock } from '../../clock.ts';
import type { RunUnitOfWork, UnitOfWork } from '../../db/unit-of-work.ts';
import type { VoiceRecording, VoiceRepository } from './voice.repository.ts';

export interface VoicePurgeReport {
  cutoff: string;
  dryRun: boolean;
  recordings: number;
}

/**
 * Consent to be recorded, and the life of the recordings: withdrawal and the retention period
 * remove the rows and the sound (the LRS attachment) in one transaction.
 */
export class VoiceService {
  constructor(private readonly deps: { voice: VoiceRepository; lrs: LrsService; run: RunUnitOfWork; clock: Clock; retentionDays: number }) {}

  get retentionDays(): number {
    return this.deps.retentionDays;
  }

  /** When the learner agreed, or null. */
  consentOf(userId: string): Promise<string | null> {
    return this.deps.voice.consentOf(userId);
  }

  async giveConsent(userId: string): Promise<void> {
    await this.deps.voice.giveConsent(userId, this.deps.clock().toISOString());
  }

  /** Withdrawal: the consent and every recording of the learner go; the number of recordings removed. */
  async withdraw(userId: string): Promise<number> {
    return this.deps.run(async (uow) => {
      const voice = this.deps.voice.within(uow.db);
      const recordings = await voice.listForUser(userId);
      await voice.withdrawConsent(userId);
      return this.remove(uow, recordings);
    });
  }

  /** Recordings older than the retention period (or `days`) go; with `dryRun`, only counted. */
  async purge(dryRun: boolean, days = this.deps.retentionDays): Promise<VoicePurgeReport> {
    const cutoff = new Date(this.deps.clock().getTime() - days * 86_400_000).toISOString();
    if (dryRun) return { cutoff, dryRun, recordings: (await this.deps.voice.recordedBefore(cutoff)).length };
    const recordings = await this.deps.run(async (uow) => this.remove(uow, await this.deps.voice.within(uow.db).recordedBefore(cutoff)));
    return { cutoff, dryRun, recordings };
  }

  listForRegistration(registration: string): Promise<VoiceRecording[]> {
    return this.deps.voice.listForRegistration(registration);
  }

  listForUser(userId: string): Promise<VoiceRecording[]> {
    return this.deps.voice.listForUser(userId);
  }

  /** Every recording of the learner still kept, with its sound, oldest first (the leaving package). */
  async soundsOf(userId: string): Promise<Array<{ recording: VoiceRecording; content: Buffer }>> {
    const recordings = await this.deps.voice.listForUser(userId);
    const parts = new Map((await this.deps.lrs.attachments([...new Set(recordings.map((r) => r.sha2))])).map((p) => [p.sha2, p.content]));
    return recordings.flatMap((recording) => (parts.has(recording.sha2) ? [{ recording, content: parts.get(recording.sha2) as Buffer }] : []));
  }

  /** A recording and its sound, if both are still kept. */
  async sound(recordingId: string): Promise<{ recording: VoiceRecording; content: Buffer } | null> {
    const recording = await this.deps.voice.findById(recordingId);
    if (!recording) return null;
    const [part] = await this.deps.lrs.attachments([recording.sha2]);
    return part ? { recording, content: part.content } : null;
  }

  private async remove(uow: UnitOfWork, recordings: VoiceRecording[]): Promise<number> {
    const voice = this.deps.voice.within(uow.db);
    const ids = recordings.map((r) => r.id);
    const hashes = [...new Set(recordings.map((r) => r.sha2))];
    const shared = await voice.shaInUseBesides(hashes, ids);
    await voice.deleteByIds(ids);
    await uow.lrs.deleteAttachments(hashes.filter((h) => !shared.has(h)));
    return ids.length;
  }
}
