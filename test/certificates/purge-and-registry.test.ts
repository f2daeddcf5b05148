import { expect } from 'chai';
import request from 'supertest';
import { formatCertificateNumber, isValidCertificateNumber, luhnDigit } from '../../src/server/certificates/certificate-number.ts';
import { cheerio, loginAs } from '../helpers/app.ts';
import { binary, unzip } from './download.ts';
import { runCommand } from './run-command.ts';
import { certificateWorld, readyToIssue, type CertificateWorld } from './world.ts';

describe('certificates: numbers', () => {
  it('carry a Luhn check digit that catches a mistyped digit and swapped digits', () => {
    const number = formatCertificateNumber(2026, 123);
    expect(number).to.match(/^TRP-2026-000123-\d$/);
    expect(isValidCertificateNumber(number)).to.equal(true);
    expect(isValidCertificateNumber(number.replace('000123', '000124'))).to.equal(false);
    expect(isValidCertificateNumber(number.replace('000123', '000132'))).to.equal(false);
    expect(luhnDigit('7992739871')).to.equal(3);
    expect(isValidCertificateNumber('TRP-2026-12-1')).to.equal(false);
  });
});

describe('certificates: cohort zip and retention purge', function () {
  this.timeout(120_000);
  let w: CertificateWorld;

  before(async () => {
    w = await certificateWorld({ play: false });
    await readyToIssue(w);
    // An old leave, stored as it was (the form refuses a date before the group's start, which
    // the world sets later): the retention purge counts from it.
    await w.t.ctx.certificates.releases.update(w.learner.id, { leavingDate: '2026-06-30' }, w.trainer.id, w.t.clock.now().toISOString());
    await w.t.ctx.certificates.release.setBirthDate(w.learner.id, '1990-03-01', w.trainer.id);
    await w.t.ctx.certificates.issuing.issue(w.learner.id, w.trainer.id);
    await w.t.ctx.certificates.release.setLeavingDate(w.learner.id, '2026-11-20', w.trainer.id);
    await w.t.ctx.certificates.release.saveAppraisal(w.learner.id, (await w.t.ctx.certificates.releases.get(w.learner.id)).appraisal, w.trainer.id);
  });
  after(() => w.close());

  it('downloads a cohort’s valid certificates as one zip (PDF + JWT each)', async () => {
    const trainer = await loginAs(w.t.app, 'karim');
    const res = await trainer.get(`/admin/certificates/cohorts/${w.cohortId}/zip`).buffer(true).parse(binary).expect(200);
    const files = await unzip(res.body as Buffer);
    expect([...files.keys()].filter((n) => n.endsWith('.pdf'))).to.have.length(1);
    expect([...files.keys()].filter((n) => n.endsWith('.jwt'))).to.have.length(1);
    await trainer.get('/admin/certificates/cohorts/nope/zip').expect(404);
  });

  it('dry run lists what would go and changes nothing', async () => {
    // The clock is 2026-11-26; the learner left on 2026-11-20: purged with --older-than 3, not 30.
    expect((await w.t.ctx.certificates.purge.purge(30, true)).learners).to.deep.equal([]);
    const dry = await w.t.ctx.certificates.purge.purge(3, true);
    expect(dry.learners.map((l) => l.userId)).to.deep.equal([w.learner.id]);
    expect(dry.certificates).to.equal(1);
    const [record] = await w.t.ctx.certificates.registry.list({ userId: w.learner.id });
    expect(record?.snapshot).not.to.equal(null);
  });

  it('purge keeps number, hash, status, dates and initials; the verification page still answers', async () => {
    const [before] = await w.t.ctx.certificates.registry.list({ userId: w.learner.id });
    const { code, out } = await runCommand('purge', { 'older-than': '3' }, [], w.t.ctx);
    expect(code).to.equal(0);
    expect(out).to.contain('1 stagiaire(s), 1 attestation(s)');
    const after = await w.t.ctx.certificates.registry.findById(before!.id);
    expect(after).to.include({ number: before!.number, snapshotHash: before!.snapshotHash, status: 'valid', issuedAt: before!.issuedAt, holderInitials: 'J.M.', userId: null, snapshot: null, credentialJwt: null });
    const release = await w.t.ctx.certificates.releases.get(w.learner.id);
    expect(release).to.include({ birthDate: null });
    expect(release.appraisal).to.deep.equal([]);
    const user = await w.t.ctx.repositories.users.findById(w.learner.id);
    expect(user?.displayName).to.equal('Ancien stagiaire');
    expect(user?.active).to.equal(false);
    const $ = cheerio.load((await request(w.t.app).get(`/verify/${before!.id}`).expect(200)).text);
    expect($('.verify-status-word').text()).to.equal('valide');
    expect($('body').text()).to.contain('J.M.');
    expect($('body').text()).not.to.contain('Julien');
    expect((await w.t.ctx.certificates.purge.purge(3, false)).learners).to.deep.equal([]);
  });
});
