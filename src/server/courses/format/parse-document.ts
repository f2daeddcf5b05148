import { z } from 'zod';
import type { SourceError } from './source-error.ts';
import type { DocumentKind, ExerciseDocument } from './types.ts';
import { checkYaml, ErrorSink, text } from './schema-check.ts';
import { renderSafeMarkdown } from './safe-markdown.ts';

export const DOCUMENT_KINDS = ['email', 'letter', 'order', 'invoice', 'delivery_note', 'claim', 'crm_record', 'crm_history', 'transcript'] as const satisfies readonly DocumentKind[];

/** Where a module's document files live: courses:check refuses one that no exercise uses. */
export const DOCUMENTS_FOLDER = 'documents/';

const partySchema = z.strictObject({ name: text, lines: z.array(text).optional() });

/** The fields of a document, in its own file or (older exercises) inline under `document:`. */
export const documentSchema = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS),
  title: text,
  from: partySchema.optional(),
  to: partySchema.optional(),
  headers: z.record(z.string(), text).optional(),
  body: text.optional(),
  table: z.strictObject({ columns: z.array(text).min(1), rows: z.array(z.array(z.string().trim())).min(1) }).optional(),
  totals: z.record(z.string(), text).optional(),
  footer: text.optional(),
});

export type RawDocument = z.output<typeof documentSchema>;

/** Cross-checks of a parsed document: every table row as wide as its columns. */
export function checkDocument(raw: RawDocument, sink: ErrorSink, at: Array<string | number>): void {
  if (!raw.table) return;
  const width = raw.table.columns.length;
  raw.table.rows.forEach((row, i) => {
    if (row.length !== width) sink.at([...at, 'table', 'rows', i], `cette ligne a ${row.length} cases pour ${width} colonnes`);
  });
  if (!raw.body && !raw.table && Object.keys(raw.headers ?? {}).length === 0) sink.at(at, 'document vide : donnez au moins des en-têtes (headers), un texte (body) ou un tableau (table)');
}

const labelled = (record: Record<string, string> | undefined) => Object.entries(record ?? {}).map(([label, value]) => ({ label, value }));

export function toDocument(d: RawDocument, file?: string): ExerciseDocument {
  return {
    kind: d.kind,
    title: d.title,
    ...(file ? { file } : {}),
    ...(d.from ? { from: { name: d.from.name, lines: d.from.lines ?? [] } } : {}),
    ...(d.to ? { to: { name: d.to.name, lines: d.to.lines ?? [] } } : {}),
    headers: labelled(d.headers),
    ...(d.body ? { bodyHtml: renderSafeMarkdown(d.body) } : {}),
    ...(d.table ? { table: d.table } : {}),
    ...(d.totals ? { totals: labelled(d.totals) } : {}),
    ...(d.footer ? { footer: d.footer } : {}),
  };
}

/**
 * One document file of a module folder (`documents/facture.yaml`). `errorFile` is its path
 * from the courses root, for the errors' locations. Pure.
 */
export function parseDocumentFile(yamlText: string, file: string, errorFile: string): { ok: true; document: ExerciseDocument } | { ok: false; errors: SourceError[] } {
  const checked = checkYaml(documentSchema, yamlText, errorFile);
  if (!checked.ok) return checked;
  const sink = new ErrorSink(checked.source);
  checkDocument(checked.value, sink, []);
  return sink.errors.length > 0 ? { ok: false, errors: sink.errors } : { ok: true, document: toDocument(checked.value, file) };
}
