/**
 * The public site's registry: the loaded bundle with the highest sequence, checked again against
 * the pinned key when it is first read, and kept in memory until a newer one is imported.
 */
import type { Logger } from '../../logger.ts';
import { readBundle } from './bundle-signature.ts';
import type { BundlesRepository } from './bundles.repository.ts';
import { publishedBundle, type PublishedBundle } from './published-bundle.ts';

export class PublishedRegistry {
  private cached: { sequence: number; bundle: PublishedBundle } | null = null;

  constructor(private readonly deps: { bundles: BundlesRepository; logger: Logger }) {}

  /** Null until a bundle has been imported. */
  async current(): Promise<PublishedBundle | null> {
    const sequence = await this.deps.bundles.latestSequence();
    if (sequence === null) return null;
    if (this.cached?.sequence === sequence) return this.cached.bundle;
    const latest = await this.deps.bundles.latest();
    if (!latest) return null;
    const read = await readBundle(latest.text, await this.deps.bundles.pinnedJwks());
    if (!read.ok) {
      // Only an edit of the database itself gets here: answer as if nothing were loaded.
      this.deps.logger.error(`verification bundle ${sequence} no longer verifies (${read.reason})`);
      return null;
    }
    this.cached = { sequence, bundle: publishedBundle(read) };
    return this.cached.bundle;
  }
}
