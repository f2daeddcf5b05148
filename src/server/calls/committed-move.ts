import type { CallState } from '../roleplay/engine/index.ts';
import type { CallMove } from './calls.service.ts';

/**
 * Whether the call already holds this very move at its turn: a retry (double click, a post
 * resent after a crash) then answers as the first post did, instead of "the call moved on".
 * A different input for that turn is not the same move, and stays a conflict.
 */
export function holdsMove(state: CallState, move: CallMove): boolean {
  return state.transcript.some((entry) => {
    if (!('turn' in entry) || entry.turn !== move.turn) return false;
    switch (move.type) {
      case 'choice':
        // The player posts the line's position on screen; calls stored before shuffling posted its index.
        return entry.kind === 'learner' && entry.answer.type === 'option' && entry.answer.kind === 'say' && (entry.answer.position ?? entry.answer.index) === move.choice;
      case 'free':
        return entry.kind === 'learner' && entry.answer.type === 'free' && entry.answer.text === move.text.trim();
      case 'hold':
      case 'transfer':
        return entry.kind === 'learner' && entry.answer.type === 'option' && entry.answer.kind === move.type;
      case 'lookup':
        return entry.kind === 'lookup' && entry.field === move.field;
      case 'timeout':
        return entry.kind === 'timeout';
    }
  });
}
