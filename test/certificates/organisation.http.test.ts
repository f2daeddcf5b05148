import fs from 'node:fs';
import { expect } from 'chai';
import type request from 'supertest';
import { cheerio, createTestApp, createUser, csrfFrom, loginAs, type TestApp } from '../helpers/app.ts';

describe('certificates: organisation settings (admin)', function () {
  this.timeout(60_000);
  let t: TestApp;
  let admin: request.Agent;

  before(async () => {
    t = await createTestApp();
    await createUser(t.ctx, 'admin', 'root');
    await createUser(t.ctx, 'learner', 'lina', undefined, 'Lina Haddad');
    admin = await loginAs(t.app, 'root');
  });
  after(() => t.close());

  const csrf = () => csrfFrom(admin, '/admin/organisation');
  const valid = { name: 'Association Cap Avenir', address: '12 rue des Lilas\n69003 Lyon', city: 'Lyon', signatoryName: 'Claire Martin', signatoryTitle: 'Directrice', verifyBaseUrl: 'https://verif.example.org/' };

  it('saves the issuer, the options and the VERIFY_BASE_URL override', async () => {
    await admin.post('/admin/organisation').type('form').send({ _csrf: await csrf(), ...valid, showBirthDate: 'on' }).expect(303);
    const org = await t.ctx.certificates.organisation.get();
    expect(org).to.include({ name: 'Association Cap Avenir', city: 'Lyon', verifyBaseUrl: 'https://verif.example.org', showBirthDate: true, showTrainingPlace: false });
    expect(org.addressLines).to.deep.equal(['12 rue des Lilas', '69003 Lyon']);
    expect(await t.ctx.certificates.issuing.verifyBaseUrl()).to.equal('https://verif.example.org');
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const res = await admin
      .post('/admin/organisation')
      .type('form')
      .send({ _csrf: await csrf(), ...valid, name: '', verifyBaseUrl: 'javascript:alert(1)', showTrainingPlace: 'on', trainingPlace: '' })
      .expect(400);
    const $ = cheerio.load(res.text);
    expect($('.alert-error li').length).to.equal(3);
    expect((await t.ctx.certificates.organisation.get()).name).to.equal('Association Cap Avenir');
  });

  it('refuses texts and verification addresses that reveal detention, and stores nothing', async () => {
    const before = await t.ctx.certificates.organisation.get();
    const res = await admin
      .post('/admin/organisation')
      .type('form')
      .send({ _csrf: await csrf(), ...valid, name: 'Atelier de la maison  centrale', address: 'Quartier de semi-liberté\n1 rue du Port', verifyBaseUrl: 'https://verif.prison-exemple.fr' })
      .expect(400);
    const $ = cheerio.load(res.text);
    expect($('#f-name-error').text()).to.contain('Ce texte révèle la détention');
    expect($('.alert-error li').length).to.equal(3);
    expect($('#f-verifyBaseUrl-error').text()).to.contain('contient un mot qui révèle la détention');
    const intranet = await admin.post('/admin/organisation').type('form').send({ _csrf: await csrf(), ...valid, verifyBaseUrl: 'http://tremplin.test/verif' }).expect(400);
    expect(cheerio.load(intranet.text)('#f-verifyBaseUrl-error').text()).to.contain("celle de l'intranet (BASE_URL)");
    expect(await t.ctx.certificates.organisation.get()).to.deep.equal(before);
  });

  it('accepts a PNG logo, refuses another format and an oversized file', async () => {
    const token = await csrf();
    await admin.post('/admin/organisation/logo').field('_csrf', token).attach('logo', Buffer.from('GIF89a....'), 'logo.gif').expect(400);
    expect((await t.ctx.certificates.organisation.get()).logoSha256).to.equal(null);
    const big = Buffer.concat([fs.readFileSync('assets/logo-default.png'), Buffer.alloc(600 * 1024)]);
    await admin.post('/admin/organisation/logo').field('_csrf', token).attach('logo', big, 'big.png').expect(413);
    await admin.post('/admin/organisation/logo').field('_csrf', token).attach('logo', fs.readFileSync('assets/logo-default.png'), 'logo.png').expect(303);
    const org = await t.ctx.certificates.organisation.get();
    expect(org.logoSha256).to.match(/^[0-9a-f]{64}$/);
    const logo = await admin.get('/admin/organisation/logo').expect(200);
    expect(logo.headers['content-type']).to.equal('image/png');
    await admin.post('/admin/organisation/logo').attach('logo', fs.readFileSync('assets/logo-default.png'), 'logo.png').expect(403);
  });

  it('refuses, with a message, a PNG whose pixels the PDF library would fail to decode (it used to end the process)', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const huge = Buffer.from(png);
    huge.writeUInt32BE(0x7fffffff, 16); // width
    huge.writeUInt32BE(0x7fffffff, 20); // height
    const corrupt = Buffer.from(png);
    corrupt.fill(0x55, 41, 50); // inside the compressed pixel data
    const before = (await t.ctx.certificates.organisation.get()).logoSha256;
    const token = await csrf();
    const tooBig = await admin.post('/admin/organisation/logo').field('_csrf', token).attach('logo', huge, 'logo.png').expect(400);
    expect(cheerio.load(tooBig.text)('body').text()).to.include('Le logo doit mesurer au plus 2048 × 2048 pixels.');
    const english = await admin.post('/admin/organisation/logo?lang=en').field('_csrf', token).attach('logo', corrupt, 'logo.png').expect(400);
    expect(cheerio.load(english.text)('body').text()).to.include('The logo must be a PNG or JPEG image.');
    await admin.post('/admin/organisation/logo').field('_csrf', token).attach('logo', png.subarray(0, 45), 'logo.png').expect(400);
    expect((await t.ctx.certificates.organisation.get()).logoSha256).to.equal(before);
    await admin.post('/admin/organisation/logo').field('_csrf', token).attach('logo', png, 'logo.png').expect(303);
    expect((await t.ctx.certificates.organisation.get()).logoSha256).to.not.equal(before);
  });

  it('lets an admin enter a learner’s birth date (kept out of the LRS)', async () => {
    const learner = (await t.ctx.repositories.users.list({ role: 'learner' }))[0]!;
    const token = await csrfFrom(admin, '/admin/organisation/birth-dates');
    await admin.post(`/admin/organisation/birth-dates/${learner.id}`).type('form').send({ _csrf: token, birthDate: '1990-13-01' }).expect(400);
    await admin.post(`/admin/organisation/birth-dates/${learner.id}`).type('form').send({ _csrf: token, birthDate: '1990-03-01' }).expect(303);
    expect((await t.ctx.certificates.releases.get(learner.id)).birthDate).to.equal('1990-03-01');
    await admin.post('/admin/organisation/birth-dates/unknown').type('form').send({ _csrf: token, birthDate: '1990-03-01' }).expect(404);
  });
});
