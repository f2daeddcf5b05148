/** The certificates area as other code finds it on the AppContext (ctx.certificates). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { LrsService, SharedHandle } from '../../lrs/index.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { UsersRepository } from '../accounts/users.repository.ts';
import type { Clock } from '../clock.ts';
import { unitOfWork } from '../db/unit-of-work.ts';
import type { CohortsRepository } from '../cohorts/cohorts.repository.ts';
import type { AttendanceHoursFn } from '../evidence/training-hours.ts';
import type { SettingsRepository } from '../settings/settings.repository.ts';
import type { Logger } from '../logger.ts';
import { buildBundles, type Bundles } from './bundle/bundles.ts';
import { jwksOf, loadSigningKey, parseStoredPublicJwk, SIGNING_KEY_SETTING, type SigningKey } from './credential/signing-key.ts';
import { DocumentsService, type VoiceRecordingsFn } from './documents.service.ts';
import { EvidenceSource } from './evidence-source.ts';
import { IssuingService } from './issuing.service.ts';
import { OrganisationRepository } from './organisation.repository.ts';
import { PurgeService } from './purge.service.ts';
import { RegistryRepository } from './registry.repository.ts';
import { ReleaseService } from './release.service.ts';
import { ReleasesRepository } from './releases.repository.ts';
import { signedStatusList } from './status-list.ts';
import { verifyCredentialJwt, type VerificationResult } from './verification.ts';
import type { CompetencyFrameworks } from '../courses/current-framework.ts';

/** How long a status list served online stays valid: a verifier caching it must fetch a new one by then. */
export const ONLINE_STATUS_LIST_VALIDITY_MS = 24 * 3600 * 1000;

export interface CertificatesDeps {
  db: Kysely<Database>;
  /** The same connection naming no table, for units of work. */
  shared: SharedHandle;
  lrs: LrsService;
  baseUrl: string;
  /** BASE_URL, where the intranet answers (baseUrl is the xAPI identity). */
  intranetBaseUrl: string;
  /** VERIFY_BASE_URL; null while unset. */
  verifyBaseUrl: string | null;
  /** The competency framework as the last import stored it. */
  frameworks: CompetencyFrameworks;
  clock: Clock;
  logger: Logger;
  settings: SettingsRepository;
  /** Seals the signing key's private half (secrets/secret-key.ts). */
  secretKey: () => Buffer;
  users: UsersRepository;
  cohorts: CohortsRepository;
  accounts: AccountsService;
  /** trainer-followup's attendanceHours(userId, from?, to?). */
  attendanceHours: AttendanceHoursFn;
  /** The calls area's recordings of the learner's voice, for the leaving package when they ask. */
  voiceRecordings: VoiceRecordingsFn;
}

export interface Certificates {
  organisation: OrganisationRepository;
  releases: ReleasesRepository;
  registry: RegistryRepository;
  release: ReleaseService;
  issuing: IssuingService;
  documents: DocumentsService;
  purge: PurgeService;
  /** Verification bundles: export (intranet), import and the published registry (public site). */
  bundles: Bundles;
  signingKey(): Promise<SigningKey>;
  jwks(): Promise<ReturnType<typeof jwksOf>>;
  verifyJwt(jwt: string): Promise<VerificationResult>;
  /** The revocation status list credential as a VC-JWT, as of now (served at /status/1). */
  statusList(): Promise<string>;
}

export function buildCertificates(deps: CertificatesDeps): Certificates {
  const organisation = new OrganisationRepository(deps.db, deps.settings);
  const releases = new ReleasesRepository(deps.db);
  const registry = new RegistryRepository(deps.db);
  const source = new EvidenceSource({ db: deps.db, lrs: deps.lrs, baseUrl: deps.baseUrl, frameworks: deps.frameworks, attendanceHours: deps.attendanceHours });
  const release = new ReleaseService({ users: deps.users, cohorts: deps.cohorts, releases, source, baseUrl: deps.baseUrl, clock: deps.clock });
  let key: Promise<SigningKey> | null = null;
  const signingKey = () => {
    key ??= loadSigningKey(deps.settings, deps.clock, deps.secretKey).catch((err: unknown) => {
      key = null;
      throw err;
    });
    return key;
  };
  const issuing = new IssuingService({
    release,
    releases,
    registry,
    organisation,
    signingKey,
    verifyBaseUrl: deps.verifyBaseUrl,
    baseUrl: deps.baseUrl,
    intranetBaseUrl: deps.intranetBaseUrl,
    clock: deps.clock,
    run: unitOfWork(deps.shared, deps.lrs),
  });
  const documents = new DocumentsService({ registry, releases, issuing, source, accounts: deps.accounts, voiceRecordings: deps.voiceRecordings, clock: deps.clock, baseUrls: [deps.intranetBaseUrl, deps.baseUrl] });
  const purge = new PurgeService({ db: deps.db, registry, releases, clock: deps.clock });
  // The public key is stored in clear: publishing it needs no secret key.
  const jwks = async () => {
    const stored = await deps.settings.get(SIGNING_KEY_SETTING);
    return stored === null ? jwksOf([await signingKey()]) : { keys: [parseStoredPublicJwk(stored)] };
  };
  const bundles = buildBundles({ db: deps.db, registry, organisation, issuing, signingKey, clock: deps.clock, logger: deps.logger });
  return {
    organisation,
    releases,
    registry,
    release,
    issuing,
    documents,
    purge,
    bundles,
    signingKey,
    jwks,
    verifyJwt: async (jwt) => verifyCredentialJwt(jwt, await jwks(), (id) => registry.findById(id)),
    statusList: async () => {
      const org = await organisation.get();
      const now = deps.clock();
      return signedStatusList(
        {
          verifyBase: await issuing.verifyBaseUrl(org),
          issuerName: org.name,
          revokedIndexes: await registry.revokedStatusIndexes(),
          validFrom: now.toISOString(),
          validUntil: new Date(now.getTime() + ONLINE_STATUS_LIST_VALIDITY_MS).toISOString(),
        },
        await signingKey(),
      );
    },
  };
}
