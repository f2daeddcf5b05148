import fs from 'node:fs';
import path from 'node:path';
import { parseYamlSource, type YamlSource } from './format/yaml-source.ts';

/**
 * Line lookups in the library's YAML files, for checks that run after parsing (a parsed
 * course keeps no positions). Each file is read once.
 */
export function yamlLineFinder(root: string): (file: string, at: Array<string | number>) => number | undefined {
  const sources = new Map<string, YamlSource | undefined>();
  return (file, at) => {
    if (!sources.has(file)) {
      const parsed = parseYamlSource(fs.readFileSync(path.join(root, file), 'utf8'), file);
      sources.set(file, parsed.ok ? parsed.source : undefined);
    }
    return sources.get(file)?.lineOf(at);
  };
}
