import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { COMPETENCIES_FILE, parseCompetencies } from './format/parse-competencies.ts';
import type { CompetencyFramework } from './format/types.ts';
import { FrameworkRepository, frameworkHash } from './import/framework-repository.ts';

export interface CurrentFramework {
  /** The stored version; null before any import has stored one (see below). */
  version: number | null;
  contentHash: string;
  framework: CompetencyFramework;
}

/**
 * The competency framework every area reads (the board, digests, certificates, authoring): the
 * latest version an import stored, so that editing courses/competences.yaml changes nothing until
 * the next import, and every instance on one database agrees. Each read asks the database for the
 * current version's number (one indexed row) and parses its content only when it changed.
 *
 * A database no import has reached yet (the start-up import runs before the app serves) has no
 * stored version: the file is read then, as the import about to run will store it.
 */
export class CompetencyFrameworks {
  private readonly repository: FrameworkRepository;
  private cached: CurrentFramework | null = null;
  private fromFile: CurrentFramework | null = null;

  constructor(
    db: Kysely<Database>,
    private readonly coursesDir: string,
  ) {
    this.repository = new FrameworkRepository(db);
  }

  async current(): Promise<CurrentFramework> {
    const header = await this.repository.latestHeader();
    if (!header) return this.readFile();
    if (this.cached?.version === header.version) return this.cached;
    const stored = await this.repository.version(header.version);
    if (!stored) throw new Error(`course_frameworks: version ${header.version} vanished`); // rows are never deleted
    this.cached = stored;
    return stored;
  }

  async framework(): Promise<CompetencyFramework> {
    return (await this.current()).framework;
  }

  private readFile(): CurrentFramework {
    if (this.fromFile) return this.fromFile;
    const parsed = parseCompetencies(fs.readFileSync(path.join(this.coursesDir, COMPETENCIES_FILE), 'utf8'));
    if (!parsed.ok) throw new Error(`${COMPETENCIES_FILE}: ${parsed.errors.map((e) => e.message).join('; ')}`);
    this.fromFile = { version: null, contentHash: frameworkHash(parsed.framework), framework: parsed.framework };
    return this.fromFile;
  }
}
