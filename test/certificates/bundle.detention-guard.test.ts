/**
 * The verification bundle leaves the intranet like a PDF: `verify-bundle export` refuses to
 * write one that names no public site, or whose texts reveal detention (here an organisation
 * renamed after issuing, as a settings row written before the page checks existed could be).
 * The refusal is said in the user's language, no file is written and no export is recorded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { sql } from 'kysely';
import { runCommand } from './run-command.ts';
import { certificateWorld, ORGANISATION, readyToIssue, type CertificateWorld } from './world.ts';

describe('verify-bundle export: the detention and public-address guard', function () {
  this.timeout(120_000);
  let w: CertificateWorld;
  let dir: string;

  before(async () => {
    w = await certificateWorld();
    await readyToIssue(w);
    await w.t.ctx.certificates.issuing.issue(w.learner.id, w.trainer.id);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-guard-'));
  });
  after(async () => {
    await w.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const exportsRecorded = async () =>
    Number((await sql<{ n: number | string }>`select count(*) as n from verify_bundle_exports`.execute(w.t.ctx.database.db)).rows[0]?.n);

  it('refuses an organisation name that reveals detention, in French, and writes nothing', async () => {
    await w.t.ctx.certificates.organisation.save({ ...ORGANISATION, name: "Atelier de la Maison  d'arrêt de Corbas" });
    const out = path.join(dir, 'b1.jws');
    const result = await runCommand('verify-bundle export', { out }, [], w.t.ctx);
    expect(result.code).to.equal(1);
    expect(result.err).to.contain('révèle');
    expect(result.err).not.to.contain('Error:');
    expect(fs.existsSync(out)).to.equal(false);
    expect(await exportsRecorded()).to.equal(0);
  });

  it('says the same in English with --lang en', async () => {
    const out = path.join(dir, 'b2.jws');
    const result = await runCommand('verify-bundle export', { out, lang: 'en' }, [], w.t.ctx);
    expect(result.code).to.equal(1);
    expect(result.err).to.match(/detention/i);
    expect(fs.existsSync(out)).to.equal(false);
  });

  it('refuses a verification address on a prison host', async () => {
    await w.t.ctx.certificates.organisation.save({ ...ORGANISATION, verifyBaseUrl: 'https://verif.prison-exemple.fr' });
    const out = path.join(dir, 'b3.jws');
    const result = await runCommand('verify-bundle export', { out }, [], w.t.ctx);
    expect(result.code).to.equal(1);
    expect(result.err).to.contain('révèle la détention');
    expect(fs.existsSync(out)).to.equal(false);
    expect(await exportsRecorded()).to.equal(0);
  });

  it('exports once the texts are neutral again', async () => {
    await w.t.ctx.certificates.organisation.save(ORGANISATION);
    const out = path.join(dir, 'b4.jws');
    const result = await runCommand('verify-bundle export', { out }, [], w.t.ctx);
    expect(result.code, result.err).to.equal(0);
    expect(fs.readFileSync(out, 'utf8').split('.')).to.have.length(3);
    expect(await exportsRecorded()).to.equal(1);
  });
});
