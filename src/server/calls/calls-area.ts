import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { LrsService, SharedHandle } from '../../lrs/index.ts';
import type { Clock } from '../clock.ts';
import { unitOfWork } from '../db/unit-of-work.ts';
import { CallReviewsRepository } from './call-reviews.repository.ts';
import { CallsService } from './calls.service.ts';
import { createModuleAccess, type CallModuleAccess, type LearningModules } from './module-access.ts';
import { RoleplayCallsRepository } from './roleplay-calls.repository.ts';
import { CallRescoresRepository } from './rescore/call-rescores.repository.ts';
import { CallRescoreService } from './rescore/call-rescore.service.ts';
import { VoiceRepository } from './voice/voice.repository.ts';
import { VoiceService } from './voice/voice.service.ts';

/** The call player's part of the app context (ctx.calls). */
export interface CallsArea {
  /** Trainers' reviews of calls ("double écoute"), shown on the learner's debrief. */
  reviews: CallReviewsRepository;
  /** Stored calls (state, status, registration). */
  calls: RoleplayCallsRepository;
  service: CallsService;
  modules: CallModuleAccess;
  /** Trainers' scores of typed answers: they change the debrief, the evidence and the certificate. */
  rescores: CallRescoreService;
  /** The learner's voice: consent, recordings with their turns, withdrawal and retention. */
  voice: VoiceService;
}

export function createCallsArea(deps: {
  db: Kysely<Database>;
  /** The same connection naming no table, for units of work. */
  shared: SharedHandle;
  lrs: LrsService;
  clock: Clock;
  baseUrl: string;
  learning: LearningModules;
  /** The learner's "temps adapté" (adaptations area): a call keeps the factor it started with. */
  timeFactorOf?: (userId: string) => Promise<number | null>;
  /** VOICE_RETENTION_DAYS. */
  voiceRetentionDays?: number;
}): CallsArea {
  const calls = new RoleplayCallsRepository(deps.db);
  const modules = createModuleAccess(deps.db, deps.learning);
  const run = unitOfWork(deps.shared, deps.lrs);
  const voice = new VoiceRepository(deps.db);
  const service = new CallsService({ calls, modules, lrs: deps.lrs, run, clock: deps.clock, baseUrl: deps.baseUrl, timeFactorOf: deps.timeFactorOf ?? (async () => 1), voice });
  return {
    reviews: new CallReviewsRepository(deps.db, deps.clock),
    calls,
    modules,
    service,
    voice: new VoiceService({ voice, lrs: deps.lrs, run, clock: deps.clock, retentionDays: deps.voiceRetentionDays ?? 90 }),
    rescores: new CallRescoreService({ calls, rescores: new CallRescoresRepository(deps.db), modules, service, run, clock: deps.clock, baseUrl: deps.baseUrl }),
  };
}
