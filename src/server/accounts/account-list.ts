import { searchKey } from '../text/search-key.ts';
import { loginKey } from './login-key.ts';
import { loginBaseFromName, uniqueLogin } from './login-from-name.ts';

/** The shape a typed login must have (the single account form checks the same). */
export const LOGIN_PATTERN = /^[\p{L}\p{N}._-]{2,40}$/u;
export const MAX_LIST_LINES = 200;
const NAME_MAX = 120;

export interface PlannedAccount {
  /** 1-based line of the pasted list. */
  line: number;
  displayName: string;
  login: string;
}

/** A problem on one line: a catalogue key under accounts.bulk.problems and its values. */
export interface ListProblem {
  line: number;
  key: string;
  vars: Record<string, string | number>;
}

/** What already exists, by folded key: logins, and the login of each existing name. */
export interface ExistingAccounts {
  loginKeys: ReadonlySet<string>;
  loginByNameKey: ReadonlyMap<string, string>;
}

interface Line {
  line: number;
  displayName: string;
  typedLogin: string | null;
}

/** "Prénom Nom" or "Prénom Nom ; identifiant"; tabs (a spreadsheet's columns) count as spaces. */
function readLines(text: string): Line[] {
  return text
    .split(/\r?\n/)
    .map((raw, index) => {
      const [name = '', login = ''] = raw.split(';', 2);
      return { line: index + 1, displayName: name.replace(/\s+/g, ' ').trim(), typedLogin: login.trim() || null, blank: raw.trim() === '' };
    })
    .filter((l) => !l.blank)
    .map(({ line, displayName, typedLogin }) => ({ line, displayName, typedLogin }));
}

/**
 * Turns a pasted list into the accounts to create, or the problems that stop all of them (the
 * list is created whole or not at all). Logins are given by the line or derived from the name,
 * with a number added when taken; typed logins are reserved first, so a derived one never
 * takes a login typed further down.
 */
export function planAccounts(text: string, existing: ExistingAccounts): { accounts: PlannedAccount[]; problems: ListProblem[] } {
  const lines = readLines(text);
  const problems: ListProblem[] = [];
  if (lines.length === 0) return { accounts: [], problems: [{ line: 0, key: 'empty', vars: {} }] };
  if (lines.length > MAX_LIST_LINES) return { accounts: [], problems: [{ line: lines[MAX_LIST_LINES].line, key: 'tooMany', vars: { max: MAX_LIST_LINES } }] };

  const typedAt = new Map<string, number>();
  const nameAt = new Map<string, number>();
  const badNames = new Set<number>();
  for (const l of lines) {
    const nameKey = searchKey(l.displayName);
    if (l.displayName.length < 2 || l.displayName.length > NAME_MAX || !/\p{L}/u.test(l.displayName)) {
      badNames.add(l.line);
      problems.push({ line: l.line, key: 'name', vars: { max: NAME_MAX } });
    } else if (nameAt.has(nameKey)) {
      problems.push({ line: l.line, key: 'duplicateName', vars: { name: l.displayName, first: nameAt.get(nameKey) as number } });
    } else {
      nameAt.set(nameKey, l.line);
      const existingLogin = existing.loginByNameKey.get(nameKey);
      if (existingLogin !== undefined && l.typedLogin === null) problems.push({ line: l.line, key: 'nameExists', vars: { name: l.displayName, login: existingLogin } });
    }
    if (l.typedLogin === null) continue;
    const key = loginKey(l.typedLogin);
    if (!LOGIN_PATTERN.test(l.typedLogin)) problems.push({ line: l.line, key: 'loginFormat', vars: { login: l.typedLogin } });
    else if (existing.loginKeys.has(key)) problems.push({ line: l.line, key: 'loginTaken', vars: { login: l.typedLogin } });
    else if (typedAt.has(key)) problems.push({ line: l.line, key: 'duplicateLogin', vars: { login: l.typedLogin, first: typedAt.get(key) as number } });
    else typedAt.set(key, l.line);
  }

  const taken = new Set([...existing.loginKeys, ...typedAt.keys()]);
  const accounts: PlannedAccount[] = [];
  for (const l of lines) {
    let login = l.typedLogin;
    if (login === null && badNames.has(l.line)) continue;
    if (login === null) {
      const base = loginBaseFromName(l.displayName);
      if (base.length < 2) {
        problems.push({ line: l.line, key: 'noLogin', vars: { name: l.displayName } });
        continue;
      }
      login = uniqueLogin(base, (candidate) => taken.has(loginKey(candidate)));
      taken.add(loginKey(login));
    }
    accounts.push({ line: l.line, displayName: l.displayName, login });
  }
  problems.sort((a, b) => a.line - b.line);
  return problems.length > 0 ? { accounts: [], problems } : { accounts, problems };
}
