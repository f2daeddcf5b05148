import fs from 'node:fs';
import path from 'node:path';
import { readCourseFiles } from './read-course-files.ts';
import { parseCourseLibrary, type LibraryResult } from './format/parse-library.ts';
import { COMPETENCIES_FILE } from './format/parse-competencies.ts';
import { MODULE_FILE } from './format/parse-module-folder.ts';

export interface LoadedLibrary extends LibraryResult {
  /** The courses root the error paths are relative to. */
  root: string;
}

/**
 * Reads and parses either a whole library (a folder holding competences.yaml) or one module
 * folder (holding module.yaml; competences.yaml is then taken from its parent).
 */
export async function loadCourseLibrary(target: string): Promise<LoadedLibrary> {
  const dir = path.resolve(target);
  if (fs.existsSync(path.join(dir, COMPETENCIES_FILE))) {
    return { root: dir, ...parseCourseLibrary(await readCourseFiles(dir)) };
  }
  if (fs.existsSync(path.join(dir, MODULE_FILE))) {
    const root = path.dirname(dir);
    const folder = path.basename(dir);
    const files = new Map<string, Buffer>();
    const frameworkPath = path.join(root, COMPETENCIES_FILE);
    if (fs.existsSync(frameworkPath)) files.set(COMPETENCIES_FILE, fs.readFileSync(frameworkPath));
    for (const [file, content] of await readCourseFiles(dir)) files.set(`${folder}/${file}`, content);
    return { root, ...parseCourseLibrary(files, { only: new Set([folder]) }) };
  }
  const exists = fs.existsSync(dir);
  return {
    root: path.dirname(dir),
    modules: [],
    errors: [{ file: path.basename(dir), message: exists ? 'ni competences.yaml ni module.yaml dans ce dossier' : 'dossier introuvable' }],
  };
}
