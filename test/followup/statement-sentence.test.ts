import { expect } from 'chai';
import type { Statement } from '../../src/lrs/index.ts';
import { translator } from '../../src/server/i18n/catalogue.ts';
import { statementSentence, type SentenceNames } from '../../src/server/followup/statement-sentence.ts';
import { formatDuration } from '../../src/server/followup/format-duration.ts';
import { ACTIVITY_TYPES, EXTENSIONS, VERBS } from '../../src/server/xapi/vocabulary.ts';

const QUIZ = 'http://tremplin.test/xapi/activities/modules/accueil/items/quiz-1';

function makeStatement(overrides: Record<string, unknown> = {}): Statement {
  return {
    id: '0190a000-0000-7000-8000-000000000001',
    actor: { objectType: 'Agent', account: { homePage: 'http://tremplin.test', name: 'u-1' } },
    verb: { id: VERBS.passed.id },
    object: { objectType: 'Activity', id: QUIZ, definition: { type: ACTIVITY_TYPES.quiz, name: { 'fr-FR': 'Quiz du module' } } },
    result: { score: { scaled: 0.8 }, duration: 'PT12M30S', success: true },
    stored: '2026-11-26T09:00:00.000Z',
    timestamp: '2026-11-26T09:00:00.000Z',
    authority: { objectType: 'Agent', account: { homePage: 'http://tremplin.test', name: 'lms' } },
    version: '1.0.0',
    ...overrides,
  } as Statement;
}

const names: SentenceNames = {
  actor: (agent) => ((agent as { account?: { name?: string } }).account?.name === 'u-1' ? 'Ana Martin' : undefined),
  activity: (id) => (id === QUIZ ? 'Accueillir le client' : undefined),
};

describe('statementSentence', () => {
  const fr = translator('fr');
  const en = translator('en');

  it('says who did what on which activity, with score and duration, in French', () => {
    expect(statementSentence(makeStatement(), names, 'fr', fr)).to.equal('Ana Martin a réussi le quiz « Accueillir le client » (score 80 %, en 13 min)');
  });

  it('says it in English too', () => {
    expect(statementSentence(makeStatement(), names, 'en', en)).to.equal('Ana Martin passed the quiz “Accueillir le client” (score 80 %, in 13 min)');
  });

  it('falls back to the definition name, the verb display and the actor name for foreign content', () => {
    const s = makeStatement({
      actor: { mbox: 'mailto:x@example.org', name: 'Xavier' },
      verb: { id: 'http://example.org/verbs/sang', display: { 'en-US': 'sang', 'fr-FR': 'a chanté' } },
      object: { id: 'http://example.org/song', definition: { name: { 'en-US': 'A song' } } },
      result: undefined,
    });
    expect(statementSentence(s, names, 'fr', fr)).to.equal('Xavier a chanté « A song »');
  });

  it('quotes the learner words of a call turn', () => {
    const s = makeStatement({
      verb: { id: VERBS.answered.id },
      object: { id: `${QUIZ}/n1`, definition: { type: ACTIVITY_TYPES.roleplayTurn, name: { fr: 'Accueil' } } },
      result: { extensions: { [EXTENSIONS.transcriptText]: 'Bonjour, service client, je vous écoute.' } },
    });
    expect(statementSentence(s, names, 'fr', fr)).to.equal('Ana Martin a répondu à la question « Accueil » : « Bonjour, service client, je vous écoute. »');
  });

  it('uses the last segment of an unknown verb without display, and names sub-statements', () => {
    const s = makeStatement({ verb: { id: 'http://example.org/verbs/shared' }, object: { objectType: 'SubStatement' }, result: undefined });
    expect(statementSentence(s, names, 'fr', fr)).to.equal('Ana Martin shared une déclaration imbriquée');
  });

  it('formats durations for trainers', () => {
    expect([formatDuration(45), formatDuration(600), formatDuration(3900), formatDuration(-3)]).to.deep.equal(['45 s', '10 min', '1 h 05', '0 s']);
  });
});
