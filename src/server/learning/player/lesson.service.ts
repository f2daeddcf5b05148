import { BadRequestError, ConflictError, NotFoundError } from '../../errors.ts';
import type { LessonItem } from '../../courses/format/types.ts';
import type { Attempt } from '../attempts/attempt.ts';
import { itemActivity, lessonPageActivity } from '../xapi/activities.ts';
import { isoDuration } from '../xapi/statement-builder.ts';
import type { ModuleAccess } from './course-access.ts';
import { ItemAttempts } from './item-attempts.ts';
import type { LearningRecorder } from './learning-recorder.ts';

export type LessonView = { mode: 'read'; attempt: Attempt; page: number } | { mode: 'done'; attempt: Attempt };

/** The lesson reader: one page at a time; each page read once per attempt is "experienced". */
export class LessonService {
  constructor(
    private readonly attempts: ItemAttempts,
    private readonly recorder: LearningRecorder,
  ) {}

  async view(access: ModuleAccess, item: LessonItem, pageParam: unknown): Promise<LessonView> {
    const latest = (await this.attempts.latest(access, item)) ?? (await this.attempts.start(access, item, null));
    if (latest.status !== 'in_progress') return { mode: 'done', attempt: latest };
    const pages = item.lesson.pages.length;
    const asked = typeof pageParam === 'string' && /^\d{1,4}$/.test(pageParam) ? Number(pageParam) - 1 : undefined;
    if (asked !== undefined && (asked < 0 || asked >= pages)) throw new NotFoundError('learning.lesson.errors.noSuchPage');
    const page = asked ?? Math.min(latest.state.page ?? 0, pages - 1);
    const seen = latest.state.seen ?? [];
    const attempt = this.attempts.touched(latest);
    attempt.state = { ...attempt.state, page, seen: seen.includes(page) ? seen : [...seen, page] };
    const statements: Array<Record<string, unknown>> = [];
    if (!seen.includes(page)) {
      const object = lessonPageActivity(this.recorder.ids, access.enrolment.moduleId, item.id, page, item.lesson.pages[page].title || item.title);
      const grouping = [itemActivity(this.recorder.ids, access.enrolment.moduleId, item)];
      statements.push(this.recorder.statement({ ...this.attempts.scope(access, item, attempt), grouping }, 'experienced', object, undefined, `page:${page}`));
    }
    // The page's state and its "experienced" commit together; a parallel view of the same page
    // (or a completion) that got there first has already done this view's work.
    if ((await this.attempts.commit(attempt, statements)) === 'conflict') {
      const fresh = (await this.attempts.latest(access, item)) ?? latest;
      return fresh.status === 'in_progress' ? { mode: 'read', attempt: fresh, page } : { mode: 'done', attempt: fresh };
    }
    return { mode: 'read', attempt, page };
  }

  /** "J'ai fini": allowed once every page was read in this attempt. */
  async complete(access: ModuleAccess, item: LessonItem, attemptId: unknown): Promise<void> {
    const open = await this.attempts.requireOpen(access.enrolment.userId, access.enrolment.moduleId, item.id, attemptId);
    const seen = new Set(open.state.seen ?? []);
    if (item.lesson.pages.some((_, i) => !seen.has(i))) throw new BadRequestError('learning.lesson.errors.readAll');
    const attempt = this.attempts.touched(open);
    const seconds = (attempt.state.activeMs ?? 0) / 1000;
    const result = { completion: true, duration: isoDuration(seconds) };
    const object = itemActivity(this.recorder.ids, access.enrolment.moduleId, item);
    const completed = this.recorder.statement(this.attempts.scope(access, item, attempt), 'completed', object, result, 'closing');
    if ((await this.attempts.commit({ ...attempt, status: 'completed', finishedAt: attempt.updatedAt }, [completed])) === 'ok') return;
    // A double click: the other post completed it, which is this post's effect too.
    const winner = await this.attempts.requireOwn(access.enrolment.userId, access.enrolment.moduleId, item.id, attemptId);
    if (winner.status !== 'completed') throw new ConflictError('learning.errors.attemptFinished');
  }

  /** Reading a finished lesson again is a new attempt. */
  async restart(access: ModuleAccess, item: LessonItem): Promise<void> {
    const latest = await this.attempts.latest(access, item);
    if (latest && latest.status === 'in_progress') return;
    await this.attempts.start(access, item, latest);
  }
}
