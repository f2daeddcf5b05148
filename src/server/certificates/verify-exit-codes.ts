/**
 * Exit codes of `certificate verify` and `verify-bundle import`, one table for both so that a
 * script can tell the cases apart (docs/certificates.md, "Exit codes").
 */
export const VERIFY_EXIT = {
  valid: 0,
  /** The credential's signature is wrong, or the file holds no credential. */
  invalid: 1,
  usage: 2,
  /** Genuine signature, but no registry or bundle to check its status against. */
  unchecked: 3,
  revoked: 4,
  /** The credential is genuine but the PDF is not the one that was issued. */
  notIssuedPdf: 5,
  /** Signed by the issuer, but not in the registry or the bundle. */
  unknown: 6,
  /** The bundle is unreadable, unsigned, tampered or signed by another key. */
  badBundle: 7,
  /** Valid in the bundle, but the bundle's list is past its validity. */
  stale: 8,
  /** Import only: the bundle is older than the one loaded. */
  rollback: 9,
} as const;
