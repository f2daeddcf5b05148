/**
 * The "double écoute" grid: the SAME weighted criteria, phase by phase, for every call, so that
 * a learner's progress from one review to the next can be read. Change it only with a new
 * version number (stored with each review): old reviews keep meaning what they meant.
 */
export interface GridCriterion {
  id: string;
  fr: string;
  en: string;
  /** Relative weight in the phase and in the overall score. */
  weight: number;
}

export interface GridPhase {
  id: string;
  fr: string;
  en: string;
  criteria: GridCriterion[];
}

export const GRID_VERSION = 1;

/** Ratings a trainer gives a criterion; "na" (not observed in this call) is left out of scores. */
export const RATINGS = ['1', '2', '3', 'na'] as const;
export type Rating = (typeof RATINGS)[number];

export const DOUBLE_ECOUTE_GRID: readonly GridPhase[] = [
  {
    id: 'accueil',
    fr: 'Accueil',
    en: 'Greeting',
    criteria: [
      { id: 'presentation', fr: "Formule d'accueil complète : bonjour, nom du service, prénom", en: 'Full greeting: hello, team name, first name', weight: 2 },
      { id: 'ecoute', fr: "Laisse le client exposer sa demande sans l'interrompre", en: 'Lets the customer explain without interrupting', weight: 1 },
    ],
  },
  {
    id: 'decouverte',
    fr: 'Découverte de la demande',
    en: 'Finding out the request',
    criteria: [
      { id: 'identification', fr: "Identifie le client et vérifie son identité avant de donner une information", en: 'Identifies the customer and checks identity before giving information', weight: 2 },
      { id: 'questions', fr: 'Pose des questions ouvertes puis fermées pour cerner la demande', en: 'Asks open then closed questions to pin down the request', weight: 2 },
      { id: 'reformulation', fr: 'Reformule la demande et la fait valider', en: 'Rephrases the request and has it confirmed', weight: 2 },
    ],
  },
  {
    id: 'traitement',
    fr: 'Traitement',
    en: 'Handling',
    criteria: [
      { id: 'solution', fr: 'Apporte une réponse juste ou oriente vers le bon service', en: 'Gives a correct answer or routes to the right team', weight: 3 },
      { id: 'outils', fr: 'Utilise la fiche client ; annonce et remercie pour la mise en attente', en: 'Uses the customer record; announces holds and thanks for waiting', weight: 1 },
      { id: 'objections', fr: 'Traite les objections ou le mécontentement avec calme', en: 'Handles objections or anger calmly', weight: 2 },
    ],
  },
  {
    id: 'conclusion',
    fr: 'Conclusion',
    en: 'Closing',
    criteria: [
      { id: 'recapitulatif', fr: 'Récapitule ce qui a été convenu et la suite', en: 'Sums up what was agreed and what happens next', weight: 2 },
      { id: 'prise-de-conge', fr: 'Vérifie la satisfaction et prend congé poliment', en: 'Checks satisfaction and says goodbye politely', weight: 1 },
    ],
  },
  {
    id: 'communication',
    fr: "Communication (tout l'appel)",
    en: 'Communication (whole call)',
    criteria: [
      { id: 'langage', fr: 'Langage professionnel, sans familiarité ni jargon', en: 'Professional language, no slang or jargon', weight: 2 },
      { id: 'voix', fr: 'Ton, rythme et sourire dans la voix', en: 'Tone, pace and a smile in the voice', weight: 1 },
      { id: 'empathie', fr: 'Empathie et écoute active', en: 'Empathy and active listening', weight: 2 },
    ],
  },
];

/** The form field (and stored key) of a criterion: "phase.criterion". */
export const criterionKey = (phase: GridPhase, criterion: GridCriterion): string => `${phase.id}.${criterion.id}`;

export interface GridScores {
  /** 0..1 over the rated criteria, weighted; null when nothing was rated. */
  overall: number | null;
  phases: Record<string, number | null>;
}

const value = (r: Rating): number | null => (r === 'na' ? null : (Number(r) - 1) / 2);

/** Weighted scores of a filled grid: 1 counts 0, 2 counts one half, 3 counts in full. Pure. */
export function gridScores(ratings: Readonly<Record<string, Rating>>): GridScores {
  let sum = 0;
  let weights = 0;
  const phases: Record<string, number | null> = {};
  for (const phase of DOUBLE_ECOUTE_GRID) {
    let ps = 0;
    let pw = 0;
    for (const c of phase.criteria) {
      const v = value(ratings[criterionKey(phase, c)] ?? 'na');
      if (v === null) continue;
      ps += v * c.weight;
      pw += c.weight;
    }
    phases[phase.id] = pw === 0 ? null : Math.round((ps / pw) * 1000) / 1000;
    sum += ps;
    weights += pw;
  }
  return { overall: weights === 0 ? null : Math.round((sum / weights) * 1000) / 1000, phases };
}

/** Reads the grid from a form: every criterion must have one of the ratings. */
export function readGrid(body: Record<string, unknown>): { ratings: Record<string, Rating>; errors: Record<string, string> } {
  const ratings: Record<string, Rating> = {};
  const errors: Record<string, string> = {};
  for (const phase of DOUBLE_ECOUTE_GRID) {
    for (const c of phase.criteria) {
      const key = criterionKey(phase, c);
      const raw = body[key];
      if (typeof raw === 'string' && (RATINGS as readonly string[]).includes(raw)) ratings[key] = raw as Rating;
      else errors[key] = 'followup.review.errors.rating';
    }
  }
  return { ratings, errors };
}
