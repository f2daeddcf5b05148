import { expect } from 'chai';
import { foldDefinitions, mergeDefinitions } from '../../../src/lrs/activities/activity-definitions.ts';
import { sameStatement, truncateDuration } from '../../../src/lrs/statements/statement-compare.ts';
import { acceptedLanguages, idsFormat, pickLanguage } from '../../../src/lrs/statements/statement-format.ts';
import { normaliseStatement } from '../../../src/lrs/statements/statement-normalize.ts';
import { createStoredIdGenerator, timeOfStoredId } from '../../../src/lrs/storage/stored-id.ts';
import { parseMultipart, buildMultipart } from '../../../src/lrs/http/multipart.ts';
import { activity, agent, makeStatement } from '../support/statements.ts';

describe('statement pure helpers', () => {
  it('compares statements ignoring LRS-set properties, key order and sub-0.01 s durations', () => {
    const s = makeStatement({ result: { duration: 'PT1.234S' }, timestamp: '2026-01-01T10:00:00Z' });
    const stored = { ...s, stored: 'x', authority: agent('lrs'), version: '1.0.0', timestamp: '2026-01-01T10:00:00.000Z' };
    expect(sameStatement(s, stored)).to.equal(true);
    expect(sameStatement({ ...s, result: { duration: 'PT1.239S' } }, stored)).to.equal(true);
    expect(sameStatement({ ...s, result: { duration: 'PT1.3S' } }, stored)).to.equal(false);
    expect(sameStatement({ ...s, verb: { id: 'http://x/other' } }, stored)).to.equal(false);
    expect(truncateDuration('PT10.000S')).to.equal('PT10S');
  });

  it('normalises single context activities to arrays, in SubStatements too', () => {
    const sub = { objectType: 'SubStatement', actor: agent(), verb: { id: 'http://x/v' }, object: activity(), context: { contextActivities: { parent: activity('http://p') } } };
    const out = normaliseStatement(makeStatement({ object: sub, context: { contextActivities: { category: activity('http://c') } } }));
    expect((out.context as { contextActivities: { category: unknown } }).contextActivities.category).to.be.an('array');
    expect(((out.object as typeof sub).context.contextActivities as { parent: unknown }).parent).to.be.an('array');
  });

  it('reduces to ids and picks languages', () => {
    const ids = idsFormat(makeStatement({ actor: { ...agent(), name: 'Alice' }, object: activity('http://a', { name: { en: 'A' } }) }));
    expect(ids.actor).to.deep.equal(agent());
    expect(ids.object).to.deep.equal({ id: 'http://a' });
    expect(acceptedLanguages('en;q=0.5, fr-FR, *;q=0.1')).to.deep.equal(['fr-FR', 'en', '*']);
    expect(pickLanguage({ 'en-US': 'Hi', fr: 'Salut' }, ['fr-FR'])).to.deep.equal({ fr: 'Salut' });
    expect(pickLanguage({ 'en-US': 'Hi', fr: 'Salut' }, ['de'])).to.deep.equal({ 'en-US': 'Hi' });
  });

  it('merges activity definitions: language maps key by key, the rest replaced', () => {
    expect(mergeDefinitions({ name: { en: 'A' }, type: 'http://t/1' }, { name: { fr: 'A fr' }, type: 'http://t/2' })).to.deep.equal({
      name: { en: 'A', fr: 'A fr' },
      type: 'http://t/2',
    });
    const known = new Map();
    const changed = foldDefinitions(known, [makeStatement({ object: activity('http://a', { name: { en: 'A' } }) }), makeStatement({ object: activity('http://b') })]);
    expect([...changed]).to.deep.equal(['http://a']);
    expect(foldDefinitions(known, [makeStatement({ object: activity('http://a', { name: { en: 'A' } }) })]).size).to.equal(0);
  });

  it('hands out stored ids that sort in time order and never go back', () => {
    let now = Date.parse('2026-01-01T10:00:00.000Z');
    const ids = createStoredIdGenerator(() => new Date(now));
    const a = ids.next();
    now -= 60_000;
    const b = ids.next();
    const c = ids.next();
    expect(a.sid < b.sid && b.sid < c.sid).to.equal(true);
    expect(b.stored.getTime()).to.equal(a.stored.getTime());
    expect(timeOfStoredId(a.sid)).to.equal(a.stored.getTime());
    ids.advancePast('ffffffff-ffff-7fff-bfff-ffffffffffff'.replace(/^f{8}-f{4}/, '01999999-9999'));
    expect(ids.next().sid > '01999999-9999').to.equal(true);
  });

  it('reads back the multipart it writes', () => {
    const built = buildMultipart([
      { headers: { 'Content-Type': 'application/json' }, body: Buffer.from('[1]') },
      { headers: { 'Content-Type': 'text/plain', 'X-Experience-API-Hash': 'abc' }, body: Buffer.from('line1\r\nline2') },
    ]);
    const boundary = built.contentType.split('boundary=')[1];
    const parts = parseMultipart(built.body, boundary);
    expect(parts.map((p) => p.body.toString())).to.deep.equal(['[1]', 'line1\r\nline2']);
    expect(parts[1].headers['x-experience-api-hash']).to.equal('abc');
  });
});
