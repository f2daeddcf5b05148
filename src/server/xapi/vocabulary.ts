/**
 * Tremplin's xAPI vocabulary: the verbs, activity types and extensions every statement the LMS
 * writes uses. Documented in docs/xapi-profile.md and served as an xAPI Profile (JSON-LD).
 * Verbs come from ADL where one fits; ours live under the profile IRI.
 */

/** Stable profile IRI: it does not depend on the instance, so statements from any site agree. */
export const PROFILE_ID = 'https://tremplin.fr/xapi/profile';

export const VERBS = {
  launched: { id: 'http://adlnet.gov/expapi/verbs/launched', fr: 'a ouvert', en: 'launched' },
  initialized: { id: 'http://adlnet.gov/expapi/verbs/initialized', fr: 'a commencé', en: 'initialized' },
  experienced: { id: 'http://adlnet.gov/expapi/verbs/experienced', fr: 'a lu', en: 'experienced' },
  answered: { id: 'http://adlnet.gov/expapi/verbs/answered', fr: 'a répondu à', en: 'answered' },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', fr: 'a terminé', en: 'completed' },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', fr: 'a réussi', en: 'passed' },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', fr: "n'a pas réussi", en: 'failed' },
  abandoned: { id: 'https://w3id.org/xapi/adl/verbs/abandoned', fr: 'a abandonné', en: 'abandoned' },
  resumed: { id: 'http://adlnet.gov/expapi/verbs/resumed', fr: 'a repris', en: 'resumed' },
  /** A role-play action that is not an answer: hold, transfer, look-up in the customer record. */
  interacted: { id: 'http://adlnet.gov/expapi/verbs/interacted', fr: 'a utilisé', en: 'interacted with' },
  /** A trainer's evaluation or comment on a learner's work. */
  commented: { id: 'http://adlnet.gov/expapi/verbs/commented', fr: 'a commenté', en: 'commented' },
  /** A certificate (attestation de compétences) was issued to the learner (xAPI vocabulary registry, "earned"). */
  earned: { id: 'http://id.tincanapi.com/verb/earned', fr: 'a obtenu', en: 'earned' },
} as const;

export type VerbName = keyof typeof VERBS;

export const ACTIVITY_TYPES = {
  programme: 'http://adlnet.gov/expapi/activities/course',
  module: 'http://adlnet.gov/expapi/activities/module',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  lessonPage: `${PROFILE_ID}/activity-types/lesson-page`,
  quiz: 'http://adlnet.gov/expapi/activities/assessment',
  question: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  exercise: `${PROFILE_ID}/activity-types/back-office-exercise`,
  roleplay: 'http://adlnet.gov/expapi/activities/simulation',
  roleplayTurn: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  /** A role-play action that is not an answer (hold, transfer, look-up in the customer record). */
  roleplayAction: 'http://adlnet.gov/expapi/activities/interaction',
  profile: 'http://adlnet.gov/expapi/activities/profile',
  /** An issued certificate (attestation de compétences), one activity per certificate. */
  certificate: `${PROFILE_ID}/activity-types/certificate`,
} as const;

export const EXTENSIONS = {
  /** context: competency codes (array of strings, e.g. ["CCP1.1","T1"]) the activity evidences. */
  competencies: `${PROFILE_ID}/extensions/competencies`,
  /** context: the content hash of the course version the learner is on. */
  courseVersion: `${PROFILE_ID}/extensions/course-version`,
  /** context: 1-based attempt number of this item for this learner. */
  attempt: `${PROFILE_ID}/extensions/attempt`,
  /** context: role-play phase of a turn (e.g. "accueil"). */
  phase: `${PROFILE_ID}/extensions/phase`,
  /** context: index of the turn in the call (0-based). */
  turn: `${PROFILE_ID}/extensions/turn`,
  /**
   * context: the ids of a choice turn's lines in the order the learner's screen showed them
   * (each call shuffles them), e.g. ["choix-3","choix-1","choix-2"].
   */
  choicesShown: `${PROFILE_ID}/extensions/choices-shown`,
  /** result: score per phase, { [phase]: scaled 0..1 }. */
  phaseScores: `${PROFILE_ID}/extensions/phase-scores`,
  /** result: score per competency, { [code]: scaled 0..1 }. */
  competencyScores: `${PROFILE_ID}/extensions/competency-scores`,
  /** result: customer mood at the end of a turn or call (0..100). */
  mood: `${PROFILE_ID}/extensions/mood`,
  /** result: call outcome: "resolved" | "escalated" | "hung_up" | "abandoned". */
  outcome: `${PROFILE_ID}/extensions/outcome`,
  /** result: call-centre indicators { ahtSeconds, targetSeconds, fcr: boolean, csat: 1..5 }. */
  indicators: `${PROFILE_ID}/extensions/indicators`,
  /** result: the learner's turn as text (choice text or typed words), for transcripts. */
  transcriptText: `${PROFILE_ID}/extensions/transcript-text`,
  /** result: the customer's line that the learner answered, for transcripts. */
  customerText: `${PROFILE_ID}/extensions/customer-text`,
  /** result: feedback shown to the learner for this answer. */
  feedback: `${PROFILE_ID}/extensions/feedback`,
  /** result: tags of the chosen option, e.g. ["formule à éviter"]. */
  tags: `${PROFILE_ID}/extensions/tags`,
  /**
   * result: eliminatory faults of a turn or a call, [{ tag, code, label }] (a call's also carry
   * `turn`). One fails the call: its closing statement is then `failed`, success false.
   */
  blockingFaults: `${PROFILE_ID}/extensions/blocking-faults`,
  /** result: seconds the learner took for this turn or page. */
  elapsedSeconds: `${PROFILE_ID}/extensions/elapsed-seconds`,
  /** context: on a re-issued certificate's "earned", the activity id of the certificate it replaces. */
  replaces: `${PROFILE_ID}/extensions/replaces`,
  /**
   * result: a trainer's scores of a call's typed answers, in effect when the corrected closing
   * statement was written: [{ turn, percent }] (docs/xapi-profile.md, "Trainer's re-score").
   */
  trainerScores: `${PROFILE_ID}/extensions/trainer-scores`,
} as const;

/** Our profile's category activity, put in every statement's context.contextActivities.category. */
export function profileCategory(): { id: string; objectType: 'Activity'; definition: { type: string } } {
  return { id: PROFILE_ID, objectType: 'Activity', definition: { type: ACTIVITY_TYPES.profile } };
}
