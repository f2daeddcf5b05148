import { expectIssue, expectValid, makeContext, makeStatement } from './fixtures.ts';

const withContext = (overrides: Record<string, unknown>) => makeStatement({ context: makeContext(overrides) });
const group = { objectType: 'Group', mbox: 'mailto:team-1@example.com', member: [{ mbox: 'mailto:player-1@example.com' }] };

describe('lrs validation: context', () => {
  it('accepts a full context, and contextActivities given as a single activity', () => {
    expectValid(withContext({ team: group, statement: { objectType: 'StatementRef', id: '8f87ccde-bb56-4c2e-ab83-44982ef22df0' }, revision: 'v2' }));
    expectValid(withContext({ contextActivities: { parent: { id: 'http://x.y/parent' }, other: [] } }));
    expectValid(withContext({ instructor: group }));
  });

  it('checks registration, instructor, team, language and statement', () => {
    expectIssue(withContext({ registration: 'should fail' }), 'statement.context.registration', /UUID/);
    expectIssue(withContext({ instructor: { key: 'should fail' } }), 'statement.context.instructor.key', /not a property of an Agent/);
    expectIssue(withContext({ team: { objectType: 'Agent', mbox: 'mailto:a@b.c' } }), 'statement.context.team.objectType', /must be "Group"/);
    expectIssue(withContext({ team: { mbox: 'mailto:a@b.c' } }), 'statement.context.team.objectType', /required and must be "Group"/);
    expectIssue(withContext({ language: 'a12345' }), 'statement.context.language', /RFC 5646/);
    expectIssue(withContext({ language: 12345 }), 'statement.context.language', /language tag string/);
    expectIssue(withContext({ statement: { id: '8f87ccde-bb56-4c2e-ab83-44982ef22df0' } }), 'statement.context.statement.objectType', /"StatementRef"/);
    expectIssue(withContext({ statement: { objectType: 'StatementRef', id: 'nope' } }), 'statement.context.statement.id', /UUID/);
    expectIssue(withContext({ extensions: { 'should fail': 1 } }), 'statement.context.extensions["should fail"]', /IRI/);
    expectIssue(withContext({ Registration: 'x' }), 'statement.context.Registration', /use "registration"/);
  });

  it('checks contextActivities keys and values', () => {
    expectIssue(withContext({ contextActivities: { consequences: [] } }), 'statement.context.contextActivities.consequences', /parent, grouping, category, other/);
    expectIssue(withContext({ contextActivities: { parent: [{ id: 'http://x.y' }, { key: 'should fail' }] } }), 'statement.context.contextActivities.parent[1].id', /required/);
    expectIssue(withContext({ contextActivities: { category: 'should fail' } }), 'statement.context.contextActivities.category', /Activity object/);
    expectIssue(withContext({ contextActivities: { grouping: { id: 'nope' } } }), 'statement.context.contextActivities.grouping.id', /IRI/);
    expectIssue(withContext({ contextActivities: [] }), 'statement.context.contextActivities', /parent, grouping, category or other/);
  });

  it('allows revision and platform only when the object is an Activity', () => {
    const agentObject = { objectType: 'Agent', mbox: 'mailto:other@example.com' };
    expectIssue(makeStatement({ object: agentObject, context: makeContext({ platform: 'x' }) }), 'statement.context.platform', /only be used when the statement's object is an Activity/);
    expectIssue(makeStatement({ object: agentObject, context: makeContext({ platform: undefined, revision: 'x' }) }), 'statement.context.revision', /Activity/);
    expectValid(makeStatement({ object: { id: 'http://x.y' }, context: makeContext({ revision: 'r1', platform: 'p' }) }));
    expectIssue(withContext({ platform: 5 }), 'statement.context.platform', /string/);
  });

  describe('xAPI 2.0 contextAgents and contextGroups', () => {
    const contextAgents = [{ objectType: 'contextAgent', agent: { objectType: 'Agent', mbox: 'mailto:player-1@example.com' }, relevantTypes: ['https://example.com/types/player'] }];
    const contextGroups = [{ objectType: 'contextGroup', group, relevantTypes: ['https://example.com/types/team'] }];

    it('accepts them in 2.0 and names the version in 1.0', () => {
      expectValid(withContext({ contextAgents, contextGroups }), '2.0');
      expectValid(withContext({ contextAgents: [{ objectType: 'contextAgent', agent: { mbox: 'mailto:a@b.c' } }] }), '2.0');
      expectIssue(withContext({ contextAgents }), 'statement.context.contextAgents', /only allowed in xAPI 2\.0/, '1.0');
      expectIssue(withContext({ contextGroups }), 'statement.context.contextGroups', /only allowed in xAPI 2\.0/, '1.0');
    });

    it('checks their entries', () => {
      const at = 'statement.context.contextAgents[0]';
      expectIssue(withContext({ contextAgents: [{ ...contextAgents[0], objectType: 'Should fail' }] }), `${at}.objectType`, /"contextAgent"/, '2.0');
      expectIssue(withContext({ contextAgents: [{ ...contextAgents[0], agent: { key: 'x' } }] }), `${at}.agent`, /exactly one identifier/, '2.0');
      expectIssue(withContext({ contextAgents: [{ ...contextAgents[0], agent: group }] }), `${at}.agent.objectType`, /"Agent"/, '2.0');
      expectIssue(withContext({ contextAgents: [{ objectType: 'contextAgent' }] }), `${at}.agent`, /required/, '2.0');
      expectIssue(withContext({ contextAgents: [{ ...contextAgents[0], relevantTypes: [] }] }), `${at}.relevantTypes`, /at least one/, '2.0');
      expectIssue(withContext({ contextAgents: [{ ...contextAgents[0], relevantTypes: ['abc'] }] }), `${at}.relevantTypes[0]`, /IRI/, '2.0');
      expectIssue(withContext({ contextAgents: contextAgents[0] }), 'statement.context.contextAgents', /array/, '2.0');
      const gat = 'statement.context.contextGroups[0]';
      expectIssue(withContext({ contextGroups: [{ ...contextGroups[0], objectType: 'contextAgent' }] }), `${gat}.objectType`, /"contextGroup"/, '2.0');
      expectIssue(withContext({ contextGroups: [{ ...contextGroups[0], group: { mbox: 'mailto:a@b.c' } }] }), `${gat}.group.objectType`, /"Group"/, '2.0');
      expectIssue(withContext({ contextGroups: [{ ...contextGroups[0], extra: 1 }] }), `${gat}.extra`, /not a property of a contextGroup/, '2.0');
    });
  });
});
