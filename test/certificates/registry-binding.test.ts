/**
 * What the registry binds to each certificate at issue (issue 12): a status list index, a random
 * public code, the SHA-256 of the PDF and of the credential, the "earned" statement; and the
 * database constraints behind them (issue 11), checked by writing rows the service never would.
 */
import crypto from 'node:crypto';
import { expect } from 'chai';
import { decodeJwt } from 'jose';
import request from 'supertest';
import type { CertificateRecord } from '../../src/server/certificates/registry.repository.ts';
import { decodeStatusBits, statusBitAt } from '../../src/server/certificates/status-list.ts';
import { isUniqueViolation } from '../../src/server/db/unique-violation.ts';
import { statementsOf } from '../learning/helpers.ts';
import { certificateWorld, ORGANISATION, readyToIssue, type CertificateWorld } from './world.ts';
import { anyTable } from '../helpers/database.ts';

const VERIFY = 'https://verifier.example.org';
const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');

async function statusBit(w: CertificateWorld, index: number): Promise<{ bit: boolean; claims: Record<string, unknown> }> {
  const res = await request(w.t.app).get('/status/1').expect(200);
  expect(res.headers['content-type']).to.contain('application/vc+jwt');
  const claims = decodeJwt(res.text) as Record<string, unknown>;
  const subject = claims.credentialSubject as { encodedList: string };
  return { bit: statusBitAt(decodeStatusBits(subject.encodedList), index), claims };
}

describe('certificates: what the registry binds at issue', function () {
  this.timeout(120_000);
  let w: CertificateWorld;
  let record: CertificateRecord;

  before(async () => {
    w = await certificateWorld({ play: false });
    await w.t.ctx.certificates.organisation.save({ ...ORGANISATION, verifyBaseUrl: VERIFY });
    await readyToIssue(w);
    record = await w.t.ctx.certificates.issuing.issue(w.learner.id, w.trainer.id);
  });
  after(() => w.close());

  it('gives each certificate a status index, a random code and the hashes of its PDF and credential', async () => {
    expect(record.statusIndex).to.be.a('number').within(0, 131_071);
    expect(record.verificationCode).to.match(/^TRP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(record.credentialSha256).to.equal(sha256(record.credentialJwt as string));
    const pdf = await w.t.ctx.certificates.issuing.pdf(record);
    expect(record.pdfSha256).to.equal(sha256(pdf));
    // Downloads give the issued bytes, every time.
    expect(sha256(await w.t.ctx.certificates.issuing.pdf(record))).to.equal(record.pdfSha256);
  });

  it('puts a BitstringStatusListEntry for revocation in the credential, under the verify base', () => {
    const claims = decodeJwt(record.credentialJwt as string) as Record<string, unknown>;
    expect(claims.credentialStatus).to.deep.equal({
      id: `${VERIFY}/status/1#${record.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(record.statusIndex),
      statusListCredential: `${VERIFY}/status/1`,
    });
  });

  it('stores one "earned" statement with the certificate', async () => {
    const earned = (await statementsOf(w.t, w.learner.id)).filter((s) => (s.verb as { id: string }).id === 'http://id.tincanapi.com/verb/earned');
    expect(earned).to.have.length(1);
    expect((earned[0]?.object as { id: string }).id).to.equal(`http://tremplin.test/xapi/activities/certificates/${record.id}`);
  });

  it('serves the signed status list at /status/1: the bit is 0 while valid and 1 once revoked', async () => {
    const index = record.statusIndex as number;
    const before = await statusBit(w, index);
    expect(before.bit).to.equal(false);
    expect(before.claims).to.include({ iss: `${VERIFY}/issuer`, id: `${VERIFY}/status/1` });
    expect(Number(before.claims.exp) - Number(before.claims.nbf)).to.equal(24 * 3600);
    await w.t.ctx.certificates.issuing.revoke(record.id, 'erreur de saisie');
    expect((await statusBit(w, index)).bit).to.equal(true);
  });

  it('the database refuses a second valid certificate for a learner, a status index or a code given twice', async () => {
    const db = anyTable(w.t.ctx.database);
    const row = (await db.selectFrom('certificates').selectAll().where('id', '=', record.id).executeTakeFirstOrThrow()) as Record<string, unknown>;
    const copy = (changes: Record<string, unknown>) => ({ ...row, id: crypto.randomUUID(), number: `X-${crypto.randomUUID()}`, seq: Number(row.seq) + 100, status_index: 131_000, verification_code: 'TRP-ZZZZ-ZZZZ', ...changes });
    // The certificate was revoked above: a new valid one is allowed, a second one is not.
    await db.insertInto('certificates').values(copy({ status: 'valid' })).execute();
    let refused: unknown = null;
    await db.insertInto('certificates').values(copy({ status: 'valid', seq: Number(row.seq) + 101, status_index: 131_001, verification_code: 'TRP-YYYY-YYYY' })).execute().catch((e: unknown) => (refused = e));
    expect(isUniqueViolation(refused), `second valid certificate: ${String(refused)}`).to.equal(true);
    for (const changes of [{ status_index: row.status_index }, { verification_code: row.verification_code }]) {
      refused = null;
      await db.insertInto('certificates').values(copy({ status: 'revoked', seq: Number(row.seq) + 102, status_index: 131_002, verification_code: 'TRP-XXXX-XXXX', ...changes })).execute().catch((e: unknown) => (refused = e));
      expect(isUniqueViolation(refused), `${JSON.stringify(changes)}: ${String(refused)}`).to.equal(true);
    }
    const valid = await db.selectFrom('certificates').select('id').where('user_id', '=', w.learner.id).where('status', '=', 'valid').execute();
    expect(valid).to.have.length(1);
  });
});
