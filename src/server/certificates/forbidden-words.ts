/**
 * Finds the words of the detention lexicon in a text or a URL. The certificate and everything
 * exported with it must never reveal that the training took place in detention (issue 12):
 * issuing and exports call this on every text they print.
 */
import { domainToUnicode } from 'node:url';
import { normaliseText } from '../text/normalise-text.ts';
import { DETENTION_STEMS_INSIDE_WORDS, DETENTION_TERMS } from './detention-lexicon.ts';

type WordTest = (word: string) => boolean;

function wordTest(pattern: string): WordTest {
  const options = pattern.split('|').map((o) => ({ text: o.replace(/\*$/, ''), stem: o.endsWith('*') }));
  return (word) => options.some((o) => (o.stem ? word.startsWith(o.text) : word === o.text));
}

const TERMS: WordTest[][] = DETENTION_TERMS.map((term) => term.split(' ').map(wordTest));

/** The words of a text in normal form: runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return normaliseText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** The lexicon's terms found in a text, as the normal-form words that matched; empty when clean. */
export function forbiddenWordsIn(text: string): string[] {
  const words = wordsOf(text);
  const found = new Set<string>();
  words.forEach((word, i) => {
    for (const term of TERMS) {
      if (term.every((test, k) => i + k < words.length && test(words[i + k] as string))) found.add(words.slice(i, i + term.length).join(' '));
    }
    if (DETENTION_STEMS_INSIDE_WORDS.some((stem) => word.includes(stem))) found.add(word);
  });
  return [...found];
}

/**
 * The same for a URL: the host is read in Unicode (an IDN host is sent as xn--...), and the
 * path, query and fragment decoded, so that neither hides a word.
 */
export function forbiddenWordsInUrl(raw: string): string[] {
  let readable = raw;
  try {
    const url = new URL(raw);
    let rest = `${url.pathname} ${url.search} ${url.hash}`;
    try {
      rest = decodeURIComponent(rest);
    } catch {
      // A malformed escape stays as typed; its letters are still read.
    }
    readable = `${domainToUnicode(url.hostname) || url.hostname} ${url.username} ${rest}`;
  } catch {
    // Not a URL: read it as text.
  }
  return forbiddenWordsIn(readable);
}
