/**
 * The last check before a file leaves with the learner or the cohort: whatever the certificate
 * was issued with (perhaps before the lexicon grew), no exported text may reveal detention.
 * The learner's own statements are kept, but a text in them that names detention (an answer
 * typed in an exercise, a course title) is replaced whole: the trainer cannot edit the LRS,
 * and the learner must still be able to leave with the rest.
 */
import { BadRequestError } from '../errors.ts';
import { forbiddenWordsIn } from './forbidden-words.ts';
import { revealingTexts } from './printed-texts.ts';
import type { ZipEntry } from './zip.ts';

export const MASKED_TEXT = '[texte masqué]';

export function maskRevealingStrings<T>(value: T): T {
  if (typeof value === 'string') return (forbiddenWordsIn(value).length > 0 ? MASKED_TEXT : value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => maskRevealingStrings(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskRevealingStrings(v)])) as T;
  }
  return value;
}

/** The readable text of an exported file: a VC-JWT is read through its payload; a PDF is left to the snapshot check. */
function textsOf(entry: ZipEntry): string[] {
  if (entry.name.endsWith('.pdf') || entry.name.endsWith('.webm')) return []; // not text
  const text = entry.data.toString('utf8');
  if (!entry.name.endsWith('.jwt')) return [text];
  return text
    .trim()
    .split('.')
    .slice(0, 2)
    .map((part) => Buffer.from(part, 'base64url').toString('utf8'));
}

function refusal(): BadRequestError {
  return new BadRequestError('certificates.errors.exportRevealing', { export: 'certificates.errors.exportRevealing' });
}

/**
 * Refuses an export whose snapshot (what the PDF prints) or any text file names detention.
 * The snapshot is the PDF's only source of variable text, so checking it checks the PDF.
 */
export function assertExportClean(entries: readonly ZipEntry[], snapshots: readonly unknown[]): void {
  for (const snapshot of snapshots) if (revealingTexts(snapshot).length > 0) throw refusal();
  for (const entry of entries) {
    if (textsOf(entry).some((text) => forbiddenWordsIn(text).length > 0)) throw refusal();
  }
}
