import type { CourseRepository } from '../../courses/import/course-repository.ts';
import type { ModuleVersion } from '../../courses/format/types.ts';
import type { CohortModulesRepository } from '../assignment/cohort-modules.repository.ts';
import type { ModuleVersionsRepository } from '../attempts/module-versions.repository.ts';
import { moduleProgress, type ModuleProgress } from '../progress/module-progress.ts';
import type { ProgressRepository } from '../progress/progress.repository.ts';

export interface DashboardModule {
  module: ModuleVersion;
  progress: ModuleProgress;
  locked: boolean;
  prerequisiteTitle: string | null;
  started: boolean;
  finished: boolean;
}

export interface Dashboard {
  modules: DashboardModule[];
  /** Where "Continuer là où je me suis arrêté" leads: the item last worked on, or the next one. */
  resume: { moduleId: string; itemId: string; moduleTitle: string; itemTitle: string } | null;
}

/** The learner's dashboard, read from the progress projection (explainable from statements). */
export class DashboardService {
  constructor(
    private readonly courses: CourseRepository,
    private readonly assignments: CohortModulesRepository,
    private readonly enrolments: ModuleVersionsRepository,
    private readonly progress: ProgressRepository,
  ) {}

  async dashboard(userId: string): Promise<Dashboard> {
    const assigned = await this.assignments.assignedModules(userId);
    const enrolments = new Map((await this.enrolments.forUser(userId)).map((e) => [e.moduleId, e]));
    const rows = await this.progress.forUser(userId);
    const modules: DashboardModule[] = [];
    for (const a of assigned) {
      const enrolment = enrolments.get(a.moduleId);
      // The learner keeps the version they started; others see the latest.
      const version = enrolment ? await this.courses.version(a.moduleId, enrolment.version) : await this.courses.latestVersion(a.moduleId);
      if (!version) continue;
      const prerequisite = a.prerequisiteModuleId ? await this.courses.latestVersion(a.prerequisiteModuleId) : undefined;
      modules.push({
        module: version.content,
        progress: moduleProgress(version.content, rows.filter((r) => r.moduleId === a.moduleId)),
        locked: !enrolment && a.prerequisiteModuleId !== null && !enrolments.get(a.prerequisiteModuleId)?.finishedAt,
        prerequisiteTitle: prerequisite?.content.title ?? null,
        started: Boolean(enrolment),
        finished: Boolean(enrolment?.finishedAt),
      });
    }
    return { modules, resume: resumePoint(modules, rows) };
  }
}

function resumePoint(modules: DashboardModule[], rows: Array<{ moduleId: string; itemId: string; updatedAt: string; status: string }>): Dashboard['resume'] {
  const open = modules.filter((m) => !m.locked);
  const latest = [...rows].filter((r) => open.some((m) => m.module.id === r.moduleId)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  const ordered = latest ? [...open.filter((m) => m.module.id === latest.moduleId), ...open.filter((m) => m.module.id !== latest.moduleId && !m.finished)] : open.filter((m) => !m.finished);
  for (const m of ordered) {
    const items = m.progress.items;
    const last = latest && m.module.id === latest.moduleId ? items.find((i) => i.item.id === latest.itemId) : undefined;
    const pick = last && !last.terminal ? last : items.find((i) => !i.terminal);
    if (pick) return { moduleId: m.module.id, itemId: pick.item.id, moduleTitle: m.module.title, itemTitle: pick.item.title };
  }
  return null;
}
