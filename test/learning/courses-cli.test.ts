import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { openDatabase } from '../../src/server/db/connection.ts';
import { createChildDatabaseUrl } from '../helpers/database.ts';

const run = promisify(execFile);

async function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/server/cli/main.ts', ...args], { env: { ...process.env, ...env }, timeout: 180_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('CLI: courses import', function () {
  this.timeout(400_000);

  it('imports a library; a broken module is named with its file and line, exits 1 and imports nothing', async () => {
    const target = await createChildDatabaseUrl();
    const env = { DATABASE_URL: target.url, BASE_URL: 'http://tremplin.test', LOG_LEVEL: 'error' };
    try {
      const first = await cli(['courses', 'import', '--dir', 'test/learning/fixtures/courses'], env);
      expect(first.code, first.stderr).to.equal(0);
      expect(first.stdout).to.contain('Courses: 2 new version(s) (essai-player v1, second-module v1), 0 unchanged, 0 error(s)');
      const broken = await cli(['courses', 'import', '--dir', 'test/learning/fixtures/broken-courses'], env);
      expect(broken.code).to.equal(1);
      expect(broken.stderr).to.match(/casse\/(quiz\.yaml|module\.yaml:\d+)/);
      const database = await openDatabase(target.url);
      try {
        const versions = await database.db.selectFrom('course_versions').select(['module_id', 'version']).orderBy('module_id').execute();
        expect(versions.map((v) => `${v.module_id} v${v.version}`)).to.deep.equal(['essai-player v1', 'second-module v1']);
      } finally {
        await database.close();
      }
    } finally {
      await target.cleanup();
    }
  });
});
