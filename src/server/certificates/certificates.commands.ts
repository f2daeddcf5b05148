/**
 * CLI: `certificate verify <file>` (PDF, .jwt or .json) and `purge --older-than <days>`.
 * Exit codes of verify: 0 valid; 1 invalid, revoked, replaced or unknown; 3 genuine signature
 * but the registry could not be reached, so revocation is unchecked (docs/certificates.md).
 */
import fs from 'node:fs';
import type { JWK } from 'jose';
import { boot } from '../boot.ts';
import { requireOption, UsageError, type CliCommand } from '../cli/command.ts';
import type { AppContext } from '../context.ts';
import { jwtFromFile } from './credential-file.ts';
import { SIGNING_KEY_SETTING } from './credential/signing-key.ts';
import { STATUS_LABELS_FR, verifyCredentialJwt, type VerificationResult } from './verification.ts';

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

function report(result: VerificationResult): string {
  const lines = [`Statut : ${STATUS_LABELS_FR[result.status]}`];
  const payload = result.payload;
  const issuer = payload?.issuer as { name?: unknown } | undefined;
  if (result.record) {
    lines.push(`Numéro : ${result.record.number}`, `Délivrée le : ${result.record.issuedAt.slice(0, 10)}`, `Titulaire : ${result.record.holderInitials}`);
    if (result.record.revokedAt) lines.push(`Révoquée le : ${result.record.revokedAt.slice(0, 10)}${result.record.revokedReason ? ` (${result.record.revokedReason})` : ''}`);
  } else if (payload && typeof payload.validFrom === 'string') {
    lines.push(`Délivrée le : ${payload.validFrom.slice(0, 10)}`);
  }
  if (issuer && typeof issuer.name === 'string') lines.push(`Émetteur : ${issuer.name}`);
  if (result.reason && result.status !== 'revoked') lines.push(`Raison : ${result.reason}`);
  if (result.status === 'unchecked') lines.push("La signature est authentique, mais le registre n'a pas pu être consulté : vérifiez l'état en ligne (page /verify).");
  return `${lines.join('\n')}\n`;
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
  return verifyCredentialJwt(jwt, jwks, ctx ? (id) => ctx.certificates.registry.findById(id) : null);
}

export const certificatesCommands: CliCommand[] = [
  {
    words: ['certificate', 'verify'],
    usage: 'certificate verify <file.pdf|file.jwt|file.json> [--jwks keys.json]',
    summary: 'checks a certificate: signature, then revocation in the registry (DATABASE_URL); exit 0 only if valid',
    offline: true,
    async run(options, positionals, ctx) {
      const file = positionals[0];
      if (!file) throw new UsageError('missing <file>');
      const jwksFile = typeof options.jwks === 'string' ? options.jwks : undefined;
      // With --jwks and no DATABASE_URL the check runs fully offline (no registry).
      const useDatabase = ctx !== null || !jwksFile || Boolean(process.env.DATABASE_URL);
      const booted = ctx === null && useDatabase ? await boot() : null;
      try {
        const result = await verifyFile(file, { jwksFile }, ctx ?? booted?.ctx ?? null);
        process.stdout.write(report(result));
        return result.status === 'valid' ? EXIT.valid : result.status === 'unchecked' ? EXIT.unchecked : 1;
      } finally {
        await booted?.database.close();
      }
    },
  },
  {
    words: ['purge'],
    usage: 'purge --older-than <days> [--dry-run]',
    summary: "erases released learners' personal data after <days>; the registry keeps number, hash, status, dates, initials",
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
      return 0;
    },
  },
];
