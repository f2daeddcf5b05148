import { expect } from 'chai';
import { validateAgentParameter } from '../../../src/lrs/validation/index.ts';
import { expectIssue, expectValid, issuesOf, makeAgent, makeStatement } from './fixtures.ts';

const SHA1 = 'cd9b00a5611f94eaa7b1661edab976068e364975';
const member = (name: string) => ({ mbox: `mailto:${name}@example.com` });

describe('lrs validation: actors, agents and groups', () => {
  it('accepts each kind of IFI', () => {
    for (const ifi of [{ mbox: 'mailto:xapi@adlnet.gov' }, { mbox_sha1sum: SHA1 }, { openid: 'http://openid.example.org/12345' }, { account: { homePage: 'http://www.example.com', name: '1625378' } }]) {
      expectValid(makeStatement({ actor: { name: 'Someone', ...ifi } }));
    }
  });

  it('requires exactly one IFI on an Agent', () => {
    expectIssue(makeStatement({ actor: { objectType: 'Agent', name: 'No id' } }), 'statement.actor', /exactly one identifier.*none/);
    expectIssue(makeStatement({ actor: { mbox: 'mailto:a@b.c', mbox_sha1sum: SHA1 } }), 'statement.actor', /exactly one identifier.*2/);
  });

  it('checks the mbox form', () => {
    expectIssue(makeStatement({ actor: { mbox: 'mailto:should.fail.com' } }), 'statement.actor.mbox', /"mailto:" IRI/);
    expectIssue(makeStatement({ actor: { mbox: 'http://should.fail.com' } }), 'statement.actor.mbox', /"mailto:" IRI/);
    expectIssue(makeStatement({ actor: { mbox: 'xapi@adlnet.gov' } }), 'statement.actor.mbox', /"mailto:" IRI/);
  });

  it('checks mbox_sha1sum, openid and account', () => {
    expectIssue(makeStatement({ actor: { mbox_sha1sum: 'abc' } }), 'statement.actor.mbox_sha1sum', /40 hexadecimal/);
    expectIssue(makeStatement({ actor: { openid: 'ab=c://should.fail.com' } }), 'statement.actor.openid', /IRI/);
    expectIssue(makeStatement({ actor: { account: { homePage: 'ab=c://should.fail.com', name: 'x' } } }), 'statement.actor.account.homePage', /IRL/);
    expectIssue(makeStatement({ actor: { account: { name: 'x' } } }), 'statement.actor.account.homePage', /required/);
    expectIssue(makeStatement({ actor: { account: { homePage: 'http://x.y' } } }), 'statement.actor.account.name', /required/);
    expectIssue(makeStatement({ actor: { account: { homePage: 'http://x.y', name: { key: 'v' } } } }), 'statement.actor.account.name', /must be a string/);
    expectIssue(makeStatement({ actor: { account: { homePage: 'http://x.y', name: 'x', HomePage: 'http://x.y' } } }), 'statement.actor.account.HomePage', /case-sensitive, use "homePage"/);
  });

  it('rejects wrong objectType values and names', () => {
    expectIssue(makeStatement({ actor: makeAgent({ objectType: 'agent' }) }), 'statement.actor.objectType', /"Agent" or "Group"/);
    expectIssue(makeStatement({ actor: { objectType: 'group', member: [member('a')] } }), 'statement.actor.objectType', /"Agent" or "Group"/);
    expectIssue(makeStatement({ actor: makeAgent({ name: 123 }) }), 'statement.actor.name', /must be a string/);
    expectIssue(makeStatement({ actor: makeAgent({ name: null }) }), 'statement.actor.name', /not null/);
  });

  it('accepts anonymous and identified groups', () => {
    expectValid(makeStatement({ actor: { objectType: 'Group', name: 'Team', member: [member('a'), { account: { homePage: 'http://x.y', name: 'b' } }] } }));
    expectValid(makeStatement({ actor: { objectType: 'Group', mbox: 'mailto:team@example.com' } }));
    expectValid(makeStatement({ actor: { objectType: 'Group', openid: 'http://openid.example.org/team', member: [member('a')] } }));
  });

  it('requires members in an anonymous group, and no nested groups', () => {
    expectIssue(makeStatement({ actor: { objectType: 'Group', name: 'Anonymous' } }), 'statement.actor.member', /required in an Anonymous Group/);
    expectIssue(makeStatement({ actor: { objectType: 'Group', member: [] } }), 'statement.actor.member', /at least one Agent/);
    const nested = { objectType: 'Group', member: [{ objectType: 'Group', member: [member('a')] }] };
    expectIssue(makeStatement({ actor: nested }), 'statement.actor.member[0].objectType', /Groups cannot contain Groups/);
    const identifiedNested = { objectType: 'Group', mbox: 'mailto:g@x.y', member: [{ objectType: 'Group', mbox: 'mailto:h@x.y' }] };
    expectIssue(makeStatement({ actor: identifiedNested }), 'statement.actor.member[0].objectType', /Groups cannot contain Groups/);
    expectIssue(makeStatement({ actor: { objectType: 'Group', member: [{ name: 'no ifi' }] } }), 'statement.actor.member[0]', /exactly one identifier/);
    expectIssue(makeStatement({ actor: { objectType: 'Group', member: member('a') } }), 'statement.actor.member', /must be an array/);
  });

  it('requires at most one IFI on a group', () => {
    expectIssue(makeStatement({ actor: { objectType: 'Group', mbox: 'mailto:g@x.y', openid: 'http://x.y/g', member: [member('a')] } }), 'statement.actor', /exactly one identifier.*2/);
  });

  it('rejects properties not in the spec', () => {
    expectIssue(makeStatement({ actor: makeAgent({ email: 'a@b.c' }) }), 'statement.actor.email', /not a property of an Agent/);
    expectIssue(makeStatement({ actor: makeAgent({ Mbox: 'mailto:a@b.c' }) }), 'statement.actor.Mbox', /case-sensitive, use "mbox"/);
    expectIssue(makeStatement({ actor: { objectType: 'Group', member: [member('a')], members: [] } }), 'statement.actor.members', /not a property of a Group/);
  });

  describe('authority', () => {
    const oauthGroup = () => ({ objectType: 'Group', member: [{ account: { homePage: 'http://example.com/xAPI/OAuth/Token', name: 'oauth_consumer_x75db' } }, member('bob')] });
    it('accepts an Agent or a two-member OAuth group', () => {
      expectValid(makeStatement({ authority: makeAgent() }));
      expectValid(makeStatement({ authority: oauthGroup() }));
    });
    it('rejects identified groups and groups not of two agents', () => {
      expectIssue(makeStatement({ authority: { ...oauthGroup(), mbox: 'mailto:g@x.y' } }), 'statement.authority', /Anonymous Group/);
      expectIssue(makeStatement({ authority: { objectType: 'Group', member: [member('a')] } }), 'statement.authority.member', /exactly two Agents.*1/);
      const three = oauthGroup();
      three.member.push(member('c'));
      expectIssue(makeStatement({ authority: three }), 'statement.authority.member', /exactly two Agents.*3/);
      expectIssue(makeStatement({ authority: { objectType: 'Group', member: [member('a'), member('b')] } }), 'statement.authority.member', /OAuth consumer.*account/);
      expectIssue(makeStatement({ authority: { objectType: 'Group', name: 'No members' } }), 'statement.authority.member', /required/);
    });
  });

  describe('agent query parameter', () => {
    it('validates an Agent or Group with the same rules', () => {
      expect(validateAgentParameter({ mbox: 'mailto:a@b.c' }, { version: '1.0' })).to.deep.equal([]);
      expect(validateAgentParameter({ mbox: 'a@b.c' }, { version: '1.0' })[0]?.path).to.equal('agent.mbox');
      expect(validateAgentParameter('nope', { version: '2.0', path: 'agent' })[0]?.rule).to.match(/Agent object/);
    });
  });

  it('reports several issues at once, each with its own path', () => {
    const issues = issuesOf(makeStatement({ actor: { mbox: 'bad', name: 3 } }));
    expect(issues.map((issue) => issue.path).sort()).to.deep.equal(['statement.actor.mbox', 'statement.actor.name']);
  });
});
