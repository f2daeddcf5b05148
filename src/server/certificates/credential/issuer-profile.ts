/**
 * The issuer's Open Badges 3.0 Profile, served at /issuer. One builder for the intranet (from
 * the organisation settings) and the verification bundle, so the public site serves the same.
 */
import { OB3_CONTEXT, VC_CONTEXT } from './open-badge.ts';

export type IssuerProfile = {
  '@context': string[];
  id: string;
  type: string[];
  name: string;
  url: string;
  address: { type: string[]; addressLocality: string };
  verificationMethod: string;
};

export function issuerProfile(org: { name: string; city: string }, verifyBase: string): IssuerProfile {
  return {
    '@context': [VC_CONTEXT, OB3_CONTEXT],
    id: `${verifyBase}/issuer`,
    type: ['Profile'],
    name: org.name,
    url: `${verifyBase}/verify`,
    address: { type: ['Address'], addressLocality: org.city },
    verificationMethod: `${verifyBase}/.well-known/jwks.json`,
  };
}
