/**
 * Builds and signs the verification bundle on the intranet (`verify-bundle export`): the issuer
 * profile and keys, the revocation list with its validity window, one entry per certificate.
 */
import type { Clock } from '../../clock.ts';
import { issuerProfile } from '../credential/issuer-profile.ts';
import { jwksOf, type SigningKey } from '../credential/signing-key.ts';
import type { IssuingService } from '../issuing.service.ts';
import type { OrganisationRepository } from '../organisation.repository.ts';
import type { RegistryRepository } from '../registry.repository.ts';
import { bundleEntryOf, sha256Hex } from './bundle-entry.ts';
import { BUNDLE_TYPE, BUNDLE_VERSION, type BundlePayload } from './bundle-format.ts';
import { signBundle } from './bundle-signature.ts';
import { revealingTexts } from '../printed-texts.ts';
import { revealingFieldKey } from '../issuing-refusal.ts';
import { BadRequestError } from '../../errors.ts';
import type { BundlesRepository } from './bundles.repository.ts';
import { signedStatusList, statusListUrl } from '../status-list.ts';

export const DEFAULT_VALID_DAYS = 14;
const DAY_MS = 86_400_000;

export interface BundleExportDeps {
  registry: RegistryRepository;
  bundles: BundlesRepository;
  organisation: OrganisationRepository;
  issuing: IssuingService;
  signingKey: () => Promise<SigningKey>;
  clock: Clock;
}

export interface ExportedBundle {
  text: string;
  sequence: number;
  issuedAt: string;
  validUntil: string;
  certificates: number;
  revoked: number;
  kid: string;
}

export class BundleExportService {
  constructor(private readonly deps: BundleExportDeps) {}

  async export(validDays = DEFAULT_VALID_DAYS): Promise<ExportedBundle> {
    const key = await this.deps.signingKey();
    const now = this.deps.clock();
    const last = await this.deps.bundles.lastExport();
    // The public site orders bundles by sequence; a clock gone back would date a newer bundle earlier.
    if (last && last.issuedAt > now.toISOString()) throw new Error(`the clock (${now.toISOString()}) is behind the last export (${last.issuedAt}): set the clock right before exporting`);
    const issuedAt = now.toISOString();
    const validUntil = new Date(now.getTime() + validDays * DAY_MS).toISOString();
    const org = await this.deps.organisation.get();
    // The bundle leaves the intranet like a PDF: it must name a public site and no text in it
    // may reveal detention, whatever was issued before the lexicon grew or the organisation changed.
    const verifyBase = await this.deps.issuing.checkedPublicVerifyBaseUrl(org);
    const issuer = issuerProfile(org, verifyBase);
    const records = await this.deps.registry.list({}, Number.MAX_SAFE_INTEGER);
    const entries = [];
    const revoked: number[] = [];
    for (const record of records) {
      const entry = bundleEntryOf(record);
      entries.push(entry);
      if (record.status !== 'valid') revoked.push(entry.statusIndex);
    }
    entries.sort((a, b) => (a.id < b.id ? -1 : 1));
    const revealing = revealingTexts({ issuer, certificates: entries });
    if (revealing.length > 0) throw new BadRequestError('certificates.errors.bundleRevealing', Object.fromEntries(revealing.map((r) => [`revealing-${r.field}`, revealingFieldKey(r.field)])));
    const statusList = { url: statusListUrl(verifyBase), jwt: await signedStatusList({ verifyBase, issuerName: issuer.name, validFrom: issuedAt, validUntil, revokedIndexes: revoked }, key) };
    for (let sequence = (last?.sequence ?? 0) + 1; ; sequence++) {
      const payload: BundlePayload = {
        type: BUNDLE_TYPE,
        version: BUNDLE_VERSION,
        sequence,
        issuedAt,
        issuer,
        jwks: jwksOf([key]) as BundlePayload['jwks'],
        statusList: { url: statusList.url, validFrom: issuedAt, validUntil, credential: statusList.jwt },
        certificates: entries,
      };
      const text = await signBundle(payload, key);
      if (await this.deps.bundles.recordExport({ sequence, issuedAt, validUntil, sha256: sha256Hex(text), certificates: entries.length })) {
        return { text, sequence, issuedAt, validUntil, certificates: entries.length, revoked: revoked.length, kid: key.kid };
      }
    }
  }
}
