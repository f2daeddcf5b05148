import { ForbiddenError } from '../../errors.ts';
import type { CourseAccess, ModuleAccess } from './course-access.ts';
import type { LearningRecorder } from './learning-recorder.ts';
import { moduleActivity } from '../xapi/activities.ts';

/** Opening a module: access checks, version pinning, and a module-level "launched" the first time. */
export class LearnerModules {
  constructor(
    private readonly access: CourseAccess,
    private readonly recorder: LearningRecorder,
  ) {}

  async open(userId: string, moduleId: string): Promise<ModuleAccess> {
    const opened = await this.access.open(userId, moduleId);
    if (opened.created) {
      const module = opened.version.content;
      const scope = { userId, module, registration: opened.enrolment.registration, competencies: module.competencies.map((c) => c.code), moduleLevel: true };
      await this.recorder.store([this.recorder.statement(scope, 'launched', moduleActivity(this.recorder.ids, module))]);
    }
    return { version: opened.version, enrolment: opened.enrolment };
  }

  /** For form posts: the module must already be open (an attempt exists only then); nothing is written. */
  async requireOpened(userId: string, moduleId: string): Promise<ModuleAccess> {
    const pinned = await this.access.pinned(userId, moduleId);
    if (!pinned) throw new ForbiddenError('learning.errors.notYourAttempt');
    return pinned;
  }
}
