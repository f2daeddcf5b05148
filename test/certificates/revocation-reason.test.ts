/** Issue 12: the revocation reason is for staff; the public page and the CLI only say "révoquée" and when. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import request from 'supertest';
import { cheerio, csrfFrom, loginAs } from '../helpers/app.ts';
import { runCommand } from './run-command.ts';
import { certificateWorld, readyToIssue, type CertificateWorld } from './world.ts';

const REASON = 'transfert vers le centre pénitentiaire de Meaux, détenu n° 41237';

describe('certificates: the revocation reason stays internal', function () {
  this.timeout(120_000);
  let w: CertificateWorld;
  let id: string;
  let jwt: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-reason-'));

  before(async () => {
    w = await certificateWorld({ play: false });
    await readyToIssue(w);
    const record = await w.t.ctx.certificates.issuing.issue(w.learner.id, w.trainer.id);
    id = record.id;
    jwt = record.credentialJwt as string;
    w.t.clock.set(new Date('2026-12-02T15:00:00.000Z'));
    const admin = await loginAs(w.t.app, 'admin-cert');
    const csrf = await csrfFrom(admin, `/admin/certificates/${id}`);
    await admin.post(`/admin/certificates/${id}/revoke`).type('form').send({ _csrf: csrf, reason: REASON }).expect(303);
  });
  after(async () => {
    await w.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is kept in the registry and shown to staff', async () => {
    expect((await w.t.ctx.certificates.registry.findById(id))?.revokedReason).to.equal(REASON);
    const admin = await loginAs(w.t.app, 'admin-cert');
    expect(cheerio.load((await admin.get(`/admin/certificates/${id}`).expect(200)).text)('body').text()).to.contain(REASON);
  });

  it('is not on /verify/:id nor on the check form: "révoquée" and the date only', async () => {
    const anonymous = request.agent(w.t.app);
    const byId = cheerio.load((await anonymous.get(`/verify/${id}`).expect(200)).text);
    expect(byId('.verify-status-word').text()).to.equal('révoquée');
    expect(byId('dl').text()).to.contain('2 décembre 2026');
    const csrf = await csrfFrom(anonymous, '/verify');
    const checked = cheerio.load((await anonymous.post('/verify').type('form').send({ _csrf: csrf, credential: jwt })).text);
    expect(checked('.verify-status-word').text()).to.equal('révoquée');
    for (const $ of [byId, checked]) {
      const text = $('body').text();
      for (const part of ['Meaux', '41237', 'transfert', 'pénitentiaire', 'détenu']) expect(text, part).not.to.contain(part);
    }
  });

  it('is not printed by the CLI verify', async () => {
    const file = path.join(dir, 'revoked.jwt');
    fs.writeFileSync(file, jwt);
    const res = await runCommand('certificate verify', {}, [file], w.t.ctx);
    expect(res.code).to.equal(1);
    expect(res.out).to.contain('Statut : révoqué');
    expect(res.out).to.contain('Révoquée le : 2026-12-02');
    for (const part of ['Meaux', '41237', 'transfert']) expect(res.out, part).not.to.contain(part);
  });
});
