import { expectIssue, expectValid, makeActivity, makeStatement } from './fixtures.ts';

const withDefinition = (definition: Record<string, unknown>) => makeStatement({ object: makeActivity({ definition }), context: undefined });
const component = (id: string) => ({ id, description: { 'en-US': id } });

describe('lrs validation: activities and interactions', () => {
  it('accepts an activity without objectType or definition', () => {
    expectValid(makeStatement({ object: { id: 'http://www.example.com/meetings/occurances/34534' } }));
  });

  it('requires an IRI id and known properties', () => {
    expectIssue(makeStatement({ object: { objectType: 'Activity' } }), 'statement.object.id', /required in an Activity/);
    expectIssue(makeStatement({ object: { id: 'ab=c://should.fail.com' } }), 'statement.object.id', /absolute IRI/);
    expectIssue(makeStatement({ object: makeActivity({ Definition: {} }) }), 'statement.object.Definition', /case-sensitive, use "definition"/);
    expectIssue(makeStatement({ object: makeActivity({ definition: 'should error' }) }), 'statement.object.definition', /Activity Definition object/);
    expectIssue(makeStatement({ object: { objectType: 'activity', id: 'http://x.y' } }), 'statement.object.objectType', /exact case/);
  });

  it('checks name, description, type, moreInfo and extensions', () => {
    expectIssue(withDefinition({ name: 'not a map' }), 'statement.object.definition.name', /language map/);
    expectIssue(withDefinition({ description: { a12345: 'x' } }), 'statement.object.definition.description.a12345', /RFC 5646/);
    expectIssue(withDefinition({ description: { en: 5 } }), 'statement.object.definition.description.en', /must be a string/);
    expectIssue(withDefinition({ type: 'meeting' }), 'statement.object.definition.type', /absolute IRI/);
    expectIssue(withDefinition({ moreInfo: 'virtualmeeting.example.com/345256' }), 'statement.object.definition.moreInfo', /IRL/);
    expectIssue(withDefinition({ extensions: { 'should fail': true } }), 'statement.object.definition.extensions["should fail"]', /extension key/);
    expectIssue(withDefinition({ extensions: [] }), 'statement.object.definition.extensions', /object whose keys are IRIs/);
    expectIssue(withDefinition({ extension: {} }), 'statement.object.definition.extension', /not a property of an Activity Definition/);
  });

  it('accepts any extension value, null and empty included', () => {
    for (const value of [null, '', {}, [], 0, false, { deep: { deeper: [null] } }]) {
      expectValid(withDefinition({ extensions: { 'http://example.com/ex': value } }));
    }
    expectValid(withDefinition({ extensions: {} }));
  });

  describe('interactions', () => {
    const valid: Array<[string, Record<string, unknown>]> = [
      ['true-false', { correctResponsesPattern: ['true'] }],
      ['choice', { choices: [component('a'), component('b')], correctResponsesPattern: ['a[,]b'] }],
      ['fill-in', { correctResponsesPattern: ['{case_matters=false}Bob"s your uncle'] }],
      ['long-fill-in', { correctResponsesPattern: [] }],
      ['matching', { source: [component('s')], target: [component('t')], correctResponsesPattern: ['s[.]t'] }],
      ['performance', { steps: [component('1')], correctResponsesPattern: ['1[.]3[:]5'] }],
      ['sequencing', { choices: [component('a')], correctResponsesPattern: ['a'] }],
      ['likert', { scale: [component('likert_0'), component('likert_1')], correctResponsesPattern: ['likert_1'] }],
      ['numeric', { correctResponsesPattern: ['[:]4'] }],
      ['other', { correctResponsesPattern: ['(35.937432,-86.868896)'] }],
    ];
    for (const [interactionType, rest] of valid) {
      it(`accepts a ${interactionType} interaction`, () => expectValid(withDefinition({ interactionType, ...rest })));
    }

    it('requires a known interactionType, in exact case', () => {
      expectIssue(withDefinition({ interactionType: 'Choice' }), 'statement.object.definition.interactionType', /exact case/);
      expectIssue(withDefinition({ interactionType: 'http://adlnet.gov/expapi/activities/cmi.interaction' }), 'statement.object.definition.interactionType', /must be one of/);
      expectIssue(withDefinition({ interactionType: 12345 }), 'statement.object.definition.interactionType', /must be one of/);
    });

    it('requires interactionType when interaction properties are used', () => {
      expectIssue(withDefinition({ correctResponsesPattern: ['true'] }), 'statement.object.definition.interactionType', /correctResponsesPattern/);
      for (const list of ['choices', 'scale', 'source', 'target', 'steps']) {
        expectIssue(withDefinition({ [list]: [component('a')] }), 'statement.object.definition.interactionType', new RegExp(`"${list}"`));
      }
    });

    it('allows only the component lists of the interaction type', () => {
      expectIssue(withDefinition({ interactionType: 'likert', choices: [component('a')] }), 'statement.object.definition.choices', /not used by "likert".*scale/);
      expectIssue(withDefinition({ interactionType: 'true-false', steps: [component('a')] }), 'statement.object.definition.steps', /not used by "true-false"/);
      expectIssue(withDefinition({ interactionType: 'matching', scale: [component('a')] }), 'statement.object.definition.scale', /source and target/);
    });

    it('checks correctResponsesPattern is an array of strings', () => {
      expectIssue(withDefinition({ interactionType: 'true-false', correctResponsesPattern: 'true' }), 'statement.object.definition.correctResponsesPattern', /array/);
      expectIssue(withDefinition({ interactionType: 'numeric', correctResponsesPattern: [4] }), 'statement.object.definition.correctResponsesPattern[0]', /string/);
    });

    it('checks interaction components', () => {
      const at = 'statement.object.definition.choices';
      expectIssue(withDefinition({ interactionType: 'choice', choices: [component('a'), component('a')] }), `${at}[1].id`, /distinct.*"a"/);
      expectIssue(withDefinition({ interactionType: 'choice', choices: [{ description: { en: 'x' } }] }), `${at}[0].id`, /required/);
      expectIssue(withDefinition({ interactionType: 'choice', choices: [{ id: 1 }] }), `${at}[0].id`, /string/);
      expectIssue(withDefinition({ interactionType: 'choice', choices: [{ id: 'a', description: { something: 'x' } }] }), `${at}[0].description.something`, /RFC 5646/);
      expectIssue(withDefinition({ interactionType: 'choice', choices: [{ id: 'a', name: { en: 'x' } }] }), `${at}[0].name`, /not a property of an interaction component/);
      expectIssue(withDefinition({ interactionType: 'choice', choices: ['a'] }), `${at}[0]`, /interaction component/);
      expectIssue(withDefinition({ interactionType: 'choice', choices: { id: 'a' } }), at, /array/);
    });
  });
});
