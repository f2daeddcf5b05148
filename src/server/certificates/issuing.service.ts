/**
 * Issue, preview, re-issue and revoke. Issuing freezes a snapshot, signs its credential, stores
 * both in the registry; the PDF is rendered from the stored snapshot whenever it is asked for.
 */
import { v4 as uuidv4 } from 'uuid';
import type { Clock } from '../clock.ts';
import { BadRequestError, ConflictError, NotFoundError } from '../errors.ts';
import { searchKey } from '../text/search-key.ts';
import { appraisalComplete } from './appraisal.ts';
import { formatCertificateNumber } from './certificate-number.ts';
import { openBadgeCredential, rncpUrlOf } from './credential/open-badge.ts';
import type { SigningKey } from './credential/signing-key.ts';
import { signCredential } from './credential/vc-jwt.ts';
import { missingOrganisationFields, type Organisation } from './organisation.ts';
import type { OrganisationRepository } from './organisation.repository.ts';
import { renderCertificatePdf } from './pdf/certificate-pdf.ts';
import type { CertificateRecord, RegistryRepository } from './registry.repository.ts';
import type { ReleaseService } from './release.service.ts';
import type { ReleasesRepository } from './releases.repository.ts';
import { buildSnapshot, revealingTexts, snapshotHash, type CertificateSnapshot } from './snapshot.ts';
import { thinEvidenceWarnings } from './thin-evidence.ts';

/** An issuing refusal shown on the review page, next to the issue button. */
const issueError = (key: string) => new BadRequestError(key, { issue: key });

export const PREVIEW_NUMBER = 'TRP-0000-000000-0';
const PREVIEW_ID = '00000000-0000-4000-8000-000000000000';

export interface IssuingDeps {
  release: ReleaseService;
  releases: ReleasesRepository;
  registry: RegistryRepository;
  organisation: OrganisationRepository;
  signingKey: () => Promise<SigningKey>;
  verifyBaseUrl: string;
  clock: Clock;
}

export class IssuingService {
  constructor(private readonly deps: IssuingDeps) {}

  /** The organisation as printed, with the VERIFY_BASE_URL override applied. */
  async verifyBaseUrl(org?: Organisation): Promise<string> {
    const organisation = org ?? (await this.deps.organisation.get());
    return (organisation.verifyBaseUrl ?? this.deps.verifyBaseUrl).replace(/\/+$/, '');
  }

  /** The snapshot the learner's certificate would have now; refuses what must not be printed. */
  async snapshotFor(userId: string, identity: { id: string; number: string; replaces: string | null }): Promise<{ snapshot: CertificateSnapshot; cohortId: string | null }> {
    const review = await this.deps.release.review(userId);
    const organisation = await this.deps.organisation.get();
    const missing = missingOrganisationFields(organisation);
    if (missing.length > 0) throw issueError('certificates.errors.organisationIncomplete');
    if (!review.release.leavingDate) throw issueError('certificates.errors.leavingDateMissing');
    if (!appraisalComplete(review.release.appraisal)) throw issueError('certificates.errors.appraisalIncomplete');
    const snapshot = buildSnapshot({
      ...identity,
      issuedAt: this.deps.clock().toISOString(),
      learner: { fullName: review.learner.displayName, birthDate: review.release.birthDate },
      period: review.period,
      evidence: review.evidence,
      framework: this.deps.release.framework(),
      appraisal: review.release.appraisal,
      organisation,
      verifyBaseUrl: await this.verifyBaseUrl(organisation),
    });
    if (revealingTexts(snapshot).length > 0) throw issueError('certificates.errors.revealingText');
    return { snapshot, cohortId: review.cohortId };
  }

  /** A PDF of what would be issued now, marked as a preview, stored nowhere. */
  async preview(userId: string): Promise<Buffer> {
    const { snapshot } = await this.snapshotFor(userId, { id: PREVIEW_ID, number: PREVIEW_NUMBER, replaces: null });
    const key = await this.deps.signingKey();
    const jwt = await signCredential(openBadgeCredential(snapshot, rncpUrlOf(snapshot.training.reference)), key);
    return renderCertificatePdf({ snapshot, credentialJwt: jwt, logo: await this.logo(snapshot), preview: true });
  }

  /**
   * Issuing from the trainer's review page: when the evidence is thin (thin-evidence.ts) the
   * trainer must have ticked that they read the warning; otherwise nothing is stored.
   */
  async issueAfterReview(userId: string, by: string, thinEvidenceAcknowledged: boolean): Promise<CertificateRecord> {
    const review = await this.deps.release.review(userId);
    if (!thinEvidenceAcknowledged && thinEvidenceWarnings(review.evidence).length > 0) {
      throw new BadRequestError('certificates.errors.thinEvidenceNotAcknowledged', { acknowledgeThinEvidence: 'certificates.errors.thinEvidenceNotAcknowledged' });
    }
    return this.issue(userId, by);
  }

  async issue(userId: string, by: string, replaces: CertificateRecord | null = null): Promise<CertificateRecord> {
    if (!replaces) {
      const current = await this.deps.registry.list({ userId, status: 'valid' }, 1);
      if (current.length > 0) throw new ConflictError('certificates.errors.alreadyIssued', { issue: 'certificates.errors.alreadyIssued' });
    }
    const key = await this.deps.signingKey();
    const year = Number(this.deps.clock().toISOString().slice(0, 4));
    // Two trainers issuing at once may pick the same sequence: the unique number refuses the second, which retries.
    for (let attempt = 0; ; attempt++) {
      const seq = await this.deps.registry.nextSeq(year);
      const id = uuidv4();
      const number = formatCertificateNumber(year, seq);
      const { snapshot, cohortId } = await this.snapshotFor(userId, { id, number, replaces: replaces?.number ?? null });
      const jwt = await signCredential(openBadgeCredential(snapshot, rncpUrlOf(snapshot.training.reference)), key);
      try {
        await this.deps.registry.insert({
          id,
          number,
          year,
          seq,
          userId,
          cohortId,
          snapshot,
          snapshotHash: snapshotHash(snapshot),
          credentialJwt: jwt,
          keyId: key.kid,
          issuedBy: by,
          searchKey: searchKey(`${snapshot.holder.fullName} ${number}`),
        });
      } catch (err) {
        if (attempt < 3 && (await this.deps.registry.findByNumber(number))) continue;
        throw err;
      }
      if (replaces) await this.deps.registry.markReplaced(replaces.id, id, snapshot.issuedAt);
      return (await this.deps.registry.findById(id)) as CertificateRecord;
    }
  }

  async require(id: string): Promise<CertificateRecord> {
    const record = await this.deps.registry.findById(id);
    if (!record) throw new NotFoundError();
    return record;
  }

  async revoke(id: string, reason: string): Promise<void> {
    const record = await this.require(id);
    if (record.status !== 'valid') throw new ConflictError('certificates.errors.notValid');
    await this.deps.registry.revoke(id, reason.trim(), this.deps.clock().toISOString());
  }

  /** A new certificate (new number) from today's evidence; the old one is marked replaced. */
  async reissue(id: string, by: string): Promise<CertificateRecord> {
    const record = await this.require(id);
    if (record.status !== 'valid' || record.userId === null) throw new ConflictError('certificates.errors.notValid');
    return this.issue(record.userId, by, record);
  }

  async pdf(record: CertificateRecord): Promise<Buffer> {
    if (!record.snapshot || !record.credentialJwt) throw new NotFoundError('certificates.errors.purged');
    return renderCertificatePdf({ snapshot: record.snapshot, credentialJwt: record.credentialJwt, logo: await this.logo(record.snapshot) });
  }

  private async logo(snapshot: CertificateSnapshot): Promise<Buffer | null> {
    if (!snapshot.issuer.logoSha256) return null;
    return (await this.deps.organisation.asset(snapshot.issuer.logoSha256))?.data ?? null;
  }
}
