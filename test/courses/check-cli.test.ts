import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COURSES_DIR, lineOf, moduleFiles, QUIZ_YAML } from './fixtures.ts';

/** A copy of the shipped library plus the fixture module "essai", in a temp folder. */
function copyLibrary(overrides: Record<string, string | null> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tremplin-courses-'));
  fs.cpSync(COURSES_DIR, root, { recursive: true });
  for (const [file, content] of moduleFiles(overrides)) {
    const full = path.join(root, 'essai', file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return root;
}

function check(...args: string[]) {
  const run = spawnSync('npm', ['run', '-s', 'courses:check', '--', ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run courses:check', function () {
  this.timeout(60000);
  const roots: string[] = [];
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

  it('passes on the shipped library and prints a summary', () => {
    const run = check();
    expect(run.stderr).to.equal('');
    expect(run.status).to.equal(0);
    expect(run.stdout).to.match(/^OK : \d+ module\(s\) valide\(s\)\./);
    const accuracy = /Réponses types : (\d+)\/(\d+) bien classées \(100 %\)/.exec(run.stdout);
    expect(accuracy?.[1]).to.equal(accuracy?.[2]);
    expect(Number(accuracy?.[1])).to.be.at.least(13 * 12);
    expect(run.stdout).to.match(/\nBiais : meilleure réplique aussi la plus longue dans \d+\/\d+ tours de choix \(\d+ %, au plus 40 %\)\./);
    expect(run.stdout).to.match(/\nBiais : bonne réponse la plus longue dans \d+\/\d+ questions à choix unique/);
    expect(run.stdout).to.match(/\nBiais : « vrai » est la réponse de \d+\/\d+ questions vrai\/faux/);
  });

  it('fails when a rubric misclassifies a sample answer or a typed turn has too few, with file and line', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tremplin-courses-'));
    roots.push(root);
    fs.cpSync(COURSES_DIR, root, { recursive: true });
    const retard = 'clients-mecontents/roleplays/retard-livraison.yaml';
    const badAsGood = '        - "Votre commande a du retard madame."\n';
    const original = fs.readFileSync(path.join(root, retard), 'utf8');
    // The bad sample moved to the top of the good ones, and one bad sample fewer than six left.
    const edited = original.replace(badAsGood, '').replace('      good:\n', `      good:\n${badAsGood}`).replace('        - "canapé retard congé madame"\n', '');
    expect(edited).to.not.equal(original);
    fs.writeFileSync(path.join(root, retard), edited);
    const run = check(root);
    expect(run.status).to.equal(1);
    const rel = path.relative(process.cwd(), root);
    const lines = edited.split('\n');
    const sampleLine = lines.indexOf(badAsGood.trimEnd()) + 1;
    const nodeLine = lines.indexOf('  reformulation:') + 1;
    expect(run.stderr).to.contain(`${rel}/${retard}:${nodeLine}: réponse libre « reformulation » : il faut au moins 6 bonnes et 6 mauvaises réponses types (samples), il y en a 7 et 5.`);
    expect(run.stderr).to.contain(`${rel}/${retard}:${sampleLine}: réponse libre « reformulation » : cette bonne réponse type échoue (62 % ; manque : le jour de congé perdu) : « Votre commande a du retard madame. »`);
    expect(run.stderr).to.match(/Réponses types : (\d+)\/(\d+) bien classées/);
    const [, right, total] = /Réponses types : (\d+)\/(\d+)/.exec(run.stderr) ?? [];
    expect(Number(total) - Number(right)).to.equal(1);
    expect(run.stdout).to.equal('');
  });

  it('names the file and line of an error in a broken copy, and exits non-zero', () => {
    const broken = QUIZ_YAML.replace('pass_mark: 70', 'pass_mark: 70\nquestions_bis: []');
    const root = copyLibrary({ 'quiz.yaml': broken });
    roots.push(root);
    const run = check(root);
    expect(run.status).to.equal(1);
    const rel = path.relative(process.cwd(), root);
    expect(run.stderr).to.contain(`${rel}/essai/quiz.yaml:${lineOf(broken, 'questions_bis')}: clé inconnue « questions_bis »`);
  });

  it('reports a weekday that does not match the storyDate calendar in a shipped scenario', () => {
    const root = copyLibrary();
    roots.push(root);
    const file = path.join(root, 'clients-mecontents', 'roleplays', 'retard-livraison.yaml');
    const original = fs.readFileSync(file, 'utf8');
    const broken = original.replace('vendredi 27/11', 'jeudi 27/11');
    expect(broken).to.not.equal(original);
    fs.writeFileSync(file, broken);
    const run = check(root);
    expect(run.status).to.equal(1);
    const rel = path.relative(process.cwd(), root);
    expect(run.stderr).to.contain(
      `${rel}/clients-mecontents/roleplays/retard-livraison.yaml:${lineOf(broken, 'jeudi 27/11')}: « jeudi 27/11 » : le 27 novembre 2026 (année de storyDate 2026-11-26) est un vendredi, pas un jeudi.`,
    );
  });

  it('checks one module folder when given its path', () => {
    const root = copyLibrary({ 'quiz.yaml': null });
    roots.push(root);
    const run = check(path.join(root, 'essai'));
    expect(run.status).to.equal(1);
    const rel = path.relative(process.cwd(), root);
    expect(run.stderr.trim().split('\n')[0]).to.equal(`${rel}/essai/module.yaml:${lineOf(moduleFiles().get('module.yaml') ?? '', 'file: quiz.yaml')}: items[1].file : fichier introuvable : « quiz.yaml » n’existe pas dans le dossier du module`);
  });

  it('fails clearly on a folder that is neither a library nor a module', () => {
    const run = check(os.tmpdir());
    expect(run.status).to.equal(1);
    expect(run.stderr).to.contain('ni competences.yaml ni module.yaml');
  });
});
