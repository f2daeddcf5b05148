/**
 * Crash test for certificates: the real server runs as a child process on the test's database.
 * The trainer issues a learner's certificate, then an admin re-issues it; the server is killed
 * with SIGKILL while each post is in flight, at several points, restarted, and the same form is
 * posted again. After each restart: at most one valid certificate, every certificate has its
 * stored PDF and its one "earned" statement (no half-issued certificate, no phantom statement),
 * and once the retry answers there is exactly one valid certificate.
 */
import type { ChildProcess } from 'node:child_process';
import { expect } from 'chai';
import { freePort } from '../helpers/free-port.ts';
import { browser, childDatabaseUrl, crashPoints, killServer, startServer } from '../helpers/real-server.ts';
import { FIXTURE_COURSES, statementsOf } from '../learning/helpers.ts';
import { certificateWorld, readyToIssue, type CertificateWorld } from '../certificates/world.ts';

const KILL_DELAYS = (process.env.CRASH_DELAYS_MS ?? '0,100,400,1500').split(',').map(Number);
const EARNED = 'http://id.tincanapi.com/verb/earned';

describe('crash test: kill -9 of the real server while a certificate is issued or re-issued', function () {
  this.timeout(900_000);
  let w: CertificateWorld;
  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (child) await killServer(child);
    await w.close();
  });

  it('retries the issue and the re-issue after a crash at each point: one valid certificate, each with its PDF and statement', async () => {
    w = await certificateWorld();
    await readyToIssue(w);
    const port = await freePort();
    const { config } = w.t.ctx;
    const start = () =>
      startServer(port, { DATABASE_URL: childDatabaseUrl(w.t.ctx), BASE_URL: config.baseUrl, VERIFY_BASE_URL: config.verifyBaseUrl, COURSES_DIR: FIXTURE_COURSES });
    child = await start();
    const trainer = browser(`http://127.0.0.1:${port}`);
    const admin = browser(`http://127.0.0.1:${port}`);
    expect(await trainer.login('karim')).to.equal(303);
    expect(await admin.login('admin-cert')).to.equal(303);

    const db = w.t.ctx.database.db;
    const certificates = () => db.selectFrom('certificates').select(['id', 'status']).where('user_id', '=', w.learner.id).orderBy('issued_at').execute();
    const invariants = async () => {
      const rows = await certificates();
      expect(rows.filter((r) => r.status === 'valid').length, 'valid certificates').to.be.at.most(1);
      const pdfs = new Set((await db.selectFrom('certificate_pdfs').select('certificate_id').execute()).map((r) => String(r.certificate_id)));
      for (const row of rows) expect(pdfs.has(String(row.id)), `PDF of ${row.id}`).to.equal(true);
      const earned = (await statementsOf(w.t, w.learner.id)).filter((s) => (s.verb as { id: string }).id === EARNED);
      expect(earned.length, '"earned" statements').to.equal(rows.length);
      return rows;
    };
    const summary = async () => (await certificates()).map((r) => `${r.id}:${r.status}`).join(',');

    const { counts, crashAndRetry: crashPoint } = crashPoints({
      delays: KILL_DELAYS,
      kill: () => killServer(child as ChildProcess),
      restart: async () => {
        child = await start();
      },
      invariants,
    });
    const crashAndRetry = async (action: string, post: () => Promise<{ status: number }>) => {
      await crashPoint(action, post, summary);
      expect((await certificates()).filter((r) => r.status === 'valid'), `${action}: one valid certificate`).to.have.length(1);
    };

    // The trainer's issue form, as the review page renders it (its hidden key makes a retry the same issue).
    const review = await trainer.get(`/trainer/release/${w.learner.id}`);
    const form = review.$(`form[action="/trainer/release/${w.learner.id}/issue"]`);
    expect(form.length, 'issue form').to.equal(1);
    const fields: Record<string, string> = {};
    form.find('input').each((_, el) => {
      const input = review.$(el);
      fields[String(input.attr('name'))] = input.attr('type') === 'checkbox' ? 'on' : String(input.val());
    });
    await crashAndRetry('the issue', () => trainer.post(`/trainer/release/${w.learner.id}/issue`, fields));
    const issued = await certificates();
    expect(issued.map((r) => r.status)).to.deep.equal(['valid']);

    // The admin re-issues it, again and again (each re-issue a new action, killed at the next
    // point): a re-issue posted again is the same replacement.
    const registry = await admin.get('/admin/certificates');
    const csrf = String(registry.$('input[name=_csrf]').first().val());
    const REISSUES = KILL_DELAYS.length;
    for (let n = 1; n <= REISSUES; n++) {
      const current = (await certificates()).find((r) => r.status === 'valid');
      await crashAndRetry(`re-issue ${n}`, () => admin.post(`/admin/certificates/${String(current?.id)}/reissue`, { _csrf: csrf }));
    }
    const final = await invariants();
    expect(final.map((r) => r.status)).to.deep.equal([...Array(REISSUES).fill('replaced'), 'valid']);
    console.log(`      certificate crash points tried: ${counts.crashes} (one issue and ${KILL_DELAYS.length} re-issues, delays ${KILL_DELAYS.join(', ')} ms in turn); committed before the kill in ${counts.committedBeforeKill}`);
  });
});
