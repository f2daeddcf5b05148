/** Issue 12: the SQLite file (and -wal, -shm) and the secret key file are readable by their owner only. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { sql } from 'kysely';
import { openDatabase } from '../../../src/server/db/connection.ts';
import { loadSecretKey, SecretKeyError } from '../../../src/server/secrets/secret-key.ts';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('secrets: files on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tremplin-secrets-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the SQLite file, its -wal and -shm with mode 0600, whatever the umask', async () => {
    const previous = process.umask(0o022);
    try {
      const file = path.join(dir, 'data', 'tremplin.db');
      const database = await openDatabase(`sqlite:${file}`);
      await sql`create table t (v text)`.execute(database.db);
      await sql`insert into t values ('x')`.execute(database.db);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(f).toString(8), f).to.equal('600');
      await database.close();
    } finally {
      process.umask(previous);
    }
  });

  it('tightens a database file an older release left 0644', async () => {
    const file = path.join(dir, 'old.db');
    fs.writeFileSync(file, '');
    fs.chmodSync(file, 0o644);
    const database = await openDatabase(`sqlite:${file}`);
    expect(modeOf(file).toString(8)).to.equal('600');
    await database.close();
  });

  it('creates the key file 0600 with 32 random bytes, then reads the same key back', () => {
    const file = path.join(dir, 'keys', 'tremplin-secret.key');
    const key = loadSecretKey({ file });
    expect(key.length).to.equal(32);
    expect(modeOf(file).toString(8)).to.equal('600');
    expect(loadSecretKey({ file }).equals(key)).to.equal(true);
    expect(loadSecretKey({ file: path.join(dir, 'other.key') }).equals(key)).to.equal(false);
  });

  it('prefers TREMPLIN_SECRET_KEY, and refuses a key of the wrong size with a clear message', () => {
    const file = path.join(dir, 'unused.key');
    const given = Buffer.alloc(32, 5);
    expect(loadSecretKey({ key: given.toString('base64'), file }).equals(given)).to.equal(true);
    expect(loadSecretKey({ key: given.toString('hex'), file }).equals(given)).to.equal(true);
    expect(fs.existsSync(file)).to.equal(false);
    expect(() => loadSecretKey({ key: 'trop-court', file })).to.throw(SecretKeyError, /TREMPLIN_SECRET_KEY must hold a 32-byte key/);
    fs.writeFileSync(file, 'abc\n', { mode: 0o644 });
    expect(() => loadSecretKey({ file })).to.throw(SecretKeyError, /unused\.key/);
    expect(modeOf(file).toString(8)).to.equal('600');
  });
});
