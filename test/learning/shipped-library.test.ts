import path from 'node:path';
import { expect } from 'chai';
import { createTestApp, createUser, loginAs, cheerio, type TestApp } from '../helpers/app.ts';
import { importCourseLibrary } from '../../src/server/courses/import/import-course-library.ts';
import type { Question } from '../../src/server/courses/format/types.ts';
import { attemptOn, itemPath } from './helpers.ts';

/** Some valid answer to any question, as its form would send it. */
function anyAnswer(q: Question): Record<string, string | string[]> {
  switch (q.type) {
    case 'single_choice':
      return { answer: q.choices[0].id };
    case 'multiple_choice':
      return { answer: [q.choices[0].id] };
    case 'true_false':
      return { answer: 'true' };
    case 'matching':
      return Object.fromEntries(q.pairs.map((p) => [`match_${p.id}`, 'r1']));
    case 'ordering':
      return Object.fromEntries(q.steps.map((s, i) => [`position_${i + 1}`, s.id]));
    case 'short_answer':
      return { answer: 'je ne sais pas' };
  }
}

/** The back-office order case: five separate documents, the invoice with its letterhead and totals. */
function checkOrderCase($: cheerio.CheerioAPI): void {
  expect($('.document-list li').map((_, li) => $(li).text()).get()).to.deep.equal([
    'Un coussin manque et la lampe est abîmée', 'Bon de commande n° MC-118204', 'Facture n° FA-2026-118204', 'Bon de livraison n° BL-204733', 'Historique du dossier – commande MC-118204',
  ]);
  expect($('article.document .document-kind').map((_, p) => $(p).text()).get()).to.deep.equal(['Courriel', 'Bon de commande', 'Facture', 'Bon de livraison', 'Historique du dossier']);
  const invoice = $('article.document-invoice');
  expect(invoice.find('.document-from strong').text()).to.equal('Maison Confort SAS');
  expect(invoice.find('.document-to strong').text()).to.equal('Mme Hélène Benoît');
  expect(invoice.find('.document-totals dd').map((_, d) => $(d).text()).get()).to.deep.equal(['137,92 €', '27,58 €', '165,50 €']);
  expect(invoice.find('tbody tr').eq(1).find('td').map((_, d) => $(d).text()).get()).to.deep.equal(['Coussin velours vert', 'CV-45', '3', '24,90 €', '74,70 €']);
  expect($('article.document-email .document-headers dd').first().text()).to.equal('Hélène Benoît <helene.benoit@exemple.fr>');
  expect($('article.document-delivery_note .document-footer').text()).to.equal('Reçu en bon état apparent. Signature de la cliente : H. Benoît');
}

describe('learner player on the shipped library', function () {
  this.timeout(300_000);
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    const report = await importCourseLibrary(t.ctx.database.db, path.resolve('courses'), t.clock.now);
    expect(report.errors).to.deep.equal([]);
  });
  after(() => t.close());

  it('renders every lesson page, plays every quiz question and shows every exercise', async () => {
    const learner = await createUser(t.ctx, 'learner', 'julien');
    const origin = { ip: null, actorId: null };
    const cohort = await t.ctx.services.cohorts.create({ name: 'Tous', startDate: '2026-11-01', endDate: '2027-04-30' }, origin);
    await t.ctx.services.cohorts.addMember(cohort.id, learner.id, origin);
    const modules = await t.ctx.learning.courses.listModules();
    expect(modules.length).to.be.at.least(6);
    await t.ctx.learning.assignment.assign(cohort.id, modules.map((m, i) => ({ moduleId: m.id, position: i + 1, prerequisiteModuleId: null })));
    const agent = await loginAs(t.app, 'julien');
    const dashboard = cheerio.load((await agent.get('/learner')).text);
    expect(dashboard('.module-card').length).to.equal(modules.length);
    for (const summary of modules) {
      const module = (await t.ctx.learning.courses.latestVersion(summary.id))!.content;
      expect((await agent.get(`/learner/modules/${module.id}`)).status, module.id).to.equal(200);
      for (const item of module.items) {
        const where = `${module.id}/${item.id}`;
        const res = await agent.get(itemPath(item.id, module.id));
        if (item.type === 'roleplay') {
          expect(res.status, where).to.equal(303);
          expect(res.headers.location, where).to.equal(`/learner/calls/start?module=${module.id}&item=${item.id}`);
          continue;
        }
        expect(res.status, where).to.equal(200);
        if (item.type === 'lesson') {
          for (let page = 2; page <= item.lesson.pages.length; page++) expect((await agent.get(`${itemPath(item.id, module.id)}?page=${page}`)).status, `${where} p${page}`).to.equal(200);
        }
        if (item.type === 'quiz') {
          for (const question of item.quiz.questions) {
            const { attempt, csrf } = await attemptOn(agent, itemPath(item.id, module.id));
            const answer = await agent.post(`${itemPath(item.id, module.id)}/answer`).type('form').send({ _csrf: csrf, attempt, question: question.id, ...anyAnswer(question) });
            expect(answer.status, `${where} ${question.id}`).to.equal(303);
            expect((await agent.get(String(answer.headers.location))).status, `${where} ${question.id} feedback`).to.equal(200);
          }
          expect(cheerio.load((await agent.get(itemPath(item.id, module.id))).text)('.result-score').length, where).to.equal(1);
        }
        if (item.type === 'exercise') {
          const $ = cheerio.load(res.text);
          const expected = item.exercise.task.type === 'form' ? item.exercise.task.fields.length : item.exercise.task.requests.length * 2;
          expect($('.exercise-task [name^=field_], .exercise-task [name^=category_], .exercise-task [name^=priority_]').length, where).to.equal(expected);
          // Each document is its own article, titled, laid out by its kind.
          expect($('.exercise-document article.document h2').map((_, h) => $(h).text()).get(), where).to.deep.equal(item.exercise.documents.map((d) => d.title));
          if (item.id === 'controle-commande') checkOrderCase($);
        }
      }
    }
  });
});
