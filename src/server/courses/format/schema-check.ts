import { z } from 'zod';
import type { SourceError } from './source-error.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';

/** zod's own French messages, for the cases where ours below say nothing better. */
const frenchLocale = z.locales.fr();

type Path = ReadonlyArray<PropertyKey>;

/** "questions[2].choices[0].text" */
export function describePath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Messages a trainer can act on, for the mistakes trainers actually make in YAML. */
const frenchErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined || issue.input === null) return 'champ obligatoire manquant ou vide';
    if (issue.expected === 'string' && (typeof issue.input === 'number' || typeof issue.input === 'boolean')) {
      return 'texte attendu : mettez la valeur entre guillemets (ex. "0612345678"), sinon les zéros en tête et les virgules se perdent';
    }
  }
  if (issue.code === 'invalid_union' && 'discriminator' in issue) {
    const options = (issue as { options?: unknown[] }).options ?? [];
    return `valeur inconnue ; valeurs possibles : ${options.map(String).join(', ')}`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `clé inconnue ${issue.keys.map((k) => `« ${k} »`).join(', ')} : vérifiez l’orthographe (voir docs/course-format.md)`;
  }
  return frenchLocale.localeError(issue);
};

function issueToError(issue: z.core.$ZodIssue, source: YamlSource): SourceError {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  // An unknown key is best pointed at where the key itself stands.
  const linePath = issue.code === 'unrecognized_keys' && issue.keys.length > 0 ? [...path, issue.keys[0]] : path;
  const where = describePath(path);
  return {
    file: source.file,
    line: source.lineOf(linePath),
    message: where ? `${where} : ${issue.message}` : issue.message,
  };
}

export type Checked<T> = { ok: true; value: T; source: YamlSource } | { ok: false; errors: SourceError[] };

/** Parses YAML text and checks it against a schema; every error carries the file and line. */
export function checkYaml<S extends z.ZodType>(schema: S, text: string, file: string): Checked<z.output<S>> {
  const parsed = parseYamlSource(text, file);
  if (!parsed.ok) return parsed;
  if (parsed.source.data === null || parsed.source.data === undefined) {
    return { ok: false, errors: [{ file, line: 1, message: 'fichier vide' }] };
  }
  const result = schema.safeParse(parsed.source.data, { error: frenchErrorMap });
  if (!result.success) {
    return { ok: false, errors: result.error.issues.map((issue) => issueToError(issue, parsed.source)) };
  }
  return { ok: true, value: result.data, source: parsed.source };
}

/** Collects located errors while cross-checking a parsed file. */
export class ErrorSink {
  readonly errors: SourceError[] = [];
  constructor(private readonly source: YamlSource) {}

  at(path: ReadonlyArray<string | number>, message: string): void {
    const where = describePath(path);
    this.errors.push({
      file: this.source.file,
      line: this.source.lineOf(path),
      message: where ? `${where} : ${message}` : message,
    });
  }
}

// Small shared pieces of the YAML schemas.
export const text = z.string().trim().min(1, 'texte vide');
export const identifier = z
  .string()
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'identifiant invalide : minuscules sans accents, chiffres et tirets (ex. "accueil-client")');
export const percent = z.number().int('nombre entier attendu').min(0).max(100);
export const positiveInt = z.number().int('nombre entier attendu').positive('nombre supérieur à 0 attendu');

export const retrySchema = z
  .strictObject({
    max_attempts: positiveInt.nullable().optional(),
    keep: z.enum(['best', 'last']).optional(),
  })
  .optional()
  .transform((r) => ({ maxAttempts: r?.max_attempts ?? null, keep: r?.keep ?? 'best' }) as const);

export const feedbackSchema = z
  .strictObject({ correct: text, incorrect: text })
  .transform((f) => ({ correct: f.correct, incorrect: f.incorrect }));

/** Paths of duplicated values, for "unique id" checks. */
export function duplicates<T>(items: readonly T[], key: (item: T) => string): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) out.push(i);
    seen.add(k);
  });
  return out;
}
