import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { loadScenarioFiles } from '../../src/server/roleplay/library/load-scenario-files.ts';
import { scoreRubric } from '../../src/server/roleplay/rubric/score-rubric.ts';
import type { Scenario } from '../../src/server/roleplay/scenario/types.ts';

/**
 * Answers a trainee could really type, other than the model: the good ones must pass and the
 * poor ones must not, so that rubrics are neither too strict nor too lenient.
 */
const CASES: Record<string, { good: string[]; poor: string[] }> = {
  'retard-livraison/reformulation': {
    good: ['Si j’ai bien compris madame, vous attendez votre canapé depuis le 14 novembre, vous aviez posé un jour de congé et personne ne vous a prévenue.'],
    poor: ['D’accord, pas de souci, je regarde ça.'],
  },
  'remboursement-client-en-colere/ecoute': {
    good: ['Je suis désolée monsieur, c’est vraiment désagréable. Pouvez-vous me raconter ce que le technicien a fait chez vous ?'],
    poor: ['Calmez-vous monsieur, on va voir ce qu’on peut faire.'],
  },
  'demande-information/decouverte': {
    good: ['Bien sûr madame. Vous avez un devis ? Et chez quel opticien allez-vous ?'],
    poor: ['Ça dépend des lunettes.'],
  },
  'support-technique-box/reformulation': {
    good: ['D’accord monsieur, donc depuis ce matin vous n’avez plus internet et le voyant fibre est rouge.'],
    poor: ['Ok, on va redémarrer la box.'],
  },
  'prise-rendez-vous-entretien/reponse-objection': {
    good: ['Je comprends madame. L’entretien est inclus dans votre contrat. Si une pièce est à changer, le technicien vous fera un devis et c’est vous qui déciderez.'],
    poor: ['Non, normalement c’est gratuit, pas de souci.'],
  },
  'vente-additionnelle/traitement-objection': {
    good: ['Je comprends tout à fait monsieur. Vous gardez vos numéros, et on s’occupe de tout, même de la résiliation chez Mobilo.'],
    poor: ['Faites-moi confiance, c’est simple.'],
  },
  'verification-identite/refus-respectueux': {
    good: ['Je suis désolé monsieur, je ne peux pas vous donner d’informations sur cette ligne car vous n’en êtes pas le titulaire. Si vous êtes inquiet pour vos enfants, adressez-vous à la gendarmerie.'],
    poor: ['Je ne sais pas, rappelez plus tard.', 'Bon, elle habite à Lille, mais je ne vous ai rien dit.'],
  },
  'suivi-dossier-bloque/piece': {
    good: ['Il nous faut la facture acquittée de l’hôpital, madame. Vous pouvez l’envoyer en photo depuis votre espace adhérent, et vous serez remboursée sous cinq jours.'],
    poor: ['Envoyez-nous les papiers.'],
  },
  'courriel-sans-reponse/redaction': {
    good: ['Objet : facture de la commande CMD-561094. Bonjour Madame, veuillez nous excuser pour ce retard, voici votre facture au nom de votre société.'],
    poor: ['Voici la facture.'],
  },
  'relance-impaye/explication': {
    good: ['Merci monsieur, votre facture Telvio d octobre de 89,90 euros n est pas reglee. Comment pouvez vous la regler ?', 'Je vous appelle car la facture d’octobre n’a pas été payée, monsieur. Quelle solution pour le paiement ?'],
    poor: ['Vous devez payer 89,90 € sinon l’huissier passe chez vous.', 'Bonjour monsieur, ça va ?'],
  },
  'debiteur-en-difficulte/plan': {
    good: ['Je comprends madame. On peut faire 40 euros par mois, 9 fois. Pour le loyer, le CCAS de votre mairie peut vous aider.', 'D’accord madame, 40 € chaque mois pendant neuf mois. Et un point conseil budget peut vous aider gratuitement.'],
    poor: ['Ne vous inquiétez pas madame, on va annuler la dette, c’est promis.', 'Payez 40 euros par mois madame.'],
  },
  'dette-contestee/reponse': {
    good: ['Je comprends madame, je note votre contestation. Pouvez-vous envoyer une copie de la lettre recommandée ? Nous allons vérifier avec FitPlus.', 'D’accord madame, c’est noté. Envoyez-nous la preuve de résiliation, la relance est suspendue le temps de vérifier.'],
    poor: ['Vous devez payer quand même madame, il n’y a aucune trace.', 'Vous avez raison madame, je supprime la facture.'],
  },
  'client-veut-resilier/reformuler': {
    good: ['Si je comprends bien monsieur, votre promo est finie, vous payez 39,99 au lieu de 24,99 et Fibrenet vous propose 29,99.', 'Donc monsieur votre prix a augmente et un autre operateur vous fait une offre moins chere, c est bien ca ?'],
    poor: ['Pas de souci, je lance la résiliation.', 'D’accord monsieur.'],
  },
  'cliente-en-detresse/solution': {
    good: ['Je comprends madame. On peut payer en 4 fois 71,60 euros sans frais, et le CCAS de votre mairie peut vous aider.', 'on peut etaler en plusieurs fois madame, et vous pouvez demander le cheque energie ou le FSL'],
    poor: ['Calmez-vous madame, ce n’est pas grave.', 'Il faut payer la facture madame.'],
  },
  'message-repondeur/message': {
    good: ['Bonjour, Inès de la Mutuelle Solidaire, je vous appelle au sujet de votre dossier. Vous pouvez me rappeler au 03 20 45 67 89 du lundi au vendredi de 9 h à 18 h. Merci.'],
    poor: ['Bonjour, il manque la facture de votre opticien pour vos lunettes, rappelez la Mutuelle Solidaire au 03 20 45 67 89 du lundi au vendredi.', 'Rappelez-moi, c’est urgent.'],
  },
  'conversation-chat/redaction': {
    good: ['Merci monsieur. Votre remboursement de 39 € est fait, vous le recevrez sous 5 jours ouvrés. Pas besoin de renvoyer la lampe, vous pouvez la garder. Bonne journée.'],
    poor: ['Ok c’est fait, remboursé ce soir. Bonne journée !', 'Renvoyez la lampe à vos frais. Au revoir.'],
  },
  'entretien-telephonique/presentation': {
    good: ['Je m’appelle Alex Martin, je viens de finir une formation de conseiller relation client. J’ai appris à écouter et à reformuler, et j’aime aider les gens, ce métier me plaît.'],
    poor: ['Bah je cherche du travail, n’importe quoi m’ira.', 'Je m’appelle Alex, voilà.'],
  },
};

describe('shipped free-response rubrics', () => {
  let byId = new Map<string, Scenario>();
  before(async () => {
    const { scenarios } = await loadScenarioFiles(fileURLToPath(new URL('../../courses', import.meta.url)));
    byId = new Map(scenarios.map((s) => [s.scenario.id, s.scenario]));
  });

  it('has realistic answers for every free-response turn of the library', () => {
    const free = [...byId.values()].flatMap((s) => Object.values(s.nodes).filter((n) => n.kind === 'free').map((n) => `${s.id}/${n.id}`));
    expect(free.sort()).to.deep.equal(Object.keys(CASES).sort());
  });

  for (const [key, { good, poor }] of Object.entries(CASES)) {
    it(`scores real answers sensibly at ${key}`, () => {
      const [scenarioId, nodeId] = key.split('/');
      const node = byId.get(scenarioId)?.nodes[nodeId];
      if (node?.kind !== 'free') throw new Error(`${key} is not a free-response turn`);
      for (const answer of good) expect(scoreRubric(node.rubric, answer), answer).to.deep.include({ passed: true, missing: [], avoided: [] });
      for (const answer of poor) expect(scoreRubric(node.rubric, answer), answer).to.deep.include({ passed: false });
    });
  }
});
