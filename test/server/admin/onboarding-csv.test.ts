import { expect } from 'chai';
import request from 'supertest';
import { cheerio, createTestApp, createUser, csrfFrom, loginAs, type TestApp } from '../../helpers/app.ts';

/**
 * Issue 18, onboarding from a spreadsheet: the class list saved as CSV goes through the same
 * preview as a paste, and nothing is created before the admin confirms it.
 */
describe('admin: onboarding a group from a CSV file', () => {
  let t: TestApp;
  let admin: request.Agent;
  let cohortId: string;
  const users = async () => Number((await t.ctx.database.db.selectFrom('users').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);

  beforeEach(async () => {
    t = await createTestApp();
    await createUser(t.ctx, 'admin', 'camille', 'motdepasse-solide', 'Camille Admin');
    admin = await loginAs(t.app, 'camille');
    cohortId = (await t.ctx.services.cohorts.create({ name: 'Session hiver', startDate: '2026-12-01', endDate: '2027-05-31' }, { ip: null, actorId: null })).id;
  });
  afterEach(() => t.close());

  async function send(data: Buffer | string, name = 'stagiaires.csv', cohort = cohortId) {
    const csrf = await csrfFrom(admin, '/admin/users/bulk');
    const res = await admin.post('/admin/users/bulk/file').field('_csrf', csrf).field('cohortId', cohort).attach('file', Buffer.from(data), name);
    return { res, $: cheerio.load(res.text) };
  }
  const previewRows = ($: cheerio.CheerioAPI) =>
    $('[data-testid=bulk-preview] tbody tr')
      .map((_, tr) => $(tr).find('td').slice(1).map((__, td) => $(td).text()).get().join(' | '))
      .get();

  it('reads a French spreadsheet export (Windows-1252, ";", header Prénom;Nom;Identifiant) into the preview, creating nothing yet', async () => {
    const csv = 'Prénom;Nom;Identifiant\r\nHélène;Dubœuf;\r\nJosé;Nuñez;jnunez\r\n;;\r\n"Marie-Ève";"Lefèvre; née Roy";\r\n';
    // Windows-1252 bytes: é is 0xE9, œ 0x9C, ñ 0xF1, É 0xC9.
    const { res, $ } = await send(Buffer.from(new Uint8Array([...csv].map((c) => ({ é: 0xe9, œ: 0x9c, ñ: 0xf1, É: 0xc9, è: 0xe8, È: 0xc8 })[c] ?? c.charCodeAt(0)))));
    expect(res.status).to.equal(200);
    expect(previewRows($)).to.deep.equal(['Hélène Dubœuf | helene.duboeuf', 'José Nuñez | jnunez', 'Marie-Ève Lefèvre née Roy | marie-eve.lefevreneeroy']);
    expect($('[data-testid=bulk-preview-title]').text()).to.equal('Aperçu des comptes à créer : 3');
    expect($('form input[name=cohortId]').val()).to.equal(cohortId);
    expect(await users()).to.equal(1);

    // Confirming the preview creates the three, in the group.
    const field = (n: string) => String($(`form input[name=${n}]`).val() ?? '');
    const done = await admin.post('/admin/users/bulk').type('form').send({ list: field('list'), cohortId: field('cohortId'), token: field('token'), step: 'create', _csrf: field('_csrf') });
    expect(done.status).to.equal(201);
    expect(await users()).to.equal(4);
    expect((await t.ctx.repositories.cohorts.members(cohortId)).map((m) => m.login).sort()).to.deep.equal(['helene.duboeuf', 'jnunez', 'marie-eve.lefevreneeroy']);
  });

  it('reads UTF-8 with a BOM, "," separators and no header: first column the name, second the login', async () => {
    const { res, $ } = await send('\uFEFFLéa Roy,lroy\nAna Lima\n');
    expect(res.status).to.equal(200);
    expect(previewRows($)).to.deep.equal(['Léa Roy | lroy', 'Ana Lima | ana.lima']);
  });

  it('shows the problems by line with the list in the field, and creates nothing', async () => {
    await createUser(t.ctx, 'learner', 'julien');
    const { res, $ } = await send('Nom;Identifiant\nAna Lima;\nPaul Roux;julien\nana lima;\n');
    expect(res.status).to.equal(400);
    expect($('[data-testid=bulk-problems] li').map((_, li) => $(li).text()).get()).to.deep.equal(["Ligne 2 : l'identifiant « julien » est déjà utilisé.", 'Ligne 3 : « ana lima » figure déjà ligne 1.']);
    expect($('#f-list').text()).to.equal('Ana Lima\nPaul Roux ; julien\nana lima');
    expect(await users()).to.equal(2);
  });

  it('refuses a spreadsheet saved as .xlsx, an empty file, no file and a file over 64 KB, with a message and nothing stored', async () => {
    const xlsx = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(40)]);
    const cases: Array<[Buffer | string, number, string]> = [
      [xlsx, 400, "Ce fichier n'est pas un tableau CSV. Dans le tableur, choisissez « Enregistrer sous », puis le type « CSV »."],
      ['Prénom;Nom\n;\n', 400, 'Ce fichier ne contient aucun nom.'],
      ['', 400, 'Choisissez le fichier CSV de la liste.'],
      ['Ana Lima\n'.repeat(8000), 413, 'Ce fichier est trop gros pour une liste de stagiaires (64 Ko au plus).'],
    ];
    for (const [data, status, message] of cases) {
      const { res, $ } = await send(data);
      expect(res.status, message).to.equal(status);
      expect($('.alert-error li').text()).to.equal(message);
    }
    expect(await users()).to.equal(1);
  });

  it('says it in English, and refuses the file without the form token (403)', async () => {
    const en = await admin.post('/admin/users/bulk/file?lang=en').field('_csrf', await csrfFrom(admin, '/admin/users/bulk')).attach('file', Buffer.from(''), 'x.csv');
    expect(cheerio.load(en.text)('.alert-error li').text()).to.equal("Choose the list's CSV file.");
    await admin.post('/admin/users/bulk/file').attach('file', Buffer.from('Ana Lima\n'), 'x.csv').expect(403);
    expect(await users()).to.equal(1);
  });
});
