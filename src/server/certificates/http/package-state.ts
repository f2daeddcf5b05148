import { packageAvailableUntil, packageStillAvailable } from '../leaving-package-window.ts';
import type { LearnerRelease } from '../releases.repository.ts';

/** What the learner's and the trainer's pages say about the leaving package and the account. */
export function packageState(release: LearnerRelease, now: Date) {
  return {
    firstAt: release.packageFirstAt,
    until: release.packageFirstAt === null ? null : packageAvailableUntil(release.packageFirstAt),
    available: packageStillAvailable(release.packageFirstAt, now),
    closedAt: release.closedAt,
  };
}
