import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../clock.ts';
import type { CallReview, NewCallReview } from './call-review.ts';
import type { CallReviewsTable } from './calls.tables.ts';

type ReviewRow = CallReviewsTable;

type Db = Kysely<Database>;

const toReview = (r: ReviewRow): CallReview => ({
  id: r.id,
  registration: r.registration,
  userId: r.user_id,
  reviewerId: r.reviewer_id,
  grid: JSON.parse(r.grid_json) as CallReview['grid'],
  comment: r.comment,
  createdAt: r.created_at,
});

/** Trainers' reviews of calls: written by the trainer's review page, read by the learner's debrief. */
export class CallReviewsRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async add(review: NewCallReview): Promise<CallReview> {
    const stored: CallReview = { ...review, id: uuidv7(), createdAt: review.createdAt ?? this.clock().toISOString() };
    await this.db
      .insertInto('call_reviews')
      .values({
        id: stored.id,
        registration: stored.registration,
        user_id: stored.userId,
        reviewer_id: stored.reviewerId,
        grid_json: JSON.stringify(stored.grid),
        comment: stored.comment,
        created_at: stored.createdAt,
      })
      .execute();
    return stored;
  }

  /** Oldest first: the order they were written in. */
  async listForRegistration(registration: string): Promise<CallReview[]> {
    const rows = await this.db.selectFrom('call_reviews').selectAll().where('registration', '=', registration).orderBy('created_at').orderBy('id').execute();
    return rows.map(toReview);
  }

  /** Newest first. */
  async listForLearner(userId: string): Promise<CallReview[]> {
    const rows = await this.db.selectFrom('call_reviews').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toReview);
  }
}
