import type { SourceError } from './source-error.ts';
import type { CompetencyFramework, ModuleVersion } from './types.ts';
import { toText, type FileContent } from './content-hash.ts';
import { COMPETENCIES_FILE, parseCompetencies } from './parse-competencies.ts';
import { parseModuleFolder, type ModuleAsset } from './parse-module-folder.ts';

export interface ParsedModule {
  module: ModuleVersion;
  assets: ModuleAsset[];
}

/** Valid modules are kept even when others have errors, so one bad file does not hide the rest. */
export interface LibraryResult {
  framework?: CompetencyFramework;
  modules: ParsedModule[];
  errors: SourceError[];
}

export interface LibraryOptions {
  /** Only these module folders (all when omitted). */
  only?: ReadonlySet<string>;
}

/**
 * The whole library: competences.yaml at the root and one folder per module. `files` maps
 * paths relative to the courses root to their content. Pure.
 */
export function parseCourseLibrary(files: ReadonlyMap<string, FileContent>, options: LibraryOptions = {}): LibraryResult {
  const frameworkText = files.get(COMPETENCIES_FILE);
  if (frameworkText === undefined) {
    return { modules: [], errors: [{ file: COMPETENCIES_FILE, message: 'référentiel de compétences manquant : créez courses/competences.yaml' }] };
  }
  const framework = parseCompetencies(toText(frameworkText));
  if (!framework.ok) return { modules: [], errors: framework.errors };

  const folders = new Map<string, Map<string, FileContent>>();
  for (const [filePath, content] of files) {
    const slash = filePath.indexOf('/');
    if (slash < 0) continue; // files at the root (README...) belong to no module
    const folder = filePath.slice(0, slash);
    if (options.only && !options.only.has(folder)) continue;
    if (!folders.has(folder)) folders.set(folder, new Map());
    folders.get(folder)?.set(filePath.slice(slash + 1), content);
  }
  for (const folder of options.only ?? []) {
    if (!folders.has(folder)) return { framework: framework.framework, modules: [], errors: [{ file: folder, message: 'dossier de module introuvable ou vide' }] };
  }

  const result: LibraryResult = { framework: framework.framework, modules: [], errors: [] };
  for (const folder of [...folders.keys()].sort()) {
    const parsed = parseModuleFolder(folders.get(folder) ?? new Map(), { folder, framework: framework.framework });
    if (parsed.ok) result.modules.push({ module: parsed.module, assets: parsed.assets });
    else result.errors.push(...parsed.errors);
  }
  return result;
}
