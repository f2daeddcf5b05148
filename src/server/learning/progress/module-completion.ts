import type { Clock } from '../../clock.ts';
import type { CourseRepository } from '../../courses/import/course-repository.ts';
import type { RunUnitOfWork } from '../../db/unit-of-work.ts';
import type { ModuleVersionsRepository } from '../attempts/module-versions.repository.ts';
import type { LearningRecorder } from '../player/learning-recorder.ts';
import { moduleActivity } from '../xapi/activities.ts';
import { isoDuration } from '../xapi/statement-builder.ts';
import { moduleProgress } from './module-progress.ts';
import type { ProgressTouch } from './progress-reducer.ts';
import type { ProgressRepository } from './progress.repository.ts';
import { VERBS } from '../../xapi/vocabulary.ts';

const FINISHING = new Set<string>([VERBS.completed.id, VERBS.passed.id, VERBS.failed.id]);

/**
 * Runs after the projection: when the last item of a module is finished for good (by the player
 * or by call-player's role-play statements), the module gets its passed/failed statement, once:
 * the enrolment's end and that statement commit together (its id is derived from the enrolment's
 * registration), so a failed store leaves the module open for the next try.
 */
export function moduleCompletion(deps: {
  courses: CourseRepository;
  enrolments: ModuleVersionsRepository;
  progress: ProgressRepository;
  recorder: LearningRecorder;
  clock: Clock;
  run: RunUnitOfWork;
}): (touches: ProgressTouch[]) => Promise<void> {
  return async (touches) => {
    const modules = new Map<string, { userId: string; moduleId: string }>();
    for (const t of touches) if (t.itemLevel && FINISHING.has(t.verb)) modules.set(`${t.userId}\u0000${t.moduleId}`, t);
    for (const { userId, moduleId } of modules.values()) {
      const enrolment = await deps.enrolments.find(userId, moduleId);
      if (!enrolment || enrolment.finishedAt) continue;
      const version = await deps.courses.version(moduleId, enrolment.version);
      if (!version) continue;
      const progress = moduleProgress(version.content, await deps.progress.itemProgress(userId, moduleId));
      if (!progress.finished) continue;
      const module = version.content;
      const scope = { userId, module, registration: enrolment.registration, competencies: module.competencies.map((c) => c.code), moduleLevel: true };
      const result = {
        ...(progress.scoreScaled !== null ? { score: { scaled: progress.scoreScaled } } : {}),
        success: progress.success,
        completion: true,
        duration: isoDuration(progress.durationSeconds),
      };
      const closing = deps.recorder.statement(scope, progress.success ? 'passed' : 'failed', moduleActivity(deps.recorder.ids, module), result, 'module-closing');
      const finishedAt = deps.clock().toISOString();
      await deps.run(async (uow) => {
        if (await deps.enrolments.within(uow.db).finish(userId, moduleId, finishedAt, progress.success)) await uow.lrs.storeStatements([closing]);
      });
    }
  };
}
