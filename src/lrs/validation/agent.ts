/**
 * Agents, Groups and their Inverse Functional Identifiers (mbox, mbox_sha1sum, openid, account).
 * An Agent has exactly one IFI; an Identified Group exactly one, an Anonymous Group none but a
 * non-empty member list; members are Agents, never Groups.
 */
import { describe, isObject, quote, type JsonObject } from './json.ts';
import { checkIri, checkIrl } from './iri.ts';
import { indexPath } from './path.ts';
import { checkArray, checkString } from './primitives.ts';
import { fail, type Report } from './report.ts';
import { checkKeys } from './strict-keys.ts';

const AGENT_KEYS: ReadonlySet<string> = new Set(['objectType', 'name', 'mbox', 'mbox_sha1sum', 'openid', 'account']);
const GROUP_KEYS: ReadonlySet<string> = new Set([...AGENT_KEYS, 'member']);
const ACCOUNT_KEYS: ReadonlySet<string> = new Set(['homePage', 'name']);
const IFI_NAMES = 'mbox, mbox_sha1sum, openid or account';

const MBOX = /^mailto:[^@\s<>"()\[\]\\,;:]+@[^@\s<>"()\[\]\\,;:]+$/;
const SHA1_HEX = /^[0-9a-fA-F]{40}$/;

/** Validates whichever IFIs are present and returns how many there are. */
function checkIfis(report: Report, object: JsonObject, path: string): number {
  let count = 0;
  if (object.mbox !== undefined) {
    count++;
    const mbox = object.mbox;
    if (checkString(report, mbox, `${path}.mbox`) && !MBOX.test(mbox)) {
      fail(report, `${path}.mbox`, `must be a "mailto:" IRI with an email address, such as "mailto:name@example.com", not ${quote(mbox)}`);
    }
  }
  if (object.mbox_sha1sum !== undefined) {
    count++;
    const sum = object.mbox_sha1sum;
    if (checkString(report, sum, `${path}.mbox_sha1sum`) && !SHA1_HEX.test(sum)) {
      fail(report, `${path}.mbox_sha1sum`, `must be the SHA-1 of a mailto IRI as 40 hexadecimal digits, not ${quote(sum)}`);
    }
  }
  if (object.openid !== undefined) {
    count++;
    checkIri(report, object.openid, `${path}.openid`);
  }
  if (object.account !== undefined) {
    count++;
    checkAccount(report, object.account, `${path}.account`);
  }
  return count;
}

function checkAccount(report: Report, value: unknown, path: string): void {
  if (!isObject(value)) {
    fail(report, path, `must be an account object {"homePage": IRL, "name": string}, not ${describe(value)}`);
    return;
  }
  checkKeys(report, value, ACCOUNT_KEYS, path, 'an account');
  if (value.homePage === undefined) fail(report, `${path}.homePage`, 'is required in an account');
  else checkIrl(report, value.homePage, `${path}.homePage`);
  if (value.name === undefined) fail(report, `${path}.name`, 'is required in an account');
  else checkString(report, value.name, `${path}.name`);
}

function checkName(report: Report, object: JsonObject, path: string): void {
  if (object.name !== undefined) checkString(report, object.name, `${path}.name`);
}

/** An Agent; `objectType` may be omitted unless the caller (statement object) requires it. */
export function checkAgent(report: Report, value: unknown, path: string, objectTypeRequired = false): void {
  if (!isObject(value)) {
    fail(report, path, `must be an Agent object, not ${describe(value)}`);
    return;
  }
  checkKeys(report, value, AGENT_KEYS, path, 'an Agent');
  const objectType = value.objectType;
  if (objectType === undefined) {
    if (objectTypeRequired) fail(report, `${path}.objectType`, 'is required ("Agent") when an Agent is the object of a statement');
  } else if (objectType !== 'Agent') {
    fail(report, `${path}.objectType`, `must be "Agent" here, not ${describe(objectType)}`);
  }
  checkName(report, value, path);
  const ifis = checkIfis(report, value, path);
  if (ifis === 0) fail(report, path, `an Agent must have exactly one identifier (${IFI_NAMES}); it has none`);
  else if (ifis > 1) fail(report, path, `an Agent must have exactly one identifier (${IFI_NAMES}); it has ${ifis}`);
}

/** A Group, identified (one IFI, optional members) or anonymous (no IFI, at least one member). */
export function checkGroup(report: Report, value: unknown, path: string): void {
  if (!isObject(value)) {
    fail(report, path, `must be a Group object, not ${describe(value)}`);
    return;
  }
  checkKeys(report, value, GROUP_KEYS, path, 'a Group');
  if (value.objectType !== 'Group') {
    fail(report, `${path}.objectType`, value.objectType === undefined ? 'is required and must be "Group" for a Group' : `must be "Group", not ${describe(value.objectType)}`);
  }
  checkName(report, value, path);
  const ifis = checkIfis(report, value, path);
  if (ifis > 1) fail(report, path, `an Identified Group must have exactly one identifier (${IFI_NAMES}); it has ${ifis}`);
  const member = value.member;
  if (member === undefined) {
    if (ifis === 0) fail(report, `${path}.member`, 'is required in an Anonymous Group (a Group without mbox, mbox_sha1sum, openid or account)');
    return;
  }
  if (!checkArray(report, member, `${path}.member`)) return;
  if (ifis === 0 && member.length === 0) fail(report, `${path}.member`, 'must list at least one Agent in an Anonymous Group');
  for (let i = 0; i < member.length; i++) checkMember(report, member[i], indexPath(`${path}.member`, i));
}

function checkMember(report: Report, value: unknown, path: string): void {
  if (isObject(value) && value.objectType === 'Group') {
    fail(report, `${path}.objectType`, 'a Group member must be an Agent: Groups cannot contain Groups');
    return;
  }
  checkAgent(report, value, path);
}

/** An actor-like value (actor, instructor, member of context): an Agent or a Group by objectType. */
export function checkAgentOrGroup(report: Report, value: unknown, path: string): void {
  if (isObject(value) && value.objectType === 'Group') checkGroup(report, value, path);
  else if (isObject(value) && value.objectType !== undefined && value.objectType !== 'Agent') {
    fail(report, `${path}.objectType`, `must be "Agent" or "Group", not ${describe(value.objectType)}`);
  } else checkAgent(report, value, path);
}

/**
 * The authority: an Agent, or (3-legged OAuth) an anonymous Group of exactly two Agents, one of
 * them the OAuth consumer identified by an account.
 */
export function checkAuthority(report: Report, value: unknown, path: string): void {
  if (!isObject(value) || value.objectType !== 'Group') {
    checkAgentOrGroup(report, value, path);
    return;
  }
  checkGroup(report, value, path);
  const identified = value.mbox !== undefined || value.mbox_sha1sum !== undefined || value.openid !== undefined || value.account !== undefined;
  if (identified) fail(report, path, 'a Group authority must be an Anonymous Group (no mbox, mbox_sha1sum, openid or account) of an OAuth consumer and a user');
  const member = value.member;
  if (!Array.isArray(member)) return; // already reported by checkGroup
  if (member.length !== 2) {
    fail(report, `${path}.member`, `a Group authority must have exactly two Agents (OAuth consumer and user), not ${member.length}`);
  } else if (!member.some((agent) => isObject(agent) && agent.account !== undefined)) {
    fail(report, `${path}.member`, 'a Group authority must include the OAuth consumer as an Agent identified by an account');
  }
}
