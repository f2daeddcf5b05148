/**
 * `certificate verify --bundle F [file]`: no database, no network. The bundle's signature is
 * checked against `--jwks` (a saved copy of the issuer's /.well-known/jwks.json) or, without it,
 * the bundle's own key, whose thumbprint is printed to compare with the issuer's.
 */
import fs from 'node:fs';
import type { JWK } from 'jose';
import { UsageError } from '../../cli/command.ts';
import { VERIFY_EXIT } from '../verify-exit-codes.ts';
import { checkFileAgainstBundle, type BundleVerdictStatus } from './bundle-check.ts';
import { translator } from '../../i18n/catalogue.ts';
import { bundleSummary, refusalMessage, verdictReport, type CliLocale } from './bundle-messages.ts';
import { readBundle } from './bundle-signature.ts';
import { publishedBundle } from './published-bundle.ts';

const EXIT_OF: Record<BundleVerdictStatus, number> = {
  valid: VERIFY_EXIT.valid,
  invalid: VERIFY_EXIT.invalid,
  unknown: VERIFY_EXIT.unknown,
  not_issued_pdf: VERIFY_EXIT.notIssuedPdf,
  revoked: VERIFY_EXIT.revoked,
  stale: VERIFY_EXIT.stale,
};

function read(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
}

export async function verifyWithBundle(bundleFile: string, file: string | undefined, trusted: { keys: JWK[] } | null, now: Date, locale: CliLocale = 'fr'): Promise<{ code: number; out: string }> {
  const t = translator(locale);
  const checked = await readBundle(read(bundleFile).toString('utf8'), trusted);
  if (!checked.ok) return { code: VERIFY_EXIT.badBundle, out: `${t('bundlecli.offline.refused', { reason: refusalMessage(checked.reason, t) })}\n` };
  const bundle = publishedBundle(checked);
  const keyNote = trusted ? '' : `${t('bundlecli.offline.unpinned')}\n`;
  if (file === undefined) {
    const stale = bundle.isStale(now);
    return { code: stale ? VERIFY_EXIT.stale : VERIFY_EXIT.valid, out: `${bundleSummary(bundle, now, t).join('\n')}\n${keyNote}` };
  }
  const verdict = await checkFileAgainstBundle(bundle, read(file), now);
  return { code: EXIT_OF[verdict.status], out: verdictReport(bundle, verdict, now, t, locale) + keyNote };
}
