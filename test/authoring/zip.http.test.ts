import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import yazl from 'yazl';
import { readModuleZip, writeModuleZip } from '../../src/server/authoring/module-zip.ts';
import { addItem, authoringFixture, cheerio, countRows, createModule, type AuthoringFixture } from './support.ts';

/**
 * A zip with exactly these entry names, even unsafe ones: yazl refuses to write them, so each
 * is written under a safe name of the same length, then patched in the local and central headers.
 */
async function rawZip(entries: Array<[string, string | Buffer]>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const placeholders = entries.map(([name], i) => `${String(i).padStart(name.length, 'z')}`);
  entries.forEach(([, data], i) => zip.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data), placeholders[i]));
  zip.end();
  const out = await new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
  entries.forEach(([name], i) => {
    const from = Buffer.from(placeholders[i]);
    for (let at = out.indexOf(from); at >= 0; at = out.indexOf(from, at + 1)) Buffer.from(name).copy(out, at);
  });
  return out;
}

async function upload(f: AuthoringFixture, data: Buffer, publish = false) {
  // The token first, as the page's form sends it: the upload reader checks it before the file.
  const req = f.trainer.post('/trainer/authoring/import').field('_csrf', f.csrf).attach('archive', data, 'module.zip');
  return publish ? req.field('publish', 'on') : req;
}

async function snapshot(f: AuthoringFixture) {
  return { drafts: await countRows(f, 'authoring_drafts'), versions: await countRows(f, 'course_versions'), modules: await countRows(f, 'course_modules'), assets: await countRows(f, 'course_assets') };
}

describe('authoring: zip export and import (HTTP)', () => {
  let f: AuthoringFixture;
  beforeEach(async () => {
    f = await authoringFixture();
  });
  afterEach(() => f.t.close());

  async function publishedModule(): Promise<Buffer> {
    await createModule(f);
    await addItem(f, 'mon-module', 'lesson', 'intro', 'Introduction');
    await addItem(f, 'mon-module', 'roleplay', 'appel', 'Un appel');
    await f.trainer.post('/trainer/authoring/mon-module/publish').type('form').send({ _csrf: f.csrf });
    const res = await f.trainer.get('/trainer/authoring/mon-module/export?version=1').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.match(/application\/zip/);
    return res.body as Buffer;
  }

  it('exports a version in the courses/ layout and imports it back as a draft, then as a new version', async () => {
    const zip = await publishedModule();
    const read = await readModuleZip(zip);
    expect(read.ok && read.folder).to.equal('mon-module');
    expect(read.ok && [...read.files.keys()].sort()).to.deep.equal(['lessons/intro.md', 'module.yaml', 'roleplays/appel.yaml']);

    const same = await upload(f, zip, true);
    expect(same.status).to.equal(303);
    expect(same.headers.location).to.equal('/trainer/authoring/mon-module/history?unchanged=1');

    const asDraft = await upload(f, zip);
    expect(asDraft.headers.location).to.equal('/trainer/authoring/mon-module?imported=1');
    const draft = await f.t.ctx.database.db.selectFrom('authoring_drafts').selectAll().executeTakeFirstOrThrow();
    expect(Number(draft.base_version)).to.equal(1);

    const changed = new Map(read.ok ? read.files : []);
    changed.set('lessons/intro.md', Buffer.from('Nouveau texte.\n'));
    await f.trainer.post('/trainer/authoring/mon-module/discard').type('form').send({ _csrf: f.csrf });
    const v2 = await upload(f, await writeModuleZip('mon-module', changed), true);
    expect(v2.headers.location).to.equal('/trainer/authoring/mon-module/history?published=2');
    expect(await countRows(f, 'course_versions')).to.equal(2);
  });

  const invalidCases: Array<{ name: string; entries: () => Array<[string, string | Buffer]>; expect: RegExp; file: string }> = [
    { name: 'path traversal', entries: () => [['mon-module/module.yaml', 'id: x\n'], ['mon-module/../../etc/passwd', 'x']], expect: /sortirait du dossier/, file: 'mon-module/../../etc/passwd' },
    { name: 'absolute path', entries: () => [['/etc/module.yaml', 'x']], expect: /chemin absolu/, file: '/etc/module.yaml' },
    { name: 'a quiz with an error', entries: () => [], expect: /exactement une réponse/, file: 'quiz.yaml' },
    { name: 'an unsupported file', entries: () => [], expect: /type de fichier non pris en charge/, file: 'notes.txt' },
    { name: 'not a zip', entries: () => [], expect: /pas une archive .zip lisible/, file: 'archive' },
  ];

  for (const c of invalidCases) {
    it(`refuses a zip with ${c.name}, explains it file by file, and changes nothing`, async () => {
      const zip = await publishedModule();
      const before = await snapshot(f);
      let data: Buffer;
      if (c.name === 'not a zip') data = Buffer.from('PK pas vraiment une archive');
      else if (c.entries().length > 0) data = await rawZip(c.entries());
      else {
        const read = await readModuleZip(zip);
        const files = new Map(read.ok ? read.files : []);
        if (c.file === 'quiz.yaml') {
          files.set('module.yaml', Buffer.from(`${files.get('module.yaml')?.toString('utf8')}  - { id: quiz, type: quiz, title: Quiz, file: quiz.yaml, competencies: [CCP1.1] }\n`));
          files.set('quiz.yaml', Buffer.from('pass_mark: 70\nquestions:\n  - id: q1\n    type: single_choice\n    prompt: A ?\n    choices:\n      - { text: A, correct: true, feedback: a }\n      - { text: B, correct: true, feedback: b }\n'));
        } else files.set('notes.txt', Buffer.from('x'));
        data = await writeModuleZip('mon-module', files);
      }
      const res = await upload(f, data, true);
      expect(res.status).to.be.oneOf([400, 422]);
      const $ = cheerio.load(res.text);
      const item = $('#import-errors li').filter((_, el) => $(el).children('strong').text() === c.file);
      expect(item.length, $('#import-errors').text()).to.equal(1);
      expect(item.text()).to.match(c.expect);
      expect(await snapshot(f)).to.deep.equal(before);
    });
  }

  const dangerousSvgs: Array<[string, string]> = [
    ['a namespaced <s:script>', '<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></svg>'],
    ['an onload handler', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>'],
    ['an xlink:href to http', '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="http://evil.test/a.svg#x"/></svg>'],
    ['a foreignObject', '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>'],
    ['entity expansion (billion laughs)', '<!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>'],
  ];
  for (const [what, svg] of dangerousSvgs) {
    it(`refuses an SVG with ${what} at zip import, naming the file, and publishes nothing`, async () => {
      const read = await readModuleZip(await publishedModule());
      const files = new Map(read.ok ? read.files : []);
      files.set('images/piege.svg', Buffer.from(svg));
      const before = await snapshot(f);
      const res = await upload(f, await writeModuleZip('mon-module', files), true);
      expect(res.status).to.be.oneOf([400, 422]);
      const $ = cheerio.load(res.text);
      const item = $('#import-errors li').filter((_, el) => $(el).children('strong').text() === 'images/piege.svg');
      expect(item.length, $('#import-errors').text()).to.equal(1);
      expect(item.text()).to.match(/image SVG refusée/);
      expect(await snapshot(f)).to.deep.equal(before);
    });
  }

  it('accepts a benign SVG at zip import (the shipped course image)', async () => {
    const read = await readModuleZip(await publishedModule());
    const files = new Map(read.ok ? read.files : []);
    files.set('images/phases.svg', readFileSync('courses/accueil-appels-entrants/images/phases-appel.svg'));
    const res = await upload(f, await writeModuleZip('mon-module', files), true);
    expect(res.status, res.text).to.equal(303);
    expect(await countRows(f, 'course_assets')).to.be.greaterThan(0);
  });

  it('refuses too many files and too big files (pure reader limits)', async () => {
    const many = await rawZip(Array.from({ length: 5 }, (_, i) => [`m/f${i}.md`, 'x'] as [string, string]));
    const tooMany = await readModuleZip(many, { uploadBytes: 1e6, files: 3, fileBytes: 1e6, totalBytes: 1e7 });
    expect(!tooMany.ok && tooMany.errors[0].message).to.match(/trop de fichiers/);
    const big = await rawZip([['m/module.yaml', 'id: m\n'], ['m/big.md', Buffer.alloc(5000, 97)]]);
    const tooBig = await readModuleZip(big, { uploadBytes: 1e6, files: 10, fileBytes: 1000, totalBytes: 1e7 });
    expect(!tooBig.ok && tooBig.errors.map((e) => [e.file, /trop gros/.test(e.message)])).to.deep.equal([['m/big.md', true]]);
  });

  it('refuses an upload larger than the limit with 413 and stores nothing', async () => {
    const before = await snapshot(f);
    const res = await upload(f, Buffer.alloc(9 * 1024 * 1024, 1));
    expect(res.status).to.equal(413);
    expect(cheerio.load(res.text)('#import-errors').text()).to.match(/trop grosse/);
    expect(await snapshot(f)).to.deep.equal(before);
  });
});
