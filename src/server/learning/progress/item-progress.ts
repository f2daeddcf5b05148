export type ProgressStatus = 'not_started' | 'in_progress' | 'completed' | 'passed' | 'failed';

/** One row of the projection: a learner's progress on one item, as the statements tell it. */
export interface ItemProgress {
  userId: string;
  moduleId: string;
  itemId: string;
  status: ProgressStatus;
  /** Best scaled score (0..1) of a finished attempt, if any had a score. */
  scoreScaled: number | null;
  /** Attempts started (item-level launched/initialized statements with a new registration). */
  attempts: number;
  /** Sum of result.duration of the finished attempts, in whole seconds. */
  durationSeconds: number;
  lastRegistration: string | null;
  updatedAt: string;
}

export const progressKey = (p: Pick<ItemProgress, 'userId' | 'moduleId' | 'itemId'>): string => `${p.userId}\u0000${p.moduleId}\u0000${p.itemId}`;
