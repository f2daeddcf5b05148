/**
 * Gathers what the pure evidence functions need for one learner: their statements (read from
 * the LRS by their pseudonymous agent), the course outlines, the framework and the attendance.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { LrsService, Statement } from '../../lrs/index.ts';
import { CourseRepository } from '../courses/import/course-repository.ts';
import type { CompetencyFramework } from '../courses/format/types.ts';
import type { CompetencyFrameworks } from '../courses/current-framework.ts';
import type { ModuleOutline } from '../evidence/modules-completed.ts';
import type { AttendanceHoursFn } from '../evidence/training-hours.ts';
import { learnerAgent } from '../xapi/actor.ts';

export interface EvidenceSourceDeps {
  db: Kysely<Database>;
  lrs: LrsService;
  baseUrl: string;
  frameworks: CompetencyFrameworks;
  attendanceHours: AttendanceHoursFn;
}

export class EvidenceSource {
  private readonly courses: CourseRepository;

  constructor(private readonly deps: EvidenceSourceDeps) {
    this.courses = new CourseRepository(deps.db);
  }

  /** Every statement about the learner, oldest first (the LRS leaves voided ones out). */
  async statements(userId: string): Promise<Statement[]> {
    const all: Statement[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.lrs.queryStatements({ agent: learnerAgent(this.deps.baseUrl, userId), ascending: true, limit: 500, ...(cursor ? { cursor } : {}) });
      all.push(...page.statements);
      cursor = page.more;
    } while (cursor);
    return all;
  }

  /** The framework as the last import stored it. */
  competencyFramework(): Promise<CompetencyFramework> {
    return this.deps.frameworks.framework();
  }

  /** Outlines of the latest version of every module. */
  async moduleOutlines(): Promise<ModuleOutline[]> {
    const outlines: ModuleOutline[] = [];
    for (const summary of await this.courses.listModules()) {
      const version = await this.courses.latestVersion(summary.id);
      if (version) outlines.push({ id: version.content.id, title: version.content.title, items: version.content.items.map((i) => ({ id: i.id })) });
    }
    return outlines;
  }

  attendanceHours(userId: string, from?: string, to?: string): Promise<number> {
    return this.deps.attendanceHours(userId, from, to);
  }
}
