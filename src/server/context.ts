import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/connection.ts';
import type { Clock } from './clock.ts';
import type { Logger } from './logger.ts';
import { createLrs, type Lrs } from '../lrs/index.ts';
import { UsersRepository } from './accounts/users.repository.ts';
import { AuditRepository } from './accounts/audit.repository.ts';
import { AccountsService } from './accounts/accounts.service.ts';
import { LoginThrottleRepository } from './accounts/login-throttle.repository.ts';
import { KyselySessionStore } from './http/session-store.ts';
import { CohortsRepository } from './cohorts/cohorts.repository.ts';
import { CohortsService } from './cohorts/cohorts.service.ts';
import { OnboardingService } from './cohorts/onboarding.service.ts';
import { SettingsRepository } from './settings/settings.repository.ts';
import { createCallsArea, type CallsArea } from './calls/calls-area.ts';
import { buildFollowup, type Followup } from './followup/followup.ts';
import { buildCertificates, type Certificates } from './certificates/certificates.ts';
import { buildLearning, type Learning } from './learning/learning.ts';
import { loadSecretKey } from './secrets/secret-key.ts';
import { AdaptationsService } from './adaptations/adaptations.service.ts';
import { SpeechCache } from './speech/speech-cache.ts';
import { CompetencyFrameworks } from './courses/current-framework.ts';
import { AuthoringService } from './authoring/authoring.service.ts';

/**
 * Everything a request handler may use, built once per app from the config, the database and
 * the clock. Tests build their own with a fresh database and a movable clock.
 */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  logger: Logger;
  /** The secret key kept out of the database, read (or its file created) on first use. */
  secretKey: () => Buffer;
  lrs: Lrs;
  /** The HTTP sessions, in the database (also used to end a user's other sessions). */
  sessions: KyselySessionStore;
  repositories: {
    users: UsersRepository;
    audit: AuditRepository;
    cohorts: CohortsRepository;
    settings: SettingsRepository;
  };
  services: {
    accounts: AccountsService;
    cohorts: CohortsService;
    /** Whole groups at once: pasted lists of accounts, several members, a group's passwords. */
    onboarding: OnboardingService;
  };
  /** Simulated calls (call-player): calls, their service, trainers' reviews of calls. */
  calls: CallsArea;
  /** Trainer follow-up (trainer-followup): attendance, the trainer's scope. */
  followup: Followup;
  /** Learner player (learner-player): assignment, attempts, the progress projection (ctx.learning.progress). */
  learning: Learning;
  /** Certificates (certificates): release workflow, registry, signing key, verification. */
  certificates: Certificates;
  /** What fits each reader: the trainer's "temps adapté", the learner's reading preferences. */
  adaptations: AdaptationsService;
  /** Read-aloud audio ("Écouter"), synthesized on first use and kept on disk. */
  speech: SpeechCache;
  /** The competency framework as the last import stored it (never read from the file once stored). */
  frameworks: CompetencyFrameworks;
  /** Trainers' drafts of modules, their validation and publication (authoring). */
  authoring: AuthoringService;
}

export function buildContext(config: Config, database: DatabaseHandle, clock: Clock, logger: Logger): AppContext {
  const { db } = database;
  const users = new UsersRepository(db);
  const audit = new AuditRepository(db);
  const cohorts = new CohortsRepository(db);
  const settings = new SettingsRepository(db);
  const frameworks = new CompetencyFrameworks(db, config.coursesDir);
  // One accounts service, shared by the areas that need it.
  const accounts = new AccountsService(users, audit, clock, new LoginThrottleRepository(db));
  let secret: Buffer | null = null;
  const secretKey = () => (secret ??= loadSecretKey({ key: config.secretKey, file: config.secretKeyFile }));
  const lrs = createLrs({
    db: database.shared,
    dialect: database.dialect,
    baseUrl: config.instanceIri,
    clock,
    maxBodyBytes: config.lrsBodyLimitBytes,
  });
  const adaptations = new AdaptationsService({ db, clock, audit: (within, entry) => new AuditRepository(within).record(entry) });
  const learning = buildLearning({ db, shared: database.shared, dialect: database.dialect, lrs, baseUrl: config.instanceIri, clock, cohorts, onError: (message, error) => logger.error(message, error) });
  const calls = createCallsArea({ db, shared: database.shared, lrs: lrs.service, clock, baseUrl: config.instanceIri, learning, timeFactorOf: (userId) => adaptations.timeFactorOf(userId), voiceRetentionDays: config.voiceRetentionDays });
  const followup = buildFollowup(db, { cohorts, users, lrs: lrs.service, baseUrl: config.instanceIri, frameworks, clock });
  return {
    config,
    database,
    clock,
    logger,
    secretKey,
    lrs,
    sessions: new KyselySessionStore(db, clock, config.staffIdleMinutes * 60_000),
    repositories: { users, audit, cohorts, settings },
    services: {
      accounts,
      cohorts: new CohortsService(cohorts, users, audit, clock),
      onboarding: new OnboardingService(db, clock),
    },
    calls,
    adaptations,
    speech: new SpeechCache(config.speechCacheDir),
    frameworks,
    authoring: new AuthoringService(db, config.coursesDir, frameworks, clock),
    learning,
    followup,
    certificates: buildCertificates({
      db,
      shared: database.shared,
      lrs: lrs.service,
      // Identity only (evidence is read by actor): the links it prints use verifyBaseUrl.
      baseUrl: config.instanceIri,
      intranetBaseUrl: config.baseUrl,
      verifyBaseUrl: config.verifyBaseUrlSet ? config.verifyBaseUrl : null,
      frameworks,
      clock,
      logger,
      settings,
      secretKey,
      users,
      cohorts,
      accounts,
      attendanceHours: (userId, from, to) => followup.attendance.attendanceHours(userId, from, to),
      voiceRecordings: async (userId) => (await calls.voice.soundsOf(userId)).map(({ recording, content }) => ({ recordedAt: recording.recordedAt, turn: recording.turn, content })),
    }),
  };
}
