import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { COMPETENCIES_FILE, competencyCodes, parseCompetencies } from '../../courses/format/parse-competencies.ts';
import type { SourceError } from '../../courses/format/source-error.ts';
import { parseScenario } from '../scenario/parse-scenario.ts';
import type { Scenario } from '../scenario/types.ts';

export interface ScenarioFile {
  /** Module folder name. */
  module: string;
  /** Path relative to the courses root, e.g. "clients-mecontents/roleplays/retard-livraison.yaml". */
  file: string;
  scenario: Scenario;
}

/**
 * Reads and validates every `<module>/roleplays/*.yaml` under the courses root, on its own
 * (the voices CLI and the library test need the scenarios, not whole modules).
 */
export async function loadScenarioFiles(root: string): Promise<{ scenarios: ScenarioFile[]; errors: SourceError[] }> {
  const framework = parseCompetencies(await readFile(join(root, COMPETENCIES_FILE), 'utf8'));
  if (!framework.ok) return { scenarios: [], errors: framework.errors };
  const context = { competencyCodes: competencyCodes(framework.framework) };
  const scenarios: ScenarioFile[] = [];
  const errors: SourceError[] = [];
  for (const module of (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const folder = join(root, module, 'roleplays');
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter((n) => /\.ya?ml$/.test(n)).sort()) {
      const file = `${module}/roleplays/${name}`;
      const result = parseScenario(await readFile(join(folder, name), 'utf8'), file, context);
      if (result.ok) scenarios.push({ module, file, scenario: result.scenario });
      else errors.push(...result.errors);
    }
  }
  return { scenarios, errors };
}
