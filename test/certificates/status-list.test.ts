import { expect } from 'chai';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { generateStoredKey, jwksOf, parseStoredKey } from '../../src/server/certificates/credential/signing-key.ts';
import { checkSignature } from '../../src/server/certificates/credential/vc-jwt.ts';
import {
  decodeStatusBits,
  encodeStatusBits,
  signedStatusList,
  statusBitAt,
  statusListCredential,
  statusListEntry,
  STATUS_LIST_LENGTH,
} from '../../src/server/certificates/status-list.ts';
import { normaliseVerificationCode, randomVerificationCode } from '../../src/server/certificates/verification-code.ts';

const BASE = 'https://verifier.example.org';

describe('certificates: status list (W3C Bitstring Status List) and public codes (pure)', () => {
  it('an entry points at the list under the verify base, with its index as a string', () => {
    expect(statusListEntry(`${BASE}/`, 4242)).to.deep.equal({
      id: 'https://verifier.example.org/status/1#4242',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '4242',
      statusListCredential: 'https://verifier.example.org/status/1',
    });
  });

  it('encodes a GZIP bitstring of 131072 bits, multibase base64url, bit 0 the left-most', () => {
    const encoded = encodeStatusBits([0, 9, 131_071]);
    expect(encoded[0]).to.equal('u');
    expect(encoded).to.match(/^u[A-Za-z0-9_-]+$/);
    const bits = decodeStatusBits(encoded);
    expect(bits.length * 8).to.equal(131_072);
    expect(bits[0]).to.equal(0b1000_0000);
    expect(bits[1]).to.equal(0b0100_0000);
    expect(bits[16_383]).to.equal(0b0000_0001);
    expect([0, 9, 131_071].map((i) => statusBitAt(bits, i))).to.deep.equal([true, true, true]);
    expect([1, 8, 10, 131_070].map((i) => statusBitAt(bits, i))).to.deep.equal([false, false, false, false]);
    expect(() => encodeStatusBits([STATUS_LIST_LENGTH])).to.throw(RangeError);
  });

  it('builds the list credential with its validity window and signs it as a VC-JWT with the issuer key', async () => {
    const secret = Buffer.alloc(32, 3);
    const key = parseStoredKey(await generateStoredKey('2026-12-01T00:00:00.000Z', secret), secret);
    const input = { verifyBase: BASE, issuerName: 'Cap Avenir', revokedIndexes: [77], validFrom: '2026-12-03T10:00:00.000Z', validUntil: '2026-12-04T10:00:00.000Z' };
    const credential = statusListCredential(input);
    expect(credential).to.deep.include({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'https://verifier.example.org/status/1',
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      validFrom: '2026-12-03T10:00:00.000Z',
      validUntil: '2026-12-04T10:00:00.000Z',
    });
    const subject = credential.credentialSubject as { type: string; statusPurpose: string; encodedList: string };
    expect(subject).to.include({ type: 'BitstringStatusList', statusPurpose: 'revocation' });
    expect(statusBitAt(decodeStatusBits(subject.encodedList), 77)).to.equal(true);
    const jwt = await signedStatusList(input, key);
    expect(decodeProtectedHeader(jwt)).to.include({ alg: 'EdDSA', kid: key.kid });
    expect(decodeJwt(jwt)).to.include({ iss: 'https://verifier.example.org/issuer', nbf: Date.parse(input.validFrom) / 1000, exp: Date.parse(input.validUntil) / 1000 });
    expect((await checkSignature(jwt, jwksOf([key]))).ok).to.equal(true);
  });

  it('public codes are TRP-XXXX-XXXX in Crockford base32, and typing is forgiving', () => {
    const codes = new Set(Array.from({ length: 200 }, () => randomVerificationCode()));
    expect(codes.size).to.equal(200);
    for (const code of codes) expect(code).to.match(/^TRP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normaliseVerificationCode('trp 7kq2 m9xd')).to.equal('TRP-7KQ2-M9XD');
    expect(normaliseVerificationCode(' TRP-7KQ2-M9XD ')).to.equal('TRP-7KQ2-M9XD');
    expect(normaliseVerificationCode('7kq2-m9xd')).to.equal('TRP-7KQ2-M9XD');
    expect(normaliseVerificationCode('TRP-IKQ2-M9XO')).to.equal('TRP-1KQ2-M9X0');
    expect(normaliseVerificationCode('TRP-7KQ2-M9X')).to.equal(null);
    expect(normaliseVerificationCode('TRP-7KQ2-M9XU')).to.equal(null);
    expect(normaliseVerificationCode('TRP-2026-000001-1')).to.equal(null);
  });
});
