import type { ModuleVersion } from '../format/types.ts';

/** One stored, immutable version of a module. */
export interface CourseVersion {
  moduleId: string;
  /** 1, 2, 3... per module. */
  version: number;
  contentHash: string;
  /** ISO-8601 UTC. */
  createdAt: string;
  /** 'disk': imported from courses/; 'authoring': published in the browser or from a zip. */
  origin: VersionOrigin;
  content: ModuleVersion;
}

export type VersionOrigin = 'disk' | 'authoring';

/**
 * courses/<module> changed since the last import while the latest version was published in
 * the browser: that version is kept, and the trainer decides in the authoring area.
 */
export interface ImportConflict {
  moduleId: string;
  /** Content hash of the folder on disk. */
  diskHash: string;
  /** The browser version kept as the latest. */
  keptVersion: number;
  /** The folder's files were loaded into the module's draft for the trainer to compare. */
  draftFromDisk: boolean;
  detectedAt: string;
}

export interface CourseModuleSummary {
  id: string;
  title: string;
  summary: string;
  latestVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface StoredAsset {
  sha256: string;
  mediaType: string;
  data: Buffer;
}
