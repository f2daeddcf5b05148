/**
 * The errors that refuse an issue because the certificate would reveal detention, as field
 * errors so that the trainer's review page lists each one next to the issue button, and the CLI
 * prints the same translated lines.
 */
import { BadRequestError } from '../errors.ts';
import type { RevealingText } from './printed-texts.ts';
import type { PublicUrlProblem } from './public-url-check.ts';

/** Fields the messages name (certificates.errors.revealingIn.*); any other: "other". */
const NAMED_FIELDS = new Set([
  'issuer.name', 'issuer.addressLines', 'issuer.signatoryName', 'issuer.signatoryTitle', 'issuer.id', 'issuePlace',
  'holder.fullName', 'training.title', 'training.reference', 'training.place',
  'competencyBlocks.label', 'competencyBlocks.competencies.label', 'competencyBlocks.competencies.justification',
  'modules.title', 'appraisal.text', 'verifyUrl',
]);

export const revealingFieldKey = (field: string): string => `certificates.errors.revealingIn.${NAMED_FIELDS.has(field) ? field : 'other'}`;

export function publicUrlRefusal(problems: readonly PublicUrlProblem[]): BadRequestError {
  const keys = problems.map((p) => `certificates.errors.${p}`);
  return new BadRequestError(keys[0], Object.fromEntries(keys.map((key, i) => [i === 0 ? 'issue' : `issue-${i}`, key])));
}

export function revealingTextRefusal(texts: readonly RevealingText[]): BadRequestError {
  const fieldErrors: Record<string, string> = { issue: 'certificates.errors.revealingText' };
  for (const t of texts) fieldErrors[`revealing-${t.field}`] = revealingFieldKey(t.field);
  return new BadRequestError('certificates.errors.revealingText', fieldErrors);
}
