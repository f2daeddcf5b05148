import type { Phase, Voice } from './types.ts';

/** The phases every call-centre trainer teaches, used when a scenario does not list its own. */
export const DEFAULT_PHASES: readonly Phase[] = [
  { id: 'accueil', label: 'Accueil' },
  { id: 'decouverte', label: 'Découverte' },
  { id: 'reformulation', label: 'Reformulation' },
  { id: 'traitement', label: 'Traitement / argumentation' },
  { id: 'conclusion', label: 'Conclusion' },
  { id: 'prise-de-conge', label: 'Prise de congé' },
];

export const DEFAULT_VOICE: Voice = { variant: 'm3', pitch: 50, speed: 150 };

export const DEFAULT_PASS_MARK = 60;

/**
 * Free responses at or above this percentage take the `good` branch. With the rubric's weights
 * (required 70, politeness 15, length 15) 80 means: every required element, and at most one of
 * politeness and length missed; any expression to avoid or forbidden concept fails it.
 */
export const DEFAULT_RUBRIC_PASS = 80;
