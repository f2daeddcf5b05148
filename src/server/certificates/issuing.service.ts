/**
 * Issue, preview, re-issue and revoke. Issuing freezes a snapshot, signs its credential (with
 * its status list entry), renders the PDF once, and stores the registry row, the PDF, both
 * hashes and the "earned" statement in one unit of work. The certificate id is derived from the
 * issue form's key (or from the certificate re-issued), so a double submit or a retry finds its
 * own effect; the partial unique index keeps one valid certificate per learner.
 */
import crypto from 'node:crypto';
import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';
import type { Clock } from '../clock.ts';
import type { RunUnitOfWork } from '../db/unit-of-work.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { BadRequestError, ConflictError, NotFoundError } from '../errors.ts';
import { searchKey } from '../text/search-key.ts';
import { appraisalComplete } from './appraisal.ts';
import { earnedStatement } from './certificate-statements.ts';
import { formatCertificateNumber } from './certificate-number.ts';
import { openBadgeCredential, rncpUrlOf } from './credential/open-badge.ts';
import type { SigningKey } from './credential/signing-key.ts';
import { signCredential } from './credential/vc-jwt.ts';
import { missingOrganisationFields, type Organisation } from './organisation.ts';
import type { OrganisationRepository } from './organisation.repository.ts';
import { renderCertificatePdf } from './pdf/certificate-pdf.ts';
import { revealingTexts } from './printed-texts.ts';
import { publicUrlProblems } from './public-url-check.ts';
import { publicUrlRefusal, revealingTextRefusal } from './issuing-refusal.ts';
import type { CertificateRecord, RegistryRepository } from './registry.repository.ts';
import type { ReleaseService } from './release.service.ts';
import type { ReleasesRepository } from './releases.repository.ts';
import { buildSnapshot, snapshotHash, type CertificateSnapshot, type SnapshotInput } from './snapshot.ts';
import { randomStatusIndex, statusListEntry } from './status-list.ts';
import { thinEvidenceWarnings } from './thin-evidence.ts';
import { randomVerificationCode } from './verification-code.ts';

/** An issuing refusal shown on the review page, next to the issue button. */
const issueError = (key: string) => new BadRequestError(key, { issue: key });

export const PREVIEW_NUMBER = 'TRP-0000-000000-0';
export const PREVIEW_CODE = 'TRP-0000-0000';
const PREVIEW_ID = '00000000-0000-4000-8000-000000000000';
/** Namespace of the certificate ids derived from an issue's identity (UUID v5). */
const ISSUE_NAMESPACE = '6f1d7c1e-3b0a-5c8e-9f47-2a1f0c9d8e21';
const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');
/** Draws of a sequence number, status index or code already taken by a parallel issue. */
const MAX_DRAWS = 5;

/** The id a re-issue of this certificate gets: every re-issue of it (parallel, retried) is the same one. */
export const reissuedCertificateId = (certificateId: string): string => uuidv5(`reissue:${certificateId}`, ISSUE_NAMESPACE);

export interface CertificateIdentity {
  id: string;
  number: string;
  verificationCode: string;
  replaces: string | null;
}

export interface IssuingDeps {
  release: ReleaseService;
  releases: ReleasesRepository;
  registry: RegistryRepository;
  organisation: OrganisationRepository;
  signingKey: () => Promise<SigningKey>;
  /** The intranet's BASE_URL: written into exported statements, never the verification address. */
  baseUrl: string;
  /** The intranet's BASE_URL: never the verification address. */
  intranetBaseUrl: string;
  /** VERIFY_BASE_URL, null while unset. */
  verifyBaseUrl: string | null;
  clock: Clock;
  run: RunUnitOfWork;
}

export class IssuingService {
  constructor(private readonly deps: IssuingDeps) {}

  /** The public verification address: the organisation's override, else VERIFY_BASE_URL; null when neither is set. */
  async publicVerifyBaseUrl(org?: Organisation): Promise<string | null> {
    const organisation = org ?? (await this.deps.organisation.get());
    return (organisation.verifyBaseUrl ?? this.deps.verifyBaseUrl)?.replace(/\/+$/, '') ?? null;
  }

  /** The address this instance names itself by: the public one, else its own BASE_URL. */
  async verifyBaseUrl(org?: Organisation): Promise<string> {
    return (await this.publicVerifyBaseUrl(org)) ?? this.deps.baseUrl.replace(/\/+$/, '');
  }

  /**
   * The public verification address, refused (translated) when it is unset, is the intranet's,
   * names this computer or reveals detention: what issuing and the verification bundle both need.
   */
  async checkedPublicVerifyBaseUrl(org?: Organisation): Promise<string> {
    const verifyBaseUrl = await this.publicVerifyBaseUrl(org);
    const urlProblems = publicUrlProblems({ verifyBaseUrl, baseUrls: [this.deps.intranetBaseUrl, this.deps.baseUrl] });
    if (urlProblems.length > 0 || verifyBaseUrl === null) throw publicUrlRefusal(urlProblems);
    return verifyBaseUrl;
  }

  /** What the learner's certificate would say now, less its identity; refuses what must not be printed. */
  private async draft(userId: string): Promise<{ input: Omit<SnapshotInput, keyof CertificateIdentity | 'issuedAt'>; cohortId: string | null }> {
    const review = await this.deps.release.review(userId);
    const organisation = await this.deps.organisation.get();
    const missing = missingOrganisationFields(organisation);
    if (missing.length > 0) throw issueError('certificates.errors.organisationIncomplete');
    if (!review.release.leavingDate) throw issueError('certificates.errors.leavingDateMissing');
    if (!appraisalComplete(review.release.appraisal)) throw issueError('certificates.errors.appraisalIncomplete');
    const verifyBaseUrl = await this.checkedPublicVerifyBaseUrl(organisation);
    return {
      cohortId: review.cohortId,
      input: {
        learner: { fullName: review.learner.displayName, birthDate: review.release.birthDate },
        period: review.period,
        evidence: review.evidence,
        framework: review.framework,
        appraisal: review.release.appraisal,
        organisation,
        verifyBaseUrl,
      },
    };
  }

  private snapshotOf(draft: Awaited<ReturnType<IssuingService['draft']>>['input'], identity: CertificateIdentity): CertificateSnapshot {
    const snapshot = buildSnapshot({ ...draft, ...identity, issuedAt: this.deps.clock().toISOString() });
    // Every string of the snapshot: the PDF, the credential and the exports are all built from it.
    const revealing = revealingTexts(snapshot);
    if (revealing.length > 0) throw revealingTextRefusal(revealing);
    return snapshot;
  }

  /** The snapshot the learner's certificate would have now; refuses what must not be printed. */
  async snapshotFor(userId: string, identity: CertificateIdentity): Promise<{ snapshot: CertificateSnapshot; cohortId: string | null }> {
    const { input, cohortId } = await this.draft(userId);
    return { snapshot: this.snapshotOf(input, identity), cohortId };
  }

  /** The credential (with its status entry) and the PDF that carries it. */
  private async documents(snapshot: CertificateSnapshot, statusIndex: number, preview = false): Promise<{ jwt: string; pdf: Buffer }> {
    const key = await this.deps.signingKey();
    const base = snapshot.issuer.id.replace(/\/issuer$/, '');
    const jwt = await signCredential(openBadgeCredential(snapshot, rncpUrlOf(snapshot.training.reference), statusListEntry(base, statusIndex)), key);
    const pdf = await renderCertificatePdf({ snapshot, credentialJwt: jwt, logo: await this.logo(snapshot), preview });
    return { jwt, pdf };
  }

  /** A PDF of what would be issued now, marked as a preview, stored nowhere. */
  async preview(userId: string): Promise<Buffer> {
    const { snapshot } = await this.snapshotFor(userId, { id: PREVIEW_ID, number: PREVIEW_NUMBER, verificationCode: PREVIEW_CODE, replaces: null });
    return (await this.documents(snapshot, 0, true)).pdf;
  }

  /**
   * Issuing from the trainer's review page: when the evidence is thin (thin-evidence.ts) the
   * trainer must have ticked that they read the warning; otherwise nothing is stored.
   */
  async issueAfterReview(userId: string, by: string, thinEvidenceAcknowledged: boolean, options: { requestKey?: string } = {}): Promise<CertificateRecord> {
    const review = await this.deps.release.review(userId);
    if (!thinEvidenceAcknowledged && thinEvidenceWarnings(review.evidence).length > 0) {
      throw new BadRequestError('certificates.errors.thinEvidenceNotAcknowledged', { acknowledgeThinEvidence: 'certificates.errors.thinEvidenceNotAcknowledged' });
    }
    return this.issue(userId, by, options);
  }

  /**
   * Issues the learner's certificate. `requestKey` is the issue form's key: posts of the same form
   * (double click, parallel submits, a retry) derive the same certificate id and get the same
   * certificate; without it, the second of two issues is refused as already issued.
   */
  async issue(userId: string, by: string, options: { requestKey?: string } = {}): Promise<CertificateRecord> {
    const id = options.requestKey ? uuidv5(`issue:${userId}:${options.requestKey}`, ISSUE_NAMESPACE) : uuidv4();
    return this.commit(userId, by, id, null);
  }

  /** A new certificate (new number and code) from today's evidence; the old one is marked replaced, atomically. */
  async reissue(id: string, by: string): Promise<CertificateRecord> {
    const record = await this.require(id);
    const replacementId = reissuedCertificateId(record.id);
    // A parallel or repeated re-issue of this certificate already committed: it is the answer.
    if (record.status === 'replaced' && record.replacedBy === replacementId) return this.require(replacementId);
    if (record.status !== 'valid' || record.userId === null) throw new ConflictError('certificates.errors.notValid');
    return this.commit(record.userId, by, replacementId, record);
  }

  private async commit(userId: string, by: string, id: string, replaces: CertificateRecord | null): Promise<CertificateRecord> {
    const done = await this.deps.registry.findById(id);
    if (done) return done;
    if (!replaces) await this.refuseIfIssued(userId);
    const { input, cohortId } = await this.draft(userId);
    const key = await this.deps.signingKey();
    const year = Number(this.deps.clock().toISOString().slice(0, 4));
    for (let draw = 1; ; draw++) {
      // Reads stay outside the unit of work (on SQLite the outer handle would wait for it).
      const seq = await this.deps.registry.nextSeq(year);
      let statusIndex = randomStatusIndex();
      let verificationCode = randomVerificationCode();
      while (await this.deps.registry.identifiersTaken(statusIndex, verificationCode)) {
        statusIndex = randomStatusIndex();
        verificationCode = randomVerificationCode();
      }
      const number = formatCertificateNumber(year, seq);
      const snapshot = this.snapshotOf(input, { id, number, verificationCode, replaces: replaces?.number ?? null });
      const { jwt, pdf } = await this.documents(snapshot, statusIndex);
      try {
        await this.deps.run(async (uow) => {
          const registry = this.deps.registry.within(uow.db);
          // Replaced first: the one-valid-per-learner index would refuse the new row next to the old.
          if (replaces && !(await registry.markReplaced(replaces.id, id, snapshot.issuedAt))) throw new ConflictError('certificates.errors.notValid');
          await registry.insert({
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
            searchKey: searchKey(`${snapshot.holder.fullName} ${number} ${verificationCode}`),
            statusIndex,
            verificationCode,
            pdf,
            pdfSha256: sha256(pdf),
            credentialSha256: sha256(jwt),
            replacesId: replaces?.id ?? null,
          });
          await uow.lrs.storeStatements([earnedStatement(this.deps.baseUrl, userId, snapshot, replaces?.id ?? null)]);
        });
      } catch (err) {
        // A parallel post of the same issue committed first: its certificate is this one.
        const winner = await this.deps.registry.findById(id);
        if (winner) return winner;
        if (err instanceof ConflictError || !isUniqueViolation(err)) throw err;
        if (!replaces) await this.refuseIfIssued(userId);
        // Otherwise a parallel issue took the sequence number, status index or code: draw again.
        if (draw >= MAX_DRAWS) throw err;
        continue;
      }
      return this.require(id);
    }
  }

  private async refuseIfIssued(userId: string): Promise<void> {
    const current = await this.deps.registry.list({ userId, status: 'valid' }, 1);
    if (current.length > 0) throw new ConflictError('certificates.errors.alreadyIssued', { issue: 'certificates.errors.alreadyIssued' });
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

  /** The PDF as issued (the bytes whose hash the registry holds); rendered again only for certificates issued before PDFs were kept. */
  async pdf(record: CertificateRecord): Promise<Buffer> {
    if (!record.snapshot || !record.credentialJwt) throw new NotFoundError('certificates.errors.purged');
    const issued = await this.deps.registry.issuedPdf(record.id);
    if (issued) return issued;
    return renderCertificatePdf({ snapshot: record.snapshot, credentialJwt: record.credentialJwt, logo: await this.logo(record.snapshot) });
  }

  private async logo(snapshot: CertificateSnapshot): Promise<Buffer | null> {
    if (!snapshot.issuer.logoSha256) return null;
    return (await this.deps.organisation.asset(snapshot.issuer.logoSha256))?.data ?? null;
  }
}
