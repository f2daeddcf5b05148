import { expect } from 'chai';
import { libraryBias } from '../../src/server/courses/library-bias.ts';
import { loadCourseLibrary } from '../../src/server/courses/load-library.ts';
import type { ModuleVersion } from '../../src/server/courses/format/types.ts';
import { checkFieldAnswer } from '../../src/server/courses/format/check-field.ts';
import { COURSES_DIR } from './fixtures.ts';

const MODULE_IDS = ['accueil-appels-entrants', 'back-office', 'clients-mecontents', 'appels-sortants', 'confidentialite-rgpd', 'relation-client-ecrite', 'recouvrement-amiable', 'fidelisation-resiliation', 'situations-sensibles', 'pret-pour-l-emploi'];
const QUESTION_TYPES = ['single_choice', 'multiple_choice', 'true_false', 'matching', 'ordering', 'short_answer'];

describe('the shipped course library', () => {
  let modules: ModuleVersion[] = [];

  before(async () => {
    const library = await loadCourseLibrary(COURSES_DIR);
    expect(library.errors, library.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n')).to.deep.equal([]);
    modules = library.modules.map((m) => m.module);
  });

  it('validates and holds every module of the library', () => {
    expect(modules.map((m) => m.id).sort()).to.deep.equal([...MODULE_IDS].sort());
  });

  it('gives every module 2 to 4 lessons, one quiz and at least one back-office exercise', () => {
    for (const m of modules) {
      const count = (type: string) => m.items.filter((i) => i.type === type).length;
      expect(count('lesson'), m.id).to.be.within(2, 4);
      expect(count('quiz'), m.id).to.equal(1);
      expect(count('exercise'), m.id).to.be.at.least(1);
    }
  });

  it('gives every quiz 8 to 14 questions using every question type', () => {
    for (const m of modules) {
      for (const item of m.items) {
        if (item.type !== 'quiz') continue;
        expect(item.quiz.questions.length, m.id).to.be.within(8, 14);
        expect(new Set(item.quiz.questions.map((q) => q.type)), m.id).to.deep.equal(new Set(QUESTION_TYPES));
      }
    }
  });

  it('does not let the length of an answer or "always false" give quiz answers away', () => {
    // The same figures courses:check prints and fails on (library-bias.ts).
    const { rightIsLongest, trueAnswers } = libraryBias(modules);
    expect(rightIsLongest.of).to.be.at.least(14);
    expect(rightIsLongest.share, rightIsLongest.ids.join(', ')).to.be.at.most(0.35);
    expect(trueAnswers.share).to.be.within(0.4, 0.6);
  });

  it('has a classifying exercise and form exercises where the written and back-office trades need them', () => {
    const tasks = (id: string) => modules.find((m) => m.id === id)?.items.flatMap((i) => (i.type === 'exercise' ? [i.exercise.task.type] : [])) ?? [];
    expect(tasks('back-office').filter((t) => t === 'form')).to.have.length.at.least(2);
    expect(tasks('relation-client-ecrite')).to.include.members(['form', 'classify']);
    expect(tasks('confidentialite-rgpd')).to.include.members(['form', 'classify']);
  });

  it('has form fields that accept their model answer and reject a wrong one', () => {
    let fields = 0;
    for (const m of modules) {
      for (const item of m.items) {
        if (item.type !== 'exercise' || item.exercise.task.type !== 'form') continue;
        for (const field of item.exercise.task.fields) {
          fields += 1;
          const where = `${m.id}/${item.file} ${field.id}`;
          expect(checkFieldAnswer(field.check, field.answer), where).to.equal(true);
          expect(checkFieldAnswer(field.check, ''), where).to.equal(false);
          expect(checkFieldAnswer(field.check, 'je ne sais pas'), where).to.equal(false);
        }
      }
    }
    expect(fields).to.be.greaterThan(40);
  });

  it('renders every lesson page to non-empty HTML', () => {
    for (const m of modules) {
      for (const item of m.items) {
        if (item.type !== 'lesson') continue;
        for (const page of item.lesson.pages) expect(page.html.length, `${m.id}/${item.file} ${page.title}`).to.be.greaterThan(20);
      }
    }
  });
});
