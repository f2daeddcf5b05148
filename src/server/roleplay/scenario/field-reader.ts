import type { SourceError } from '../../courses/format/source-error.ts';
import type { YamlSource } from '../../courses/format/yaml-source.ts';

export type Path = ReadonlyArray<string | number>;
export type YamlMap = Record<string, unknown>;

export function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads typed values out of a parsed YAML tree and collects French errors located by line.
 * Every getter returns a usable fallback on error so that parsing goes on and reports
 * as many problems as possible in one pass.
 */
export class FieldReader {
  readonly errors: SourceError[] = [];

  constructor(private readonly source: YamlSource) {}

  error(path: Path, message: string): void {
    this.errors.push({ file: this.source.file, line: this.source.lineOf(path), message });
  }

  map(value: unknown, path: Path, what: string): YamlMap | undefined {
    if (isMap(value)) return value;
    this.error(path, `${what} : un bloc de clés est attendu.`);
    return undefined;
  }

  text(obj: YamlMap, key: string, path: Path, options: { required: boolean }): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (options.required) this.error(path, `« ${key} » est obligatoire.`);
      return undefined;
    }
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string' || value.trim() === '') {
      this.error([...path, key], `« ${key} » doit être un texte non vide.`);
      return undefined;
    }
    return value.trim();
  }

  number(obj: YamlMap, key: string, path: Path, range: { min: number; max: number }): number | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < range.min || value > range.max) {
      this.error([...path, key], `« ${key} » doit être un nombre entre ${range.min} et ${range.max}.`);
      return undefined;
    }
    return value;
  }

  textList(obj: YamlMap, key: string, path: Path): string[] {
    const value = obj[key];
    if (value === undefined || value === null) return [];
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item.trim() === '')) {
      this.error([...path, key], `« ${key} » doit être une liste de textes non vides.`);
      return [];
    }
    return list.map((item: string) => item.trim());
  }

  /** Rejects keys the format does not know, which are most often typos. */
  onlyKeys(obj: YamlMap, allowed: readonly string[], path: Path): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        this.error([...path, key], `clé inconnue « ${key} » (clés possibles : ${allowed.join(', ')}).`);
      }
    }
  }
}
