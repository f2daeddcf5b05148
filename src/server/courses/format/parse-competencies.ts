import { z } from 'zod';
import type { SourceError } from './source-error.ts';
import type { CompetencyFramework } from './types.ts';
import { checkYaml, duplicates, ErrorSink, text } from './schema-check.ts';

export const COMPETENCIES_FILE = 'competences.yaml';

const code = z.string().regex(/^[A-Z][A-Z0-9]*(?:\.[0-9]+)?$/, 'code invalide (ex. "CCP1.2" ou "T3")');

const frameworkSchema = z.strictObject({
  title: text,
  reference: text,
  blocks: z
    .array(
      z.strictObject({
        code,
        label: text,
        competencies: z.array(z.strictObject({ code, label: text })).min(1, 'au moins une compétence'),
      }),
    )
    .min(1, 'au moins un bloc'),
});

export type FrameworkResult = { ok: true; framework: CompetencyFramework } | { ok: false; errors: SourceError[] };

/** courses/competences.yaml: the competency framework every item refers to by code. */
export function parseCompetencies(yamlText: string, file = COMPETENCIES_FILE): FrameworkResult {
  const checked = checkYaml(frameworkSchema, yamlText, file);
  if (!checked.ok) return checked;
  const { value } = checked;
  const sink = new ErrorSink(checked.source);
  const all = value.blocks.flatMap((b, bi) => b.competencies.map((c, ci) => ({ code: c.code, path: ['blocks', bi, 'competencies', ci, 'code'] })));
  for (const i of duplicates(all, (c) => c.code)) sink.at(all[i].path, `le code « ${all[i].code} » est déjà utilisé`);
  for (const i of duplicates(value.blocks, (b) => b.code)) sink.at(['blocks', i, 'code'], `le bloc « ${value.blocks[i].code} » est déjà défini`);
  if (sink.errors.length > 0) return { ok: false, errors: sink.errors };
  return {
    ok: true,
    framework: {
      title: value.title,
      reference: value.reference,
      blocks: value.blocks.map((b) => ({
        code: b.code,
        label: b.label,
        competencies: b.competencies.map((c) => ({ code: c.code, label: c.label, block: b.code })),
      })),
    },
  };
}

export function competencyCodes(framework: CompetencyFramework): Set<string> {
  return new Set(framework.blocks.flatMap((b) => b.competencies.map((c) => c.code)));
}
