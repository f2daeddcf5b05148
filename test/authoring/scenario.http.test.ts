import { expect } from 'chai';
import { addItem, authoringFixture, cheerio, countRows, createModule, type AuthoringFixture } from './support.ts';

const PATH = 'roleplays/appel.yaml';
const editor = `/trainer/authoring/mon-module/scenario?path=${encodeURIComponent(PATH)}`;

describe('authoring: role-play editor and play test (HTTP)', () => {
  let f: AuthoringFixture;
  beforeEach(async () => {
    f = await authoringFixture();
    await createModule(f);
    await addItem(f, 'mon-module', 'roleplay', 'appel', 'Un appel');
  });
  afterEach(() => f.t.close());

  it('lists the five nodes with a form each and draws the graph', async () => {
    const $ = cheerio.load((await f.trainer.get(editor)).text);
    expect($('form.authoring-node[data-node]').map((_, el) => $(el).attr('data-node')).get()).to.deep.equal(['bonjour', 'accueil', 'demande', 'reponse', 'fin']);
    expect($('.authoring-graph svg title').first().text()).to.not.equal('');
    expect($('#playtest').length).to.equal(1);
  });

  it('puts a wrong target next to the node at fault, with its line', async () => {
    const res = await f.trainer.post('/trainer/authoring/mon-module/scenario/node').type('form').send({ _csrf: f.csrf, path: PATH, oldId: 'demande', id: 'demande', yaml: 'phase: decouverte\ncustomer: Quand arrive-t-elle ?\nnext: nulle-part\n' });
    expect(res.status).to.equal(303);
    const $ = cheerio.load((await f.trainer.get(editor)).text);
    const node = $('form[data-node="demande"]');
    expect(node.hasClass('authoring-node-error')).to.equal(true);
    expect(node.find('.authoring-node-errors').text()).to.match(/ligne \d+ :.*nulle-part/s);
    expect($('form[data-node="accueil"] .authoring-node-errors').length).to.equal(0);
    expect($('.authoring-graph').length).to.equal(0);
  });

  it('refuses a node whose YAML is broken, and keeps the file', async () => {
    const before = (await f.t.ctx.database.db.selectFrom('authoring_drafts').select('files_json').executeTakeFirstOrThrow()).files_json;
    const res = await f.trainer.post('/trainer/authoring/mon-module/scenario/node').type('form').send({ _csrf: f.csrf, path: PATH, oldId: 'demande', id: 'demande', yaml: 'phase: [oops\n' });
    expect(res.status).to.equal(400);
    expect(cheerio.load(res.text)('#node-error').text()).to.match(/YAML/);
    expect((await f.t.ctx.database.db.selectFrom('authoring_drafts').select('files_json').executeTakeFirstOrThrow()).files_json).to.equal(before);
  });

  it('plays the call to its end with the engine and stores no call, no progress and no statement', async () => {
    const before = { statements: await countRows(f, 'lrs_statement'), progress: await countRows(f, 'learner_item_progress'), calls: await countRows(f, 'roleplay_calls') };
    const start = await f.trainer.post('/trainer/authoring/mon-module/playtest').type('form').send({ _csrf: f.csrf, path: PATH });
    expect(start.status).to.equal(200);
    let $ = cheerio.load(start.text);
    expect($('.turn-customer').first().text()).to.match(/ma commande/);
    for (let i = 0; i < 2; i++) {
      const form = $('form.authoring-turn');
      const res = await f.trainer.post('/trainer/authoring/mon-module/playtest/turn').type('form').send({ _csrf: f.csrf, path: PATH, state: String(form.find('input[name=state]').val()), turn: String(form.find('input[name=turn]').val()), kind: 'choice', choice: '0' });
      expect(res.status).to.equal(200);
      $ = cheerio.load(res.text);
    }
    expect($('#playtest-debrief').text()).to.match(/Score : 100 %/);
    expect($('.turn-outcome').text()).to.match(/date de livraison/);
    const { statements } = await f.t.ctx.lrs.service.queryStatements({});
    expect(statements).to.have.length(0);
    expect({ statements: await countRows(f, 'lrs_statement'), progress: await countRows(f, 'learner_item_progress'), calls: await countRows(f, 'roleplay_calls') }).to.deep.equal(before);
  });

  it('refuses a tampered call state with 400', async () => {
    for (const state of ['{', '{"scenarioId":"appel"}', JSON.stringify({ scenarioId: 'autre', node: 'accueil', turn: 0, mood: 50, startedAt: 0, turnStartedAt: 0, turnTimedOut: false, lastAt: 0, phaseScores: {}, competencyScores: {}, lookedUp: [], transcript: [], ended: null })]) {
      const res = await f.trainer.post('/trainer/authoring/mon-module/playtest/turn').type('form').send({ _csrf: f.csrf, path: PATH, state, turn: '0', kind: 'choice', choice: '0' });
      expect(res.status, state).to.equal(400);
    }
  });

  it('refuses to play test an invalid scenario', async () => {
    await f.trainer.post('/trainer/authoring/mon-module/scenario/node/delete').type('form').send({ _csrf: f.csrf, path: PATH, id: 'fin' });
    const res = await f.trainer.post('/trainer/authoring/mon-module/playtest').type('form').send({ _csrf: f.csrf, path: PATH });
    expect(res.status).to.equal(400);
  });
});
