/**
 * Course media (images, audio) are stored content-addressed and served under this path,
 * so a lesson's HTML stays valid for every version that uses the same file.
 * The route that serves them reads the course_assets table (see import/course-repository.ts).
 */
export const COURSE_ASSET_PATH = '/course-assets/';

export function assetUrl(sha256: string): string {
  return `${COURSE_ASSET_PATH}${sha256}`;
}
