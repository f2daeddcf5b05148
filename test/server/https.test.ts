/**
 * HTTPS serving (issue 14: browsers give the microphone only to a secure context). The real
 * server is started with a self-signed certificate made here by openssl for 127.0.0.1, and
 * /login is fetched over https trusting only that certificate.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { ConfigError, parseConfig } from '../../src/server/config.ts';
import { TEST_SECRET_KEY } from '../helpers/app.ts';
import { createChildDatabaseUrl } from '../helpers/database.ts';
import { freePort } from '../helpers/free-port.ts';
import { FIXTURE_COURSES } from '../learning/helpers.ts';

interface Answer {
  status: number;
  body: string;
  protocol: string;
}

function httpsGet(url: string, ca: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ca }, (res) => {
      let body = '';
      // Read while the socket is still attached (it is released at the end of the response).
      const protocol = (res.socket as unknown as { getProtocol(): string }).getProtocol();
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, protocol }));
    });
    req.on('error', reject);
  });
}

function run(env: Record<string, string>): { child: ChildProcess; stderr: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'error', SESSION_SECRET: 's'.repeat(40), TREMPLIN_SECRET_KEY: TEST_SECRET_KEY, COURSES_DIR: FIXTURE_COURSES, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}

describe('HTTPS serving with TLS_CERT_FILE and TLS_KEY_FILE', function () {
  this.timeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tremplin-tls-'));
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  let db: { url: string; cleanup(): Promise<void> };

  before(async () => {
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile], { encoding: 'utf8' });
    expect(made.status, made.stderr).to.equal(0);
    db = await createChildDatabaseUrl();
  });
  after(async () => {
    await db?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves /login over https with the workshop certificate, and no longer over plain http', async () => {
    const port = await freePort();
    const server = run({ DATABASE_URL: db.url, PORT: String(port), BASE_URL: `https://127.0.0.1:${port}`, TLS_CERT_FILE: certFile, TLS_KEY_FILE: keyFile });
    try {
      let answer: Answer | undefined;
      for (let i = 0; i < 450 && !answer; i++) {
        if (server.child.exitCode !== null) throw new Error(`server exited: ${server.stderr()}`);
        answer = await httpsGet(`https://127.0.0.1:${port}/login`, fs.readFileSync(certFile)).catch(() => undefined);
        if (!answer) await new Promise((r) => setTimeout(r, 200));
      }
      expect(answer?.status).to.equal(200);
      expect(answer?.protocol).to.match(/^TLSv1\.[23]$/);
      expect(answer?.body).to.contain('Se connecter');
      const plain = await fetch(`http://127.0.0.1:${port}/login`).then((r) => r.status, () => 'refused');
      expect(plain).to.not.equal(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  it('refuses to start when a certificate file cannot be read, naming the variable and the file', async () => {
    const missing = path.join(dir, 'absent.pem');
    const server = run({ DATABASE_URL: db.url, PORT: String(await freePort()), TLS_CERT_FILE: missing, TLS_KEY_FILE: keyFile });
    expect(await server.exited).to.equal(1);
    expect(server.stderr()).to.contain(`Configuration error: TLS_CERT_FILE cannot be read: ${missing} (ENOENT)`);
  });

  it('refuses a key that is not PEM', async () => {
    const junk = path.join(dir, 'junk.pem');
    fs.writeFileSync(junk, 'not a key');
    const server = run({ DATABASE_URL: db.url, PORT: String(await freePort()), TLS_CERT_FILE: certFile, TLS_KEY_FILE: junk });
    expect(await server.exited).to.equal(1);
    expect(server.stderr()).to.contain('Configuration error: TLS_CERT_FILE and TLS_KEY_FILE are not a usable certificate and key');
  });

  it('refuses one variable without the other', () => {
    expect(() => parseConfig({ TLS_CERT_FILE: certFile })).to.throw(ConfigError, 'TLS_CERT_FILE and TLS_KEY_FILE go together: TLS_KEY_FILE is missing');
    expect(() => parseConfig({ TLS_KEY_FILE: keyFile })).to.throw(ConfigError, 'TLS_CERT_FILE and TLS_KEY_FILE go together: TLS_CERT_FILE is missing');
    expect(parseConfig({}).tls).to.equal(undefined);
    expect(parseConfig({ TLS_CERT_FILE: certFile, TLS_KEY_FILE: keyFile }).tls).to.deep.equal({ certFile, keyFile });
  });
});
