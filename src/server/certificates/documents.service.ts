/**
 * Downloads: the leaving package (downloadable again for a few days; the account closes when the
 * learner or the trainer confirms they have it) and a cohort's certificates as one zip.
 */
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { Clock } from '../clock.ts';
import { AppError, ConflictError, NotFoundError } from '../errors.ts';
import type { EvidenceSource } from './evidence-source.ts';
import type { IssuingService } from './issuing.service.ts';
import { assertExportClean, maskRevealingStrings } from './export-guard.ts';
import { publicUrlRefusal } from './issuing-refusal.ts';
import { leavingPackageEntries } from './leaving-package.ts';
import { packageAvailableUntil, packageStillAvailable } from './leaving-package-window.ts';
import { forbiddenWordsInUrl } from './forbidden-words.ts';
import type { RegistryRepository } from './registry.repository.ts';
import type { ReleasesRepository } from './releases.repository.ts';
import { printedNumber } from './snapshot.ts';
import { zipBuffer, type ZipEntry } from './zip.ts';

/** The learner's voice recordings (calls area), oldest first: added to the package only when they ask. */
export type VoiceRecordingsFn = (userId: string) => Promise<Array<{ recordedAt: string; turn: number; content: Buffer }>>;

export class DocumentsService {
  constructor(
    private readonly deps: {
      registry: RegistryRepository;
      releases: ReleasesRepository;
      issuing: IssuingService;
      source: EvidenceSource;
      accounts: AccountsService;
      voiceRecordings: VoiceRecordingsFn;
      clock: Clock;
      /** BASE_URL and the xAPI identity, written into the exported statements. */
      baseUrls: readonly string[];
    },
  ) {}

  /** The learner's valid certificate, or 404. */
  async currentCertificate(userId: string) {
    const [record] = await this.deps.registry.list({ userId, status: 'valid' }, 1);
    if (!record || !record.snapshot || !record.credentialJwt) throw new NotFoundError('certificates.errors.noCertificate');
    return record;
  }

  /**
   * The zip. The account stays open: the package can be downloaded again until
   * LEAVING_PACKAGE_DAYS after its first download (the same bytes while nothing new is recorded),
   * then the answer is 410 with the reason.
   */
  async leavingPackage(userId: string, options: { withRecordings?: boolean } = {}): Promise<{ name: string; zip: Buffer; availableUntil: string }> {
    const record = await this.currentCertificate(userId);
    const snapshot = record.snapshot as NonNullable<typeof record.snapshot>;
    if (!packageStillAvailable((await this.deps.releases.get(userId)).packageFirstAt, this.deps.clock())) {
      throw new AppError(410, 'package_expired', 'certificates.errors.packageExpired');
    }
    if (this.deps.baseUrls.some((u) => forbiddenWordsInUrl(u).length > 0)) throw publicUrlRefusal(['baseUrlRevealing']);
    const entries = leavingPackageEntries({
      snapshot,
      pdf: await this.deps.issuing.pdf(record),
      jwt: record.credentialJwt as string,
      statements: maskRevealingStrings(await this.deps.source.statements(userId)),
      recordings: options.withRecordings ? await this.deps.voiceRecordings(userId) : [],
    });
    assertExportClean(entries, [snapshot]);
    const zip = await zipBuffer(entries, new Date(snapshot.issuedAt));
    // Marked once the zip is built: a package that failed to build does not start the period.
    const first = await this.deps.releases.markPackageDownloaded(userId, this.deps.clock().toISOString());
    return { name: `dossier-de-sortie-${printedNumber(snapshot)}.zip`, zip, availableUntil: packageAvailableUntil(first) };
  }

  /**
   * Closes the learner's account once they (or their trainer) confirmed they have the package:
   * 409 if it was never downloaded. A second confirmation (a double click, a retry after a cut)
   * changes nothing more; the account is made inactive again in case the first was interrupted.
   */
  async closeAfterPackage(userId: string, origin: { ip: string | null; actorId: string | null }): Promise<'closed' | 'alreadyClosed'> {
    const outcome = await this.deps.releases.markClosed(userId, this.deps.clock().toISOString(), origin.actorId);
    if (outcome === 'notDownloaded') throw new ConflictError('certificates.errors.packageNotDownloaded');
    await this.deps.accounts.setActive(userId, false, origin);
    return outcome;
  }

  /** Every valid certificate of a cohort, as PDFs plus credentials. */
  async cohortZip(cohortId: string): Promise<Buffer> {
    const records = (await this.deps.registry.list({ cohortId, status: 'valid' }, 1000)).filter((r) => r.snapshot && r.credentialJwt);
    const entries: ZipEntry[] = [];
    for (const record of records) {
      entries.push({ name: `attestation-${record.verificationCode ?? record.number}.pdf`, data: await this.deps.issuing.pdf(record) });
      entries.push({ name: `attestation-${record.verificationCode ?? record.number}.jwt`, data: Buffer.from(`${record.credentialJwt as string}\n`) });
    }
    assertExportClean(entries, records.map((r) => r.snapshot));
    return zipBuffer(entries, new Date(this.deps.clock().toISOString().slice(0, 10)));
  }
}
