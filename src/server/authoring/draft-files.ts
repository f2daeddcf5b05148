import { isSourceText } from '../courses/format/media-types.ts';

/** A module folder's files, paths relative to the folder ("lessons/01-accueil.md"). */
export type ModuleFiles = Map<string, Buffer>;

type Encoded = Record<string, { text: string } | { base64: string }>;

/** Text files stay readable in the database; media are base64. */
export function encodeFiles(files: ModuleFiles): string {
  const out: Encoded = {};
  for (const [p, data] of [...files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    out[p] = isSourceText(p) ? { text: data.toString('utf8') } : { base64: data.toString('base64') };
  }
  return JSON.stringify(out);
}

export function decodeFiles(json: string): ModuleFiles {
  const parsed = JSON.parse(json) as Encoded;
  return new Map(Object.entries(parsed).map(([p, v]) => [p, 'text' in v ? Buffer.from(v.text, 'utf8') : Buffer.from(v.base64, 'base64')]));
}

export function textOf(files: ModuleFiles, filePath: string): string | undefined {
  return files.get(filePath)?.toString('utf8');
}

/** Normalises line endings typed in a browser textarea (CRLF) to what files in courses/ use. */
export function fromTextarea(text: string): Buffer {
  return Buffer.from(text.replace(/\r\n?/g, '\n'), 'utf8');
}
