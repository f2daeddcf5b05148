import { expect } from 'chai';
import request from 'supertest';
import fs from 'node:fs';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { EXTENSIONS, PROFILE_ID, VERBS } from '../../src/server/xapi/vocabulary.ts';

describe('xAPI profile', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('is served to anyone as JSON-LD at /xapi-profile, with every verb and extension', async () => {
    const res = await request(t.app).get('/xapi-profile');
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.match(/^application\/ld\+json/);
    const profile = JSON.parse(res.text) as { id: string; type: string; '@context': string; versions: unknown[]; concepts: Array<{ id: string; type: string; prefLabel: Record<string, string> }> };
    expect(profile).to.include({ id: PROFILE_ID, type: 'Profile', '@context': 'https://w3id.org/xapi/profiles/context' });
    expect(profile.versions).to.have.length(1);
    const byId = new Map(profile.concepts.map((c) => [c.id, c]));
    for (const verb of Object.values(VERBS)) expect(byId.get(verb.id)?.type, verb.id).to.equal('Verb');
    for (const iri of Object.values(EXTENSIONS)) expect(byId.get(iri)?.type, iri).to.match(/^(Context|Result)Extension$/);
    expect(byId.get(EXTENSIONS.competencies)?.type).to.equal('ContextExtension');
    expect(byId.get(EXTENSIONS.mood)?.type).to.equal('ResultExtension');
  });

  it('is documented in docs/xapi-profile.md, every verb and extension by its IRI', () => {
    const doc = fs.readFileSync('docs/xapi-profile.md', 'utf8');
    for (const verb of Object.values(VERBS).filter((v) => ['launched', 'experienced', 'answered', 'completed', 'passed'].includes(v.en))) expect(doc).to.contain(verb.id);
    for (const iri of Object.values(EXTENSIONS)) expect(doc).to.contain(iri.replace(`${PROFILE_ID}`, '…'));
  });
});
