/**
 * Fuzz-style: many mutated statements and bodies are POSTed. None may get a 5xx; a rejected one
 * leaves nothing behind; an accepted one reads back valid. Seeded, so a failure can be replayed
 * with LRS_FUZZ_SEED.
 */
import { expect } from 'chai';
import request from 'supertest';
import { validateStatement } from '../../../src/lrs/validation/index.ts';
import { createTestLrs, type TestLrs } from '../support/test-lrs.ts';
import { activity, agent, makeStatement, XAPI_1, XAPI_2, type JsonObject } from '../support/statements.ts';

/** Fixed, so that every run tries the same bodies; another seed through LRS_FUZZ_SEED. */
const SEED = Number(process.env.LRS_FUZZ_SEED ?? 20261203);
const ROUNDS = 300;

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const WEIRD: unknown[] = [null, 0, -1, 1.5, 1e309 === Infinity ? 1e308 : 0, '', ' ', 'x'.repeat(5000), 'mailto:', 'not an iri', 'http://ok.example/x', true, false, [], {}, [null], { objectType: 'Agent' }, '\u0000', '😀', '2026-13-45T99:99:99Z', 'P1Y2M', -0.5, 2];

function rich(): JsonObject {
  return makeStatement({
    actor: { ...agent(), name: 'Learner' },
    object: activity('http://lrs.test/q1', { name: { 'fr-FR': 'Question' }, interactionType: 'choice', correctResponsesPattern: ['a'], choices: [{ id: 'a', description: { fr: 'A' } }] }),
    result: { score: { scaled: 0.5, raw: 5, min: 0, max: 10 }, success: true, completion: true, duration: 'PT30S', extensions: { 'http://lrs.test/ext': 1 } },
    context: { registration: '6f1b8a5e-1d8e-4c6e-9c55-0d6b2f0c7a11', contextActivities: { parent: [activity('http://lrs.test/m1')] }, language: 'fr-FR' },
    timestamp: '2026-01-01T10:00:00.000Z',
  });
}

/** Walks to a random node and mutates it: drop, replace, add an unknown key, wrap, or retype. */
function mutate(value: JsonObject, random: () => number): JsonObject {
  const copy = JSON.parse(JSON.stringify(value)) as JsonObject;
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  let node: JsonObject = copy;
  for (let depth = 0; depth < 4; depth += 1) {
    const children = Object.entries(node).filter(([, v]) => typeof v === 'object' && v !== null && !Array.isArray(v));
    if (children.length === 0 || random() < 0.35) break;
    node = pick(children)[1] as JsonObject;
  }
  const keys = Object.keys(node);
  const key = keys.length > 0 ? pick(keys) : 'x';
  switch (Math.floor(random() * 5)) {
    case 0:
      delete node[key];
      break;
    case 1:
      node[key] = pick(WEIRD);
      break;
    case 2:
      node[pick(['unknownProperty', 'objectType', 'id', 'mbox', 'en', 'member'])] = pick(WEIRD);
      break;
    case 3:
      node[key] = [node[key]];
      break;
    default:
      node[key] = typeof node[key] === 'string' ? (node[key] as string).toUpperCase() + pick(['', ' ', ':', '#']) : String(node[key]);
  }
  return copy;
}

describe(`LRS fuzz: mutated statements never cause a 5xx nor store anything invalid (seed ${SEED})`, function () {
  this.timeout(120000);
  let t: TestLrs;
  before(async () => {
    t = await createTestLrs();
  });
  after(async () => {
    await t.close();
  });

  it(`posts ${ROUNDS} mutated statements`, async () => {
    const random = prng(SEED);
    let accepted = 0;
    let rejected = 0;
    for (let i = 0; i < ROUNDS; i += 1) {
      let statement = rich();
      const mutations = 1 + Math.floor(random() * 3);
      for (let m = 0; m < mutations; m += 1) statement = mutate(statement, random);
      const headers = random() < 0.5 ? XAPI_1 : XAPI_2;
      const res = await request(t.app).post('/xapi/statements').set(headers).set('Authorization', t.auth).send(statement);
      expect(res.status, `round ${i}: ${JSON.stringify(statement)} -> ${res.text}`).to.be.lessThan(500);
      const id = typeof statement.id === 'string' ? statement.id : undefined;
      if (res.status === 200) {
        accepted += 1;
        const storedId = (res.body as string[])[0];
        const stored = await t.lrs.service.getStatement(storedId);
        expect(stored, `round ${i}: accepted but not stored`).to.not.equal(null);
        const issues = validateStatement(stored, { version: headers === XAPI_1 ? '1.0' : '2.0' });
        expect(issues, `round ${i}: stored an invalid statement`).to.deep.equal([]);
      } else {
        rejected += 1;
        expect(res.status, `round ${i}: ${res.text}`).to.be.oneOf([400, 409]);
        if (id && /^[0-9a-f-]{36}$/i.test(id) && res.status === 400) {
          expect(await t.lrs.service.getStatement(id), `round ${i}: rejected but stored`).to.equal(null);
        }
      }
    }
    expect(t.errors).to.deep.equal([]);
    // both outcomes must occur, or the mutations are not testing anything
    expect(accepted).to.be.greaterThan(0);
    expect(rejected).to.be.greaterThan(ROUNDS / 4);
  });

  it('survives broken bodies, content types and parameters', async () => {
    const random = prng(SEED + 1);
    const good = JSON.stringify([rich()]);
    for (let i = 0; i < 100; i += 1) {
      const cut = Math.floor(random() * good.length);
      const body = random() < 0.5 ? good.slice(0, cut) : good.slice(0, cut) + String.fromCharCode(Math.floor(random() * 128)) + good.slice(cut + 1);
      const type = ['application/json', 'multipart/mixed; boundary=x', 'multipart/mixed', 'text/plain', 'application/x-www-form-urlencoded'][i % 5];
      const path = ['/xapi/statements', '/xapi/statements?method=PUT', '/xapi/statements?statementId=x', '/xapi/activities/state?agent=%7B', '/xapi/agents/profile?agent=%7B%22mbox%22%3A1%7D&profileId=p'][Math.floor(random() * 5)];
      const res = await request(t.app).post(path).set(XAPI_1).set('Authorization', t.auth).set('Content-Type', type).send(body);
      expect(res.status, `${path} ${type} ${body.slice(0, 200)} -> ${res.text}`).to.be.lessThan(500);
    }
    expect(t.errors).to.deep.equal([]);
  });
});
