/**
 * Loads a bundle on the public site (`verify-bundle import`). The bundle must be signed by the
 * issuer key the site pinned, and newer than the one loaded (no rollback to a list where a
 * revoked certificate was still valid). A refused bundle stores nothing.
 */
import type { Clock } from '../../clock.ts';
import { readBundle, type BundleRefusal } from './bundle-signature.ts';
import type { BundlesRepository } from './bundles.repository.ts';

export type ImportRefusal = BundleRefusal | 'rollback' | 'pin_mismatch';

export type ImportOutcome =
  | { ok: true; alreadyLoaded: boolean; pinned: boolean; kid: string; sequence: number; issuedAt: string; validUntil: string; certificates: number; stale: boolean }
  | { ok: false; reason: ImportRefusal; loadedSequence: number | null; sequence: number | null };

export class BundleImportService {
  constructor(private readonly deps: { bundles: BundlesRepository; clock: Clock }) {}

  /**
   * `pinKid`: the thumbprint of the issuer key to trust, as `verify-bundle export` printed it on
   * the intranet. Optional at the first import (the bundle's key is then trusted as it is, and
   * printed for checking), required to move to a new key after a rotation.
   */
  async import(text: string, options: { pinKid?: string } = {}): Promise<ImportOutcome> {
    const pinned = await this.deps.bundles.pinnedJwks();
    const repin = options.pinKid !== undefined && !(pinned?.keys.some((k) => k.kid === options.pinKid) ?? false);
    const read = await readBundle(text, repin ? null : pinned);
    const latest = await this.deps.bundles.latest();
    const refused = (reason: ImportRefusal, sequence: number | null = null): ImportOutcome => ({ ok: false, reason, loadedSequence: latest?.sequence ?? null, sequence });
    if (!read.ok) return refused(read.reason);
    if (options.pinKid !== undefined && read.kid !== options.pinKid) return refused('pin_mismatch', read.bundle.sequence);
    const { bundle } = read;
    const summary = {
      kid: read.kid,
      sequence: bundle.sequence,
      issuedAt: bundle.issuedAt,
      validUntil: bundle.statusList.validUntil,
      certificates: bundle.certificates.length,
      stale: this.deps.clock().toISOString() > bundle.statusList.validUntil,
    };
    if (latest && bundle.sequence <= latest.sequence) {
      if (bundle.sequence === latest.sequence && read.sha256 === latest.sha256) return { ok: true, alreadyLoaded: true, pinned: false, ...summary };
      return refused('rollback', bundle.sequence);
    }
    const pin = pinned === null || repin ? (bundle.jwks as { keys: import('jose').JWK[] }) : null;
    await this.deps.bundles.store({ sequence: bundle.sequence, issuedAt: bundle.issuedAt, sha256: read.sha256, kid: read.kid, text: text.trim(), importedAt: this.deps.clock().toISOString() }, pin);
    return { ok: true, alreadyLoaded: false, pinned: pin !== null, ...summary };
  }
}
