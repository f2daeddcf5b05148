/**
 * Signed statements (xAPI Data 2.6): the signature attachment is a JWS (compact form) whose
 * payload is the statement as it was before the signature was added, signed with RS256/384/512.
 * When the JWS header carries an x5c chain, the signature is checked against its first cert.
 */
import { compactVerify, decodeProtectedHeader, importX509 } from 'jose';
import { isObject, type JsonObject } from '../types.ts';
import { sameStatement } from './statement-compare.ts';

const ALGORITHMS = ['RS256', 'RS384', 'RS512'];
export const SIGNATURE_USAGE = 'http://adlnet.gov/expapi/attachments/signature';

/** Returns why the signature is not acceptable, or undefined when it is. */
export async function signatureProblem(statement: JsonObject, jws: Buffer): Promise<string | undefined> {
  const text = jws.toString('utf8').trim();
  const parts = text.split('.');
  if (parts.length !== 3) return 'the signature is not a JWS in compact serialisation';
  let header: ReturnType<typeof decodeProtectedHeader>;
  let payload: unknown;
  try {
    header = decodeProtectedHeader(text);
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return 'the signature is not a valid JWS';
  }
  if (typeof header.alg !== 'string' || !ALGORITHMS.includes(header.alg)) return 'the JWS algorithm must be RS256, RS384 or RS512';
  if (!isObject(payload) || !sameStatement(payload, statement)) return 'the JWS payload does not match the statement';
  const chain = header.x5c;
  if (Array.isArray(chain) && chain.length > 0) {
    try {
      const pem = `-----BEGIN CERTIFICATE-----\n${chain[0]}\n-----END CERTIFICATE-----`;
      await compactVerify(text, await importX509(pem, header.alg));
    } catch {
      return 'the JWS signature does not verify with its x5c certificate';
    }
  }
  return undefined;
}
