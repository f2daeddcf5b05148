import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { openDatabase, type DatabaseHandle as Database } from '../../../src/server/db/connection.ts';
import { createChildDatabaseUrl } from '../../helpers/database.ts';

const run = promisify(execFile);

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: Record<string, string>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/server/cli/main.ts', ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('CLI: npm run tremplin -- <command>', function () {
  this.timeout(120_000);
  let target: { url: string; cleanup(): Promise<void> };
  let env: Record<string, string>;
  let database: Database | undefined;

  beforeEach(async () => {
    target = await createChildDatabaseUrl();
    env = { DATABASE_URL: target.url, BASE_URL: 'http://tremplin.test', LOG_LEVEL: 'error' };
  });
  afterEach(async () => {
    await database?.close();
    database = undefined;
    await target.cleanup();
  });

  it('prints help when given no command', async () => {
    const res = await cli([], env);
    expect(res.code).to.equal(0);
    for (const word of ['migrate', 'seed-demo', 'user add', 'user reset-password', 'lrs-key add']) expect(res.stdout).to.contain(word);
  });

  it('refuses an unknown command with help and exit code 2', async () => {
    const res = await cli(['frobnicate'], env);
    expect(res.code).to.equal(2);
    expect(res.stderr).to.contain('Unknown command: frobnicate');
  });

  it('migrates, adds a user with a one-time password, and refuses a duplicate', async () => {
    expect((await cli(['migrate'], env)).code).to.equal(0);
    const added = await cli(['user', 'add', '--role', 'learner', '--login', 'julien', '--name', 'Julien Martin'], env);
    expect(added.code).to.equal(0);
    expect(added.stdout).to.match(/One-time password: [a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}\n$/);
    const dup = await cli(['user', 'add', '--role', 'learner', '--login', 'JULIEN', '--name', 'Autre'], env);
    expect(dup.code).to.equal(1);
    expect(dup.stderr).to.contain('already taken');
    const bad = await cli(['user', 'add', '--role', 'pirate', '--login', 'x1', '--name', 'X'], env);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.contain('--role must be one of');
    database = await openDatabase(target.url);
    const rows = await database.db.selectFrom('users').select(['login', 'role', 'must_change_password']).execute();
    expect(rows).to.deep.equal([{ login: 'julien', role: 'learner', must_change_password: 1 }]);
  });

  it('resets a password', async () => {
    await cli(['user', 'add', '--role', 'trainer', '--login', 'karim', '--name', 'Karim'], env);
    const res = await cli(['user', 'reset-password', '--login', 'karim'], env);
    expect(res.code).to.equal(0);
    expect(res.stdout).to.match(/New one-time password for "karim": \S+/);
    const missing = await cli(['user', 'reset-password', '--login', 'personne'], env);
    expect(missing.code).to.equal(1);
  });

  it('creates LRS credentials as exactly one JSON line, which then authenticate', async () => {
    const res = await cli(['lrs-key', 'add', '--name', 'conformance', '--scopes', 'statements/write,statements/read'], env);
    expect(res.code).to.equal(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines).to.have.length(1);
    const parsed = JSON.parse(lines[0]) as { key: string; secret: string };
    expect(Object.keys(parsed).sort()).to.deep.equal(['key', 'secret']);
    database = await openDatabase(target.url);
    const { createLrs } = await import('../../../src/lrs/index.ts');
    const lrs = createLrs({ db: database.shared, dialect: database.dialect, baseUrl: 'http://tremplin.test' });
    const listed = await lrs.credentials.list();
    expect(listed.map((k) => k.key)).to.deep.equal([parsed.key]);
    const bad = await cli(['lrs-key', 'add', '--name', 'x', '--scopes', 'everything'], env);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.contain('unknown scope');
  });

  it('seeds the demo idempotently', async () => {
    const first = await cli(['seed-demo'], env);
    expect(first.code).to.equal(0);
    expect(first.stdout).to.contain('stagiaire1');
    const second = await cli(['seed-demo'], env);
    expect(second.code).to.equal(0);
    expect(second.stdout).to.contain('already exist');
    database = await openDatabase(target.url);
    const users = await database.db.selectFrom('users').select('login').execute();
    expect(users).to.have.length(8);
    expect(await database.db.selectFrom('cohorts').select('id').execute()).to.have.length(1);
  });

  it('stops with one clear message and exit code 1 on a bad configuration', async () => {
    const res = await cli(['migrate'], { ...env, PORT: 'abc' });
    expect(res.code).to.equal(1);
    expect(res.stderr.trim()).to.equal('Configuration error: PORT must be a whole number, got "abc"');
  });
});
