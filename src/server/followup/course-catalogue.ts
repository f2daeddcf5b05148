import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { CourseRepository } from '../courses/import/course-repository.ts';
import type { Competency, ModuleVersion } from '../courses/format/types.ts';
import { activityIds } from '../xapi/activity-ids.ts';

// CCP1.2 before CCP1.10; one collator for every sort.
const CODES = new Intl.Collator('fr', { numeric: true });

/**
 * The latest version of every module, kept in memory and re-read only when a module gets a new
 * version: pages name activities and competencies without parsing course JSON on each request.
 */
export class CourseCatalogue {
  private readonly repo: CourseRepository;
  private readonly cache = new Map<string, { version: number; module: ModuleVersion }>();
  private readonly ids;

  constructor(db: Kysely<Database>, baseUrl: string) {
    this.repo = new CourseRepository(db);
    this.ids = activityIds(baseUrl);
  }

  async modules(): Promise<ModuleVersion[]> {
    const summaries = await this.repo.listModules();
    const modules: ModuleVersion[] = [];
    for (const s of summaries) {
      let cached = this.cache.get(s.id);
      if (!cached || cached.version !== s.latestVersion) {
        const latest = await this.repo.latestVersion(s.id);
        if (!latest) continue;
        cached = { version: latest.version, module: latest.content };
        this.cache.set(s.id, cached);
      }
      modules.push(cached.module);
    }
    return modules;
  }

  /** Activity IRI -> title, for modules and their items. */
  async activityTitles(): Promise<Map<string, string>> {
    const titles = new Map<string, string>();
    for (const m of await this.modules()) {
      titles.set(this.ids.module(m.id), m.title);
      for (const item of m.items) titles.set(this.ids.item(m.id, item.id), item.title);
    }
    return titles;
  }

  /** The competencies the given modules train, each once, in code order. */
  async competencies(moduleIds?: readonly string[]): Promise<Competency[]> {
    const wanted = moduleIds ? new Set(moduleIds) : null;
    const byCode = new Map<string, Competency>();
    for (const m of await this.modules()) {
      if (wanted && !wanted.has(m.id)) continue;
      for (const c of m.competencies) byCode.set(c.code, c);
    }
    return [...byCode.values()].sort((a, b) => CODES.compare(a.code, b.code));
  }
}
