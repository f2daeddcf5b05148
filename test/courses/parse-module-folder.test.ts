import { expect } from 'chai';
import { parseModuleFolder } from '../../src/server/courses/format/parse-module-folder.ts';
import type { SourceError } from '../../src/server/courses/format/source-error.ts';
import fs from 'node:fs';
import path from 'node:path';
import { COURSES_DIR, EXERCISE_YAML, LESSON_MD, lineOf, MODULE_YAML, moduleFiles, QUIZ_YAML, shippedFramework } from './fixtures.ts';

const framework = shippedFramework();
const parse = (overrides: Record<string, string | null> = {}) => parseModuleFolder(moduleFiles(overrides), { folder: 'essai', framework });

function errorsOf(overrides: Record<string, string | null>): SourceError[] {
  const result = parse(overrides);
  if (result.ok) throw new Error('expected errors, got a module');
  return result.errors;
}

/** Exactly one error, in this file, at this line, saying this. */
function expectOneError(overrides: Record<string, string | null>, file: string, line: number, message: RegExp): void {
  const errors = errorsOf(overrides);
  expect(errors, JSON.stringify(errors)).to.have.length(1);
  expect(errors[0]).to.include({ file, line });
  expect(errors[0].message).to.match(message);
}

describe('parseModuleFolder', () => {
  it('turns a valid folder into a module version', () => {
    const result = parse();
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { module } = result;
    expect(module.id).to.equal('essai');
    expect(module.competencies.map((c) => c.code)).to.deep.equal(['CCP1.1', 'T1']);
    expect(module.competencies[0].label).to.equal('Accueillir le client et identifier sa demande');
    expect(module.items.map((i) => `${i.type}:${i.id}`)).to.deep.equal(['lesson:lecon-1', 'quiz:quiz', 'exercise:fiche']);
    expect(module.contentHash).to.match(/^[0-9a-f]{64}$/);
    expect(result.assets.map((a) => a.path)).to.deep.equal(['images/phases.svg']);
    expect(JSON.parse(JSON.stringify(module))).to.deep.equal(module);
  });

  it('splits a lesson into pages at "## " headings and points images at the asset URL', () => {
    const result = parse();
    if (!result.ok) throw new Error('invalid');
    const lesson = result.module.items[0];
    if (lesson.type !== 'lesson') throw new Error('not a lesson');
    expect(lesson.lesson.pages.map((p) => p.title)).to.deep.equal(['Première leçon', 'Les premiers mots', 'À retenir']);
    const sha = result.assets[0].sha256;
    expect(lesson.lesson.pages[1].html).to.contain(`<img src="/course-assets/${sha}" alt="Le schéma des phases" />`);
    expect(lesson.lesson.images.map((i) => i.path)).to.deep.equal(['images/phases.svg']);
  });

  it('fills quiz defaults: choice ids, points, the item competencies, normalised answers', () => {
    const result = parse({ 'quiz.yaml': QUIZ_YAML.replace('accepted: [Bonjour]', 'accepted: ["Bonjour !", "BONJOUR"]') });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const quiz = result.module.items[1];
    if (quiz.type !== 'quiz') throw new Error('not a quiz');
    const [q1, q2] = quiz.quiz.questions;
    expect(q1.type === 'single_choice' && q1.choices.map((c) => c.id)).to.deep.equal(['a', 'b']);
    expect(q1.points).to.equal(1);
    expect(q1.competencies).to.deep.equal(['CCP1.1', 'T1']);
    expect(q2.type === 'short_answer' && q2.acceptedNormalised).to.deep.equal(['bonjour']);
    expect(quiz.quiz.retry).to.deep.equal({ maxAttempts: 3, keep: 'best' });
  });

  it('attaches an optional audio file to a lesson, and refuses audio elsewhere or missing', () => {
    const withAudio = MODULE_YAML.replace('    file: lessons/01.md\n', '    file: lessons/01.md\n    audio: audio/01.mp3\n');
    const result = parseModuleFolder(moduleFiles({ 'module.yaml': withAudio, 'audio/01.mp3': 'ID3' }), { folder: 'essai', framework });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const lesson = result.module.items[0];
    expect(lesson.type === 'lesson' && lesson.lesson.audio).to.include({ path: 'audio/01.mp3', mediaType: 'audio/mpeg', bytes: 3 });
    expectOneError({ 'module.yaml': withAudio }, 'essai/module.yaml', lineOf(withAudio, 'audio:'), /fichier son introuvable : « audio\/01\.mp3 »/);
    const onQuiz = MODULE_YAML.replace('    file: quiz.yaml\n', '    file: quiz.yaml\n    audio: audio/01.mp3\n');
    const errors = errorsOf({ 'module.yaml': onQuiz, 'audio/01.mp3': 'ID3' });
    expect(errors.map((e) => e.message)).to.deep.equal(['items[1].audio : le son (« audio: ») ne se met que sur une leçon']);
  });

  it('changes the hash when any file changes, and only then', () => {
    const a = parse();
    const b = parse();
    const c = parse({ 'lessons/01.md': `${LESSON_MD}\nUne ligne de plus.\n` });
    if (!a.ok || !b.ok || !c.ok) throw new Error('invalid');
    expect(a.module.contentHash).to.equal(b.module.contentHash);
    expect(c.module.contentHash).to.not.equal(a.module.contentHash);
  });

  describe('role-play items', () => {
    const scenario = fs.readFileSync(path.join(COURSES_DIR, 'clients-mecontents/roleplays/retard-livraison.yaml'), 'utf8');
    const withRoleplay = MODULE_YAML.replace('competencies: [CCP1.1, T1]\n', 'competencies: [CCP1.1, CCP1.2, CCP1.3, T1, T2]\n')
      + '  - id: appel\n    type: roleplay\n    title: Appel simulé\n    file: roleplays/retard-livraison.yaml\n    competencies: [CCP1.3]\n';

    it('embeds the scenario parsed by the role-play parser', () => {
      const result = parse({ 'module.yaml': withRoleplay, 'roleplays/retard-livraison.yaml': scenario });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      const item = result.module.items[3];
      expect(item.type).to.equal('roleplay');
      expect(item.type === 'roleplay' && item.scenario.id).to.equal('retard-livraison');
    });

    it('reports scenario errors under the module folder, and a missing scenario file in module.yaml', () => {
      const broken = parse({ 'module.yaml': withRoleplay, 'roleplays/retard-livraison.yaml': scenario.replace(/^callType: .*$/m, 'callType: fax') });
      expect(!broken.ok && broken.errors.map((e) => e.file)).to.deep.equal(['essai/roleplays/retard-livraison.yaml']);
      expect(!broken.ok && broken.errors[0].line).to.equal(lineOf(scenario, 'callType:'));
      const missing = errorsOf({ 'module.yaml': withRoleplay });
      expect(missing).to.have.length(1);
      expect(missing[0]).to.include({ file: 'essai/module.yaml', line: lineOf(withRoleplay, 'roleplays/retard-livraison.yaml') });
    });
  });

  describe('reports errors with file and line', () => {
    it('module.yaml missing', () => {
      expect(errorsOf({ 'module.yaml': null })).to.deep.equal([{ file: 'essai/module.yaml', message: 'fichier module.yaml manquant dans ce dossier' }]);
    });

    it('YAML syntax error', () => {
      const broken = MODULE_YAML.replace('level: débutant', 'level: [débutant');
      const errors = errorsOf({ 'module.yaml': broken });
      expect(errors[0].file).to.equal('essai/module.yaml');
      expect(errors[0].line).to.be.a('number');
      expect(errors[0].message).to.match(/^YAML invalide/);
    });

    it('missing required field', () => {
      const broken = MODULE_YAML.replace('summary: Un module minimal pour les tests.\n', '');
      expectOneError({ 'module.yaml': broken }, 'essai/module.yaml', 1, /summary : champ obligatoire manquant/);
    });

    it('unknown key (a typo)', () => {
      const broken = MODULE_YAML.replace('    file: quiz.yaml', '    fichier: quiz.yaml\n    file: quiz.yaml');
      expectOneError({ 'module.yaml': broken }, 'essai/module.yaml', lineOf(broken, 'fichier:'), /items\[1\] : clé inconnue « fichier »/);
    });

    it('module id different from the folder', () => {
      expectOneError({ 'module.yaml': MODULE_YAML.replace('id: essai', 'id: autre') }, 'essai/module.yaml', 1, /doit être le nom du dossier/);
    });

    it('unknown competency code', () => {
      const broken = MODULE_YAML.replace('competencies: [CCP1.1]', 'competencies: [CCP9.9]');
      expectOneError({ 'module.yaml': broken }, 'essai/module.yaml', lineOf(broken, 'CCP9.9'), /compétence « CCP9\.9 » inconnue/);
    });

    it('item competency not declared by the module', () => {
      const broken = MODULE_YAML.replace('competencies: [T1]\n', 'competencies: [T3]\n');
      expectOneError({ 'module.yaml': broken }, 'essai/module.yaml', lineOf(broken, '[T3]'), /« T3 » absente de la liste « competencies » du module/);
    });

    it('duplicate item id', () => {
      const broken = MODULE_YAML.replace('id: fiche', 'id: quiz');
      expectOneError({ 'module.yaml': broken }, 'essai/module.yaml', lineOf(broken, 'title: La fiche') - 2, /« quiz » est déjà utilisé/);
    });

    it('referenced file missing', () => {
      expectOneError({ 'quiz.yaml': null }, 'essai/module.yaml', lineOf(MODULE_YAML, 'file: quiz.yaml'), /fichier introuvable : « quiz\.yaml »/);
    });

    it('unknown item type', () => {
      const broken = MODULE_YAML.replace('type: quiz', 'type: test');
      expectOneError({ 'module.yaml': broken }, 'essai/module.yaml', lineOf(broken, 'type: test'), /items\[1\]\.type : Option invalide/);
    });

    it('lesson image missing, and a link', () => {
      const broken = LESSON_MD.replace('../images/phases.svg', '../images/absente.png').replace('Dites votre prénom.', 'Voir [le site](http://exemple.fr).');
      const errors = errorsOf({ 'lessons/01.md': broken });
      expect(errors).to.deep.include({ file: 'essai/lessons/01.md', line: lineOf(broken, 'absente'), message: 'image introuvable : « images/absente.png » n’existe pas dans le dossier du module' });
      expect(errors.find((e) => /lien « le site » interdit/.test(e.message))).to.include({ file: 'essai/lessons/01.md', line: lineOf(broken, 'le site') });
    });

    it('empty file, and an image path with a malformed escape', () => {
      expectOneError({ 'quiz.yaml': '' }, 'essai/quiz.yaml', 1, /^fichier vide$/);
      const broken = LESSON_MD.replace('../images/phases.svg', '../images/%E0%A4%A.svg');
      expectOneError({ 'lessons/01.md': broken }, 'essai/lessons/01.md', lineOf(broken, '%E0'), /seules les images du dossier du module/);
    });

    it('lesson with a level-1 heading', () => {
      const broken = `# Titre\n\n${LESSON_MD}`;
      expectOneError({ 'lessons/01.md': broken }, 'essai/lessons/01.md', 1, /titre de niveau 1/);
    });

    it('unsafe SVG and unsupported file type', () => {
      const errors = errorsOf({ 'images/phases.svg': '<svg onload="alert(1)"></svg>', 'notes.docx': 'x' });
      expect(errors.map((e) => e.file)).to.include.members(['essai/images/phases.svg', 'essai/notes.docx']);
    });

    it('single choice with two right answers', () => {
      const broken = QUIZ_YAML.replace('feedback: Non.', 'feedback: Non.\n        correct: true');
      expectOneError({ 'quiz.yaml': broken }, 'essai/quiz.yaml', lineOf(broken, 'choices:'), /exactement une réponse doit avoir « correct: true » \(ici 2\)/);
    });

    it('duplicate question id', () => {
      const broken = QUIZ_YAML.replace('id: q2', 'id: q1');
      expectOneError({ 'quiz.yaml': broken }, 'essai/quiz.yaml', lineOf(broken, 'type: short_answer') - 1, /questions\[1\]\.id : .*déjà utilisé/);
    });

    it('pass mark out of range', () => {
      const broken = QUIZ_YAML.replace('pass_mark: 70', 'pass_mark: 120');
      expectOneError({ 'quiz.yaml': broken }, 'essai/quiz.yaml', 1, /pass_mark : Trop grand/);
    });

    it('unknown question type', () => {
      const broken = QUIZ_YAML.replace('type: short_answer', 'type: essay');
      expectOneError({ 'quiz.yaml': broken }, 'essai/quiz.yaml', lineOf(broken, 'essay'), /questions\[1\]\.type : valeur inconnue ; valeurs possibles : single_choice/);
    });

    it('question with an unknown competency', () => {
      const broken = QUIZ_YAML.replace('    prompt: Le mot', '    competencies: [X1]\n    prompt: Le mot');
      expectOneError({ 'quiz.yaml': broken }, 'essai/quiz.yaml', lineOf(broken, '[X1]'), /compétence « X1 » inconnue/);
    });

    it('form field whose model answer fails its own rule', () => {
      const broken = EXERCISE_YAML.replace('check: { rule: exact, value: "45872" }', 'check: { rule: regex, pattern: "[0-9]{4}" }\n      answer: "45872"');
      expectOneError({ 'exercises/fiche.yaml': broken }, 'essai/exercises/fiche.yaml', lineOf(broken, 'answer:'), /« 45872 » ne passe pas la règle « regex »/);
    });

    it('invalid regular expression', () => {
      const broken = EXERCISE_YAML.replace('check: { rule: exact, value: "45872" }', 'check: { rule: regex, pattern: "[0-9" }\n      answer: "1"');
      expectOneError({ 'exercises/fiche.yaml': broken }, 'essai/exercises/fiche.yaml', lineOf(broken, 'pattern'), /expression régulière invalide/);
    });

    it('regular expression with a nested repetition', () => {
      const broken = EXERCISE_YAML.replace('check: { rule: exact, value: "45872" }', 'check: { rule: regex, pattern: "([0-9]+)+" }\n      answer: "45872"');
      expectOneError({ 'exercises/fiche.yaml': broken }, 'essai/exercises/fiche.yaml', lineOf(broken, 'pattern'), /trop risquée/);
    });

    it('number written without quotes where text is expected', () => {
      const broken = EXERCISE_YAML.replace('value: "45872"', 'value: 045872');
      expectOneError({ 'exercises/fiche.yaml': broken }, 'essai/exercises/fiche.yaml', lineOf(broken, 'value: 045872'), /mettez la valeur entre guillemets/);
    });

    it('classifying task with an unknown category', () => {
      const classify = `instructions: Classez.
pass_mark: 50
task:
  type: classify
  categories: [{ id: a, label: A }, { id: b, label: B }]
  priorities: [{ id: urgent, label: Urgent }, { id: normal, label: Normal }]
  requests:
    - { id: r1, channel: email, from: X, received: lundi, text: T, category: a, priority: urgent, feedback: F }
    - { id: r2, channel: chat, from: Y, received: lundi, text: T, category: c, priority: normal, feedback: F }
`;
      expectOneError({ 'exercises/fiche.yaml': classify }, 'essai/exercises/fiche.yaml', lineOf(classify, 'id: r2'), /catégorie « c » inconnue/);
    });

    it('collects errors from several files at once', () => {
      const errors = errorsOf({ 'quiz.yaml': QUIZ_YAML.replace('pass_mark: 70', 'pass_mark: -1'), 'lessons/01.md': `# T\n${LESSON_MD}` });
      expect(new Set(errors.map((e) => e.file))).to.deep.equal(new Set(['essai/quiz.yaml', 'essai/lessons/01.md']));
    });
  });
});
