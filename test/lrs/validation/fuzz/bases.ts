/**
 * The fuzz oracle's knowledge: a few valid base statements, each with a table saying, for every
 * node (path pattern: "#" = any array index, "@" = any language-map or extension key), what
 * kind of value it is and whether removing it makes the statement invalid. Written from the
 * spec, independently of the validator's code; the walker refuses any node the table misses.
 */
import { makeStatement } from '../fixtures.ts';

export type Kind =
  | 'object' | 'activityOrList' | 'array' | 'stringarray' | 'string' | 'boolean' | 'integer' | 'enum'
  | 'iri' | 'irl' | 'uuid' | 'timestamp' | 'duration' | 'langtag' | 'mbox' | 'sha1' | 'sha2' | 'version' | 'mediatype'
  | 'langmap' | 'langvalue' | 'extensions' | 'free'
  | 'scaled' | 'raw' | 'min' | 'max';

export interface NodeRule {
  kind: Kind;
  /** Removing this node (or array element) makes the statement invalid. */
  required: boolean;
}

export interface Base {
  name: string;
  versions: ReadonlyArray<'1.0' | '2.0'>;
  statement: Record<string, unknown>;
  rules: ReadonlyMap<string, NodeRule>;
}

type Table = Record<string, [Kind, 'req' | 'opt']>;

function prefixed(prefix: string, table: Table): Table {
  const out: Table = {};
  for (const [pattern, rule] of Object.entries(table)) out[pattern === '' ? prefix : `${prefix}.${pattern}`] = rule;
  return out;
}

const langmap = (required: 'req' | 'opt'): Table => ({ '': ['langmap', required], '@': ['langvalue', 'opt'] });
const extensions: Table = { '': ['extensions', 'opt'], '@': ['free', 'opt'] };
const accountAgent = (objectType: 'req' | 'opt'): Table => ({
  '': ['object', 'opt'], objectType: ['enum', objectType], account: ['object', 'req'],
  'account.homePage': ['irl', 'req'], 'account.name': ['string', 'req'],
});
const verb: Table = { '': ['object', 'req'], id: ['iri', 'req'], ...prefixed('display', langmap('opt')) };
const simpleActivity: Table = { '': ['object', 'opt'], id: ['iri', 'req'], objectType: ['enum', 'opt'] };

function build(name: string, versions: Base['versions'], statement: Record<string, unknown>, table: Table): Base {
  const rules = new Map<string, NodeRule>();
  for (const [pattern, [kind, required]] of Object.entries(table)) rules.set(pattern, { kind, required: required === 'req' });
  return { name, versions, statement, rules };
}

const ATTACHMENT = {
  usageType: 'http://example.com/attachment-usage/test',
  display: { 'en-US': 'A test attachment' },
  description: { 'en-US': 'A test attachment (description)' },
  contentType: 'text/plain; charset=ascii',
  length: 27,
  sha2: '495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a',
  fileUrl: 'http://over.there.com/file.txt',
};

/** The typical Tremplin statement (fixtures.makeStatement) plus stored, version, authority, attachment. */
const typical = build(
  'typical statement with result and context',
  ['1.0', '2.0'],
  makeStatement({
    stored: '2026-11-26T15:04:06.000Z',
    version: '1.0.0',
    authority: { objectType: 'Agent', mbox: 'mailto:lrs@tremplin.example' },
    attachments: [ATTACHMENT],
  }),
  {
    id: ['uuid', 'opt'],
    ...prefixed('actor', { ...accountAgent('opt'), '': ['object', 'req'] }),
    ...prefixed('verb', verb),
    object: ['object', 'req'],
    'object.objectType': ['enum', 'opt'],
    'object.id': ['iri', 'req'],
    'object.definition': ['object', 'opt'],
    'object.definition.type': ['iri', 'opt'],
    ...prefixed('object.definition.name', langmap('opt')),
    ...prefixed('object.definition.description', langmap('opt')),
    // choices and correctResponsesPattern are present, so interactionType cannot go.
    'object.definition.interactionType': ['enum', 'req'],
    'object.definition.correctResponsesPattern': ['stringarray', 'opt'],
    'object.definition.correctResponsesPattern.#': ['string', 'opt'],
    'object.definition.choices': ['array', 'opt'],
    'object.definition.choices.#': ['object', 'opt'],
    'object.definition.choices.#.id': ['string', 'req'],
    ...prefixed('object.definition.choices.#.description', langmap('opt')),
    result: ['object', 'opt'],
    'result.score': ['object', 'opt'],
    'result.score.scaled': ['scaled', 'opt'],
    'result.score.raw': ['raw', 'opt'],
    'result.score.min': ['min', 'opt'],
    'result.score.max': ['max', 'opt'],
    'result.success': ['boolean', 'opt'],
    'result.completion': ['boolean', 'opt'],
    'result.response': ['string', 'opt'],
    'result.duration': ['duration', 'opt'],
    ...prefixed('result.extensions', extensions),
    context: ['object', 'opt'],
    'context.registration': ['uuid', 'opt'],
    'context.contextActivities': ['object', 'opt'],
    'context.contextActivities.parent': ['array', 'opt'],
    ...prefixed('context.contextActivities.parent.#', simpleActivity),
    'context.contextActivities.grouping': ['array', 'opt'],
    ...prefixed('context.contextActivities.grouping.#', simpleActivity),
    'context.contextActivities.category': ['array', 'opt'],
    ...prefixed('context.contextActivities.category.#', simpleActivity),
    ...prefixed('context.instructor', accountAgent('opt')),
    'context.platform': ['string', 'opt'],
    'context.language': ['langtag', 'opt'],
    ...prefixed('context.extensions', extensions),
    timestamp: ['timestamp', 'opt'],
    stored: ['timestamp', 'opt'],
    version: ['version', 'opt'],
    authority: ['object', 'opt'],
    'authority.objectType': ['enum', 'opt'],
    'authority.mbox': ['mbox', 'req'],
    attachments: ['array', 'opt'],
    'attachments.#': ['object', 'opt'],
    'attachments.#.usageType': ['iri', 'req'],
    ...prefixed('attachments.#.display', langmap('req')),
    ...prefixed('attachments.#.description', langmap('opt')),
    'attachments.#.contentType': ['mediatype', 'req'],
    'attachments.#.length': ['integer', 'req'],
    'attachments.#.sha2': ['sha2', 'req'],
    'attachments.#.fileUrl': ['irl', 'opt'],
  },
);

/** An anonymous-group actor, a SubStatement object (likert interaction), a StatementRef in context. */
const subStatement = build(
  'group actor and SubStatement object',
  ['1.0', '2.0'],
  {
    actor: { objectType: 'Group', name: 'Équipe B', member: [{ mbox: 'mailto:a@example.com' }, { name: 'B', mbox_sha1sum: 'cd9b00a5611f94eaa7b1661edab976068e364975' }] },
    verb: { id: 'http://example.com/planned', display: { 'en-US': 'planned' } },
    object: {
      objectType: 'SubStatement',
      actor: { openid: 'http://openid.example.org/12345' },
      verb: { id: 'http://example.com/rated' },
      object: {
        id: 'http://example.com/survey/q1',
        definition: { interactionType: 'likert', scale: [{ id: 'likert_0' }, { id: 'likert_1', description: { fr: 'Oui' } }] },
      },
      result: { success: false, duration: 'P1DT2H' },
      context: { platform: 'Tremplin', revision: 'r2' },
      timestamp: '2099-01-01T00:00:00+01:00',
    },
    context: {
      statement: { objectType: 'StatementRef', id: '8f87ccde-bb56-4c2e-ab83-44982ef22df0' },
      team: { objectType: 'Group', account: { homePage: 'http://example.com', name: 'team-7' } },
      contextActivities: { other: { id: 'http://example.com/other' } },
    },
  },
  {
    actor: ['object', 'req'],
    'actor.objectType': ['enum', 'req'],
    'actor.name': ['string', 'opt'],
    'actor.member': ['array', 'req'],
    'actor.member.#': ['object', 'opt'],
    'actor.member.#.mbox': ['mbox', 'req'],
    'actor.member.#.mbox_sha1sum': ['sha1', 'req'],
    'actor.member.#.name': ['string', 'opt'],
    ...prefixed('verb', verb),
    object: ['object', 'req'],
    'object.objectType': ['enum', 'req'],
    'object.actor': ['object', 'req'],
    'object.actor.openid': ['iri', 'req'],
    ...prefixed('object.verb', verb),
    'object.object': ['object', 'req'],
    'object.object.id': ['iri', 'req'],
    'object.object.definition': ['object', 'opt'],
    'object.object.definition.interactionType': ['enum', 'req'],
    'object.object.definition.scale': ['array', 'opt'],
    'object.object.definition.scale.#': ['object', 'opt'],
    'object.object.definition.scale.#.id': ['string', 'req'],
    ...prefixed('object.object.definition.scale.#.description', langmap('opt')),
    'object.result': ['object', 'opt'],
    'object.result.success': ['boolean', 'opt'],
    'object.result.duration': ['duration', 'opt'],
    'object.context': ['object', 'opt'],
    'object.context.platform': ['string', 'opt'],
    'object.context.revision': ['string', 'opt'],
    'object.timestamp': ['timestamp', 'opt'],
    context: ['object', 'opt'],
    'context.statement': ['object', 'opt'],
    'context.statement.objectType': ['enum', 'req'],
    'context.statement.id': ['uuid', 'req'],
    'context.team': ['object', 'opt'],
    'context.team.objectType': ['enum', 'req'],
    // The team is an Identified Group without members: its only IFI cannot go.
    'context.team.account': ['object', 'req'],
    'context.team.account.homePage': ['irl', 'req'],
    'context.team.account.name': ['string', 'req'],
    'context.contextActivities': ['object', 'opt'],
    // A single Activity where an array is usual: both forms are valid.
    ...prefixed('context.contextActivities.other', { ...simpleActivity, '': ['activityOrList', 'opt'] }),
  },
);

/** xAPI 2.0: identified group actor with members, Agent object, contextAgents and contextGroups. */
const version2 = build(
  'xAPI 2.0 context agents and groups',
  ['2.0'],
  {
    id: '0f8b8f4a-5c2e-4c1a-9a43-1a2b3c4d5e6f',
    actor: { objectType: 'Group', mbox: 'mailto:team-1@example.com', member: [{ objectType: 'Agent', mbox: 'mailto:p1@example.com' }] },
    verb: { id: 'http://example.com/coached' },
    object: { objectType: 'Agent', mbox: 'mailto:p2@example.com' },
    result: { score: { raw: 8, min: 0, max: 10 } },
    context: {
      contextAgents: [{ objectType: 'contextAgent', agent: { mbox: 'mailto:coach@example.com' }, relevantTypes: ['https://example.com/types/coach', 'https://example.com/types/staff'] }],
      contextGroups: [{ objectType: 'contextGroup', group: { objectType: 'Group', member: [{ mbox: 'mailto:p3@example.com' }] } }],
    },
    version: '2.0.0',
    timestamp: '2026-11-26T15:04:05.123456+02:00',
  },
  {
    id: ['uuid', 'opt'],
    actor: ['object', 'req'],
    'actor.objectType': ['enum', 'req'],
    // Members are present, so without its IFI the group is still a valid Anonymous Group.
    'actor.mbox': ['mbox', 'opt'],
    'actor.member': ['array', 'opt'],
    'actor.member.#': ['object', 'opt'],
    'actor.member.#.objectType': ['enum', 'opt'],
    'actor.member.#.mbox': ['mbox', 'req'],
    ...prefixed('verb', verb),
    object: ['object', 'req'],
    'object.objectType': ['enum', 'req'],
    'object.mbox': ['mbox', 'req'],
    result: ['object', 'opt'],
    'result.score': ['object', 'opt'],
    'result.score.raw': ['raw', 'opt'],
    'result.score.min': ['min', 'opt'],
    'result.score.max': ['max', 'opt'],
    context: ['object', 'opt'],
    'context.contextAgents': ['array', 'opt'],
    'context.contextAgents.#': ['object', 'opt'],
    'context.contextAgents.#.objectType': ['enum', 'req'],
    'context.contextAgents.#.agent': ['object', 'req'],
    'context.contextAgents.#.agent.mbox': ['mbox', 'req'],
    'context.contextAgents.#.relevantTypes': ['array', 'opt'],
    'context.contextAgents.#.relevantTypes.#': ['iri', 'opt'],
    'context.contextGroups': ['array', 'opt'],
    'context.contextGroups.#': ['object', 'opt'],
    'context.contextGroups.#.objectType': ['enum', 'req'],
    'context.contextGroups.#.group': ['object', 'req'],
    'context.contextGroups.#.group.objectType': ['enum', 'req'],
    'context.contextGroups.#.group.member': ['array', 'req'],
    'context.contextGroups.#.group.member.#': ['object', 'req'],
    'context.contextGroups.#.group.member.#.mbox': ['mbox', 'req'],
    version: ['version', 'opt'],
    timestamp: ['timestamp', 'opt'],
  },
);

/** A voiding statement: its object must stay a StatementRef. */
const voiding = build(
  'voiding statement',
  ['1.0', '2.0'],
  {
    actor: { mbox_sha1sum: 'cd9b00a5611f94eaa7b1661edab976068e364975' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } },
    object: { objectType: 'StatementRef', id: 'e05aa883-acaf-40ad-bf54-02c8ce485fb0' },
  },
  {
    actor: ['object', 'req'],
    'actor.mbox_sha1sum': ['sha1', 'req'],
    ...prefixed('verb', verb),
    object: ['object', 'req'],
    'object.objectType': ['enum', 'req'],
    'object.id': ['uuid', 'req'],
  },
);

export const BASES: readonly Base[] = [typical, subStatement, version2, voiding];
