/** French wording of dates, numbers, hours and levels for the certificate (always French). */
import type { CompetencyLevel } from '../../evidence/competency-levels.ts';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** French typography: a narrow no-break space between groups of thousands ("1 200"). */
export const THOUSANDS_SEPARATOR = '\u202F';
/** A no-break space between a number and its unit, so "12 h" never breaks across lines. */
const UNIT_SPACE = '\u00A0';

/** "2026-11-26" or an ISO instant -> "26 novembre 2026" (calendar date as written). */
export function longDate(dateOrIso: string): string {
  const [y, m, d] = dateOrIso.slice(0, 10).split('-').map(Number);
  return `${d === 1 ? '1er' : d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

export const percent = (scaled: number | null): string => (scaled === null ? '—' : `${Math.round(scaled * 100)} %`);

/** 1200.5 -> "1 200,5", 3 -> "3": thousands grouped, decimal comma, at most one decimal. */
export function frenchNumber(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  const [int = '0', decimals] = String(Math.abs(rounded)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS_SEPARATOR);
  return `${rounded < 0 ? '-' : ''}${grouped}${decimals ? `,${decimals}` : ''}`;
}

export function hours(value: number): string {
  return `${frenchNumber(value)}${UNIT_SPACE}h`;
}

/**
 * Hours as a trainer would sign them: rounded down to the half hour, so the certificate never
 * claims more than was recorded, and nothing under one hour ("0,2 h" says less about the
 * person than saying nothing). Null when there is nothing worth printing.
 */
export function signedHours(value: number): string | null {
  const signed = signableHours(value);
  return signed === null ? null : hours(signed);
}

/** The number of hours signedHours prints (the verification page and bundle show the same). */
export function signableHours(value: number): number | null {
  if (!Number.isFinite(value) || value < 1) return null;
  return Math.floor(value * 2) / 2;
}

export const LEVEL_LABELS_FR: Record<CompetencyLevel, string> = {
  acquis: 'Acquise',
  en_cours: "En cours d'acquisition",
  non_acquis: 'Non acquise',
};
