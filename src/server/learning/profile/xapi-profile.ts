import { ACTIVITY_TYPES, EXTENSIONS, PROFILE_ID, VERBS } from '../../xapi/vocabulary.ts';

/** Where our own terms are described: the xAPI Profile document, served at /xapi-profile. */
export const PROFILE_PATH = '/xapi-profile';
export const PROFILE_VERSION_ID = `${PROFILE_ID}/v1`;
const PROFILE_DATE = '2026-11-26T00:00:00Z';
const AUTHOR = { type: 'Organization', name: 'Tremplin' };

const EXTENSION_NOTES: Record<keyof typeof EXTENSIONS, { fr: string; en: string; context: boolean; schema: Record<string, unknown> }> = {
  competencies: { fr: 'Codes des compétences (référentiel RNCP 35304) que l’activité met en œuvre.', en: 'Competency codes (RNCP 35304 framework) the activity evidences.', context: true, schema: { type: 'array', items: { type: 'string' } } },
  courseVersion: { fr: 'Empreinte de la version du module suivie par le stagiaire.', en: 'Content hash of the module version the learner works on.', context: true, schema: { type: 'string' } },
  attempt: { fr: 'Numéro de la tentative (1, 2…) de ce stagiaire sur cet élément.', en: '1-based attempt number of this learner at this item.', context: true, schema: { type: 'integer', minimum: 1 } },
  phase: { fr: 'Phase de l’appel simulé (accueil, découverte…).', en: 'Phase of the simulated call.', context: true, schema: { type: 'string' } },
  turn: { fr: 'Rang du tour de parole dans l’appel (à partir de 0).', en: 'Index of the turn in the call (0-based).', context: true, schema: { type: 'integer', minimum: 0 } },
  choicesShown: {
    fr: 'Les répliques proposées à ce tour, dans l’ordre où l’écran les montrait (identifiants des choix).',
    en: 'The lines offered at this turn, in the order the screen showed them (choice ids).',
    context: true,
    schema: { type: 'array', items: { type: 'string' } },
  },
  phaseScores: { fr: 'Score par phase de l’appel (0 à 1).', en: 'Score per call phase (0..1).', context: false, schema: { type: 'object', additionalProperties: { type: 'number' } } },
  competencyScores: { fr: 'Score par compétence (0 à 1).', en: 'Score per competency (0..1).', context: false, schema: { type: 'object', additionalProperties: { type: 'number' } } },
  mood: { fr: 'Humeur du client à la fin du tour ou de l’appel (0 à 100).', en: 'Customer mood at the end of a turn or call (0..100).', context: false, schema: { type: 'number', minimum: 0, maximum: 100 } },
  outcome: { fr: 'Issue de l’appel : resolved, escalated, hung_up ou abandoned.', en: 'Call outcome: resolved, escalated, hung_up or abandoned.', context: false, schema: { enum: ['resolved', 'escalated', 'hung_up', 'abandoned'] } },
  indicators: { fr: 'Indicateurs du centre d’appels : DMT, cible, résolution au premier appel, satisfaction.', en: 'Call-centre indicators: AHT, target, first-call resolution, CSAT.', context: false, schema: { type: 'object' } },
  transcriptText: { fr: 'Ce que le stagiaire a dit (texte du choix ou saisi).', en: 'The learner’s turn as text.', context: false, schema: { type: 'string' } },
  customerText: { fr: 'La réplique du client à laquelle le stagiaire répond.', en: 'The customer line the learner answered.', context: false, schema: { type: 'string' } },
  feedback: { fr: 'Le retour affiché au stagiaire pour cette réponse.', en: 'Feedback shown to the learner for this answer.', context: false, schema: { type: 'string' } },
  tags: { fr: 'Étiquettes de l’option choisie (ex. « formule à éviter »).', en: 'Tags of the chosen option.', context: false, schema: { type: 'array', items: { type: 'string' } } },
  blockingFaults: {
    fr: 'Fautes bloquantes du tour ou de l’appel (divulgation, information fausse…) : une seule fait échouer l’appel.',
    en: 'Blocking faults of the turn or call (disclosure, false information…): one fails the call.',
    context: false,
    schema: { type: 'array', items: { type: 'object', required: ['tag', 'code', 'label'], properties: { tag: { type: 'string' }, code: { type: 'string' }, label: { type: 'string' }, turn: { type: 'integer', minimum: 0 } } } },
  },
  elapsedSeconds: { fr: 'Secondes prises pour ce tour ou cette page.', en: 'Seconds taken for this turn or page.', context: false, schema: { type: 'number', minimum: 0 } },
  replaces: { fr: 'Sur une attestation délivrée à nouveau : l’attestation qu’elle remplace.', en: 'On a re-issued certificate: the certificate it replaces.', context: true, schema: { type: 'string', format: 'iri' } },
  trainerScores: {
    fr: 'Notes données par le formateur aux réponses saisies de l’appel (tour, pourcentage), dans la déclaration de clôture corrigée.',
    en: 'The trainer’s scores of the call’s typed answers (turn, percent), in the corrected closing statement.',
    context: false,
    schema: { type: 'array', items: { type: 'object', required: ['turn', 'percent'], properties: { turn: { type: 'integer', minimum: 0 }, percent: { type: 'integer', minimum: 0, maximum: 100 } } } },
  },
};

const OWN_TYPES: Record<string, { fr: string; en: string; defFr: string; defEn: string }> = {
  [ACTIVITY_TYPES.lessonPage]: { fr: 'Page de leçon', en: 'Lesson page', defFr: 'Une page d’une leçon, lue par le stagiaire.', defEn: 'One page of a lesson.' },
  [ACTIVITY_TYPES.certificate]: { fr: 'Attestation de compétences', en: 'Certificate', defFr: 'Une attestation de compétences délivrée au stagiaire (une activité par attestation).', defEn: 'A certificate of competencies issued to the learner (one activity per certificate).' },
  [ACTIVITY_TYPES.exercise]: { fr: 'Exercice de back-office', en: 'Back-office exercise', defFr: 'Un document (courriel, courrier, commande, réclamation, fiche client) et une tâche : remplir un formulaire ou classer et prioriser des demandes.', defEn: 'A document and a task: fill in a form, or classify and prioritise requests.' },
};

/** Pure: the xAPI Profile (JSON-LD, xAPI Profiles spec 1.0) of Tremplin's vocabulary. */
export function xapiProfile(): Record<string, unknown> {
  const concepts: Array<Record<string, unknown>> = [];
  for (const verb of Object.values(VERBS)) {
    concepts.push({ id: verb.id, type: 'Verb', inScheme: PROFILE_VERSION_ID, prefLabel: { fr: verb.fr, en: verb.en }, definition: { fr: `Le stagiaire ${verb.fr}.`, en: `The learner ${verb.en}.` }, ...(verb.id.startsWith(PROFILE_ID) ? {} : { exactMatch: [verb.id] }) });
  }
  for (const [iri, t] of Object.entries(OWN_TYPES)) {
    concepts.push({ id: iri, type: 'ActivityType', inScheme: PROFILE_VERSION_ID, prefLabel: { fr: t.fr, en: t.en }, definition: { fr: t.defFr, en: t.defEn } });
  }
  for (const [name, iri] of Object.entries(EXTENSIONS) as Array<[keyof typeof EXTENSIONS, string]>) {
    const note = EXTENSION_NOTES[name];
    concepts.push({
      id: iri,
      type: note.context ? 'ContextExtension' : 'ResultExtension',
      inScheme: PROFILE_VERSION_ID,
      prefLabel: { fr: name, en: name },
      definition: { fr: note.fr, en: note.en },
      inlineSchema: JSON.stringify(note.schema),
    });
  }
  return {
    '@context': 'https://w3id.org/xapi/profiles/context',
    id: PROFILE_ID,
    type: 'Profile',
    conformsTo: 'https://w3id.org/xapi/profiles#1.0',
    prefLabel: { fr: 'Profil xAPI Tremplin', en: 'Tremplin xAPI profile' },
    definition: {
      fr: 'Le vocabulaire des traces d’apprentissage de Tremplin : modules, leçons, quiz, exercices de back-office et appels simulés de relation client.',
      en: 'The vocabulary of Tremplin learning records: modules, lessons, quizzes, back-office exercises and simulated customer calls.',
    },
    author: AUTHOR,
    versions: [{ id: PROFILE_VERSION_ID, generatedAtTime: PROFILE_DATE }],
    concepts,
  };
}
