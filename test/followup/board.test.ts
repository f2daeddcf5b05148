import { expect } from 'chai';
import { cheerio, createUser, loginAs } from '../helpers/app.ts';
import { followupWorld, type FollowupWorld } from './fixtures.ts';
import { smallModule, storeModules, storeProgress } from './course-fixture.ts';
import { ourStatement } from './statements.ts';

describe('cohort board', () => {
  let w: FollowupWorld;
  before(async () => {
    w = await followupWorld(3);
    const [a, b] = w.learners;
    await storeModules(w.t.ctx, w.cohort.id, [
      smallModule('accueil', 'Accueillir un appel', [{ id: 'lecon', title: 'Leçon', type: 'lesson' }, { id: 'quiz', title: 'Quiz', type: 'quiz' }], ['CCP1.1', 'T1']),
      smallModule('sortants', 'Appels sortants', [{ id: 'quiz', title: 'Quiz', type: 'quiz' }], ['CCP2.1']),
    ]);
    await storeProgress(w.t.ctx, { userId: a.id, moduleId: 'accueil', itemId: 'lecon', status: 'completed', seconds: 600, at: '2026-11-20T10:00:00.000Z' });
    await storeProgress(w.t.ctx, { userId: a.id, moduleId: 'accueil', itemId: 'quiz', status: 'passed', score: 0.9, seconds: 300, at: '2026-11-21T10:00:00.000Z' });
    await storeProgress(w.t.ctx, { userId: b.id, moduleId: 'accueil', itemId: 'quiz', status: 'failed', score: 0.4, seconds: 1200, at: '2026-11-25T10:00:00.000Z' });
    await storeProgress(w.t.ctx, { userId: b.id, moduleId: 'sortants', itemId: 'quiz', status: 'passed', score: 0.8, seconds: 60, at: '2026-11-24T10:00:00.000Z' });
  });
  after(() => w.t.close());

  const names = ($: cheerio.CheerioAPI) => $('.board-table tbody th[scope=row]').map((_, e) => $(e).text()).get();

  it('shows every learner by module with status, items done, score and time', async () => {
    const res = await w.trainerAgent.get('/trainer');
    expect(res.status).to.equal(200);
    const $ = cheerio.load(res.text);
    expect($('h1').text()).to.include('Groupe A');
    expect(names($)).to.deep.equal(['Stagiaire A', 'Stagiaire B', 'Stagiaire C']);
    expect($('.board-table thead th').map((_, e) => $(e).text().trim()).get()).to.deep.equal([
      'Stagiaire ▲',
      'Accueillir un appel',
      'Appels sortants',
      'Avancement',
      'Score moyen',
      'Temps passé',
      'Dernière activité',
    ]);
    const rowA = $('.board-table tbody tr').eq(0);
    expect(rowA.find('.board-cell').eq(0).find('.status-text').text()).to.equal('Terminé');
    expect(rowA.find('.board-cell').eq(0).find('.cell-figures').text()).to.equal('2 sur 2 activités · score 90 % · 15 min');
    expect(rowA.find('.board-cell').eq(1).find('.status-text').text()).to.equal('Pas commencé');
    expect(rowA.find('td').eq(2).children('span').text()).to.equal('67 %');
    const rowB = $('.board-table tbody tr').eq(1);
    expect(rowB.find('.board-cell').eq(0).find('.status-text').text()).to.equal('En cours');
    expect(rowB.find('td.num').eq(0).text()).to.equal('33 %');
    expect(rowB.find('td.num').eq(1).text()).to.equal('60 %');
    expect(rowB.find('td.num').eq(2).text()).to.equal('21 min');
    // The compact cell: done/total on screen, the whole story in its title.
    expect(rowA.find('.board-cell').eq(0).find('.cell-count').text()).to.equal('2/2');
    expect(rowA.find('.board-cell').eq(0).attr('title')).to.equal('Terminé · 2 sur 2 activités · score 90 % · 15 min');
    expect(rowB.find('.board-cell').eq(1).find('.cell-count').text()).to.equal('1/1');
    expect(rowA.find('time').attr('datetime')).to.equal('2026-11-21T10:00:00.000Z');
    expect(rowA.find('time').text()).to.equal('21 nov.');
    expect($('#board-legend').text().replace(/\s+/g, ' ')).to.contain('Légende : Terminé En cours Pas commencé');
    expect($('a[href^="/trainer/learners/"]').first().attr('href')).to.equal(`/trainer/learners/${w.learners[0].id}`);
  });

  it('says the legend and short dates in English on request', async () => {
    const $ = cheerio.load((await w.trainerAgent.get('/trainer?lang=en')).text);
    expect($('#board-legend').text().replace(/\s+/g, ' ')).to.contain('Key: Completed In progress Not started');
    expect($('.board-table tbody tr').eq(0).find('time').text()).to.equal('21 Nov');
    await w.trainerAgent.get('/trainer?lang=fr');
  });

  it('sorts on the server from the query string, learners without a value last', async () => {
    const byScore = cheerio.load((await w.trainerAgent.get(`/trainer?sort=score&dir=desc`)).text);
    expect(names(byScore)).to.deep.equal(['Stagiaire A', 'Stagiaire B', 'Stagiaire C']);
    expect(byScore('th[aria-sort=descending]').text()).to.include('Score moyen');
    const byTime = cheerio.load((await w.trainerAgent.get(`/trainer?sort=time&dir=desc`)).text);
    expect(names(byTime)).to.deep.equal(['Stagiaire B', 'Stagiaire A', 'Stagiaire C']);
    const byModule = cheerio.load((await w.trainerAgent.get(`/trainer?sort=module:sortants&dir=desc`)).text);
    expect(names(byModule)[0]).to.equal('Stagiaire B');
    const byLast = cheerio.load((await w.trainerAgent.get(`/trainer?sort=last&dir=asc`)).text);
    expect(names(byLast)).to.deep.equal(['Stagiaire A', 'Stagiaire B', 'Stagiaire C']);
    const nonsense = await w.trainerAgent.get(`/trainer?sort=%3Cscript%3E&dir=sideways`);
    expect(nonsense.status).to.equal(200);
    expect(names(cheerio.load(nonsense.text))).to.deep.equal(['Stagiaire A', 'Stagiaire B', 'Stagiaire C']);
  });

  it('draws the competency heat map from the statements, with a table, and follows new evidence', async () => {
    const a = w.learners[0];
    const store = (itemId: string, score: number) =>
      w.t.ctx.lrs.service.storeStatements([ourStatement({ userId: a.id, verb: 'passed', moduleId: 'hors-programme', itemId, competencies: ['CCP1.1'], result: { score: { scaled: score }, success: true } })]);
    await store('quiz', 0.9);
    const levelOfA = async () => {
      const $ = cheerio.load((await w.trainerAgent.get('/trainer')).text);
      const table = $('.chart-data table');
      const col = table.find('thead th').map((_, e) => $(e).text()).get().indexOf('CCP1.1');
      return table.find('tbody tr').eq(0).children().eq(col).text();
    };
    expect(await levelOfA()).to.equal("en cours d'acquisition");
    await store('autre-quiz', 0.8);
    expect(await levelOfA()).to.equal('acquis');
    const $ = cheerio.load((await w.trainerAgent.get('/trainer')).text);
    expect($('svg.chart-heat > title').text()).to.equal('Carte des compétences');
    expect($('svg.chart-heat > desc').text()).to.include('vert acquis');
    expect($('.chart-data thead th').map((_, e) => $(e).text()).get()).to.deep.equal(['Stagiaire', 'CCP1.1', 'CCP2.1', 'T1']);
  });

  it('exports the board as CSV (BOM, semicolons), one line per learner and module', async () => {
    const res = await w.trainerAgent.get(`/trainer/board.csv?cohort=${w.cohort.id}`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).to.equal(200);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).to.equal('Stagiaire;Identifiant;Module;Statut;Activités terminées;Avancement (%);Score (%);Temps passé (min);Dernière activité');
    expect(lines[1]).to.equal('Stagiaire A;stagiaire1;Accueillir un appel;Terminé;2/2;100;90;15;2026-11-21 11:00');
    expect(lines[4]).to.equal('Stagiaire B;stagiaire2;Appels sortants;Terminé;1/1;100;80;1;2026-11-24 11:00');
    expect(lines[5]).to.equal('Stagiaire C;stagiaire3;Accueillir un appel;Pas commencé;0/2;0;;0;');
    expect(lines).to.have.length(8);
  });

  it("refuses another trainer's cohort and 404s an unknown one", async () => {
    expect((await w.trainerAgent.get(`/trainer?cohort=${w.otherCohort.id}`)).status).to.equal(403);
    expect((await w.trainerAgent.get(`/trainer/board.csv?cohort=${w.otherCohort.id}`)).status).to.equal(403);
    expect((await w.trainerAgent.get('/trainer?cohort=inconnu')).status).to.equal(404);
  });

  it('tells a trainer without a cohort that one will be assigned', async () => {
    await createUser(w.t.ctx, 'trainer', 'sans-groupe');
    const res = await (await loginAs(w.t.app, 'sans-groupe')).get('/trainer');
    expect(res.status).to.equal(200);
    expect(cheerio.load(res.text)('main').text()).to.include('aucun groupe');
  });
});
