/**
 * Rewrites written conventions that espeak-ng would read letter by letter ("8 h 30", "€",
 * "kWh", "«") into words. The result is what gets synthesized and hashed.
 */
export function speakableFrench(text: string): string {
  return text
    .replace(/(\d+)\s?h\s?(\d{2})\b/g, '$1 heures $2')
    .replace(/(\d+)\s?h\b/g, '$1 heures')
    .replace(/\s?€/g, ' euros')
    .replace(/\bkWh\b/g, 'kilowattheures')
    .replace(/\s?–\s?/g, ' à ')
    .replace(/[«»"]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
