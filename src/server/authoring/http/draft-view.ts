import type { CompetencyFramework } from '../../courses/format/types.ts';
import { MODULE_FILE } from '../../courses/format/parse-module-folder.ts';
import type { Draft } from '../drafts.repository.ts';
import type { DraftError, Validation } from '../authoring.service.ts';
import { readItems, readMetadata } from '../module-yaml.ts';
import { ITEM_TYPES } from '../item-templates.ts';
import { base } from './authoring-area.ts';

export const LEVELS = ['débutant', 'intermédiaire', 'avancé'] as const;

/** Validation messages grouped by file, in file order, for the page's summary and its file list. */
export function errorsByFile(errors: readonly DraftError[]): Map<string, DraftError[]> {
  const out = new Map<string, DraftError[]>();
  for (const e of [...errors].sort((a, b) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0))) {
    out.set(e.path, [...(out.get(e.path) ?? []), e]);
  }
  return out;
}

export function editorHref(moduleId: string, filePath: string): string {
  const kind = filePath.startsWith('roleplays/') ? 'scenario' : 'file';
  return `${base(moduleId)}/${kind}?path=${encodeURIComponent(filePath)}`;
}

/** The draft page's view model: metadata form, items, files with their messages, publish. */
export function draftModel(draft: Draft, validation: Validation, framework: CompetencyFramework, latestVersion: number | null, overrides: { meta?: Record<string, unknown> } = {}) {
  const moduleYaml = draft.files.get(MODULE_FILE)?.toString('utf8') ?? '';
  const meta = { ...readMetadata(moduleYaml), ...(overrides.meta ?? {}) };
  const chosen = new Set(Array.isArray(meta.competencies) ? (meta.competencies as string[]) : []);
  const grouped = errorsByFile(validation.ok ? [] : validation.errors);
  const href = base(draft.moduleId);
  return {
    title: 'authoring.draft.title',
    moduleId: draft.moduleId,
    href,
    latestVersion,
    baseVersion: draft.baseVersion,
    valid: validation.ok,
    errorCount: validation.ok ? 0 : validation.errors.length,
    meta: { ...meta, durationMinutes: meta.durationMinutes ?? '' },
    levels: LEVELS.map((l) => ({ value: l, selected: meta.level === l })),
    competencies: framework.blocks.flatMap((b) => b.competencies.map((c) => ({ code: c.code, label: c.label, checked: chosen.has(c.code) }))),
    itemTypes: ITEM_TYPES.map((t) => ({ value: t, label: `authoring.itemType.${t}` })),
    items: readItems(moduleYaml).map((it) => ({ ...it, typeLabel: ITEM_TYPES.includes(it.type as never) ? `authoring.itemType.${it.type}` : 'authoring.itemType.unknown', editHref: draft.files.has(it.file) ? editorHref(draft.moduleId, it.file) : null })),
    files: [...draft.files.keys()].sort().map((p) => ({ path: p, editHref: /\.(md|ya?ml)$/.test(p) ? editorHref(draft.moduleId, p) : null, errors: grouped.get(p) ?? [] })),
    otherErrors: [...grouped].filter(([p]) => !draft.files.has(p)).flatMap(([, errs]) => errs),
    allErrors: [...grouped].map(([path, errs]) => ({ path, errors: errs, editHref: draft.files.has(path) ? editorHref(draft.moduleId, path) : null })),
  };
}
