/** A duration as trainers read it: "1 h 05", "12 min", "45 s". Same text in French and English. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(Number.isFinite(totalSeconds) ? totalSeconds : 0));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  return `${h} h ${String(minutes % 60).padStart(2, '0')}`;
}

/** Hours with one decimal, for tables and CSV: 2.5 -> "2,5" in French. */
export function formatHours(hours: number, locale: 'fr' | 'en'): string {
  const rounded = Math.round(hours * 100) / 100;
  return locale === 'fr' ? String(rounded).replace('.', ',') : String(rounded);
}
