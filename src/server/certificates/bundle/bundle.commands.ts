/**
 * CLI: `verify-bundle export --out F` on the intranet, `verify-bundle import F` on the public
 * site. Exit codes: verify-exit-codes.ts; publishing steps: docs/certificates.md ("Publishing").
 */
import fs from 'node:fs';
import path from 'node:path';
import { requireOption, UsageError, type CliCommand } from '../../cli/command.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { VERIFY_EXIT } from '../verify-exit-codes.ts';
import { DEFAULT_VALID_DAYS } from './bundle-export.service.ts';
import { isLocale, translator, type Locale } from '../../i18n/catalogue.ts';
import { importRefusedText } from './bundle-messages.ts';

const at = (iso: string) => `${iso.replace('T', ' ').slice(0, 16)} UTC`;

/** French unless --lang en, like `certificate verify`. */
function localeOf(option: unknown): Locale {
  const lang = option ?? 'fr';
  if (!isLocale(lang)) throw new UsageError('--lang must be fr or en');
  return lang;
}

/** Written next to its final name then renamed: a half-written bundle never sits under that name. */
function writeAtomically(file: string, text: string): void {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, `${text}\n`, { mode: 0o644 });
  fs.renameSync(tmp, file);
}

export const bundleCommands: CliCommand[] = [
  {
    words: ['verify-bundle', 'export'],
    usage: `verify-bundle export --out <file> [--valid-days ${DEFAULT_VALID_DAYS}] [--lang fr|en]`,
    summary: 'intranet: writes the signed verification bundle (issuer, keys, revocation list, one entry per certificate) for the public site',
    async run(options, _p, ctx) {
      const out = requireOption(options, 'out');
      const rawDays = options['valid-days'] ?? String(DEFAULT_VALID_DAYS);
      if (typeof rawDays !== 'string' || !/^\d+$/.test(rawDays) || Number(rawDays) < 1 || Number(rawDays) > 90) throw new UsageError('--valid-days must be a whole number of days from 1 to 90');
      if (!fs.existsSync(path.dirname(path.resolve(out)))) throw new UsageError(`the folder of ${out} does not exist`);
      const t = translator(localeOf(options.lang));
      let result;
      try {
        result = await (ctx as AppContext).certificates.bundles.exporter.export(Number(rawDays));
      } catch (err) {
        // A refusal (no public address, a text that reveals detention) is said like on the pages; nothing is written.
        if (!(err instanceof AppError)) throw err;
        process.stderr.write(`${[...new Set([err.messageKey, ...Object.values(err.fieldErrors)])].map((key) => t(key)).join('\n')}\n`);
        return VERIFY_EXIT.invalid;
      }
      writeAtomically(out, result.text);
      process.stdout.write(
        `${t('bundlecli.export.written', { sequence: result.sequence, file: out, certificates: result.certificates, revoked: result.revoked })}\n` +
          `${t('bundlecli.export.validUntil', { until: at(result.validUntil) })}\n` +
          `${t('bundlecli.export.kid', { kid: result.kid })}\n`,
      );
      return VERIFY_EXIT.valid;
    },
  },
  {
    words: ['verify-bundle', 'import'],
    usage: 'verify-bundle import <file> [--pin-kid <key thumbprint>] [--lang fr|en]',
    summary: 'public site: loads a bundle signed by the pinned issuer key and newer than the loaded one; the first import pins the key',
    async run(options, positionals, ctx) {
      const t = translator(localeOf(options.lang));
      const file = positionals[0];
      if (!file) throw new UsageError('missing <file>');
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        throw new UsageError(`cannot read ${file}`);
      }
      const pinKid = typeof options['pin-kid'] === 'string' ? options['pin-kid'] : undefined;
      const outcome = await (ctx as AppContext).certificates.bundles.importer.import(text, { pinKid });
      if (!outcome.ok) {
        process.stderr.write(importRefusedText(outcome, t));
        return outcome.reason === 'rollback' ? VERIFY_EXIT.rollback : VERIFY_EXIT.badBundle;
      }
      if (outcome.alreadyLoaded) {
        process.stdout.write(`${t('bundlecli.import.alreadyLoaded', { sequence: outcome.sequence })}\n`);
        return VERIFY_EXIT.valid;
      }
      process.stdout.write(
        `${t('bundlecli.import.loaded', { sequence: outcome.sequence, issuedAt: at(outcome.issuedAt), certificates: outcome.certificates })}\n` +
          `${t('bundlecli.import.validUntil', { until: at(outcome.validUntil) })}\n` +
          (outcome.pinned ? `${t('bundlecli.import.pinned', { kid: outcome.kid })}\n` : '') +
          (outcome.stale ? `${t('bundlecli.import.alreadyStale')}\n` : ''),
      );
      return VERIFY_EXIT.valid;
    },
  },
];
