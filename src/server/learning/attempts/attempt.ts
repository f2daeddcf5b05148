import type { ItemType } from '../../courses/format/types.ts';

export type AttemptStatus = 'in_progress' | 'completed' | 'passed' | 'failed';

/** One answer recorded in a quiz attempt (or one field of an exercise). */
export interface RecordedAnswer {
  /** The xAPI result.response, as sent in the answered statement. */
  response: string;
  correct: boolean;
  points: number;
}

/** What an attempt remembers so the learner can resume after logging out. */
export interface AttemptState {
  /** Time on task so far, in ms: gaps between actions count up to a cap (idle time does not). */
  activeMs?: number;
  /** Lessons: 0-based index of the page last shown, and the pages seen in this attempt. */
  page?: number;
  seen?: number[];
  /** Quizzes and exercises: answers by question or field id (classify: by request id). */
  answers?: Record<string, RecordedAnswer>;
  /** Quizzes: the question whose feedback is waiting to be shown. */
  lastAnswered?: string;
}

/** One attempt at an item; its id is the xAPI registration of every statement it produces. */
export interface Attempt {
  id: string;
  userId: string;
  moduleId: string;
  itemId: string;
  itemType: ItemType;
  version: number;
  attemptNumber: number;
  state: AttemptState;
  status: AttemptStatus;
  scoreScaled: number | null;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}
