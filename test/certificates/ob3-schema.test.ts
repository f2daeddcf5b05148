/**
 * Issued credentials validate against 1EdTech's published Open Badges 3.0 JSON Schema (the
 * AchievementCredential schema, copied in test/fixtures/ob3/ with its origin), with ajv.
 */
import fs from 'node:fs';
import { expect } from 'chai';
import { Ajv2019 } from 'ajv/dist/2019.js';
import formats from 'ajv-formats';
import { decodeJwt } from 'jose';
import { certificateWorld, readyToIssue, type CertificateWorld } from './world.ts';

const SCHEMA = JSON.parse(fs.readFileSync('test/fixtures/ob3/ob_v3p0_achievementcredential_schema.json', 'utf8')) as Record<string, unknown>;

function validator() {
  // strict: false because the published schema uses keywords ajv's strict mode frowns on
  // ($comment next to $ref, tuple `items`); the schema is taken as published, not edited.
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its default export is the plugin.
  (formats as unknown as { default: (a: Ajv2019) => void }).default(ajv);
  return ajv.compile(SCHEMA);
}

describe('certificates: issued credentials validate against the OB 3.0 JSON Schema', function () {
  this.timeout(120_000);
  let w: CertificateWorld;
  let credential: Record<string, unknown>;

  before(async () => {
    w = await certificateWorld();
    await readyToIssue(w);
    const record = await w.t.ctx.certificates.issuing.issue(w.learner.id, w.trainer.id);
    credential = decodeJwt(record.credentialJwt as string) as Record<string, unknown>;
  });
  after(() => w.close());

  it('is the published schema (draft 2019-09, VC 2.0 validFrom)', () => {
    expect(SCHEMA.$schema).to.equal('https://json-schema.org/draft/2019-09/schema#');
    expect(SCHEMA.required).to.deep.equal(['@context', 'id', 'type', 'credentialSubject', 'issuer', 'validFrom']);
  });

  it('the issued VC-JWT payload is a valid AchievementCredential, status entry and schema reference included', () => {
    const validate = validator();
    const valid = validate(credential);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).to.deep.equal([]);
    expect(valid).to.equal(true);
    expect((credential.credentialStatus as { type: string }).type).to.equal('BitstringStatusListEntry');
    expect(credential.credentialSchema).to.deep.equal([
      { id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json', type: '1EdTechJsonSchemaValidator2019' },
    ]);
  });

  it('the validator does refuse what the schema forbids (so the check above can fail)', () => {
    const validate = validator();
    const subject = credential.credentialSubject as { achievement: Record<string, unknown>; identifier: Array<Record<string, unknown>> };
    const withoutCriteria = { ...credential, credentialSubject: { ...subject, achievement: { ...subject.achievement, criteria: undefined } } };
    expect(validate(JSON.parse(JSON.stringify(withoutCriteria)))).to.equal(false);
    const badContext = { ...credential, '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] };
    expect(validate(badContext)).to.equal(false);
    const badDate = { ...credential, validFrom: '26/11/2026' };
    expect(validate(badDate)).to.equal(false);
    const badIdentity = { ...credential, credentialSubject: { ...subject, identifier: [{ ...subject.identifier[0], identityType: 'shoe size' }] } };
    expect(validate(badIdentity)).to.equal(false);
  });
});
