import { expect } from 'chai';
import { inheritableTerms, isVoiding, ownTerms, statementRefTarget } from '../../../src/lrs/statements/statement-terms.ts';
import { agent, activity, makeStatement } from '../support/statements.ts';

const ifi = (name: string) => `agent|account|http://lrs.test|${name}`;

describe('statement terms (statement -> index rows)', () => {
  it('indexes actor, verb, object activity, registration and authority', () => {
    const terms = ownTerms(
      makeStatement({
        context: { registration: 'AAAAAAAA-1D8E-4C6E-9C55-0D6B2F0C7A11', contextActivities: { parent: [activity('http://lrs.test/course')] } },
        authority: agent('lms'),
      }),
    );
    expect(terms).to.include.members([
      `agent:${ifi('learner-1')}`,
      `ragent:${ifi('learner-1')}`,
      'verb:http://adlnet.gov/expapi/verbs/completed',
      'act:http://lrs.test/activities/module-1',
      'ract:http://lrs.test/activities/module-1',
      'ract:http://lrs.test/course',
      'reg:aaaaaaaa-1d8e-4c6e-9c55-0d6b2f0c7a11',
      `auth:${ifi('lms')}`,
      `ragent:${ifi('lms')}`,
    ]);
    expect(terms).to.not.include('act:http://lrs.test/course');
    expect(terms).to.not.include(`agent:${ifi('lms')}`);
  });

  it('indexes agent objects, group members, instructors, and SubStatement parts as related only', () => {
    const group = { objectType: 'Group', member: [agent('m1'), agent('m2')] };
    const terms = ownTerms(
      makeStatement({
        actor: group,
        object: { objectType: 'SubStatement', actor: agent('sub'), verb: { id: 'http://x/v' }, object: activity('http://lrs.test/sub') },
        context: { instructor: agent('teacher') },
      }),
    );
    expect(terms).to.include.members([`agent:${ifi('m1')}`, `agent:${ifi('m2')}`, `ragent:${ifi('sub')}`, `ragent:${ifi('teacher')}`, 'ract:http://lrs.test/sub']);
    expect(terms).to.not.include(`agent:${ifi('sub')}`);
    expect(terms).to.not.include('act:http://lrs.test/sub');
    expect(terms).to.not.include('verb:http://x/v');
  });

  it('recognises StatementRefs and voiding statements', () => {
    const ref = makeStatement({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: 'ABC' } });
    expect(statementRefTarget(ref)).to.equal('abc');
    expect(isVoiding(ref)).to.equal(true);
    expect(isVoiding(makeStatement())).to.equal(false);
    expect(inheritableTerms(['auth:x', 'verb:y'])).to.deep.equal(['verb:y']);
  });
});
