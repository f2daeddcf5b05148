/** docs/certificates.md "Rotate": a new secret key re-seals the same signing key; issued certificates keep verifying. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { SIGNING_KEY_SETTING } from '../../src/server/certificates/credential/signing-key.ts';
import { buildContext } from '../../src/server/context.ts';
import { createLogger } from '../../src/server/logger.ts';
import { runCommand } from './run-command.ts';
import { certificateWorld, readyToIssue, type CertificateWorld } from './world.ts';

describe('certificates: rotating the secret key', function () {
  this.timeout(120_000);
  let w: CertificateWorld;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tremplin-rotate-'));
  const restartWith = (secret: { key?: string; file: string }) =>
    buildContext({ ...w.t.ctx.config, secretKey: secret.key, secretKeyFile: secret.file }, w.t.ctx.database, w.t.clock.now, createLogger('error'));

  before(async () => {
    w = await certificateWorld({ play: false });
    await readyToIssue(w);
  });
  after(async () => {
    await w.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('re-seals the same key pair under a new key file (0600); the old key no longer opens it', async () => {
    const record = await w.t.ctx.certificates.issuing.issue(w.learner.id, w.trainer.id);
    const kid = (await w.t.ctx.certificates.signingKey()).kid;
    const before = await w.t.ctx.repositories.settings.get(SIGNING_KEY_SETTING);
    const file = path.join(dir, 'new.key');
    const res = await runCommand('secret-key rotate', { to: file }, [], w.t.ctx);
    expect(res.code).to.equal(0);
    expect(res.out).to.contain(`TREMPLIN_SECRET_KEY_FILE=${file}`);
    expect((fs.statSync(file).mode & 0o777).toString(8)).to.equal('600');
    const after = await w.t.ctx.repositories.settings.get(SIGNING_KEY_SETTING);
    expect(after).not.to.equal(before);

    const restarted = restartWith({ file });
    expect((await restarted.certificates.signingKey()).kid).to.equal(kid);
    expect((await restarted.certificates.verifyJwt(record.credentialJwt as string)).status).to.equal('valid');
    const fresh = await restarted.certificates.issuing.reissue(record.id, w.trainer.id);
    expect((await restarted.certificates.verifyJwt(fresh.credentialJwt as string)).status).to.equal('valid');

    const withOldKey = restartWith({ key: w.t.ctx.config.secretKey, file: path.join(dir, 'unused.key') });
    let error: unknown;
    await withOldKey.certificates.signingKey().catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('cannot be decrypted with this secret key');
  });

  it('refuses to write over an existing file, and changes nothing', async () => {
    const file = path.join(dir, 'existing.key');
    fs.writeFileSync(file, 'keep me\n');
    const before = await w.t.ctx.repositories.settings.get(SIGNING_KEY_SETTING);
    let error: unknown;
    await runCommand('secret-key rotate', { to: file }, [], w.t.ctx).catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('already exists');
    expect(fs.readFileSync(file, 'utf8')).to.equal('keep me\n');
    expect(await w.t.ctx.repositories.settings.get(SIGNING_KEY_SETTING)).to.equal(before);
  });
});
