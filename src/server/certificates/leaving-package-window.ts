/**
 * How long a leaving package can be downloaded again (issue 13). A download can be cut short (a
 * closed lid, a full USB stick), so the package is not a one-shot: it stays available for
 * LEAVING_PACKAGE_DAYS from its first download, and the account closes only when the learner or
 * the trainer confirms that the package is safe. The fr/en texts say "7 jours" / "7 days".
 */
export const LEAVING_PACKAGE_DAYS = 7;

const DAY_MS = 86_400_000;

/** The moment the package stops being downloadable, given its first download. */
export function packageAvailableUntil(firstDownloadedAt: string): string {
  return new Date(new Date(firstDownloadedAt).getTime() + LEAVING_PACKAGE_DAYS * DAY_MS).toISOString();
}

/** Never downloaded, or first downloaded less than LEAVING_PACKAGE_DAYS ago. */
export function packageStillAvailable(firstDownloadedAt: string | null, now: Date): boolean {
  return firstDownloadedAt === null || now.getTime() < new Date(packageAvailableUntil(firstDownloadedAt)).getTime();
}
