import fs from 'node:fs';
import path from 'node:path';
import { COMPETENCIES_FILE, parseCompetencies } from '../courses/format/parse-competencies.ts';
import type { CompetencyFramework } from '../courses/format/types.ts';

/** courses/competences.yaml, read once per process (it changes only with a deployment). */
export function frameworkReader(coursesDir: string): () => CompetencyFramework {
  let framework: CompetencyFramework | null = null;
  return () => {
    if (framework) return framework;
    const parsed = parseCompetencies(fs.readFileSync(path.join(coursesDir, COMPETENCIES_FILE), 'utf8'));
    if (!parsed.ok) throw new Error(`${COMPETENCIES_FILE}: ${parsed.errors.map((e) => e.message).join('; ')}`);
    framework = parsed.framework;
    return framework;
  };
}
