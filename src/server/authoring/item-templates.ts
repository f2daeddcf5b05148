import { stringify } from 'yaml';

export type ItemType = 'lesson' | 'quiz' | 'exercise' | 'roleplay';
export const ITEM_TYPES: readonly ItemType[] = ['lesson', 'quiz', 'exercise', 'roleplay'];

/** Where a new item's file goes in the folder, as in courses/. */
export function itemFilePath(type: ItemType, id: string): string {
  switch (type) {
    case 'lesson': return `lessons/${id}.md`;
    case 'quiz': return id === 'quiz' ? 'quiz.yaml' : `quiz-${id}.yaml`;
    case 'exercise': return `exercises/${id}.yaml`;
    case 'roleplay': return `roleplays/${id}.yaml`;
  }
}

/**
 * A valid starting file for each item type, so a new item passes validation at once and the
 * trainer edits from a working example rather than a blank page.
 */
export function itemTemplate(type: ItemType, id: string, title: string, competencies: readonly string[], today: string): string {
  switch (type) {
    case 'lesson':
      return 'Présentez ici l’idée principale de la leçon, en phrases courtes.\n\n## Première page\n\nUne idée par page. Chaque titre « ## » commence une nouvelle page.\n';
    case 'quiz':
      return stringify({
        pass_mark: 70,
        questions: [
          {
            id: 'q1',
            type: 'single_choice',
            prompt: 'Votre question ?',
            choices: [
              { text: 'La bonne réponse', correct: true, feedback: 'Expliquez pourquoi c’est juste.' },
              { text: 'Une réponse fausse', feedback: 'Expliquez pourquoi c’est faux.' },
            ],
          },
        ],
      });
    case 'exercise':
      return stringify({
        instructions: 'Lisez le document et remplissez la fiche.',
        pass_mark: 75,
        document: { kind: 'email', title: 'E-mail du client', headers: { De: 'Client <client@exemple.fr>', Objet: 'Ma commande' }, body: 'Bonjour,\nJe n’ai pas reçu ma commande.\n' },
        task: {
          type: 'form',
          fields: [{ id: 'objet', label: 'Objet de la demande', check: { rule: 'keywords', all: ['commande'] }, answer: 'Commande non reçue', feedback: { correct: 'Oui.', incorrect: 'Relisez l’objet de l’e-mail.' } }],
        },
      });
    case 'roleplay':
      return roleplayTemplate(id, title, competencies, today);
  }
}

/** `today` (YYYY-MM-DD) starts the story on the day the trainer creates it; they change it to the story's own day. */
function roleplayTemplate(id: string, title: string, competencies: readonly string[], today: string): string {
  const code = competencies[0] ?? 'CCP1.1';
  return stringify({
    id,
    title,
    storyDate: today,
    summary: 'Un client appelle pour une question simple.',
    callType: 'inbound',
    competencies: [...competencies],
    targetSeconds: 120,
    persona: { name: 'M. Client', situation: 'Il a passé une commande la semaine dernière.', mood: 'neutre' },
    start: 'bonjour',
    nodes: {
      bonjour: { phase: 'accueil', customer: 'Bonjour, j’appelle pour ma commande.', next: 'accueil' },
      accueil: {
        phase: 'accueil',
        choices: [
          { text: 'Bonjour monsieur, je suis Karim. Que puis-je faire pour vous ?', next: 'demande', points: 2, competencies: { [code]: 1 }, feedback: 'Présentation complète.' },
          { text: 'Oui ?', next: 'demande', points: 0, mood: -10, feedback: 'Présentez-vous.' },
        ],
      },
      demande: { phase: 'decouverte', customer: 'Je voudrais savoir quand elle arrive.', next: 'reponse' },
      reponse: {
        phase: 'traitement',
        choices: [
          { text: 'Je regarde : elle arrive jeudi.', next: 'fin', points: 2, feedback: 'Réponse claire.' },
          { text: 'Je ne sais pas.', next: 'fin', points: 0, mood: -10, feedback: 'Cherchez l’information.' },
        ],
      },
      fin: { ending: 'resolved', outcome: 'Le client connaît sa date de livraison.', customer: 'Merci, au revoir.' },
    },
  });
}
