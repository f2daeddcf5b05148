import type { CallState } from '../roleplay/engine/index.ts';

export type CallStatus = 'in_progress' | 'completed' | 'abandoned';

/** One simulated call of one learner on one role-play item of a pinned module version. */
export interface RoleplayCall {
  id: string;
  userId: string;
  moduleId: string;
  itemId: string;
  version: number;
  /** Content hash of that version (xAPI course-version extension). */
  contentHash: string;
  /** 1-based: how many calls the learner had started on this item, this one included. */
  attempt: number;
  /** xAPI registration shared by every statement of the call. */
  registration: string;
  status: CallStatus;
  state: CallState;
  startedAt: string;
  updatedAt: string;
}
