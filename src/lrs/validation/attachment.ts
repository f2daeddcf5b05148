/** Attachment headers: usageType, display, description, contentType, length, sha2, fileUrl. */
import { describe, isObject, quote } from './json.ts';
import { checkIri, checkIrl } from './iri.ts';
import { checkLanguageMap } from './language-map.ts';
import { indexPath } from './path.ts';
import { checkArray, checkString } from './primitives.ts';
import { fail, type Report } from './report.ts';
import { checkKeys } from './strict-keys.ts';

const ATTACHMENT_KEYS: ReadonlySet<string> = new Set(['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl']);
const REQUIRED = ['usageType', 'display', 'contentType', 'length', 'sha2'] as const;
/** type "/" subtype, then optional parameters (RFC 2045 tokens). */
const MEDIA_TYPE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:\s*;.*)?$/;
/** Hex digests of SHA-224, SHA-256, SHA-384 and SHA-512. */
const SHA2_HEX = /^(?:[0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128})$/;

export function checkAttachments(report: Report, value: unknown, path: string): void {
  if (!checkArray(report, value, path)) return;
  for (let i = 0; i < value.length; i++) checkAttachment(report, value[i], indexPath(path, i));
}

function checkAttachment(report: Report, value: unknown, path: string): void {
  if (!isObject(value)) {
    fail(report, path, `must be an Attachment object, not ${describe(value)}`);
    return;
  }
  checkKeys(report, value, ATTACHMENT_KEYS, path, 'an Attachment');
  for (const key of REQUIRED) if (value[key] === undefined) fail(report, `${path}.${key}`, 'is required in an Attachment');
  if (value.usageType !== undefined) checkIri(report, value.usageType, `${path}.usageType`);
  if (value.display !== undefined) checkLanguageMap(report, value.display, `${path}.display`);
  if (value.description !== undefined) checkLanguageMap(report, value.description, `${path}.description`);
  const contentType = value.contentType;
  if (contentType !== undefined && checkString(report, contentType, `${path}.contentType`) && !MEDIA_TYPE.test(contentType)) {
    fail(report, `${path}.contentType`, `must be an Internet media type such as "text/plain", not ${quote(contentType)}`);
  }
  const length = value.length;
  if (length !== undefined && !(typeof length === 'number' && Number.isSafeInteger(length) && length >= 0)) {
    fail(report, `${path}.length`, `must be a whole number of octets (0 or more), not ${describe(length)}`);
  }
  const sha2 = value.sha2;
  if (sha2 !== undefined && checkString(report, sha2, `${path}.sha2`) && !SHA2_HEX.test(sha2)) {
    fail(report, `${path}.sha2`, `must be a SHA-2 digest in hexadecimal (56, 64, 96 or 128 digits), not ${quote(sha2)}`);
  }
  if (value.fileUrl !== undefined) checkIrl(report, value.fileUrl, `${path}.fileUrl`);
}
