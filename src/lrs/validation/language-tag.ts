/**
 * RFC 5646 language tags: the full "langtag" production (language with up to three extlangs,
 * script, region, variants, extensions, private use), private-use-only tags and the
 * grandfathered tags. Case-insensitive, as the RFC says.
 */
const LANGUAGE = '(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})';
const SCRIPT = '(?:-[a-z]{4})?';
const REGION = '(?:-(?:[a-z]{2}|[0-9]{3}))?';
const VARIANTS = '(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*';
const EXTENSIONS = '(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*';
const PRIVATE_USE = 'x(?:-[a-z0-9]{1,8})+';
const GRANDFATHERED = [
  'en-gb-oed', 'i-ami', 'i-bnn', 'i-default', 'i-enochian', 'i-hak', 'i-klingon', 'i-lux', 'i-mingo',
  'i-navajo', 'i-pwn', 'i-tao', 'i-tay', 'i-tsu', 'sgn-be-fr', 'sgn-be-nl', 'sgn-ch-de',
  'art-lojban', 'cel-gaulish', 'no-bok', 'no-nyn', 'zh-guoyu', 'zh-hakka', 'zh-min', 'zh-min-nan', 'zh-xiang',
].join('|');

const LANGUAGE_TAG = new RegExp(
  `^(?:${LANGUAGE}${SCRIPT}${REGION}${VARIANTS}${EXTENSIONS}(?:-${PRIVATE_USE})?|${PRIVATE_USE}|${GRANDFATHERED})$`,
  'i',
);

/** Statements use a handful of tags ("fr", "en-US"): valid ones are remembered, boundedly. */
const KNOWN_VALID = new Set<string>();
const CACHE_LIMIT = 1_000;

export function isLanguageTag(value: string): boolean {
  if (KNOWN_VALID.has(value)) return true;
  const valid = LANGUAGE_TAG.test(value);
  if (valid) {
    if (KNOWN_VALID.size >= CACHE_LIMIT) KNOWN_VALID.clear();
    KNOWN_VALID.add(value);
  }
  return valid;
}
