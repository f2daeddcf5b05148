import { expect } from 'chai';
import { addItem, authoringFixture, cheerio, createModule, type AuthoringFixture } from './support.ts';

/**
 * Issue 18: the quiz editor adds every question type through one form (no YAML to write), the
 * question is published as the learner will get it, and a wrong form keeps what was typed.
 */
describe('authoring: adding every question type through the form', function () {
  this.timeout(60_000);
  let f: AuthoringFixture;
  beforeEach(async () => {
    f = await authoringFixture();
    await createModule(f);
    await addItem(f, 'mon-module', 'quiz', 'quiz', 'Quiz');
  });
  afterEach(() => f.t.close());

  const add = (fields: Record<string, string | undefined>) => f.trainer.post('/trainer/authoring/mon-module/quiz/question').type('form').send({ _csrf: f.csrf, path: 'quiz.yaml', ...fields });
  const draftQuiz = async () => JSON.parse((await f.t.ctx.database.db.selectFrom('authoring_drafts').select('files_json').executeTakeFirstOrThrow()).files_json)['quiz.yaml'] as string;
  const feedback = { feedbackCorrect: 'Bien vu.', feedbackIncorrect: 'Relisez la leçon.' };

  it('adds one question of each of the six types, and publishes them as the learner gets them', async () => {
    for (const fields of [
      { questionType: 'multiple_choice', questionId: 'ouvertes', prompt: 'Lesquelles sont ouvertes ?', lines: '+ Que s’est-il passé ? | Oui, il raconte.\nAvez-vous redémarré ? | Non, oui ou non.\n+ Comment ça se présente ? | Oui.', competencies: 'CCP1.1' },
      { questionType: 'true_false', questionId: 'sourire', prompt: 'Le sourire s’entend.', answer: 'vrai', ...feedback },
      { questionType: 'matching', questionId: 'formules', prompt: 'Associez.', lines: 'Pas de souci = Avec plaisir\nJe ne sais pas = Je me renseigne', ...feedback },
      { questionType: 'ordering', questionId: 'entonnoir', prompt: 'Dans l’ordre.', lines: 'Racontez-moi\nQuels voyants ?\nRouge ou éteint ?', ...feedback },
      { questionType: 'short_answer', questionId: 'formule', prompt: 'Si je ... bien', lines: 'comprends\nje comprends', ...feedback },
    ]) {
      const res = await add(fields);
      expect(res.status, `${fields.questionType}: ${cheerio.load(res.text)('.error-text').text()}`).to.equal(303);
    }
    await f.trainer.post('/trainer/authoring/mon-module/publish').type('form').send({ _csrf: f.csrf }).expect(303);
    const item = (await f.t.ctx.learning.courses.latestVersion('mon-module'))?.content.items[0];
    if (item?.type !== 'quiz') throw new Error('no quiz published');
    const byId = new Map(item.quiz.questions.map((q) => [q.id, q]));
    const multiple = byId.get('ouvertes');
    expect(multiple?.type === 'multiple_choice' && multiple.choices.map((c) => [c.text, c.correct, c.feedback])).to.deep.equal([
      ['Que s’est-il passé ?', true, 'Oui, il raconte.'],
      ['Avez-vous redémarré ?', false, 'Non, oui ou non.'],
      ['Comment ça se présente ?', true, 'Oui.'],
    ]);
    expect(multiple?.competencies).to.deep.equal(['CCP1.1']);
    const trueFalse = byId.get('sourire');
    expect(trueFalse?.type === 'true_false' && [trueFalse.answer, trueFalse.feedback]).to.deep.equal([true, { correct: 'Bien vu.', incorrect: 'Relisez la leçon.' }]);
    const matching = byId.get('formules');
    expect(matching?.type === 'matching' && matching.pairs.map((p) => [p.left, p.right])).to.deep.equal([
      ['Pas de souci', 'Avec plaisir'],
      ['Je ne sais pas', 'Je me renseigne'],
    ]);
    const ordering = byId.get('entonnoir');
    expect(ordering?.type === 'ordering' && ordering.steps.map((s) => s.text)).to.deep.equal(['Racontez-moi', 'Quels voyants ?', 'Rouge ou éteint ?']);
    const short = byId.get('formule');
    expect(short?.type === 'short_answer' && short.accepted).to.deep.equal(['comprends', 'je comprends']);
  });

  it('refuses a wrong form with the message on the field at fault, keeps every value typed, and changes nothing', async () => {
    const before = await draftQuiz();
    for (const [fields, field, message] of [
      [{ questionType: 'single_choice', questionId: 'q2', prompt: 'Laquelle ?', lines: '+ A | oui\n+ B | aussi' }, 'lines', 'Mettez un + devant une seule bonne réponse.'],
      [{ questionType: 'single_choice', questionId: 'q2', prompt: 'Laquelle ?', lines: '+ A | oui\nB' }, 'lines', 'Chaque choix a besoin de son explication après un « | ».'],
      [{ questionType: 'true_false', questionId: 'q3', prompt: 'Vrai ?', answer: '', ...feedback }, 'answer', 'Choisissez la bonne réponse : vrai ou faux.'],
      [{ questionType: 'matching', questionId: 'q4', prompt: 'Associez.', lines: 'A = 1\nB 2', ...feedback }, 'lines', 'Chaque paire s’écrit « à gauche = à droite ».'.replace('’', "'")],
      [{ questionType: 'ordering', questionId: 'q5', prompt: 'Ordre.', lines: 'Un\nDeux', feedbackCorrect: 'Oui.', feedbackIncorrect: '' }, 'feedbackIncorrect', 'Écrivez cette explication : le stagiaire la lira après sa réponse.'],
      [{ questionType: 'short_answer', questionId: 'q6', prompt: 'Mot ?', lines: 'mot', competencies: 'ccp 1', ...feedback }, 'competencies', 'Un code de compétence n’est pas valide : par exemple CCP1.1 ou T1.'.replace('’', "'")],
    ] as const) {
      const res = await add(fields);
      expect(res.status).to.equal(400);
      const $ = cheerio.load(res.text);
      expect($(`#f-${field}-error`).text().trim(), fields.questionType).to.equal(message);
      expect($(`#f-${field}`).attr('aria-invalid')).to.equal('true');
      expect($('#f-questionType').val()).to.equal(fields.questionType);
      expect($('#f-questionId').val()).to.equal(fields.questionId);
      expect($('#f-prompt').val()).to.equal(fields.prompt);
      if ('lines' in fields) expect($('#f-lines').text()).to.equal(fields.lines);
      if ('feedbackCorrect' in fields) expect($('#f-feedbackCorrect').val()).to.equal(fields.feedbackCorrect);
    }
    expect(await draftQuiz()).to.deep.equal(before);
  });
});
