import { expect } from 'chai';
import type request from 'supertest';
import { loginAs, cheerio } from '../helpers/app.ts';
import { attemptOn, itemPath, learningWorld, MODULE, OTHER_MODULE, statementCount, type LearningWorld } from './helpers.ts';

/** Rows of every table the player writes, and the statements: must not move on tampered input. */
async function footprint(w: LearningWorld): Promise<string> {
  const db = w.t.ctx.database.db;
  const attempts = await db.selectFrom('learning_attempts').select(['id', 'state_json', 'status']).orderBy('id').execute();
  const pins = await db.selectFrom('learner_module_versions').selectAll().orderBy('user_id').orderBy('module_id').execute();
  const progress = await db.selectFrom('learner_item_progress').selectAll().orderBy('user_id').orderBy('item_id').execute();
  return JSON.stringify({ statements: await statementCount(w.t), attempts, pins, progress });
}

const errorText = (res: request.Response) => cheerio.load(res.text)('main').text();

describe('learner player: tampered input changes nothing', () => {
  let w: LearningWorld;
  let julien: request.Agent;
  beforeEach(async () => {
    w = await learningWorld();
    julien = await loginAs(w.t.app, 'julien');
    await julien.get(`/learner/modules/${MODULE}`);
  });
  afterEach(() => w.close());

  it('refuses a quiz choice edited by hand', async () => {
    const { attempt, csrf } = await attemptOn(julien, itemPath('quiz'));
    const before = await footprint(w);
    const res = await julien.post(`${itemPath('quiz')}/answer`).type('form').send({ _csrf: csrf, attempt, question: 'q-choix', answer: 'peut-etre' });
    expect(res.status).to.equal(400);
    expect(errorText(res)).to.contain('Cette réponse ne fait pas partie des choix proposés. Rien n\'a été enregistré.');
    expect(await footprint(w)).to.equal(before);
  });

  it('refuses a select option edited by hand in a back-office form, and a priority that does not exist', async () => {
    const fiche = await attemptOn(julien, itemPath('fiche'));
    const tri = await attemptOn(julien, itemPath('tri'));
    const before = await footprint(w);
    const res = await julien
      .post(`${itemPath('fiche')}/submit`)
      .type('form')
      .send({ _csrf: fiche.csrf, attempt: fiche.attempt, field_commande: 'CM-1234', field_motif: 'Remboursement immédiat', field_montant: '59,90' });
    expect(res.status).to.equal(400);
    expect(errorText(res)).to.contain('ne fait pas partie des choix proposés');
    const res2 = await julien
      .post(`${itemPath('tri')}/submit`)
      .type('form')
      .send({ _csrf: tri.csrf, attempt: tri.attempt, category_r1: 'reclamation', priority_r1: 'tres-urgent', category_r2: 'information', priority_r2: 'normal' });
    expect(res2.status).to.equal(400);
    expect(await footprint(w)).to.equal(before);
  });

  it('refuses an answer to a question that is not in the quiz, one already answered, and one not reached', async () => {
    const { attempt, csrf } = await attemptOn(julien, itemPath('quiz'));
    const before = await footprint(w);
    const foreign = await julien.post(`${itemPath('quiz')}/answer`).type('form').send({ _csrf: csrf, attempt, question: 'q-inventee', answer: 'bonjour' });
    expect(foreign.status).to.equal(400);
    expect(errorText(foreign)).to.contain('Cette question ne fait pas partie de ce quiz.');
    const ahead = await julien.post(`${itemPath('quiz')}/answer`).type('form').send({ _csrf: csrf, attempt, question: 'q-vf', answer: 'true' });
    expect(ahead.status).to.equal(400);
    expect(errorText(ahead)).to.contain('Répondez aux questions dans l\'ordre.');
    expect(await footprint(w)).to.equal(before);

    await julien.post(`${itemPath('quiz')}/answer`).type('form').send({ _csrf: csrf, attempt, question: 'q-choix', answer: 'allo' }).expect(303);
    const afterFirst = await footprint(w);
    const again = await julien.post(`${itemPath('quiz')}/answer`).type('form').send({ _csrf: csrf, attempt, question: 'q-choix', answer: 'bonjour' });
    expect(again.status).to.equal(409);
    expect(errorText(again)).to.contain('Vous avez déjà répondu à cette question.');
    expect(await footprint(w)).to.equal(afterFirst);
  });

  it("refuses another learner's attempt id", async () => {
    const { attempt } = await attemptOn(julien, itemPath('quiz'));
    const sofiane = await loginAs(w.t.app, 'sofiane');
    const own = await attemptOn(sofiane, itemPath('quiz'));
    const before = await footprint(w);
    const res = await sofiane.post(`${itemPath('quiz')}/answer`).type('form').send({ _csrf: own.csrf, attempt, question: 'q-choix', answer: 'bonjour' });
    expect(res.status).to.equal(403);
    expect(errorText(res)).to.contain("Cette tentative n'est pas la vôtre. Rien n'a été enregistré.");
    const lesson = await sofiane.post(`${itemPath('lecon')}/complete`).type('form').send({ _csrf: own.csrf, attempt });
    expect(lesson.status).to.equal(403);
    expect(await footprint(w)).to.equal(before);
  });

  it('refuses a module that is not assigned, and says so in English too', async () => {
    const { csrf, attempt } = await attemptOn(julien, itemPath('quiz'));
    const before = await footprint(w);
    for (const path of [`/learner/modules/${OTHER_MODULE}`, itemPath('lecon', OTHER_MODULE)]) {
      const res = await julien.get(path);
      expect(res.status, path).to.equal(403);
      expect(errorText(res)).to.contain("Ce module ne vous a pas été attribué. Demandez à votre formateur.");
    }
    const post = await julien.post(`${itemPath('lecon', OTHER_MODULE)}/complete`).type('form').send({ _csrf: csrf, attempt });
    expect(post.status).to.equal(403);
    const english = await julien.get(`/learner/modules/${OTHER_MODULE}?lang=en`);
    expect(errorText(english)).to.contain('This module has not been assigned to you.');
    const unknown = await julien.get('/learner/modules/module-inconnu?lang=fr');
    expect(unknown.status).to.equal(404);
    expect(errorText(unknown)).to.contain("Ce module n'existe pas.");
    expect(await footprint(w)).to.equal(before);
    const dashboard = cheerio.load((await julien.get('/learner')).text);
    expect(dashboard('.module-card').map((_, e) => dashboard(e).attr('data-module')).get()).to.deep.equal([MODULE]);
  });

  it('refuses to finish a lesson before every page is read, and a page that does not exist', async () => {
    const page1 = cheerio.load((await julien.get(itemPath('lecon'))).text);
    const csrf = String(page1('input[name=_csrf]').first().val());
    const [attempt] = (await w.t.ctx.learning.attempts.forItem(w.learner.id, MODULE, 'lecon')).map((a) => a.id);
    const before = await footprint(w);
    const res = await julien.post(`${itemPath('lecon')}/complete`).type('form').send({ _csrf: csrf, attempt });
    expect(res.status).to.equal(400);
    expect(errorText(res)).to.contain('Lisez toutes les pages de la leçon avant de la terminer.');
    expect((await julien.get(`${itemPath('lecon')}?page=9`)).status).to.equal(404);
    expect(await footprint(w)).to.equal(before);
  });

  it('keeps what the learner typed when a field is left empty (a mistake, not tampering)', async () => {
    const { attempt, csrf } = await attemptOn(julien, itemPath('fiche'));
    const before = await footprint(w);
    const res = await julien.post(`${itemPath('fiche')}/submit`).type('form').send({ _csrf: csrf, attempt, field_commande: 'CM-1234', field_motif: '', field_montant: '59,90' });
    expect(res.status).to.equal(400);
    const $ = cheerio.load(res.text);
    expect($('#f-field_commande').val()).to.equal('CM-1234');
    expect($('#f-field_motif-error').text()).to.contain('Remplissez ce champ.');
    expect(await footprint(w)).to.equal(before);
  });
});
