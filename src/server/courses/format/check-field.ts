import type { FieldCheck } from './types.ts';
import { collapseSpaces, normaliseAnswer } from './normalise-answer.ts';
import { keywordsFound } from './keywords-found.ts';

export const MAX_REGEX_INPUT = 200;

/** "12,50 €", "1 250.5" -> number; undefined when it is not a number. */
export function parseFrenchNumber(raw: string): number | undefined {
  const cleaned = raw.replace(/[\s\u00a0\u202f€%]/g, '').replace(',', '.');
  if (!/^[-+]?\d+(?:\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** "2026-03-12", "12/03/2026", "12-03-2026", "12.03.2026" -> "2026-03-12"; undefined if not a real date. */
export function parseFrenchDate(raw: string): string | undefined {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : fr ? [fr[3], fr[2], fr[1]] : [];
  if (!y || !m || !d) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Whether a learner's answer to a back-office form field is right. Pure; the player uses it. */
export function checkFieldAnswer(check: FieldCheck, response: string): boolean {
  switch (check.rule) {
    case 'exact':
      return collapseSpaces(response) === collapseSpaces(check.value);
    case 'one_of':
      return check.values.some((v) => collapseSpaces(v) === collapseSpaces(response));
    case 'regex':
      // Trainer-written patterns run on learner input: a length cap keeps a badly written
      // pattern from hanging the server on a long answer (form fields here are short).
      return response.length <= MAX_REGEX_INPUT && new RegExp(`^(?:${check.pattern})$`, check.flags).test(response.trim());
    case 'number_range': {
      const n = parseFrenchNumber(response);
      return n !== undefined && n >= check.min && n <= check.max;
    }
    case 'date':
      return parseFrenchDate(response) === check.value;
    case 'normalised_text':
      return check.values.some((v) => normaliseAnswer(v) === normaliseAnswer(response));
    case 'keywords':
      return keywordsFound(check.all, response, { sentence: check.sentence === true });
  }
}
