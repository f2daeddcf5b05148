import { moodLabel } from '../roleplay/scenario/mood.ts';

/** Catalogue key of a mood band ("mécontent" -> calls.mood.mecontent). */
export function moodKey(mood: number): string {
  return `calls.mood.${moodLabel(mood).normalize('NFD').replace(/[\u0300-\u036f]/g, '')}`;
}
