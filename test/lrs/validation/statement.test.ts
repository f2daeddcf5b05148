import { expect } from 'chai';
import { validateStatement, formatIssues } from '../../../src/lrs/validation/index.ts';
import { expectIssue, expectValid, issuesOf, makeActivity, makeStatement } from './fixtures.ts';

const REF = { objectType: 'StatementRef', id: '8f87ccde-bb56-4c2e-ab83-44982ef22df0' };
const VOIDED = { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } };
const ATTACHMENT = {
  usageType: 'http://example.com/attachment-usage/test',
  display: { 'en-US': 'A test attachment' },
  description: { 'en-US': 'A test attachment (description)' },
  contentType: 'text/plain; charset=ascii',
  length: 27,
  sha2: '495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a',
  fileUrl: 'http://over.there.com/file.txt',
};

describe('lrs validation: statements', () => {
  it('accepts the typical statement in both versions, and the minimal one', () => {
    expectValid(makeStatement(), '1.0');
    expectValid(makeStatement(), '2.0');
    expectValid({ actor: { mbox: 'mailto:xapi@adlnet.gov' }, verb: { id: 'http://adlnet.gov/expapi/verbs/created' }, object: { id: 'http://example.adlnet.gov/xapi/example/activity' } });
  });

  it('rejects values that are not statements, without throwing', () => {
    for (const value of [null, undefined, 'x', 42, true, [], [makeStatement()]]) {
      const issues = issuesOf(value);
      expect(issues).to.have.length(1);
      expect(issues[0]).to.deep.include({ path: 'statement' });
    }
  });

  it('requires actor, verb and object', () => {
    for (const key of ['actor', 'verb', 'object']) expectIssue(makeStatement({ [key]: undefined }), `statement.${key}`, /is required in a statement/);
  });

  it('rejects unknown and wrongly-cased properties, naming the right one', () => {
    expectIssue(makeStatement({ Actor: {} }), 'statement.Actor', /case-sensitive, use "actor"/);
    expectIssue(makeStatement({ objectType: 'Statement' }), 'statement.objectType', /not a property of a statement/);
    expectIssue(makeStatement({ 'http://x.y/z': 1 }), 'statement["http://x.y/z"]', /not a property of a statement/);
    const withProto: unknown = JSON.parse(JSON.stringify(makeStatement()).replace('{', '{"__proto__":{"polluted":true},'));
    expectIssue(withProto, 'statement.__proto__', /not a property of a statement/);
  });

  it('rejects null anywhere outside extensions', () => {
    for (const key of ['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments']) {
      expect(issuesOf(makeStatement({ [key]: null })).map((issue) => issue.path), key).to.include(`statement.${key}`);
    }
    expectIssue(makeStatement({ verb: { id: 'http://x.y', display: null } }), 'statement.verb.display', /null/);
  });

  it('checks the id, the verb and the root path option', () => {
    expectIssue(makeStatement({ id: 'AA97B177-9383-4934-8543-0F91A7A028368' }), 'statement.id', /UUID/);
    expectIssue(makeStatement({ id: 12345 }), 'statement.id', /string/);
    expectIssue(makeStatement({ verb: { id: 'http://x.y', display: 'a12345 attended' } }), 'statement.verb.display', /language map/);
    expectIssue(makeStatement({ verb: { display: { en: 'x' } } }), 'statement.verb.id', /required/);
    expectIssue(makeStatement({ verb: 'attended' }), 'statement.verb', /Verb object/);
    const issues = validateStatement(makeStatement({ id: 'x' }), { version: '1.0', path: 'statements[3]' });
    expect(issues[0]?.path).to.equal('statements[3].id');
    expect(formatIssues(issues)).to.match(/^statements\[3\]\.id: must be a UUID/);
  });

  it('caps the issue list and shortens huge keys, so error bodies stay small', () => {
    const attachments = Array.from({ length: 500 }, () => ({ usageType: 'bad' }));
    const issues = issuesOf(makeStatement({ attachments }));
    expect(issues).to.have.length(51);
    expect(issues[50]).to.deep.equal({ path: 'statement', rule: 'has more problems; only the first 50 are listed' });
    const hugeKey = 'k'.repeat(100_000);
    const [issue] = issuesOf(makeStatement({ [hugeKey]: 1 }));
    expect(issue?.path).to.equal(`statement["${'k'.repeat(80)}…"]`);
  });

  it('rejects huge and adversarial values (a backtracking pattern would hang here, past mocha\'s timeout)', () => {
    const n = 200_000;
    for (const s of ['P' + '1'.repeat(n), 'en-' + 'a-bb-'.repeat(n / 5) + '!', 'x' + '-a'.repeat(n / 2) + '!', 'h' + ':'.repeat(n) + ' ', '2026-11-26T15:04:05.' + '1'.repeat(n) + 'Q', 'mailto:' + 'a'.repeat(n) + '@']) {
      const statement = { actor: { mbox: s }, verb: { id: s, display: { [s]: s } }, object: { id: s }, timestamp: s, result: { duration: s } };
      expect(issuesOf(statement).length).to.be.greaterThan(3);
    }
  });

  describe('objects', () => {
    it('accepts agents, groups and statement references with objectType', () => {
      expectValid(makeStatement({ object: { objectType: 'Agent', mbox: 'mailto:a@b.c' }, context: undefined }));
      expectValid(makeStatement({ object: { objectType: 'Group', member: [{ mbox: 'mailto:a@b.c' }] }, context: undefined }));
      expectValid(makeStatement({ object: REF, context: undefined }));
    });
    it('requires objectType on an Agent object and rejects unknown object types', () => {
      expectIssue(makeStatement({ object: { mbox: 'mailto:a@b.c' } }), 'statement.object.mbox', /not a property of an Activity/);
      expectIssue(makeStatement({ object: { objectType: 'statementref', id: REF.id } }), 'statement.object.objectType', /exact case/);
      expectIssue(makeStatement({ object: 'activity' }), 'statement.object', /must be an object/);
    });
    it('checks statement references', () => {
      expectIssue(makeStatement({ object: { objectType: 'StatementRef' } }), 'statement.object.id', /required/);
      expectIssue(makeStatement({ object: { objectType: 'StatementRef', id: 'MA97B177-9383-4934-8543-0F91A7A02836' } }), 'statement.object.id', /UUID/);
      expectIssue(makeStatement({ object: { ...REF, definition: {} } }), 'statement.object.definition', /not a property of a Statement Reference/);
    });
  });

  describe('sub-statements', () => {
    const sub = (overrides: Record<string, unknown> = {}) => ({
      objectType: 'SubStatement',
      actor: { mbox: 'mailto:test@example.com' },
      verb: { id: 'http://example.com/visited', display: { 'en-US': 'will visit' } },
      object: makeActivity(),
      ...overrides,
    });
    it('accepts a sub-statement with result, context and a future timestamp', () => {
      expectValid(makeStatement({ object: sub({ result: { success: true }, context: { platform: 'x' }, timestamp: '2099-01-01T00:00:00Z' }), context: undefined }));
    });
    it('validates it as a statement', () => {
      expectIssue(makeStatement({ object: sub({ verb: undefined }) }), 'statement.object.verb', /required in a SubStatement/);
      expectIssue(makeStatement({ object: sub({ actor: { objectType: 'Agent' } }) }), 'statement.object.actor', /exactly one identifier/);
      expectIssue(makeStatement({ object: sub({ object: { objectType: 'Agent', mbox: 'x' } }) }), 'statement.object.object.mbox', /mailto/);
      expectIssue(makeStatement({ object: sub({ context: { language: 'a12345' } }) }), 'statement.object.context.language', /RFC 5646/);
      expectIssue(makeStatement({ object: sub({ object: REF, context: { revision: '1' } }) }), 'statement.object.context.revision', /Activity/);
    });
    it('forbids id, stored, version and authority', () => {
      for (const [key, value] of Object.entries({ id: REF.id, stored: '2026-11-26T15:04:05Z', version: '1.0.0', authority: { mbox: 'mailto:a@b.c' } })) {
        expectIssue(makeStatement({ object: sub({ [key]: value }) }), `statement.object.${key}`, new RegExp(`must not have "${key}"`));
      }
    });
    it('forbids nesting', () => {
      expectIssue(makeStatement({ object: sub({ object: sub() }) }), 'statement.object.object.objectType', /must not contain another SubStatement/);
    });
  });

  describe('voiding', () => {
    it('requires a StatementRef object for the voided verb', () => {
      expectValid({ actor: { mbox: 'mailto:a@b.c' }, verb: VOIDED, object: REF });
      expectIssue({ actor: { mbox: 'mailto:a@b.c' }, verb: VOIDED, object: { id: 'http://x.y' } }, 'statement.object', /voiding statement.*StatementRef/);
      expectIssue({ actor: { mbox: 'mailto:a@b.c' }, verb: VOIDED, object: { objectType: 'Agent', mbox: 'mailto:x@y.z' } }, 'statement.object', /StatementRef/);
    });
  });

  describe('attachments', () => {
    it('accepts valid attachment headers', () => {
      expectValid(makeStatement({ attachments: [ATTACHMENT, { ...ATTACHMENT, fileUrl: undefined, contentType: 'application/octet-stream' }] }));
      expectValid(makeStatement({ attachments: [] }));
    });
    it('requires usageType, display, contentType, length and sha2', () => {
      for (const key of ['usageType', 'display', 'contentType', 'length', 'sha2']) {
        expectIssue(makeStatement({ attachments: [{ ...ATTACHMENT, [key]: undefined }] }), `statement.attachments[0].${key}`, /required/);
      }
    });
    it('checks each property', () => {
      const at = 'statement.attachments[0]';
      expectIssue(makeStatement({ attachments: [{ ...ATTACHMENT, usageType: 'should fail' }] }), `${at}.usageType`, /IRI/);
      expectIssue(makeStatement({ attachments: [{ ...ATTACHMENT, display: { something: 'x' } }] }), `${at}.display.something`, /RFC 5646/);
      expectIssue(makeStatement({ attachments: [{ ...ATTACHMENT, contentType: 12345 }] }), `${at}.contentType`, /string/);
      expectIssue(makeStatement({ attachments: [{ ...ATTACHMENT, contentType: 'text' }] }), `${at}.contentType`, /media type/);
      expectIssue(makeStatement({ attachments: [{ ...ATTACHMENT, length: 'should fail' }] }), `${at}.length`, /whole number/);
      expectIssue(makeStatement({ attachments: [{ ...ATTACHMENT, length: 2.5 }] }), `${at}.length`, /whole number/);
      expectIssue(makeStatement({ attachments: [{ ...ATTACHMENT, length: -1 }] }), `${at}.length`, /whole number/);
      expectIssue(makeStatement({ attachments: [{ ...ATTACHMENT, sha2: 12345 }] }), `${at}.sha2`, /string/);
      expectIssue(makeStatement({ attachments: [{ ...ATTACHMENT, sha2: 'abc' }] }), `${at}.sha2`, /SHA-2/);
      expectIssue(makeStatement({ attachments: [{ ...ATTACHMENT, fileUrl: 'should fail' }] }), `${at}.fileUrl`, /IRL/);
      expectIssue(makeStatement({ attachments: [{ ...ATTACHMENT, FileUrl: 'http://x.y' }] }), `${at}.FileUrl`, /use "fileUrl"/);
      expectIssue(makeStatement({ attachments: ATTACHMENT }), 'statement.attachments', /array/);
    });
  });
});
