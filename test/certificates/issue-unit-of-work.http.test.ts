/**
 * Issue 11 for certificates: issuing and re-issuing are one unit of work (registry row, status
 * index, hashes, PDF, "earned" statement), idempotent under parallel double submits, and the
 * database keeps one valid certificate per learner. Posts go through the real app (supertest).
 */
import { expect } from 'chai';
import { v5 as uuidv5 } from 'uuid';
import type request from 'supertest';
import { reissuedCertificateId } from '../../src/server/certificates/issuing.service.ts';
import { cheerio, csrfFrom, loginAs } from '../helpers/app.ts';
import { statementsOf } from '../learning/helpers.ts';
import { certificateWorld, readyToIssue, type CertificateWorld } from './world.ts';
import { inParallel } from '../helpers/parallel.ts';

const PARALLEL = 20;
const EARNED = 'http://id.tincanapi.com/verb/earned';

/** The issue form's fields as the review page renders them (hidden key, CSRF, the thin-evidence box ticked). */
async function issueForm(agent: request.Agent, userId: string): Promise<Record<string, string>> {
  const $ = cheerio.load((await agent.get(`/trainer/release/${userId}`).expect(200)).text);
  const form = $(`form[action="/trainer/release/${userId}/issue"]`);
  expect(form.length, 'issue form').to.equal(1);
  const fields: Record<string, string> = {};
  form.find('input').each((_, el) => {
    const input = $(el);
    fields[input.attr('name') as string] = input.attr('type') === 'checkbox' ? 'on' : String(input.val());
  });
  return fields;
}

async function rows(w: CertificateWorld) {
  const db = w.t.ctx.database.db;
  const certificates = (await db.selectFrom('certificates').select(['id', 'status', 'replaced_by', 'status_index', 'verification_code']).where('user_id', '=', w.learner.id).execute()) as Array<{
    id: string;
    status: string;
    replaced_by: string | null;
  }>;
  const pdfs = await db.selectFrom('certificate_pdfs').select('certificate_id').execute();
  const earned = (await statementsOf(w.t, w.learner.id)).filter((s) => (s.verb as { id: string }).id === EARNED);
  return { certificates, pdfs, earned };
}

describe('certificates: issue and re-issue as one unit of work', function () {
  this.timeout(180_000);
  let w: CertificateWorld;
  let trainer: request.Agent;

  beforeEach(async () => {
    w = await certificateWorld();
    await readyToIssue(w);
    trainer = await loginAs(w.t.app, 'karim');
  });
  afterEach(() => w.close());

  it('20 parallel submits of one issue form give one certificate, one PDF and one "earned" statement, and answer alike', async () => {
    const form = await issueForm(trainer, w.learner.id);
    expect(form.issueKey).to.match(/^[0-9a-f-]{36}$/);
    const results = await inParallel(PARALLEL, () => trainer.post(`/trainer/release/${w.learner.id}/issue`).type('form').send(form));
    expect(results.map((r) => r.status)).to.deep.equal(Array(PARALLEL).fill(303));
    expect(new Set(results.map((r) => r.headers.location))).to.deep.equal(new Set([`/trainer/release/${w.learner.id}?done=issued`]));
    const after = await rows(w);
    expect(after.certificates).to.have.length(1);
    expect(after.certificates[0]?.status).to.equal('valid');
    expect(after.pdfs.map((p) => p.certificate_id)).to.deep.equal([after.certificates[0]?.id]);
    expect(after.earned).to.have.length(1);
  });

  it('parallel issues without the form key (a tampered form) still give one certificate; the others get the translated 409, never a 500', async () => {
    const { issueKey: _dropped, ...form } = await issueForm(trainer, w.learner.id);
    const results = await inParallel(8, () => trainer.post(`/trainer/release/${w.learner.id}/issue`).type('form').send(form));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 303)).to.have.length(1);
    expect(statuses.filter((s) => s === 409)).to.have.length(7);
    for (const refused of results.filter((r) => r.status === 409)) {
      expect(cheerio.load(refused.text)('.alert-error').text()).to.contain('Une attestation valide existe déjà');
    }
    const after = await rows(w);
    expect(after.certificates).to.have.length(1);
    expect(after.pdfs).to.have.length(1);
    expect(after.earned).to.have.length(1);
  });

  it('20 parallel re-issues give one replacement: the old one replaced by it, one new "earned" statement, every post answered alike', async () => {
    const old = await w.t.ctx.certificates.issuing.issue(w.learner.id, w.trainer.id);
    const csrf = await csrfFrom(trainer, `/admin/certificates/${old.id}`);
    const results = await inParallel(PARALLEL, () => trainer.post(`/admin/certificates/${old.id}/reissue`).type('form').send({ _csrf: csrf }));
    expect(results.map((r) => r.status)).to.deep.equal(Array(PARALLEL).fill(303));
    const locations = new Set(results.map((r) => r.headers.location));
    expect(locations.size).to.equal(1);
    const after = await rows(w);
    expect(after.certificates).to.have.length(2);
    const fresh = after.certificates.find((c) => c.id !== old.id);
    expect(locations).to.deep.equal(new Set([`/admin/certificates/${fresh?.id}`]));
    expect(after.certificates.find((c) => c.id === old.id)).to.include({ status: 'replaced', replaced_by: fresh?.id });
    expect(fresh?.status).to.equal('valid');
    expect(after.pdfs).to.have.length(2);
    expect(after.earned).to.have.length(2);
    const replacing = after.earned.find((s) => (s.object as { id: string }).id.endsWith(fresh?.id as string));
    expect((replacing?.context as { extensions: Record<string, string> }).extensions['https://tremplin.fr/xapi/profile/extensions/replaces']).to.equal(
      `http://tremplin.test/xapi/activities/certificates/${old.id}`,
    );
  });

  it('a re-issue whose statement cannot be stored changes nothing: the old certificate stays valid, no new row, no PDF', async () => {
    const old = await w.t.ctx.certificates.issuing.issue(w.learner.id, w.trainer.id);
    // The statement id the re-issue will use, already taken by a different statement: the LRS refuses it inside the transaction.
    const newId = reissuedCertificateId(old.id);
    const [first] = (await rows(w)).earned;
    await w.t.ctx.lrs.service.storeStatements([{ ...first, id: uuidv5('earned', newId), stored: undefined, authority: undefined, version: undefined, timestamp: '2026-01-01T00:00:00.000Z' }]);
    let failure: unknown = null;
    await w.t.ctx.certificates.issuing.reissue(old.id, w.trainer.id).catch((e: unknown) => (failure = e));
    expect(failure, 'the re-issue failed').to.not.equal(null);
    const after = await rows(w);
    expect(after.certificates).to.deep.equal([{ id: old.id, status: 'valid', replaced_by: null, status_index: old.statusIndex, verification_code: old.verificationCode }]);
    expect(after.pdfs.map((p) => p.certificate_id)).to.deep.equal([old.id]);
    expect(await w.t.ctx.certificates.registry.findById(newId)).to.equal(null);
  });
});
