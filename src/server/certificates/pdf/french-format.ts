/** French wording of dates, percentages and levels for the certificate (always French). */
import type { CompetencyLevel } from '../../evidence/competency-levels.ts';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "2026-11-26" or an ISO instant -> "26 novembre 2026" (calendar date as written). */
export function longDate(dateOrIso: string): string {
  const [y, m, d] = dateOrIso.slice(0, 10).split('-').map(Number);
  return `${d === 1 ? '1er' : d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

export const percent = (scaled: number | null): string => (scaled === null ? '—' : `${Math.round(scaled * 100)} %`);

export function hours(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${String(rounded).replace('.', ',')} h`;
}

export const LEVEL_LABELS_FR: Record<CompetencyLevel, string> = {
  acquis: 'Acquise',
  en_cours: "En cours d'acquisition",
  non_acquis: 'Non acquise',
};
