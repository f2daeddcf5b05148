/**
 * Uploads (issue 13): read by busboy while they stream, limits enforced on the way, and the form
 * token in a form field ahead of the file, never in the URL. Tried on the organisation's logo
 * (admin) and the zip import (trainer): every refusal stores nothing and none answers 500.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import request from 'supertest';
import { cheerio, createTestApp, createUser, csrfFrom, loginAs, type TestApp } from '../helpers/app.ts';

const PNG = fs.readFileSync('assets/logo-default.png');

describe('uploads: streaming multipart reader and the token in the form (HTTP)', function () {
  this.timeout(60_000);
  let t: TestApp;
  let admin: request.Agent;
  let token: string;

  before(async () => {
    t = await createTestApp();
    await createUser(t.ctx, 'admin', 'root');
    admin = await loginAs(t.app, 'root');
    token = await csrfFrom(admin, '/admin/organisation');
  });
  after(() => t.close());

  const logo = async () => (await t.ctx.certificates.organisation.get()).logoSha256;
  const assets = async () => Number((await t.ctx.database.db.selectFrom('course_assets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('puts the token in a hidden field before the file input on every upload form, and not in the action', async () => {
    for (const [agent, page, selector] of [
      [admin, '/admin/organisation', 'form[action="/admin/organisation/logo"]'],
      [admin, '/verify', 'form[action="/verify/file"]'],
      [admin, '/admin/users/bulk', 'form[action="/admin/users/bulk/file"]'],
    ] as const) {
      const $ = cheerio.load((await agent.get(page).expect(200)).text);
      const form = $(selector);
      expect(form.length, page).to.equal(1);
      expect(form.find('input').first().attr('name'), page).to.equal('_csrf');
      expect(form.find('input').first().val()).to.equal(token);
      expect($('form[action*="_csrf"]').length, page).to.equal(0);
    }
  });

  it('accepts the token in the field, and refuses it in the URL only, missing, or after the file (403, nothing stored)', async () => {
    await admin.post(`/admin/organisation/logo?_csrf=${token}`).attach('logo', PNG, 'logo.png').expect(403);
    await admin.post('/admin/organisation/logo').attach('logo', PNG, 'logo.png').expect(403);
    await admin.post('/admin/organisation/logo').field('_csrf', 'faux-jeton').attach('logo', PNG, 'logo.png').expect(403);
    await admin.post('/admin/organisation/logo').attach('logo', PNG, 'logo.png').field('_csrf', token).expect(403);
    expect(await logo()).to.equal(null);
    await admin.post('/admin/organisation/logo').field('_csrf', token).attach('logo', PNG, 'logo.png').expect(303);
    expect(await logo()).to.match(/^[0-9a-f]{64}$/);
  });

  it('refuses a multipart post to a route that takes no upload, even with the token in a field', async () => {
    const before = await logo();
    expect(before).to.not.equal(null);
    await admin.post('/admin/organisation/logo/remove').field('_csrf', token).expect(403);
    expect(await logo()).to.equal(before);
  });

  it('stops an oversize file and a second file with 413, and leaves the stored logo as it was', async () => {
    const before = await logo();
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    const res = await admin.post('/admin/organisation/logo').field('_csrf', token).attach('logo', big, 'big.png').expect(413);
    expect(res.text).to.not.match(/Internal|500/);
    await admin.post('/admin/organisation/logo').field('_csrf', token).attach('logo', PNG, 'a.png').attach('logo2', PNG, 'b.png').expect(413);
    expect(await logo()).to.equal(before);
  });

  it('answers 400, never 500, to a missing boundary, a truncated body and a body that is not multipart', async () => {
    const before = await logo();
    await admin.post('/admin/organisation/logo').set('content-type', 'multipart/form-data').send('--x\r\n').expect(400);
    const truncated = `--b\r\ncontent-disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--b\r\ncontent-disposition: form-data; name="logo"; filename="a.png"\r\ncontent-type: image/png\r\n\r\n${PNG.subarray(0, 100).toString('latin1')}`;
    await admin.post('/admin/organisation/logo').set('content-type', 'multipart/form-data; boundary=b').send(truncated).expect(400);
    await admin.post('/admin/organisation/logo').type('form').send({ _csrf: token }).expect(400);
    expect(await logo()).to.equal(before);
  });

  it('answers the 413 while the client is still sending a huge upload, without reading it all', async () => {
    // A real socket: announce 200 MB, send 3 MB, and read the answer before sending the rest.
    const server = http.createServer(t.app).listen(0);
    try {
      const port = (server.address() as AddressInfo).port;
      // A session of our own, its cookie in hand for the raw request.
      await createUser(t.ctx, 'admin', 'root2');
      const login = await request(t.app).get('/login');
      const anonymous = (login.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
      const loginToken = String(cheerio.load(login.text)('input[name=_csrf]').first().val());
      const loggedIn = await request(t.app).post('/login').set('cookie', anonymous).type('form').send({ login: 'root2', password: 'motdepasse-solide', _csrf: loginToken }).expect(303);
      const cookie = (loggedIn.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
      const page = await request(t.app).get('/admin/organisation').set('cookie', cookie).expect(200);
      const sessionToken = String(cheerio.load(page.text)('form[action="/admin/organisation/logo"] input[name=_csrf]').val());
      const head = `--b\r\ncontent-disposition: form-data; name="_csrf"\r\n\r\n${sessionToken}\r\n--b\r\ncontent-disposition: form-data; name="logo"; filename="huge.png"\r\ncontent-type: image/png\r\n\r\n`;
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request({ port, method: 'POST', path: '/admin/organisation/logo', headers: { cookie, 'content-type': 'multipart/form-data; boundary=b', 'content-length': String(200 * 1024 * 1024) } }, (res) => {
          resolve(res.statusCode ?? 0);
          req.destroy();
        });
        req.on('error', (err) => (String(err).includes('ECONNRESET') || String(err).includes('socket hang up') ? undefined : reject(err)));
        req.write(head);
        req.write(Buffer.alloc(3 * 1024 * 1024));
      });
      expect(status).to.equal(413);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('lets an anonymous employer send a file to /verify/file with the form\'s token, and refuses it without (403)', async () => {
    const employer = request.agent(t.app);
    const $ = cheerio.load((await employer.get('/verify').expect(200)).text);
    const formToken = String($('form[action="/verify/file"] input[name=_csrf]').val());
    expect(formToken).to.not.equal('');
    await employer.post('/verify/file').attach('file', Buffer.from('%PDF-1.7 sans attestation'), 'attestation.pdf').expect(403);
    const refused = await employer.post('/verify/file').field('_csrf', formToken).attach('file', Buffer.from('%PDF-1.7 sans attestation'), 'attestation.pdf').expect(400);
    expect(cheerio.load(refused.text)('body').text()).to.contain("Choisissez le PDF de l'attestation, ou son fichier .jwt ou .json.");
  });

  it('imports a zip with the token in the field, and refuses it with the token in the URL (nothing stored)', async () => {
    await createUser(t.ctx, 'trainer', 'formatrice');
    const trainer = await loginAs(t.app, 'formatrice');
    const csrf = await csrfFrom(trainer, '/trainer/authoring');
    const before = await assets();
    const res = await trainer.post(`/trainer/authoring/import?_csrf=${encodeURIComponent(csrf)}`).attach('archive', Buffer.from('PK\u0003\u0004 pas un zip'), 'module.zip');
    expect(res.status).to.equal(403);
    expect(await assets()).to.equal(before);
    const refused = await trainer.post('/trainer/authoring/import').field('_csrf', csrf).attach('archive', Buffer.from('pas un zip'), 'module.zip');
    // Past the token, the zip itself is read and refused with its own message.
    expect(refused.status).to.equal(422);
    expect(await assets()).to.equal(before);
  });
});
