/**
 * The verification bundle leaves the intranet on removable media and its content ends up on a
 * public server: it must hold the listed fields and nothing else about the learner. The bundle
 * is read back (payload and status list) and searched for what must never be in it.
 */
import { expect } from 'chai';
import { decodeJwt } from 'jose';
import type { CertificateRecord } from '../../src/server/certificates/registry.repository.ts';
import { payloadOf } from './bundle-fixtures.ts';
import { APPRAISAL, certificateWorld, ORGANISATION, readyToIssue, type CertificateWorld } from './world.ts';

const REASON = 'transfert vers le centre pénitentiaire de Meaux, détenu n° 41237';

describe('verification bundle: no learner data beyond the listed fields', function () {
  this.timeout(120_000);
  let w: CertificateWorld;
  let record: CertificateRecord;
  let text: string;

  before(async () => {
    w = await certificateWorld();
    await w.t.ctx.certificates.organisation.save({ ...ORGANISATION, showBirthDate: true });
    await w.t.ctx.certificates.release.setBirthDate(w.learner.id, '1994-05-17', w.admin.id);
    await readyToIssue(w);
    record = await w.t.ctx.certificates.issuing.issue(w.learner.id, w.trainer.id);
    await w.t.ctx.certificates.issuing.revoke(record.id, REASON);
    text = (await w.t.ctx.certificates.bundles.exporter.export()).text;
  });
  after(() => w.close());

  it('has exactly the listed fields, at every level', () => {
    const p = payloadOf(text);
    expect(Object.keys(p).sort()).to.deep.equal(['certificates', 'issuedAt', 'issuer', 'jwks', 'sequence', 'statusList', 'type', 'version']);
    expect(Object.keys(p.issuer as object).sort()).to.deep.equal(['@context', 'address', 'id', 'name', 'type', 'url', 'verificationMethod']);
    expect(Object.keys(p.statusList as object).sort()).to.deep.equal(['credential', 'url', 'validFrom', 'validUntil']);
    expect(p.certificates).to.have.length(1);
    const entry = p.certificates[0] as Record<string, unknown>;
    expect(Object.keys(entry).sort()).to.deep.equal([
      'attendanceHours', 'code', 'competencies', 'credentialSha256', 'id', 'initials', 'issueDate', 'issuedAt', 'leavingDate', 'pdfSha256', 'statusIndex', 'timeOnTaskHours', 'training',
    ]);
    expect(Object.keys(entry.training as object).sort()).to.deep.equal(['periodEnd', 'periodStart', 'reference', 'title']);
    for (const c of entry.competencies as object[]) expect(Object.keys(c).sort()).to.deep.equal(['block', 'code', 'label', 'level']);
    expect(entry.initials).to.equal('J.M.');
    expect(entry.id).to.equal(record.id);
    const keys = (p.jwks as { keys: Array<Record<string, unknown>> }).keys;
    expect(keys.map((k) => Object.keys(k).sort())).to.deep.equal([['alg', 'crv', 'kid', 'kty', 'use', 'x']]);
  });

  it('holds no name, login, id, birth date, appraisal, place or revocation reason', () => {
    const p = payloadOf(text);
    const list = JSON.stringify(decodeJwt((p.statusList as { credential: string }).credential));
    const everything = `${JSON.stringify(p)}\n${list}`;
    const forbidden = [
      'Julien', 'Martin', 'julien', w.learner.id, w.trainer.id, w.admin.id, w.cohortId, 'Karim',
      '1994-05-17', 'Meaux', '41237', 'détenu', 'pénitentiaire', 'Corbas', APPRAISAL[0]?.text as string, 'Observation sur',
      'identityHash', 'sha256$',
    ];
    for (const word of forbidden) expect(everything, word).not.to.contain(word);
  });
});
