/** A JSON value, as stored in a review grid. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A trainer's review of one call (the "double écoute"): the grid they filled (criterion ->
 * rating or note, shape owned by the review page) and a free comment the learner sees.
 */
export interface CallReview {
  id: string;
  /** The call's xAPI registration. */
  registration: string;
  /** The learner who made the call. */
  userId: string;
  reviewerId: string;
  grid: { [criterion: string]: JsonValue };
  comment: string;
  createdAt: string;
}

export type NewCallReview = Omit<CallReview, 'id' | 'createdAt'> & { createdAt?: string };
