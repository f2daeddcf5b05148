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
