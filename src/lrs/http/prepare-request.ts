/**
 * First step of every xAPI request except About: query parameters, the 1.0.x alternate request
 * syntax (Communication 1.3) and the X-Experience-API-Version header (Communication 3.3).
 */
import type { NextFunction, Request, Response } from 'express';
import { badRequest } from '../errors.ts';
import type { XapiVersion } from '../types.ts';
import { readBody } from './read-body.ts';
import type { XapiContext } from './xapi-context.ts';

const HEADER_FIELDS = ['authorization', 'x-experience-api-version', 'content-type', 'content-length', 'if-match', 'if-none-match'];
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'];

/** "1.0.0".."1.0.3" (and "1.0") are 1.0; "2.0.0" (and "2.0") is 2.0; anything else is refused. */
export function parseVersionHeader(value: string | undefined): XapiVersion | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^1\.0(\.[0-3])?$/.test(v)) return '1.0';
  if (/^2\.0(\.0)?$/.test(v)) return '2.0';
  return undefined;
}

export function queryParams(req: Request): Map<string, string> {
  const params = new Map<string, string>();
  const search = new URL(req.originalUrl, 'http://localhost').searchParams;
  for (const [key, value] of search) {
    if (params.has(key)) throw badRequest(`Parameter ${key} is given more than once`);
    params.set(key, value);
  }
  return params;
}

async function applyAlternateSyntax(req: Request, params: Map<string, string>, limit: number): Promise<Buffer> {
  const method = (params.get('method') ?? '').toUpperCase();
  if (parseVersionHeader(req.header('x-experience-api-version')) === '2.0') {
    throw badRequest('The alternate request syntax is not part of xAPI 2.0');
  }
  if (req.method !== 'POST') throw badRequest('The alternate request syntax must be sent as POST');
  if (params.size !== 1) throw badRequest('With the alternate request syntax, method must be the only query parameter');
  if (!METHODS.includes(method)) throw badRequest(`Unknown method ${method}`);
  if (!(req.header('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw badRequest('The alternate request syntax needs an application/x-www-form-urlencoded body');
  }
  const form = new URLSearchParams((await readBody(req, limit)).toString('utf8'));
  params.clear();
  let content = Buffer.alloc(0);
  delete req.headers['content-type'];
  for (const [key, value] of form) {
    const lower = key.toLowerCase();
    if (HEADER_FIELDS.includes(lower)) req.headers[lower] = value;
    else if (key === 'content') content = Buffer.from(value, 'utf8');
    else params.set(key, value);
  }
  if (content.length > 0 && !req.headers['content-type']) req.headers['content-type'] = 'application/json';
  req.headers['content-length'] = String(content.length);
  req.method = method;
  return content;
}

/** Step 1: parameters and the alternate request syntax (it may carry the Authorization header). */
export function prepareRequest(limit: number) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    res.setHeader('X-Experience-API-Version', responseVersion(parseVersionHeader(req.header('x-experience-api-version'))));
    const params = queryParams(req);
    const body = params.has('method') ? await applyAlternateSyntax(req, params, limit) : undefined;
    const context: XapiContext = { version: '2.0', versionHeader: '', params, body };
    res.locals.xapi = context;
    next();
  };
}

const responseVersion = (version: XapiVersion | undefined): string => (version === '1.0' ? '1.0.3' : '2.0.0');

/**
 * Step 2, after authentication: the version header. The version of a refused request's answer
 * is the one this client last spoke, so that 1.0.x clients get 1.0.3 and 2.0 clients 2.0.0.
 */
export function checkVersion() {
  const lastVersion = new Map<string, XapiVersion>();
  return (req: Request, res: Response, next: NextFunction): void => {
    const context = res.locals.xapi as XapiContext;
    const client = context.credential?.key ?? '';
    const versionHeader = req.header('x-experience-api-version');
    const version = parseVersionHeader(versionHeader);
    if (!version) {
      res.setHeader('X-Experience-API-Version', responseVersion(lastVersion.get(client)));
      if (versionHeader === undefined) throw badRequest('Missing X-Experience-API-Version header');
      throw badRequest(`Unsupported xAPI version ${versionHeader}`);
    }
    if (lastVersion.size > 10000) lastVersion.clear();
    lastVersion.set(client, version);
    res.setHeader('X-Experience-API-Version', responseVersion(version));
    context.version = version;
    context.versionHeader = (versionHeader as string).trim();
    next();
  };
}
