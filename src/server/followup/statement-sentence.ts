/**
 * Pure: one statement as a plain sentence ("Ana a réussi le quiz « Accueillir le client »
 * (score 80 %, en 12 min)"). Used by the learner timeline and the statement browser, for our
 * own statements and for any other xAPI content.
 */
import type { Statement } from '../../lrs/index.ts';
import type { Translate } from '../i18n/catalogue.ts';
import { ACTIVITY_TYPES, EXTENSIONS, VERBS } from '../xapi/vocabulary.ts';
import { formatDuration } from './format-duration.ts';
import { durationSeconds, scaledScore } from '../evidence/statement-fields.ts';
import { field, isJson, languageMapText } from './statement-reading.ts';

export interface SentenceNames {
  /** The display name of an actor (our learners are pseudonymous in the LRS). */
  actor(agent: unknown): string | undefined;
  /** The title of an activity known to the platform (modules, items). */
  activity(id: string): string | undefined;
}

const KNOWN_VERBS = new Map<string, { fr: string; en: string }>(Object.values(VERBS).map((v) => [v.id, v]));

// Our activity types, to say "le quiz « X »" rather than just "« X »".
const TYPE_KEYS = new Map<string, string>([
  [ACTIVITY_TYPES.programme, 'programme'],
  [ACTIVITY_TYPES.module, 'module'],
  [ACTIVITY_TYPES.lesson, 'lesson'],
  [ACTIVITY_TYPES.lessonPage, 'lessonPage'],
  [ACTIVITY_TYPES.quiz, 'quiz'],
  [ACTIVITY_TYPES.question, 'question'],
  [ACTIVITY_TYPES.exercise, 'exercise'],
  [ACTIVITY_TYPES.roleplay, 'roleplay'],
]);

const MAX_QUOTE = 90;
const shorten = (text: string) => (text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text);

function verbText(statement: Statement, locale: 'fr' | 'en'): string {
  const verb = statement.verb;
  const id = String(field(verb, 'id') ?? '');
  const known = KNOWN_VERBS.get(id);
  if (known) return known[locale];
  return languageMapText(field(verb, 'display'), locale) ?? id.split(/[/#]/).filter(Boolean).pop() ?? id;
}

function actorText(statement: Statement, names: SentenceNames, t: Translate): string {
  const actor = statement.actor;
  const known = names.actor(actor);
  if (known) return known;
  const name = field(actor, 'name');
  if (typeof name === 'string' && name.trim()) return name;
  return t('followup.sentence.someone');
}

function objectText(statement: Statement, names: SentenceNames, locale: 'fr' | 'en', t: Translate): string {
  const object = statement.object;
  const kind = field(object, 'objectType');
  if (kind === 'Agent' || kind === 'Group') return names.actor(object) ?? String(field(object, 'name') ?? t('followup.sentence.someone'));
  if (kind === 'StatementRef') return t('followup.sentence.statementRef');
  if (kind === 'SubStatement') return t('followup.sentence.subStatement');
  const id = String(field(object, 'id') ?? '');
  const definition = field(object, 'definition');
  const name = names.activity(id) ?? languageMapText(field(definition, 'name'), locale) ?? id;
  const typeKey = TYPE_KEYS.get(String(field(definition, 'type') ?? ''));
  return t(typeKey ? `followup.sentence.types.${typeKey}` : 'followup.sentence.types.other', { name: shorten(name) });
}

function details(statement: Statement, t: Translate): string {
  const parts: string[] = [];
  const scaled = scaledScore(statement);
  if (scaled !== null) parts.push(t('followup.sentence.score', { percent: Math.round(scaled * 100) }));
  const seconds = durationSeconds(statement);
  if (seconds > 0) parts.push(t('followup.sentence.duration', { duration: formatDuration(seconds) }));
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** The learner's words on an answer or a call turn, quoted. */
function answerText(statement: Statement, t: Translate): string {
  const result = field(statement, 'result');
  const words = field(field(result, 'extensions'), EXTENSIONS.transcriptText) ?? field(result, 'response');
  if (typeof words !== 'string' || !words.trim()) return '';
  return t('followup.sentence.answer', { text: shorten(words.trim()) });
}

export function statementSentence(statement: Statement, names: SentenceNames, locale: 'fr' | 'en', t: Translate): string {
  if (!isJson(statement)) return '';
  return `${actorText(statement, names, t)} ${verbText(statement, locale)} ${objectText(statement, names, locale, t)}${answerText(statement, t)}${details(statement, t)}`;
}
