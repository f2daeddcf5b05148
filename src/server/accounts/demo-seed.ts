import type { AppContext } from '../context.ts';
import type { Role } from './roles.ts';
import { loginKey } from './accounts.service.ts';
import { assignDemoModules } from '../learning/library/demo-assignment.ts';

export interface DemoAccount {
  login: string;
  displayName: string;
  role: Role;
  /** Present only for accounts created by this run. */
  oneTimePassword?: string;
}

const DEMO_ACCOUNTS: Array<Omit<DemoAccount, 'oneTimePassword'>> = [
  { login: 'admin', displayName: 'Camille Administratrice', role: 'admin' },
  { login: 'formateur', displayName: 'Karim Formateur', role: 'trainer' },
  { login: 'stagiaire1', displayName: 'Julien Martin', role: 'learner' },
  { login: 'stagiaire2', displayName: 'Sofiane Benali', role: 'learner' },
  { login: 'stagiaire3', displayName: 'Thomas Lefèvre', role: 'learner' },
  // Five learners: the partner's view shows a group's figures from five people on (k-anonymity).
  { login: 'stagiaire4', displayName: 'Mehdi Roussel', role: 'learner' },
  { login: 'stagiaire5', displayName: 'Kevin Dupuis', role: 'learner' },
  { login: 'partenaire', displayName: 'Nadia Suivi', role: 'partner' },
];

export const DEMO_COHORT_NAME = 'Groupe démo';

/**
 * Creates the demo accounts and cohort that are missing; running it twice changes nothing.
 * Returns every demo account, with a one-time password for those it created.
 */
export async function seedDemo(ctx: AppContext): Promise<DemoAccount[]> {
  const origin = { ip: null, actorId: null };
  const accounts: DemoAccount[] = [];
  for (const demo of DEMO_ACCOUNTS) {
    const existing = await ctx.repositories.users.findCredentials(loginKey(demo.login));
    if (existing) {
      accounts.push(demo);
      continue;
    }
    const { oneTimePassword } = await ctx.services.accounts.createUser(demo, origin);
    accounts.push({ ...demo, oneTimePassword });
  }
  const cohorts = await ctx.repositories.cohorts.list();
  let cohort = cohorts.find((c) => c.name === DEMO_COHORT_NAME);
  if (!cohort) {
    const today = ctx.clock();
    const end = new Date(today.getTime() + 180 * 86_400_000);
    cohort = await ctx.services.cohorts.create(
      { name: DEMO_COHORT_NAME, startDate: today.toISOString().slice(0, 10), endDate: end.toISOString().slice(0, 10) },
      origin,
    );
  }
  const members = new Set((await ctx.repositories.cohorts.members(cohort.id)).map((m) => m.userId));
  for (const demo of DEMO_ACCOUNTS.filter((d) => d.role === 'learner' || d.role === 'trainer')) {
    const found = await ctx.repositories.users.findCredentials(loginKey(demo.login));
    if (found && !members.has(found.user.id)) await ctx.services.cohorts.addMember(cohort.id, found.user.id, origin);
  }
  await assignDemoModules(ctx, cohort.id);
  return accounts;
}

/** The console banner of the first start: logins and one-time passwords, clearly laid out. */
export function formatDemoBanner(accounts: DemoAccount[], baseUrl: string): string {
  const created = accounts.filter((a) => a.oneTimePassword);
  if (created.length === 0) return 'Demo accounts already exist; their passwords were printed when they were created.';
  const width = Math.max(...created.map((a) => a.login.length)) + 2;
  const lines = created.map((a) => `  ${a.role.padEnd(8)} ${a.login.padEnd(width)} ${a.oneTimePassword}   (${a.displayName})`);
  return [
    '',
    '================ Tremplin: demo accounts (first start) ================',
    `  Open ${baseUrl}/login and sign in with one of these.`,
    '  Each password works once: you then choose your own.',
    '',
    `  ${'role'.padEnd(8)} ${'login'.padEnd(width)} one-time password`,
    ...lines,
    '=======================================================================',
    '',
  ].join('\n');
}
