import { expect } from 'chai';
import { isDuration, isIri, isLanguageTag, isUuid, parseTimestamp } from '../../../src/lrs/validation/index.ts';
import { expectIssue, expectValid, makeStatement } from './fixtures.ts';

describe('lrs validation: formats', () => {
  describe('IRIs', () => {
    for (const iri of ['http://example.com', 'https://tremplin.example/xapi/a?b=c#d', 'urn:uuid:3b1e9f7c-2d4a-4e8b-9c6d-0a1b2c3d4e5f', 'mailto:a@b.c', 'http://example.com/فعل/خواندن', 'tag:example.com,2026:x', 'http://example.com/%C3%A9']) {
      it(`accepts ${iri}`, () => expect(isIri(iri)).to.equal(true));
    }
    for (const iri of ['', 'abc', 'ab=c://should.fail.com', 'example.com/path', '/relative/path', 'http://exa mple.com', 'http:', '1http://x', 'http://x/<y>', 'http://x/%zz', ' http://x', 'http://x\n']) {
      it(`rejects ${JSON.stringify(iri)}`, () => expect(isIri(iri)).to.equal(false));
    }
    it('names the property whose IRI has no scheme', () => {
      expectIssue(makeStatement({ verb: { id: 'adlnet.gov/expapi/verbs/attended' } }), 'statement.verb.id', /absolute IRI with a scheme/);
    });
  });

  describe('UUIDs', () => {
    it('accepts the standard form in either case', () => {
      expect(isUuid('3b1e9f7c-2d4a-4e8b-9c6d-0a1b2c3d4e5f')).to.equal(true);
      expect(isUuid('AA97B177-9383-4934-8543-0F91A7A02836')).to.equal(true);
    });
    for (const uuid of ['AA97B177-9383-4934-8543-0F91A7A028368', 'MA97B177-9383-4934-8543-0F91A7A02836', '3b1e9f7c2d4a4e8b9c6d0a1b2c3d4e5f', '{3b1e9f7c-2d4a-4e8b-9c6d-0a1b2c3d4e5f}', '']) {
      it(`rejects ${JSON.stringify(uuid)}`, () => expect(isUuid(uuid)).to.equal(false));
    }
  });

  describe('RFC 5646 language tags', () => {
    for (const tag of ['fr', 'fr-FR', 'en-US', 'es-419', 'zh-Hant-TW', 'sr-Latn-RS', 'de-CH-1901', 'en-a-bbb-x-private', 'x-whatever', 'i-klingon', 'zh-min-nan', 'EN-us', 'und', 'zh-yue-HK']) {
      it(`accepts ${tag}`, () => expect(isLanguageTag(tag)).to.equal(true));
    }
    for (const tag of ['', 'a12345', 'a12345678', 'something', 'en_US', 'en-', 'e', 'en-US-', '123', 'en--US', 'fr-FR-x']) {
      it(`rejects ${JSON.stringify(tag)}`, () => expect(isLanguageTag(tag)).to.equal(false));
    }
  });

  describe('timestamps', () => {
    const valid1 = ['2026-11-26T15:04:05.123Z', '2026-11-26T15:04:05Z', '2026-11-26T15:04:05.123456789+02:00', '2026-11-26T15:04:05+0200', '2026-11-26T15:04:05-05', '2026-11-26T15:04:05.123', '2026-11-26T15:04Z', '20261126T150405Z', '20261126T150405.5+0100', '2024-02-29T00:00:00Z', '2008-09-15T15:53:00.601+00:00'];
    const invalid = ['should fail', '01/011/2015', '2026-11-26', '2026-13-01T00:00:00Z', '2026-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-11-26T24:00:00Z', '2026-11-26T15:60:00Z', '2026-11-26 15:04:05Z', '2026-11-26T15:04:05+25:00', '2026-11-26T15:04:05ZZ', ''];
    for (const ts of valid1) it(`accepts ${ts} in 1.0`, () => expect(parseTimestamp(ts, '1.0')).to.be.a('number'));
    for (const ts of invalid) it(`rejects ${JSON.stringify(ts)}`, () => {
      expect(parseTimestamp(ts, '1.0')).to.equal(undefined);
      expect(parseTimestamp(ts, '2.0')).to.equal(undefined);
    });
    for (const ts of ['2008-09-15T15:53:00.601-00', '2008-09-15T15:53:00.601-0000', '2008-09-15T15:53:00.601-00:00']) {
      it(`rejects the negative zero offset in ${ts}`, () => {
        expectIssue(makeStatement({ timestamp: ts }), 'statement.timestamp', /negative zero/);
        expectIssue(makeStatement({ timestamp: ts }), 'statement.timestamp', /negative zero|RFC 3339/, '2.0');
      });
    }
    it('requires an RFC 3339 timestamp with a time zone in 2.0', () => {
      expect(parseTimestamp('2026-11-26T15:04:05.123', '2.0')).to.equal(undefined);
      expect(parseTimestamp('20261126T150405Z', '2.0')).to.equal(undefined);
      expect(parseTimestamp('2026-11-26T15:04Z', '2.0')).to.equal(undefined);
      expectIssue(makeStatement({ timestamp: '2026-11-26T15:04:05.123' }), 'statement.timestamp', /RFC 3339.*time zone/, '2.0');
      expectValid(makeStatement({ timestamp: '2026-11-26T15:04:05.123' }), '1.0');
      expectValid(makeStatement({ timestamp: '2008-09-15T15:53:00.601+00:00' }), '2.0');
    });
    it('parses to UTC milliseconds, offsets applied', () => {
      expect(parseTimestamp('2023-05-04T12:00:00-05:00', '2.0')).to.equal(Date.parse('2023-05-04T17:00:00.000Z'));
      expect(parseTimestamp('20230504T120000.25+0130', '1.0')).to.equal(Date.parse('2023-05-04T10:30:00.250Z'));
      expect(parseTimestamp('2026-11-26T15:04:05.123999Z', '1.0')).to.equal(Date.parse('2026-11-26T15:04:05.123Z'));
      expect(parseTimestamp('0099-01-01T00:00:00Z', '2.0')).to.equal(new Date('0099-01-01T00:00:00Z').getTime()); // not 1999
    });
    it('checks stored like timestamp', () => {
      expectIssue(makeStatement({ stored: 'yesterday' }), 'statement.stored', /ISO 8601/);
    });
  });

  describe('durations', () => {
    for (const d of ['PT1H0M0.1S', 'PT4H35M59.14S', 'PT16559.14S', 'P3Y1M29DT4H35M59.14S', 'P3Y', 'P4W', 'P1DT12H36M0.12567S', 'PT0S', 'P0D', 'PT1,5S', 'P1.5Y', 'PT36H']) {
      it(`accepts ${d}`, () => expect(isDuration(d)).to.equal(true));
    }
    for (const d of ['PA1H0M0S', 'P4W1D', 'P', 'PT', 'P1DT', '1H', 'PT1.5H30M', 'P0003-01-29T04:35:59', 'PT-1S', 'pt1s', 'P1H', 'PT1S1M', '']) {
      it(`rejects ${JSON.stringify(d)}`, () => expect(isDuration(d)).to.equal(false));
    }
  });

  describe('version', () => {
    it('accepts 1.0 and 1.0.x in both versions, 2.0.x only in 2.0', () => {
      for (const version of ['1.0', '1.0.0', '1.0.9']) {
        expectValid(makeStatement({ version }), '1.0');
        expectValid(makeStatement({ version }), '2.0');
      }
      expectValid(makeStatement({ version: '2.0.0' }), '2.0');
      expectIssue(makeStatement({ version: '2.0.0' }), 'statement.version', /"1\.0" or "1\.0\.x"/, '1.0');
    });
    for (const version of ['should fail', '0.9.9', '1.1.0', '1', '1.0.', '3.0.0']) {
      it(`rejects ${version}`, () => {
        expectIssue(makeStatement({ version }), 'statement.version', /must be/, '1.0');
        expectIssue(makeStatement({ version }), 'statement.version', /must be/, '2.0');
      });
    }
  });
});
