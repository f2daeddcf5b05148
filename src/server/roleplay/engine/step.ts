import type { CallState } from './call-state.ts';

export type RejectionCode =
  | 'call-ended'
  | 'stale-turn'
  | 'wrong-turn-kind'
  | 'choice-not-offered'
  | 'action-not-offered'
  | 'lookup-required'
  | 'unknown-field'
  | 'already-looked-up'
  | 'empty-response'
  | 'response-too-long'
  | 'no-time-limit'
  | 'not-timed-out-yet';

/** A refused input: the state it was applied to is unchanged. */
export interface Rejection {
  code: RejectionCode;
  /** French, for the learner. */
  message: string;
}

/**
 * `applied: false` means the clock had already moved the call on (the turn timed out and
 * the customer reacted) before the input arrived: the input was too late and was not used.
 */
export type Step = { ok: true; state: CallState; applied: boolean } | { ok: false; rejection: Rejection };

const MESSAGES: Record<RejectionCode, string> = {
  'call-ended': 'Cet appel est terminé.',
  'stale-turn': 'Cette réponse correspond à un tour déjà joué.',
  'wrong-turn-kind': 'Ce type de réponse n’est pas attendu à ce moment de l’appel.',
  'choice-not-offered': 'Ce choix n’est pas proposé à ce moment de l’appel.',
  'action-not-offered': 'Cette action n’est pas possible à ce moment de l’appel.',
  'lookup-required': 'Consultez d’abord la fiche client.',
  'unknown-field': 'Ce champ n’existe pas dans la fiche client.',
  'already-looked-up': 'Vous avez déjà consulté ce champ.',
  'empty-response': 'Écrivez votre réponse avant de l’envoyer.',
  'response-too-long': 'Votre réponse est trop longue.',
  'no-time-limit': 'Ce tour n’a pas de temps limité.',
  'not-timed-out-yet': 'Le temps de ce tour n’est pas écoulé.',
};

export function reject(code: RejectionCode, detail?: string): Step {
  return { ok: false, rejection: { code, message: detail ? `${MESSAGES[code]} ${detail}` : MESSAGES[code] } };
}
