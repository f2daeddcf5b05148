/** HTTP Basic authentication with LRS credentials (401 when missing or wrong). */
import type { NextFunction, Request, Response } from 'express';
import type { LrsCredentialStore } from '../credentials/credential-store.ts';
import { forbidden, unauthorized } from '../errors.ts';
import { scopesAllow, type LrsPermission } from '../credentials/scopes.ts';
import type { Agent } from '../types.ts';
import { xapiOf } from './xapi-context.ts';

export function credentialAuthority(baseUrl: string, credential: { key: string; name: string }): Agent {
  return { objectType: 'Agent', name: credential.name, account: { homePage: baseUrl, name: credential.key } };
}

export function authenticate(credentials: LrsCredentialStore, baseUrl: string) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const header = req.header('authorization') ?? '';
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    if (!match) throw unauthorized();
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw unauthorized();
    const credential = await credentials.verify(decoded.slice(0, colon), decoded.slice(colon + 1));
    if (!credential) throw unauthorized('Unknown or revoked credential');
    const context = xapiOf(res);
    context.credential = credential;
    context.authority = credentialAuthority(baseUrl, credential);
    next();
  };
}

/** Throws 403 unless the request's credential grants `permission`. */
export function requirePermission(res: Response, permission: LrsPermission): void {
  const credential = xapiOf(res).credential;
  if (!credential || !scopesAllow(credential.scopes, permission)) {
    throw forbidden(`This credential's scopes do not allow ${permission}`);
  }
}
