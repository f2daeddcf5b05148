/** The trainer's appraisal of workplace behaviour, one entry per criterion. */
export const APPRAISAL_CRITERIA = ['ponctualite', 'assiduite', 'travail_equipe', 'respect_consignes', 'autonomie'] as const;
export type AppraisalCriterion = (typeof APPRAISAL_CRITERIA)[number];

export const APPRAISAL_LEVELS = ['tres_satisfaisant', 'satisfaisant', 'a_consolider', 'insuffisant'] as const;
export type AppraisalLevel = (typeof APPRAISAL_LEVELS)[number];

export interface AppraisalEntry {
  criterion: AppraisalCriterion;
  level: AppraisalLevel;
  /** A short text, printed on the certificate. */
  text: string;
}

export const APPRAISAL_TEXT_MAX = 240;

/** French wording printed on the certificate (the certificate is always in French). */
export const CRITERION_LABELS_FR: Record<AppraisalCriterion, string> = {
  ponctualite: 'Ponctualité',
  assiduite: 'Assiduité',
  travail_equipe: "Travail en équipe",
  respect_consignes: 'Respect des consignes',
  autonomie: 'Autonomie',
};

export const APPRAISAL_LEVEL_LABELS_FR: Record<AppraisalLevel, string> = {
  tres_satisfaisant: 'Très satisfaisant',
  satisfaisant: 'Satisfaisant',
  a_consolider: 'À consolider',
  insuffisant: 'Insuffisant',
};

/** True when every criterion has an entry. */
export function appraisalComplete(entries: readonly AppraisalEntry[]): boolean {
  return APPRAISAL_CRITERIA.every((c) => entries.some((e) => e.criterion === c));
}
