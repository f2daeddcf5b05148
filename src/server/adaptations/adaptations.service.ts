import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Clock } from '../clock.ts';
import { BadRequestError } from '../errors.ts';
import { isTimeAllowance, timeFactorOf, type TimeAllowance } from './time-allowance.ts';
import { TimeAllowancesRepository } from './time-allowances.repository.ts';
import { readReadingForm, type ReadingPreferences } from './reading-preferences.ts';
import { ReadingPreferencesRepository } from './reading-preferences.repository.ts';

/** The audit journal, as this area writes to it (accounts' audit log, inside our transaction). */
export type AuditWriter = (
  db: Kysely<Database>,
  entry: { at: string; action: string; actorId: string | null; subject: string | null; ip: string | null; details: string | null },
) => Promise<void>;

export interface AdaptationsDeps {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditWriter;
}

/** What fits each reader: the trainer's "temps adapté" and the learner's reading preferences. */
export class AdaptationsService {
  private readonly allowances: TimeAllowancesRepository;
  private readonly reading: ReadingPreferencesRepository;

  constructor(private readonly deps: AdaptationsDeps) {
    this.allowances = new TimeAllowancesRepository(deps.db);
    this.reading = new ReadingPreferencesRepository(deps.db);
  }

  readingPreferencesOf(userId: string): Promise<ReadingPreferences> {
    return this.reading.find(userId);
  }

  /** The learner's own choice of text size, line spacing and read-aloud pace; a value not offered stores nothing. */
  async setReadingPreferences(userId: string, form: Record<string, unknown>): Promise<ReadingPreferences> {
    const read = readReadingForm(form);
    if (!read.ok) throw new BadRequestError('adaptations.errors.badReading', Object.fromEntries(read.fields.map((f) => [f, 'adaptations.errors.badReading'])));
    await this.reading.save(userId, read.value, this.deps.clock().toISOString());
    return read.value;
  }

  async timeAllowanceOf(userId: string): Promise<TimeAllowance> {
    return (await this.allowances.find(userId))?.allowance ?? 'standard';
  }

  /** The factor a new call of this learner starts with (null: no limit). */
  async timeFactorOf(userId: string): Promise<number | null> {
    return timeFactorOf(await this.timeAllowanceOf(userId));
  }

  /**
   * A trainer changes a learner's allowance: the row and its audit entry commit together. The
   * caller has checked that the trainer follows this learner. Anything but a known value is
   * refused before anything is written.
   */
  async setTimeAllowance(learnerId: string, value: unknown, origin: { actorId: string; ip: string | null }): Promise<TimeAllowance> {
    if (!isTimeAllowance(value)) throw new BadRequestError('adaptations.errors.badAllowance', { allowance: 'adaptations.errors.badAllowance' });
    const before = await this.timeAllowanceOf(learnerId);
    if (before === value) return value;
    const at = this.deps.clock().toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      await new TimeAllowancesRepository(trx).set(learnerId, value, origin.actorId, at);
      await this.deps.audit(trx, { at, action: 'time_allowance_changed', actorId: origin.actorId, subject: learnerId, ip: origin.ip, details: `${before} -> ${value}` });
    });
    return value;
  }
}
