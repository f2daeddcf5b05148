/**
 * Issue 12: the Ed25519 private key is stored sealed (AES-256-GCM) with a key that is not in the
 * database; a key stored in clear by an older release is sealed on first start, unchanged, so
 * the credentials issued with it still verify.
 */
import crypto from 'node:crypto';
import { expect } from 'chai';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { SIGNING_KEY_SETTING } from '../../src/server/certificates/credential/signing-key.ts';
import { buildContext } from '../../src/server/context.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createTestApp } from '../helpers/app.ts';
import { certificateWorld, readyToIssue } from './world.ts';

describe('certificates: the signing key at rest', function () {
  this.timeout(120_000);

  it('is stored sealed: no private key material in the database, and another secret key cannot open it', async () => {
    const t = await createTestApp();
    try {
      const key = await t.ctx.certificates.signingKey();
      const stored = (await t.ctx.repositories.settings.get(SIGNING_KEY_SETTING)) as string;
      const privateJwk = key.privateKey.export({ format: 'jwk' }) as JWK;
      expect(stored).not.to.contain('PRIVATE KEY');
      expect(stored).not.to.contain(privateJwk.d as string);
      expect(stored).not.to.contain(key.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'));
      expect(JSON.parse(stored)).to.include({ kid: key.kid });
      expect(JSON.parse(stored).sealedPrivateKey).to.match(/^aes-256-gcm:v1:/);

      const other = await createTestApp({ TREMPLIN_SECRET_KEY: Buffer.alloc(32, 99).toString('base64') });
      try {
        await other.ctx.repositories.settings.set(SIGNING_KEY_SETTING, stored);
        let error: unknown;
        await other.ctx.certificates.signingKey().catch((e: unknown) => (error = e));
        expect(String(error)).to.match(/cannot be decrypted with this secret key \(TREMPLIN_SECRET_KEY or TREMPLIN_SECRET_KEY_FILE/);
        // The public key needs no secret: verification pages keep working.
        expect((await other.ctx.certificates.jwks()).keys[0]?.kid).to.equal(key.kid);
      } finally {
        await other.close();
      }
    } finally {
      await t.close();
    }
  });

  it('seals a key an older release stored in clear, keeping it: a credential issued before still verifies', async () => {
    const w = await certificateWorld({ play: false });
    try {
      const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
      const publicJwk = publicKey.export({ format: 'jwk' }) as JWK;
      const kid = await calculateJwkThumbprint(publicJwk);
      const legacy = { kid, privatePkcs8: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), publicJwk, createdAt: '2026-01-05T10:00:00.000Z' };
      await w.t.ctx.repositories.settings.set(SIGNING_KEY_SETTING, JSON.stringify(legacy));
      await readyToIssue(w);
      const record = await w.t.ctx.certificates.issuing.issue(w.learner.id, w.trainer.id);
      expect(record.keyId).to.equal(kid);
      const stored = JSON.parse((await w.t.ctx.repositories.settings.get(SIGNING_KEY_SETTING)) as string) as Record<string, unknown>;
      expect(stored.privatePkcs8).to.equal(undefined);
      expect(stored).to.include({ kid, createdAt: '2026-01-05T10:00:00.000Z' });
      expect(String(stored.sealedPrivateKey)).to.match(/^aes-256-gcm:v1:/);

      // A new start on the same database and secret key opens the sealed key: what was issued before verifies.
      const restarted = buildContext(w.t.ctx.config, w.t.ctx.database, w.t.clock.now, createLogger('error'));
      expect((await restarted.certificates.signingKey()).kid).to.equal(kid);
      expect((await restarted.certificates.verifyJwt(record.credentialJwt as string)).status).to.equal('valid');
    } finally {
      await w.close();
    }
  });
});
