import type { ModuleVersion } from '../format/types.ts';

/** One stored, immutable version of a module. */
export interface CourseVersion {
  moduleId: string;
  /** 1, 2, 3... per module. */
  version: number;
  contentHash: string;
  /** ISO-8601 UTC. */
  createdAt: string;
  content: ModuleVersion;
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
