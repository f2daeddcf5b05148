import { expect } from 'chai';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { generateStoredKey, jwksOf, parseStoredKey } from '../../src/server/certificates/credential/signing-key.ts';
import { certificateIdOf, identityHash, openBadgeCredential, rncpUrlOf } from '../../src/server/certificates/credential/open-badge.ts';
import { checkSignature, signCredential } from '../../src/server/certificates/credential/vc-jwt.ts';
import { canonicalJson, initialsOf, snapshotHash } from '../../src/server/certificates/snapshot.ts';
import { fixtureSnapshot } from './snapshot-fixture.ts';
import { statusListEntry } from '../../src/server/certificates/status-list.ts';

describe('certificates: snapshot and credential (pure)', () => {
  it('initials leave out particles and keep hyphenated names', () => {
    expect(initialsOf('Jean-Marc de la Tour')).to.equal('J.M.T.');
    expect(initialsOf('  élodie   Martin ')).to.equal('É.M.');
    expect(initialsOf("Yasmine d'Arco")).to.equal('Y.A.');
  });

  it('hashes the same snapshot the same way whatever the key order, and differently when a level changes', () => {
    const s = fixtureSnapshot();
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
    const reordered = reverseKeys(s) as typeof s;
    expect(JSON.stringify(reordered)).not.to.equal(JSON.stringify(s));
    expect(canonicalJson(reordered)).to.equal(canonicalJson(s));
    expect(snapshotHash(reordered)).to.equal(snapshotHash(s));
    const changed = fixtureSnapshot();
    changed.competencyBlocks[0]!.competencies[0]!.level = 'non_acquis';
    expect(snapshotHash(changed)).not.to.equal(snapshotHash(s));
  });

  it('builds an OpenBadgeCredential with one result per stated competency (none not acquired) and no name in clear', () => {
    const s = fixtureSnapshot();
    const credential = openBadgeCredential(s, rncpUrlOf(s.training.reference), statusListEntry('https://verifier.example.org', 4242));
    expect(credential['@context']).to.deep.equal(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(credential.type).to.deep.equal(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(certificateIdOf(credential.id)).to.equal(s.id);
    const subject = credential.credentialSubject as { result: Array<{ value: string; resultDescription: string }>; identifier: Array<{ identityHash: string }> };
    // 12 competencies, the third of each block not acquired (CCP1.3, CCP2.3, T3): 9 are stated.
    expect(subject.result).to.have.length(9);
    expect(subject.result.map((r) => r.value)).not.to.include('Non acquise');
    expect(subject.result[0]).to.include({ value: 'Acquise' });
    expect(subject.identifier[0]?.identityHash).to.equal(identityHash('Jérôme Lœuvre-Dupont', s.id));
    expect(JSON.stringify(credential)).not.to.contain('Lœuvre');
    expect(rncpUrlOf('RNCP 35304')).to.equal('https://www.francecompetences.fr/recherche/rncp/35304/');
  });

  it('signs a VC-JWT with EdDSA that verifies with the JWKS and fails with another key', async () => {
    const secret = Buffer.alloc(32, 7);
    const key = parseStoredKey(await generateStoredKey('2026-11-26T00:00:00.000Z', secret), secret);
    const other = parseStoredKey(await generateStoredKey('2026-11-26T00:00:00.000Z', secret), secret);
    const s = fixtureSnapshot();
    const jwt = await signCredential(openBadgeCredential(s, rncpUrlOf(s.training.reference), statusListEntry('https://verifier.example.org', 4242)), key);
    expect(decodeProtectedHeader(jwt)).to.include({ alg: 'EdDSA', typ: 'JWT', kid: key.kid });
    expect(decodeJwt(jwt)).to.include({ iss: s.issuer.id, jti: `urn:uuid:${s.id}`, nbf: Date.parse(s.issuedAt) / 1000 });
    expect(await signCredential(openBadgeCredential(s, rncpUrlOf(s.training.reference), statusListEntry('https://verifier.example.org', 4242)), key)).to.equal(jwt);
    expect((await checkSignature(jwt, jwksOf([key]))).ok).to.equal(true);
    expect(await checkSignature(jwt, jwksOf([other]))).to.deep.equal({ ok: false, reason: 'unknown_key' });
    expect(await checkSignature('not.a.jwt', jwksOf([key]))).to.deep.equal({ ok: false, reason: 'malformed' });
  });
});
