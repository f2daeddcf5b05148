/** Bundles made by hand for adversarial tests: decoded, tampered, unsigned, signed by another key. */
import crypto from 'node:crypto';
import { calculateJwkThumbprint, CompactSign, type JWK } from 'jose';
import PDFDocument from 'pdfkit';
import { CREDENTIAL_ATTACHMENT } from '../../src/server/certificates/pdf/certificate-pdf.ts';

export type Payload = Record<string, unknown> & { certificates: Array<Record<string, unknown>>; sequence: number };

export function payloadOf(jws: string): Payload {
  return JSON.parse(Buffer.from(jws.trim().split('.')[1] as string, 'base64url').toString('utf8')) as Payload;
}

/** The same header and signature over a changed payload. */
export function tampered(jws: string, change: (p: Payload) => void): string {
  const [header, , signature] = jws.trim().split('.') as [string, string, string];
  const payload = payloadOf(jws);
  change(payload);
  return `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
}

/** An "alg: none" JWS (RFC 7515 § 6.1 unsecured): no signature at all. */
export function unsecured(jws: string): string {
  const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'tremplin-verification-bundle+jws' })).toString('base64url');
  return `${header}.${jws.trim().split('.')[1]}.`;
}

/** The payload re-signed by a key the issuer never had, carrying that key in its own JWKS. */
export async function signedByAnotherKey(jws: string, change: (p: Payload) => void = () => {}): Promise<string> {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(jwk);
  const payload = payloadOf(jws);
  payload.jwks = { keys: [{ ...jwk, kid, alg: 'EdDSA', use: 'sig' }] };
  change(payload);
  return new CompactSign(Buffer.from(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', typ: 'tremplin-verification-bundle+jws', kid }).sign(privateKey);
}

/** A PDF made with pdfkit that claims more than was issued, with the genuine credential attached. */
export async function forgedPdf(genuineJwt: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.fontSize(18).text('Attestation de compétences');
  doc.fontSize(12).text('Accueil téléphonique : Acquise').text('Durée de la formation : 1 200 heures');
  doc.file(Buffer.from(genuineJwt, 'utf8'), { name: CREDENTIAL_ATTACHMENT, type: 'application/jwt' });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
