/**
 * Fuzz-style test: thousands of seeded mutations of valid statements. The validator must never
 * throw, must reject every mutation the oracle (fuzz/bases.ts tables + fuzz/mutations.ts) says is
 * invalid, with an issue inside the mutated object, and must accept every one it says is valid.
 */
import { expect } from 'chai';
import { validateStatement, type ValidationIssue } from '../../../src/lrs/validation/index.ts';
import { BASES, type Base } from './fuzz/bases.ts';
import { collectNodes, junk, mutate, type FuzzNode } from './fuzz/mutations.ts';
import { seededRandom } from './fuzz/prng.ts';

const SEED = 20261126;
const SINGLE_MUTATIONS = 12000;
const MULTI_MUTATIONS = 1500;

type Version = '1.0' | '2.0';

function validate(statement: unknown, version: Version): ValidationIssue[] {
  const issues = validateStatement(statement, { version }); // a throw fails the test by itself
  const crashed = issues.find((issue) => issue.rule.startsWith('could not be validated'));
  if (crashed) throw new Error(`validator crashed internally: ${crashed.rule}`);
  return issues;
}

const clone = (base: Base): Record<string, unknown> => structuredClone(base.statement);
const isInside = (issue: ValidationIssue, parentPath: string): boolean =>
  issue.path === parentPath || issue.path.startsWith(`${parentPath}.`) || issue.path.startsWith(`${parentPath}[`);

function isAncestorOrSame(a: FuzzNode, b: FuzzNode): boolean {
  return a.path.length <= b.path.length && a.path.every((segment, i) => segment === b.path[i]);
}

describe('lrs validation: fuzz (seeded mutations of valid statements)', function () {
  this.timeout(60_000); // thousands of validations; slow only on a loaded machine
  it('starts from valid base statements whose every node the oracle describes', () => {
    for (const base of BASES) {
      for (const version of base.versions) expect(validate(clone(base), version), `${base.name} in ${version}`).to.deep.equal([]);
      expect(collectNodes(base, clone(base)).length).to.be.greaterThan(5);
    }
  });

  it(`gives the oracle's verdict on ${SINGLE_MUTATIONS} single mutations`, () => {
    const random = seededRandom(SEED);
    const failures: string[] = [];
    let invalidCount = 0;
    let validCount = 0;
    // Every (base, version, node) in turn, so each node gets dozens of random mutations.
    const targets = BASES.flatMap((base) => base.versions.flatMap((version) => collectNodes(base, clone(base)).map((_, index) => ({ base, version, index }))));
    for (let i = 0; i < SINGLE_MUTATIONS; i++) {
      const { base, version, index } = targets[i % targets.length] as (typeof targets)[number];
      const statement = clone(base);
      const node = collectNodes(base, statement)[index] as FuzzNode;
      const mutation = mutate(node, random);
      if (mutation === undefined) continue;
      const issues = validate(statement, version);
      if (mutation.invalid) {
        invalidCount++;
        if (issues.length === 0) failures.push(`accepted: ${mutation.description} (${base.name}, ${version})`);
        else if (!issues.some((issue) => isInside(issue, mutation.parentPath))) {
          failures.push(`rejected elsewhere: ${mutation.description} (${base.name}, ${version}): ${JSON.stringify(issues)}`);
        }
      } else {
        validCount++;
        if (issues.length > 0) failures.push(`rejected a valid change: ${mutation.description} (${base.name}, ${version}): ${JSON.stringify(issues)}`);
      }
    }
    expect(failures.slice(0, 15), `${failures.length} failures`).to.deep.equal([]);
    expect(invalidCount).to.be.greaterThan(SINGLE_MUTATIONS * 0.4);
    expect(validCount).to.be.greaterThan(SINGLE_MUTATIONS * 0.1);
  });

  it(`rejects ${MULTI_MUTATIONS} statements carrying several invalid mutations at once`, () => {
    const random = seededRandom(SEED + 1);
    const failures: string[] = [];
    for (let i = 0; i < MULTI_MUTATIONS; i++) {
      const base = random.pick(BASES);
      const version = random.pick(base.versions);
      const statement = clone(base);
      const nodes = collectNodes(base, statement);
      const chosen: FuzzNode[] = [];
      const wanted = 2 + random.int(3);
      for (let tries = 0; tries < 50 && chosen.length < wanted; tries++) {
        const node = random.pick(nodes);
        // Disjoint nodes only, and never two array elements of one array (indices would shift).
        if (chosen.some((other) => isAncestorOrSame(other, node) || isAncestorOrSame(node, other) || (other.parent === node.parent && Array.isArray(node.parent)))) continue;
        chosen.push(node);
      }
      const applied = chosen.map((node) => mutate(node, random, true)).filter((m) => m !== undefined);
      if (applied.length === 0) continue;
      if (validate(statement, version).length === 0) failures.push(`accepted: ${applied.map((m) => m.description).join(' + ')} (${base.name}, ${version})`);
    }
    expect(failures.slice(0, 15), `${failures.length} failures`).to.deep.equal([]);
  });

  describe('cross-property rules', () => {
    const typical = BASES[0] as Base;
    const subStatement = BASES[1] as Base;
    const voiding = BASES[3] as Base;
    type Case = [string, Base, (s: Record<string, any>) => void, Record<Version, string | null>];
    // Last element: per version, the path an issue must be at (null = must be valid).
    const cases: Case[] = [
      ['voiding an Activity', voiding, (s) => { s.object = { id: 'http://example.com/a' }; }, { '1.0': 'statement.object', '2.0': 'statement.object' }],
      ['platform with an Agent object', typical, (s) => { s.object = { objectType: 'Agent', mbox: 'mailto:x@example.com' }; }, { '1.0': 'statement.context.platform', '2.0': 'statement.context.platform' }],
      ['id in a SubStatement', subStatement, (s) => { s.object.id = '6fa459ea-ee8a-3ca4-894e-db77e160355e'; }, { '1.0': 'statement.object.id', '2.0': 'statement.object.id' }],
      ['authority in a SubStatement', subStatement, (s) => { s.object.authority = { mbox: 'mailto:a@b.c' }; }, { '1.0': 'statement.object.authority', '2.0': 'statement.object.authority' }],
      ['nested SubStatement', subStatement, (s) => { s.object.object = { ...structuredClone(s.object), context: undefined }; }, { '1.0': 'statement.object.object.objectType', '2.0': 'statement.object.object.objectType' }],
      ['contextAgents', typical, (s) => { s.context.contextAgents = [{ objectType: 'contextAgent', agent: { mbox: 'mailto:c@example.com' } }]; }, { '1.0': 'statement.context.contextAgents', '2.0': null }],
      ['version 2.0.0', typical, (s) => { s.version = '2.0.0'; }, { '1.0': 'statement.version', '2.0': null }],
      ['timestamp without time zone', typical, (s) => { s.timestamp = '2026-11-26T15:04:05.123'; }, { '1.0': null, '2.0': 'statement.timestamp' }],
      ['authority group of three', typical, (s) => { s.authority = { objectType: 'Group', member: [{ account: { homePage: 'http://x.y', name: 'app' } }, { mbox: 'mailto:a@b.c' }, { mbox: 'mailto:d@b.c' }] }; }, { '1.0': 'statement.authority.member', '2.0': 'statement.authority.member' }],
      ['OAuth authority group', typical, (s) => { s.authority = { objectType: 'Group', member: [{ account: { homePage: 'http://x.y', name: 'app' } }, { mbox: 'mailto:a@b.c' }] }; }, { '1.0': null, '2.0': null }],
      ['min equal to max', typical, (s) => { s.result.score = { min: 5, max: 5 }; }, { '1.0': 'statement.result.score.min', '2.0': 'statement.result.score.min' }],
      ['group with two IFIs', subStatement, (s) => { s.actor.mbox = 'mailto:g@b.c'; s.actor.openid = 'http://openid.example.org/g'; }, { '1.0': 'statement.actor', '2.0': 'statement.actor' }],
      ['two IFIs', typical, (s) => { s.actor.mbox = 'mailto:a@b.c'; }, { '1.0': 'statement.actor', '2.0': 'statement.actor' }],
      ['likert with choices', typical, (s) => { s.object.definition.interactionType = 'likert'; }, { '1.0': 'statement.object.definition.choices', '2.0': 'statement.object.definition.choices' }],
      ['sequencing with choices', typical, (s) => { s.object.definition.interactionType = 'sequencing'; }, { '1.0': null, '2.0': null }],
      ['duplicate choice ids', typical, (s) => { s.object.definition.choices[1].id = 'bonjour'; }, { '1.0': 'statement.object.definition.choices[1].id', '2.0': 'statement.object.definition.choices[1].id' }],
      ['team as an Agent', typical, (s) => { s.context.team = { objectType: 'Agent', mbox: 'mailto:a@b.c' }; }, { '1.0': 'statement.context.team.objectType', '2.0': 'statement.context.team.objectType' }],
      ['Group inside a Group', subStatement, (s) => { s.actor.member.push({ objectType: 'Group', mbox: 'mailto:g@b.c' }); }, { '1.0': 'statement.actor.member[2].objectType', '2.0': 'statement.actor.member[2].objectType' }],
      ['single context activity', typical, (s) => { s.context.contextActivities.parent = { id: 'http://example.com/p' }; }, { '1.0': null, '2.0': null }],
      ['voided verb kept with a StatementRef', voiding, (s) => { s.verb.display = { fr: 'a annulé' }; }, { '1.0': null, '2.0': null }],
    ];
    for (const [name, base, change, expected] of cases) {
      it(name, () => {
        for (const version of ['1.0', '2.0'] as const) {
          const statement = clone(base);
          change(statement);
          const issues = validate(statement, version);
          const path = expected[version];
          if (path === null) expect(issues, `${name} in ${version}`).to.deep.equal([]);
          else expect(issues.map((issue) => issue.path), `${name} in ${version}`).to.include(path);
        }
      });
    }
  });

  it('never throws on arbitrary JSON, deep nesting included', () => {
    const random = seededRandom(SEED + 2);
    for (let i = 0; i < 2000; i++) {
      const value = junk(random, random.int(60));
      for (const version of ['1.0', '2.0'] as const) expect(validate(value, version).length).to.be.greaterThan(0);
    }
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = { actor: deep };
    expect(validate(deep, '1.0').length).to.be.greaterThan(0);
  });
});
