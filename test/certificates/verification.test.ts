import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import request from 'supertest';
import { verifyFile } from '../../src/server/certificates/certificates.commands.ts';
import type { CertificateRecord } from '../../src/server/certificates/registry.repository.ts';
import { cheerio, csrfFrom } from '../helpers/app.ts';
import { runCommand } from './run-command.ts';
import { certificateWorld, readyToIssue, type CertificateWorld } from './world.ts';

/** Changes one claim and keeps the original signature: a tampered credential. */
function tamper(jwt: string): string {
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  claims.name = 'Attestation de compétences — Directeur général';
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

/** The same claims signed with a key the issuer never had (same kid, to get past key lookup). */
async function signedByAnotherKey(jwt: string): Promise<string> {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  return new SignJWT(decodeJwt(jwt)).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: String(decodeProtectedHeader(jwt).kid) }).sign(privateKey);
}

describe('certificates: verification (page and CLI)', function () {
  this.timeout(120_000);
  let w: CertificateWorld;
  let record: CertificateRecord;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-verify-'));
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  const cli = (filePath: string) => runCommand('certificate verify', {}, [filePath], w.t.ctx);
  const page = async (credential: string) => {
    const agent = request.agent(w.t.app);
    const csrf = await csrfFrom(agent, '/verify');
    const res = await agent.post('/verify').type('form').send({ _csrf: csrf, credential });
    return { status: res.status, word: cheerio.load(res.text)('.verify-status-word').text() };
  };

  before(async () => {
    w = await certificateWorld({ play: false });
    await readyToIssue(w);
    record = await w.t.ctx.certificates.issuing.issue(w.learner.id, w.trainer.id);
  });
  after(async () => {
    await w.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an issued credential is valide: from the .jwt, the .json envelope and the PDF, on the page and the CLI', async () => {
    const jwt = record.credentialJwt as string;
    expect((await page(jwt)).word).to.equal('valide');
    const fromJwt = await cli(file('a.jwt', `${jwt}\n`));
    expect(fromJwt.code).to.equal(0);
    expect(fromJwt.out).to.contain('Statut : valide');
    expect(fromJwt.out).to.contain(record.verificationCode as string);
    expect(fromJwt.out).not.to.contain(record.number);
    const envelope = JSON.stringify({ '@context': 'https://www.w3.org/ns/credentials/v2', id: `data:application/vc+jwt,${jwt}`, type: 'EnvelopedVerifiableCredential' });
    expect((await cli(file('a.json', envelope))).code).to.equal(0);
    const pdf = await w.t.ctx.certificates.issuing.pdf(record);
    const fromPdf = await cli(file('a.pdf', pdf));
    expect(fromPdf.out).to.contain('Statut : valide');
    expect(fromPdf.code).to.equal(0);
  });

  it('a tampered credential is invalide', async () => {
    const forged = tamper(record.credentialJwt as string);
    const onPage = await page(forged);
    expect(onPage.status).to.equal(422);
    expect(onPage.word).to.contain('invalide');
    const res = await cli(file('tampered.jwt', forged));
    expect(res.code).to.equal(1);
    expect(res.out).to.contain('Statut : invalide');
  });

  it('a credential signed with another key is invalide', async () => {
    const other = await signedByAnotherKey(record.credentialJwt as string);
    expect((await page(other)).word).to.contain('invalide');
    const res = await cli(file('other-key.jwt', other));
    expect(res.code).to.equal(1);
    expect(res.out).to.contain('bad_signature');
  });

  it('garbage is refused with a clear message, nothing answers 500', async () => {
    const agent = request.agent(w.t.app);
    const csrf = await csrfFrom(agent, '/verify');
    const res = await agent.post('/verify').type('form').send({ _csrf: csrf, credential: 'pas un jeton' }).expect(400);
    expect(cheerio.load(res.text)('.error-text').text()).to.contain('Collez le contenu');
    expect((await cli(file('garbage.txt', 'bonjour'))).code).to.equal(1);
  });

  it('offline with --jwks and no registry: genuine signature, revocation unchecked (exit 3)', () => {
    const jwks = file('jwks.json', '');
    return w.t.ctx.certificates.jwks().then((keys) => {
      fs.writeFileSync(jwks, JSON.stringify(keys));
      const jwt = file('offline.jwt', record.credentialJwt as string);
      const env = { ...process.env };
      delete env.DATABASE_URL;
      const run = spawnSync('npx', ['tsx', 'src/server/cli/main.ts', 'certificate', 'verify', jwt, '--jwks', jwks], { env, encoding: 'utf8' });
      expect(run.stdout).to.contain('révocation non vérifiée');
      expect(run.status).to.equal(3);
      const forged = file('offline-forged.jwt', tamper(record.credentialJwt as string));
      const bad = spawnSync('npx', ['tsx', 'src/server/cli/main.ts', 'certificate', 'verify', forged, '--jwks', jwks], { env, encoding: 'utf8' });
      expect(bad.stdout).to.contain('Statut : invalide');
      expect(bad.status).to.equal(1);
    });
  });

  it('after revocation both the page and the CLI say révoqué', async () => {
    await w.t.ctx.certificates.issuing.revoke(record.id, 'Délivrée par erreur');
    const onPage = await page(record.credentialJwt as string);
    expect(onPage.word).to.equal('révoquée');
    const res = await cli(file('revoked.jwt', record.credentialJwt as string));
    expect(res.code).to.equal(1);
    expect(res.out).to.contain('Statut : révoqué');
    const direct = await verifyFile(path.join(dir, 'revoked.jwt'), {}, w.t.ctx);
    expect(direct.status).to.equal('revoked');
  });

  it('publishes the public key as JWKS and an issuer profile', async () => {
    const jwks = await request(w.t.app).get('/.well-known/jwks.json').expect(200);
    const keys = (JSON.parse(jwks.text) as { keys: Array<Record<string, unknown>> }).keys;
    expect(keys).to.have.length(1);
    expect(keys[0]).to.include({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: record.keyId });
    expect(keys[0]).not.to.have.property('d');
    const issuer = JSON.parse((await request(w.t.app).get('/issuer').expect(200)).text) as Record<string, unknown>;
    expect(issuer).to.include({ name: 'Association Cap Avenir Formation', id: `${w.t.ctx.config.verifyBaseUrl}/issuer` });
    const claims = decodeJwt(record.credentialJwt as string);
    expect(claims.type).to.deep.equal(['VerifiableCredential', 'OpenBadgeCredential']);
    expect((claims.issuer as { id: string }).id).to.equal(issuer.id);
  });
});
