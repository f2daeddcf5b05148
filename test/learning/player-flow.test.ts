import { expect } from 'chai';
import { loginAs, cheerio } from '../helpers/app.ts';
import { attemptOn, itemPath, learningWorld, MODULE, statementsOf, verbOf, type LearningWorld } from './helpers.ts';
import { activityIds } from '../../src/server/xapi/activity-ids.ts';
import { EXTENSIONS } from '../../src/server/xapi/vocabulary.ts';
import { RIGHT_ANSWERS } from './play.ts';

describe('learner player: the whole path over HTTP', () => {
  let w: LearningWorld;
  beforeEach(async () => {
    w = await learningWorld();
  });
  afterEach(() => w.close());

  it('shows the assigned module on the dashboard with an empty progress bar', async () => {
    const agent = await loginAs(w.t.app, 'julien');
    const res = await agent.get('/learner');
    expect(res.status).to.equal(200);
    const $ = cheerio.load(res.text);
    expect($('.module-card').length).to.equal(1);
    expect($('.module-card h3').text()).to.equal("Module d'essai du lecteur");
    expect($('.module-card progress').attr('value')).to.equal('0');
    expect($('#resume-link').attr('href')).to.equal(itemPath('lecon'));
  });

  it('reads a lesson page by page, records each page once and the completion with a duration', async () => {
    const agent = await loginAs(w.t.app, 'julien');
    const module = await agent.get(`/learner/modules/${MODULE}`);
    expect(cheerio.load(module.text)('.item-row').length).to.equal(4);
    const page1 = await agent.get(itemPath('lecon'));
    let $ = cheerio.load(page1.text);
    expect($('.page-count').text()).to.equal('Page 1 sur 3');
    expect($('#next-page').attr('href')).to.equal(`${itemPath('lecon')}?page=2`);
    const audioSrc = String($('audio[controls]').attr('src'));
    expect(audioSrc).to.match(/^\/course-assets\/[0-9a-f]{64}$/);
    const audio = await agent.get(audioSrc);
    expect(audio.status).to.equal(200);
    expect(audio.headers['content-type']).to.match(/^audio\/(x-)?wav/);
    expect(Buffer.from(audio.body as Buffer).subarray(0, 4).toString()).to.equal('RIFF');
    w.t.clock.advanceMinutes(2);
    await agent.get(`${itemPath('lecon')}?page=2`);
    await agent.get(`${itemPath('lecon')}?page=2`);
    w.t.clock.advanceMinutes(3);
    const { attempt, csrf, $: last } = await attemptOn(agent, `${itemPath('lecon')}?page=3`);
    expect(last('.lesson-page h2').text()).to.equal('Se présenter');
    const done = await agent.post(`${itemPath('lecon')}/complete`).type('form').send({ _csrf: csrf, attempt });
    expect(done.status).to.equal(303);
    $ = cheerio.load((await agent.get(itemPath('lecon'))).text);
    expect($('.alert-success').text()).to.contain('Leçon terminée');

    const statements = await statementsOf(w.t, w.learner.id);
    expect(statements.map(verbOf)).to.deep.equal(['launched', 'launched', 'experienced', 'experienced', 'experienced', 'completed']);
    const ids = activityIds(w.t.ctx.config.baseUrl);
    const completed = statements[5] as unknown as { object: { id: string }; result: { duration: string; completion: boolean }; context: { registration: string; contextActivities: { parent: Array<{ id: string }> }; extensions: Record<string, unknown> } };
    expect(completed.object.id).to.equal(ids.item(MODULE, 'lecon'));
    expect(completed.result).to.deep.include({ completion: true, duration: 'PT5M' });
    expect(completed.context.registration).to.equal(attempt);
    expect(completed.context.contextActivities.parent[0].id).to.equal(ids.module(MODULE));
    expect(completed.context.extensions[EXTENSIONS.competencies]).to.deep.equal(['CCP1.1']);
    const byRegistration = await w.t.ctx.lrs.service.queryStatements({ registration: attempt });
    expect(byRegistration.statements).to.have.length(5);

    const dash = cheerio.load((await agent.get('/learner')).text);
    expect(dash('.module-card progress').attr('value')).to.equal('25');
  });

  it('plays the quiz one question per page with feedback, then scores and passes it', async () => {
    const agent = await loginAs(w.t.app, 'julien');
    await agent.get(`/learner/modules/${MODULE}`);
    for (const [index, [questionId, answer]] of Object.entries(RIGHT_ANSWERS).entries()) {
      const { attempt, csrf, $ } = await attemptOn(agent, itemPath('quiz'));
      expect($('input[name=question]').val()).to.equal(questionId);
      expect($('.page-count').text()).to.equal(`Question ${index + 1} sur 6`);
      const res = await agent.post(`${itemPath('quiz')}/answer`).type('form').send({ _csrf: csrf, attempt, question: questionId, ...answer });
      expect(res.status, questionId).to.equal(303);
      const feedback = cheerio.load((await agent.get(String(res.headers.location))).text);
      expect(feedback('.alert-success h2').text(), questionId).to.contain('Bonne réponse');
    }
    const result = cheerio.load((await agent.get(itemPath('quiz'))).text);
    expect(result('.result-score').text()).to.equal('Votre score : 100 %');
    expect(result('.result-verdict').text()).to.contain('Réussi');
    const statements = await statementsOf(w.t, w.learner.id);
    const answered = statements.filter((s) => verbOf(s) === 'answered') as unknown as Array<{ object: { definition: { interactionType: string; correctResponsesPattern: string[] } }; result: { response: string; success: boolean } }>;
    expect(answered.map((s) => s.object.definition.interactionType)).to.deep.equal(['choice', 'choice', 'true-false', 'matching', 'sequencing', 'fill-in']);
    expect(answered.map((s) => s.result.response)).to.deep.equal(['bonjour', 'quoi[,]comment', 'true', 'p1[.]r1[,]p2[.]r2', 's1[,]s2[,]s3', 'Comprends']);
    expect(answered.every((s) => s.result.success)).to.equal(true);
    const passed = statements.find((s) => verbOf(s) === 'passed') as unknown as { result: { score: { scaled: number }; success: boolean; duration: string } };
    expect(passed.result.score.scaled).to.equal(1);
    expect(passed.result.success).to.equal(true);
    const row = await w.t.ctx.learning.progress.find(w.learner.id, MODULE, 'quiz');
    expect(row).to.deep.include({ status: 'passed', scoreScaled: 1, attempts: 1 });
  });

  it('fails a quiz below the pass mark, allows one retry, then no more', async () => {
    const agent = await loginAs(w.t.app, 'julien');
    await agent.get(`/learner/modules/${MODULE}`);
    for (let round = 1; round <= 2; round++) {
      for (const questionId of Object.keys(RIGHT_ANSWERS)) {
        const { attempt, csrf } = await attemptOn(agent, itemPath('quiz'));
        const wrong = questionId === 'q-court' ? { answer: 'je ne sais pas' } : questionId === 'q-vf' ? { answer: 'false' } : RIGHT_ANSWERS[questionId];
        const answer = questionId === 'q-choix' ? { answer: 'allo' } : wrong;
        await agent.post(`${itemPath('quiz')}/answer`).type('form').send({ _csrf: csrf, attempt, question: questionId, ...answer }).expect(303);
      }
      const $ = cheerio.load((await agent.get(itemPath('quiz'))).text);
      expect($('.result-score').text()).to.equal('Votre score : 50 %');
      expect($('#retry').length, `round ${round}`).to.equal(round === 1 ? 1 : 0);
      if (round === 1) {
        const csrf = String($('input[name=_csrf]').first().val());
        await agent.post(`${itemPath('quiz')}/retry`).type('form').send({ _csrf: csrf }).expect(303);
      } else {
        expect($('.result-card').text()).to.contain('tous vos essais');
      }
    }
    const row = await w.t.ctx.learning.progress.find(w.learner.id, MODULE, 'quiz');
    expect(row).to.deep.include({ status: 'failed', scoreScaled: 0.5, attempts: 2 });
  });

  it('shows the document next to the form and gives feedback per field', async () => {
    const agent = await loginAs(w.t.app, 'julien');
    await agent.get(`/learner/modules/${MODULE}`);
    const { attempt, csrf, $ } = await attemptOn(agent, itemPath('fiche'));
    expect($('.exercise-document .document h2').text()).to.equal('Courriel de M. Durand');
    expect($('.exercise-task select[name=field_motif] option').length).to.equal(4);
    const res = await agent.post(`${itemPath('fiche')}/submit`).type('form').send({ _csrf: csrf, attempt, field_commande: 'cm 1234', field_motif: 'Colis non reçu', field_montant: '59' });
    expect(res.status).to.equal(303);
    const page = cheerio.load((await agent.get(itemPath('fiche'))).text);
    expect(page('.field-result[data-field=commande]').hasClass('result-passed')).to.equal(true);
    expect(page('.field-result[data-field=montant]').hasClass('result-failed')).to.equal(true);
    expect(page('.field-result[data-field=montant] .feedback-text').text()).to.equal('59,90 €.');
    expect(page('.result-score').text()).to.equal('Votre score : 67 %');
    const answered = (await statementsOf(w.t, w.learner.id)).filter((s) => verbOf(s) === 'answered') as unknown as Array<{ object: { definition: { interactionType: string } }; result: { response: string } }>;
    expect(answered.map((s) => [s.object.definition.interactionType, s.result.response])).to.deep.equal([
      ['fill-in', 'cm 1234'],
      ['choice', 'o1'],
      ['fill-in', '59'],
    ]);
  });

  it('plays the classify-and-prioritise variant', async () => {
    const agent = await loginAs(w.t.app, 'julien');
    await agent.get(`/learner/modules/${MODULE}`);
    const { attempt, csrf, $ } = await attemptOn(agent, itemPath('tri'));
    expect($('fieldset.request').length).to.equal(2);
    await agent
      .post(`${itemPath('tri')}/submit`)
      .type('form')
      .send({ _csrf: csrf, attempt, category_r1: 'reclamation', priority_r1: 'urgent', category_r2: 'information', priority_r2: 'urgent' })
      .expect(303);
    const page = cheerio.load((await agent.get(itemPath('tri'))).text);
    expect(page('.field-result[data-field=r1]').hasClass('result-passed')).to.equal(true);
    expect(page('.field-result[data-field=r2]').text()).to.contain('Attendu : Demande d\'information, priorité Normal.');
    expect(page('.result-score').text()).to.equal('Votre score : 75 %');
    const row = await w.t.ctx.learning.progress.find(w.learner.id, MODULE, 'tri');
    expect(row).to.deep.include({ status: 'passed', scoreScaled: 0.75 });
  });
});
