/**
 * CLI: `certificate verify <file>` (PDF, .jwt or .json) and `purge --older-than <days>`.
 * Exit codes of verify: 0 valid; 1 invalid, revoked, replaced, unknown, or a PDF that is not the
 * issued one; 3 genuine signature but the registry could not be reached, so revocation is
 * unchecked; 2 usage error. With --bundle, the codes of verify-exit-codes.ts
 * (docs/certificates.md, "Exit codes").
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { JWK } from 'jose';
import { loginKey } from '../accounts/accounts.service.ts';
import { boot } from '../boot.ts';
import { cliLocale, translatedErrorLines } from '../cli/translated-error.ts';
import { AppError } from '../errors.ts';
import { requireOption, UsageError, type CliCommand } from '../cli/command.ts';
import type { AppContext } from '../context.ts';
import { verifyWithBundle } from './bundle/offline-verify.ts';
import { jwtFromFile } from './credential-file.ts';
import { createSecretKeyFile } from '../secrets/secret-key.ts';
import { resealStoredKey, SIGNING_KEY_SETTING } from './credential/signing-key.ts';
import { isLocale, translator } from '../i18n/catalogue.ts';
import { bindPdf, verifyCredentialJwt, type VerificationResult } from './verification.ts';
import { verifyReport } from './verify-report.ts';

const EXIT = { valid: 0, unchecked: 3 } as const;

function readJwks(file: string): { keys: JWK[] } {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new UsageError(`cannot read a JWKS (JSON) from ${file}`);
  }
  const keys = (value as { keys?: unknown }).keys;
  if (!Array.isArray(keys)) throw new UsageError(`${file} is not a JWKS: no "keys" array`);
  return { keys: keys as JWK[] };
}

/** Verifies a file; with `ctx` the keys and the registry come from its database. */
export async function verifyFile(file: string, options: { jwksFile?: string }, ctx: AppContext | null): Promise<VerificationResult> {
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  const jwt = await jwtFromFile(data);
  if (!jwt) return { status: 'invalid', reason: 'no_credential_in_file', certificateId: null, record: null, payload: null };
  if (!options.jwksFile && (await (ctx as AppContext).repositories.settings.get(SIGNING_KEY_SETTING)) === null) {
    // Never create a key here: a fresh database would "verify" against a key of its own.
    throw new UsageError('this database holds no issuer key: give the issuer\'s keys with --jwks <file> (a copy of /.well-known/jwks.json)');
  }
  const jwks = options.jwksFile ? readJwks(options.jwksFile) : await (ctx as AppContext).certificates.jwks();
  const result = await verifyCredentialJwt(jwt, jwks, ctx ? (id) => ctx.certificates.registry.findById(id) : null);
  // A PDF is bound to the registry by its bytes: a genuine credential inside a forged PDF is not the issued PDF.
  if (!isPdf(data) || !result.record) return result;
  return bindPdf(result, crypto.createHash('sha256').update(data).digest('hex'), result.record.pdfSha256);
}

const isPdf = (data: Buffer) => data.subarray(0, 5).toString('latin1') === '%PDF-';

export const certificatesCommands: CliCommand[] = [
  {
    words: ['certificate', 'verify'],
    usage: 'certificate verify <file.pdf|file.jwt|file.json> [--jwks keys.json] [--lang fr|en] | certificate verify --bundle <bundle> [file] [--jwks keys.json] [--lang fr|en]',
    summary: 'checks a certificate: signature, revocation in the registry (DATABASE_URL) or in a verification bundle (no database, no network), a PDF against the issued one; exit 0 only if valid',
    offline: true,
    async run(options, positionals, ctx) {
      const file = positionals[0];
      const jwksFile = typeof options.jwks === 'string' ? options.jwks : undefined;
      const lang = options.lang ?? 'fr';
      if (!isLocale(lang)) throw new UsageError('--lang must be fr or en');
      if (typeof options.bundle === 'string') {
        const result = await verifyWithBundle(options.bundle, file, jwksFile ? readJwks(jwksFile) : null, new Date(), lang);
        process.stdout.write(result.out);
        return result.code;
      }
      if (options.bundle !== undefined) throw new UsageError('--bundle needs a file');
      if (!file) throw new UsageError('missing <file>');
      // With --jwks and no DATABASE_URL the check runs fully offline (no registry).
      const useDatabase = ctx !== null || !jwksFile || Boolean(process.env.DATABASE_URL);
      const booted = ctx === null && useDatabase ? await boot() : null;
      try {
        const result = await verifyFile(file, { jwksFile }, ctx ?? booted?.ctx ?? null);
        process.stdout.write(verifyReport(result, translator(lang), lang));
        return result.status === 'valid' ? EXIT.valid : result.status === 'unchecked' ? EXIT.unchecked : 1;
      } finally {
        await booted?.database.close();
      }
    },
  },
  {
    words: ['certificate', 'issue'],
    usage: 'certificate issue --learner <login> --by <login> [--lang fr|en]',
    summary: "issues a learner's certificate, as the trainer's review page does, with the same checks and messages (exit 1 when refused)",
    async run(options, _p, ctx) {
      const c = ctx as AppContext;
      const locale = cliLocale(options.lang);
      const userOf = async (option: string) => {
        const login = requireOption(options, option);
        const found = await c.repositories.users.findCredentials(loginKey(login));
        if (!found) throw new UsageError(`no account with login "${login}" (--${option})`);
        return found.user;
      };
      const learner = await userOf('learner');
      const by = await userOf('by');
      try {
        const record = await c.certificates.issuing.issue(learner.id, by.id);
        process.stdout.write(`${locale === 'en' ? 'Certificate issued' : 'Attestation délivrée'} : ${record.number}\n`);
        return 0;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        process.stderr.write(`${translatedErrorLines(err, locale).join('\n')}\n`);
        return 1;
      }
    },
  },
  {
    words: ['secret-key', 'rotate'],
    usage: 'secret-key rotate --to <new key file>',
    summary: 'writes a new secret key (0600) and re-seals the signing key under it; then point TREMPLIN_SECRET_KEY_FILE at the new file and restart',
    async run(options, _p, ctx) {
      const c = ctx as AppContext;
      const to = requireOption(options, 'to');
      if (fs.existsSync(to)) throw new UsageError(`${to} already exists: give a new file`);
      const current = c.secretKey();
      const stored = await c.repositories.settings.get(SIGNING_KEY_SETTING);
      // Opened with the current key before anything is written: a wrong key changes nothing.
      if (stored !== null) resealStoredKey(stored, current, current);
      const next = createSecretKeyFile(to);
      if (stored !== null) await c.repositories.settings.set(SIGNING_KEY_SETTING, resealStoredKey(stored, current, next));
      process.stdout.write(
        `New secret key written to ${to} (mode 0600); the signing key is sealed under it.\n` +
          `Now set TREMPLIN_SECRET_KEY_FILE=${to} (or replace the old key file with it; unset TREMPLIN_SECRET_KEY), restart every instance, ` +
          'then destroy the old key and its copies. Issued certificates keep verifying; everyone logs in again.\n',
      );
      return 0;
    },
  },
  {
    words: ['purge'],
    usage: 'purge --older-than <days> [--dry-run]',
    summary: "erases released learners' personal data after <days> (the registry keeps number, hash, status, dates, initials), and call recordings older than VOICE_RETENTION_DAYS",
    async run(options, _p, ctx) {
      const raw = requireOption(options, 'older-than');
      if (!/^\d+$/.test(raw)) throw new UsageError('--older-than must be a whole number of days');
      const dryRun = options['dry-run'] === true;
      const result = await (ctx as AppContext).certificates.purge.purge(Number(raw), dryRun);
      process.stdout.write(
        `${dryRun ? 'Simulation (rien n’est effacé)' : 'Purge effectuée'} : sorties avant le ${result.cutoff}, ` +
          `${result.learners.length} stagiaire(s), ${result.certificates} attestation(s).\n`,
      );
      for (const l of result.learners) process.stdout.write(`  ${l.userId} (sortie le ${l.leavingDate})\n`);
      // Recordings have their own period (VOICE_RETENTION_DAYS), whoever made them.
      const voice = await (ctx as AppContext).calls.voice.purge(dryRun);
      process.stdout.write(`Enregistrements de voix d’avant le ${voice.cutoff.slice(0, 10)} (${(ctx as AppContext).calls.voice.retentionDays} jours) : ${voice.recordings}.\n`);
      return 0;
    },
  },
];
