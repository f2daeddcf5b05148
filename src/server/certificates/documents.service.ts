/** Downloads: the leaving package (then the account is closed) and a cohort's certificates as one zip. */
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { Clock } from '../clock.ts';
import { NotFoundError } from '../errors.ts';
import type { EvidenceSource } from './evidence-source.ts';
import type { IssuingService } from './issuing.service.ts';
import { assertExportClean, maskRevealingStrings } from './export-guard.ts';
import { publicUrlRefusal } from './issuing-refusal.ts';
import { leavingPackageEntries } from './leaving-package.ts';
import { forbiddenWordsInUrl } from './forbidden-words.ts';
import type { RegistryRepository } from './registry.repository.ts';
import type { ReleasesRepository } from './releases.repository.ts';
import { printedNumber } from './snapshot.ts';
import { zipBuffer, type ZipEntry } from './zip.ts';

export class DocumentsService {
  constructor(
    private readonly deps: {
      registry: RegistryRepository;
      releases: ReleasesRepository;
      issuing: IssuingService;
      source: EvidenceSource;
      accounts: AccountsService;
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

  /** The zip; closes the learner's account to login (the package is what they leave with). */
  async leavingPackage(userId: string, origin: { ip: string | null; actorId: string | null }): Promise<{ name: string; zip: Buffer }> {
    const record = await this.currentCertificate(userId);
    const snapshot = record.snapshot as NonNullable<typeof record.snapshot>;
    if (this.deps.baseUrls.some((u) => forbiddenWordsInUrl(u).length > 0)) throw publicUrlRefusal(['baseUrlRevealing']);
    const entries = leavingPackageEntries({
      snapshot,
      pdf: await this.deps.issuing.pdf(record),
      jwt: record.credentialJwt as string,
      statements: maskRevealingStrings(await this.deps.source.statements(userId)),
    });
    assertExportClean(entries, [snapshot]);
    const zip = await zipBuffer(entries, new Date(snapshot.issuedAt));
    const now = this.deps.clock().toISOString();
    await this.deps.releases.update(userId, { closedAt: now }, origin.actorId, now);
    await this.deps.accounts.setActive(userId, false, origin);
    return { name: `dossier-de-sortie-${printedNumber(snapshot)}.zip`, zip };
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
