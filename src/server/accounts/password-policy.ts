import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as french from '@zxcvbn-ts/language-fr';

/**
 * Which new passwords are refused (issue 13: "12345678" was accepted). zxcvbn-ts estimates how
 * many guesses a cracker needs, with its common-password list and French dictionaries (first
 * names, surnames, Wikipedia words), plus the account's own login and name. Score 3 of 4
 * ("safely unguessable", about 10^8 guesses) is the floor: a neighbour who knows the learner's
 * name, or a throttled online attack, must not find it.
 */
const MIN_SCORE = 3;
const MIN_LENGTH = 8;

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...french.dictionary },
  graphs: common.adjacencyGraphs,
  useLevenshteinDistance: true,
});

/** Why a password is refused, as a catalogue key under accounts.errors.weakPassword. */
export type WeakReason = 'tooShort' | 'common' | 'personal' | 'word' | 'keyboard' | 'repeat' | 'sequence' | 'date' | 'guessable';

/** null when the password may be used; otherwise the main reason, to show next to the field. */
export function weakPasswordReason(password: string, personal: string[]): WeakReason | null {
  if ([...password].length < MIN_LENGTH) return 'tooShort';
  const result = zxcvbn.check(password.slice(0, 100), personal.filter((p) => p.length > 0));
  if (result.score >= MIN_SCORE) return null;
  for (const match of result.sequence) {
    if (match.pattern === 'dictionary') {
      if (match.dictionaryName === 'userInputs') return 'personal';
      return match.dictionaryName.startsWith('passwords') ? 'common' : 'word';
    }
    if (match.pattern === 'spatial') return 'keyboard';
    if (match.pattern === 'repeat') return 'repeat';
    if (match.pattern === 'sequence') return 'sequence';
    if (match.pattern === 'date' || match.pattern === 'regex') return 'date';
  }
  return 'guessable';
}
