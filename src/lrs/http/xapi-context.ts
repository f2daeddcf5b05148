import type { Response } from 'express';
import type { LrsCredential } from '../credentials/credential-store.ts';
import type { Agent, XapiVersion } from '../types.ts';

/** What the xAPI pipeline learned about a request, kept on res.locals.xapi. */
export interface XapiContext {
  version: XapiVersion;
  /** The exact version header received, e.g. "1.0.3". */
  versionHeader: string;
  /** Query parameters (and, for the alternate request syntax, form parameters). */
  params: Map<string, string>;
  /** The body when it was already read (alternate request syntax). */
  body?: Buffer;
  credential?: LrsCredential;
  authority?: Agent;
}

export function xapiOf(res: Response): XapiContext {
  return res.locals.xapi as XapiContext;
}
