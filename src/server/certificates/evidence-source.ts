/**
 * Gathers what the pure evidence functions need for one learner: their statements (read from
 * the LRS by their pseudonymous agent), the course outlines, the framework and the attendance.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { LrsService, Statement } from '../../lrs/index.ts';
import { CourseRepository } from '../courses/import/course-repository.ts';
import { COMPETENCIES_FILE, parseCompetencies } from '../courses/format/parse-competencies.ts';
import type { CompetencyFramework } from '../courses/format/types.ts';
import type { ModuleOutline } from '../evidence/modules-completed.ts';
import type { AttendanceHoursFn } from '../evidence/training-hours.ts';
import { learnerAgent } from '../xapi/actor.ts';

export interface EvidenceSourceDeps {
  db: Kysely<Database>;
  lrs: LrsService;
  baseUrl: string;
  coursesDir: string;
  attendanceHours: AttendanceHoursFn;
}

export class EvidenceSource {
  private framework: CompetencyFramework | null = null;
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

  /** courses/competences.yaml, read once. */
  competencyFramework(): CompetencyFramework {
    if (this.framework) return this.framework;
    const parsed = parseCompetencies(fs.readFileSync(path.join(this.deps.coursesDir, COMPETENCIES_FILE), 'utf8'));
    if (!parsed.ok) throw new Error(`${COMPETENCIES_FILE}: ${parsed.errors.map((e) => e.message).join('; ')}`);
    this.framework = parsed.framework;
    return parsed.framework;
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
