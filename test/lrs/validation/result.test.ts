import { expectIssue, expectValid, makeResult, makeStatement } from './fixtures.ts';

const withScore = (score: unknown) => makeStatement({ result: makeResult({ score }) });

describe('lrs validation: result and score', () => {
  it('accepts a full result and an empty one', () => {
    expectValid(makeStatement({ result: makeResult() }));
    expectValid(makeStatement({ result: {} }));
  });

  it('checks the score bounds', () => {
    expectValid(withScore({ scaled: -1 }));
    expectValid(withScore({ scaled: 1, raw: 100.6767676, min: 0.5, max: 100.6767676 }));
    expectValid(withScore({ raw: -5 }));
    expectIssue(withScore({ scaled: 1.01 }), 'statement.result.score.scaled', /between -1 and 1/);
    expectIssue(withScore({ scaled: -1.00001 }), 'statement.result.score.scaled', /between -1 and 1/);
    expectIssue(withScore({ min: 10, max: 10 }), 'statement.result.score.min', /less than max/);
    expectIssue(withScore({ min: 104.6, max: 100.6 }), 'statement.result.score.min', /less than max/);
    expectIssue(withScore({ raw: 0.67, max: 0.65 }), 'statement.result.score.raw', /greater than max/);
    expectIssue(withScore({ raw: 0.67, min: 7.67 }), 'statement.result.score.raw', /less than min/);
  });

  it('rejects numbers written as strings and other types', () => {
    expectIssue(withScore({ scaled: '0.5' }), 'statement.result.score.scaled', /must be a number, not the string "0\.5"/);
    expectIssue(withScore({ raw: null }), 'statement.result.score.raw', /not null/);
    expectIssue(withScore('should fail'), 'statement.result.score', /Score object/);
    expectIssue(withScore({ percent: 50 }), 'statement.result.score.percent', /not a property of a Score/);
    expectIssue(makeStatement({ result: makeResult({ success: 'true' }) }), 'statement.result.success', /boolean/);
    expectIssue(makeStatement({ result: makeResult({ completion: 1 }) }), 'statement.result.completion', /boolean/);
    expectIssue(makeStatement({ result: makeResult({ response: 42 }) }), 'statement.result.response', /string/);
    expectIssue(makeStatement({ result: makeResult({ duration: 'PA1H0M0S' }) }), 'statement.result.duration', /ISO 8601 duration/);
    expectIssue(makeStatement({ result: makeResult({ duration: 12345 }) }), 'statement.result.duration', /string/);
    expectIssue(makeStatement({ result: makeResult({ extensions: { 'not an iri': 1 } }) }), 'statement.result.extensions["not an iri"]', /IRI/);
    expectIssue(makeStatement({ result: 'passed' }), 'statement.result', /Result object/);
    expectIssue(makeStatement({ result: makeResult({ Success: true }) }), 'statement.result.Success', /use "success"/);
  });
});
