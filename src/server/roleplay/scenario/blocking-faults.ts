/**
 * Blocking faults: errors a quality grid treats as eliminatory. A call where the learner makes
 * one fails whatever its points. A choice is blocking when it says `blocking: true` or carries
 * one of the standard tags below; a typed answer is blocking when its rubric finds a blocking
 * forbidden concept. The same list serves the scenario parser, the engine and the rubric grader.
 */
import type { BlockingFault } from './types.ts';

/** The standard tags (as trainers write them in `tags:`) and a stable code for each. */
export const STANDARD_BLOCKING_TAGS = {
  divulgation: 'disclosure',
  'information fausse': 'false-information',
  'promesse intenable': 'unkeepable-promise',
  mépris: 'contempt',
  'données avant vérification': 'data-before-identification',
  'mention obligatoire oubliée': 'missing-legal-notice',
} as const satisfies Record<string, string>;

export type StandardBlockingTag = keyof typeof STANDARD_BLOCKING_TAGS;
/** `custom`: an option or concept marked `blocking: true` without a standard tag. */
export type BlockingFaultCode = (typeof STANDARD_BLOCKING_TAGS)[StandardBlockingTag] | 'custom';

export function isStandardBlockingTag(tag: string): tag is StandardBlockingTag {
  return Object.hasOwn(STANDARD_BLOCKING_TAGS, tag.trim().toLowerCase());
}

/** The stable code of a fault's tag: what translated labels are keyed on. */
export function blockingFaultCode(tag: string | undefined): BlockingFaultCode {
  const key = (tag ?? '').trim().toLowerCase();
  return isStandardBlockingTag(key) ? STANDARD_BLOCKING_TAGS[key] : 'custom';
}

/**
 * The blocking faults of something tagged: one per standard tag, or one `custom` fault when it
 * is marked blocking but carries none (its first tag, if any, names it).
 */
export function blockingFaultsOf(item: { tags: readonly string[]; blocking?: boolean }, label: string): BlockingFault[] {
  const standard = item.tags.filter(isStandardBlockingTag).map((tag) => ({ tag, label }));
  if (standard.length > 0 || !item.blocking) return standard;
  return [{ tag: item.tags[0] ?? 'faute bloquante', label }];
}
