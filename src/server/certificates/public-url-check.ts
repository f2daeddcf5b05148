/**
 * Whether the addresses a certificate carries may leave the building. The QR code and the
 * printed link lead an employer to VERIFY_BASE_URL, and the intranet's BASE_URL is written into
 * the exported statements (activity ids, the learner's account): neither may name detention,
 * and the verification address must be a public one, not the intranet's (issue 12).
 */
import { forbiddenWordsInUrl } from './forbidden-words.ts';

export type PublicUrlProblem = 'verifyBaseUrlMissing' | 'verifyBaseUrlIntranet' | 'verifyBaseUrlLocal' | 'verifyBaseUrlRevealing' | 'baseUrlRevealing';

const LOOPBACK = /^(localhost|.*\.localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;

function originOf(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** In the order a message should name them; empty when issuing may go on. */
/**
 * `baseUrls`: the intranet's BASE_URL and the instance's xAPI identity (BASE_URL at the first
 * start, xapi/instance-iri.ts), which the exported statements carry.
 */
export function publicUrlProblems(input: { verifyBaseUrl: string | null; baseUrls: readonly string[] }): PublicUrlProblem[] {
  const problems: PublicUrlProblem[] = [];
  const verify = input.verifyBaseUrl === null ? null : originOf(input.verifyBaseUrl);
  const intranet = input.baseUrls.map(originOf);
  if (verify === null) problems.push('verifyBaseUrlMissing');
  else {
    if (intranet.some((u) => u !== null && u.origin === verify.origin)) problems.push('verifyBaseUrlIntranet');
    else if (LOOPBACK.test(verify.hostname)) problems.push('verifyBaseUrlLocal');
    if (forbiddenWordsInUrl(input.verifyBaseUrl as string).length > 0) problems.push('verifyBaseUrlRevealing');
  }
  if (input.baseUrls.some((u) => forbiddenWordsInUrl(u).length > 0)) problems.push('baseUrlRevealing');
  return problems;
}
