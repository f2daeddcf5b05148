/**
 * One normal form for matching words in text someone typed or pasted, so that a word cannot slip
 * past a filter by its spelling on screen: full-width or ligature letters (NFKC), invisible
 * characters (Unicode format characters such as U+200B, U+00AD, U+2060, U+FEFF), repeated or
 * unusual spaces, accents, case, apostrophe and dash variants, and the Cyrillic and Greek letters
 * that look exactly like Latin ones. Only for comparing: never print the result.
 */

/** Cyrillic and Greek letters drawn like Latin ones ("рrison" with a Cyrillic р). */
const LOOKALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i' };

export function normaliseText(text: string): string {
  return (
    text
      .normalize('NFKC')
      // Format characters (Cf: zero-width space and joiners, soft hyphen, bidi marks, BOM) and the
      // invisible fillers that are not Cf (Mongolian vowel separator, Hangul fillers).
      .replace(/[\p{Cf}\u180E\u115F\u1160\u3164\uFFA0]/gu, '')
      .toLowerCase()
      .replace(/[\u0400-\u04FF\u0370-\u03FF]/g, (c) => LOOKALIKES[c] ?? c)
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[œæßøđłı]/g, (c) => LIGATURES[c] ?? c)
      .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC\u02B9\u0060\u00B4\uFF07]/g, "'")
      .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
      .replace(/\s+/gu, ' ')
      .trim()
  );
}
