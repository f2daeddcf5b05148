import { isSpeechPace, type SpeechPace } from '../speech/speech-pace.ts';

/** The learner's own reading choices, kept across sessions (a row per learner who changed them). */
export const TEXT_SIZES = ['normal', 'large', 'larger'] as const;
export const LINE_SPACINGS = ['normal', 'wide'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export type LineSpacing = (typeof LINE_SPACINGS)[number];

export interface ReadingPreferences {
  textSize: TextSize;
  lineSpacing: LineSpacing;
  /** How fast "Écouter" reads. */
  speechPace: SpeechPace;
}

export const DEFAULT_READING: ReadingPreferences = { textSize: 'normal', lineSpacing: 'normal', speechPace: 'normal' };

const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);

/** The posted form as preferences, or the names of the fields that are not one of the choices. */
export function readReadingForm(form: Record<string, unknown>): { ok: true; value: ReadingPreferences } | { ok: false; fields: string[] } {
  const fields: string[] = [];
  if (!oneOf(TEXT_SIZES, form.textSize)) fields.push('textSize');
  if (!oneOf(LINE_SPACINGS, form.lineSpacing)) fields.push('lineSpacing');
  if (!isSpeechPace(form.speechPace)) fields.push('speechPace');
  if (fields.length > 0) return { ok: false, fields };
  return { ok: true, value: { textSize: form.textSize as TextSize, lineSpacing: form.lineSpacing as LineSpacing, speechPace: form.speechPace as SpeechPace } };
}

/** Classes on <html> that the stylesheet reads (rem sizes follow the root font size). */
export function readingClasses(p: ReadingPreferences): string {
  return [p.textSize !== 'normal' ? `text-${p.textSize}` : '', p.lineSpacing !== 'normal' ? `spacing-${p.lineSpacing}` : ''].filter(Boolean).join(' ');
}
