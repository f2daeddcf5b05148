import { expect } from 'chai';
import { parseScenario } from '../../src/server/roleplay/scenario/parse-scenario.ts';
import { COMPETENCY_CODES, edit, fixtureText, lineOf, parse } from './helpers.ts';

const mini = fixtureText('mini');

function errorsOf(text: string): Array<{ file: string; line?: number; message: string }> {
  const result = parse(text);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('parseScenario', () => {
  it('parses a valid scenario into nodes of every kind', () => {
    const result = parse(mini);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { scenario } = result;
    expect(scenario.callType).to.equal('inbound');
    expect(scenario.persona.mood).to.equal(50);
    expect(scenario.persona.voice).to.deep.equal({ variant: 'f2', pitch: 60, speed: 160 });
    expect(scenario.persona.record.find((f) => f.key === 'livraison')?.lookup).to.equal(true);
    expect(Object.values(scenario.nodes).map((n) => n.kind)).to.include.members(['customer', 'choice', 'free', 'ending']);
    const reponse = scenario.nodes.reponse;
    if (reponse.kind !== 'choice') throw new Error('reponse should be a choice node');
    expect(reponse.options.map((o) => o.kind)).to.deep.equal(['say', 'say', 'hold', 'transfer']);
    expect(reponse.options[0].points).to.deep.equal({ traitement: 3 });
    expect(reponse.options[3].to).to.equal('Service logistique');
    expect(scenario.nodes['fin-ok'].phase).to.equal('prise-de-conge');
  });

  it('names the file and line of an unknown target', () => {
    const text = edit(mini, 'next: transfere', 'next: transfert');
    const errors = errorsOf(text);
    expect(errors).to.deep.equal([{ file: 'module/roleplays/mini.yaml', line: lineOf(text, 'next: transfert'), message: 'cible inconnue « transfert » : aucun nœud ne porte ce nom.' }]);
  });

  it('reports a missing next alone, not the nodes it leaves unreachable', () => {
    const text = edit(mini, '      next: transfere\n', '');
    expect(errorsOf(text)).to.deep.equal([{ file: 'module/roleplays/mini.yaml', line: lineOf(text, '    transfer:'), message: '« next » est obligatoire.' }]);
  });

  it('reports unreachable nodes and unreachable endings', () => {
    const text = edit(mini, '      next: transfere\n', '      next: fin-ok\n');
    const errors = errorsOf(text);
    expect(errors).to.deep.include({ file: 'module/roleplays/mini.yaml', line: lineOf(text, '  transfere:'), message: 'fin inaccessible « transfere » : aucun chemin depuis « bonjour » n’y mène.' });
    const orphan = `${mini}  orphelin:\n    phase: accueil\n    customer: Personne ne m’entend.\n    next: fin-ok\n`;
    expect(errorsOf(orphan).some((e) => e.message.startsWith('nœud inaccessible « orphelin »') && e.line === lineOf(orphan, '  orphelin:'))).to.equal(true);
  });

  it('reports a cycle with no exit, on its first node', () => {
    const text = edit(
      edit(mini, '    good: { next: fin-ok, mood: 10, feedback: Reformulation claire. }', '    good: { next: boucle, mood: 10 }'),
      '  fin-ok:',
      '  boucle:\n    phase: conclusion\n    choices:\n      - { text: Autre chose ?, next: boucle-client }\n  boucle-client:\n    phase: conclusion\n    customer: Oui.\n    next: boucle\n  fin-ok:',
    );
    const weakOnly = edit(text, '    weak: { next: fin-ok, mood: -5 }', '    weak: { next: boucle, mood: -5 }');
    const errors = errorsOf(weakOnly);
    const cycle = errors.find((e) => e.message.startsWith('boucle sans sortie'));
    expect(cycle?.message).to.contain('boucle → boucle-client');
    expect(cycle?.line).to.equal(lineOf(weakOnly, '  boucle:'));
  });

  it('reports a loop made only of customer lines', () => {
    const text = edit(mini, '    next: reponse\n', '    next: question\n');
    const errors = errorsOf(text);
    expect(errors).to.deep.include({
      file: 'module/roleplays/mini.yaml',
      line: lineOf(text, '  question:'),
      message: 'boucle de répliques du client sans tour de l’apprenant : question.',
    });
  });

  it('reports unknown and missing phases', () => {
    const unknown = edit(mini, 'phase: decouverte', 'phase: découverte');
    expect(errorsOf(unknown)).to.deep.include({
      file: 'module/roleplays/mini.yaml',
      line: lineOf(unknown, 'phase: découverte'),
      message: 'phase inconnue « découverte » (phases : accueil, decouverte, reformulation, traitement, conclusion, prise-de-conge).',
    });
    const missing = edit(mini, '    phase: decouverte\n', '');
    expect(errorsOf(missing)).to.deep.include({ file: 'module/roleplays/mini.yaml', line: lineOf(missing, '  question:'), message: '« phase » est obligatoire.' });
    const custom = edit(mini, 'start: bonjour', 'phases: [accueil, { id: traitement, label: Solution }]\nstart: bonjour');
    const unused = edit(mini, 'start: bonjour', 'phases: [accueil, conclusion, decouverte, traitement, reformulation]\nstart: bonjour');
    expect(errorsOf(unused)).to.deep.equal([{ file: 'module/roleplays/mini.yaml', line: lineOf(unused, 'phases:'), message: 'la phase « conclusion » n’a aucun nœud : retirez-la ou placez-y un tour.' }]);
    expect(errorsOf(custom).filter((e) => e.message.startsWith('phase inconnue')).map((e) => e.line)).to.deep.equal([lineOf(custom, 'phase: decouverte'), lineOf(custom, 'phase: reformulation')]);
  });

  it('reports malformed rubrics', () => {
    const noRequired = edit(mini, '        - { label: la livraison, anyOf: [livraison, livrée, colis] }\n        - [date, 12 mars]\n', '');
    expect(errorsOf(noRequired).map((e) => e.message)).to.include('la grille doit lister au moins un élément attendu (required).');
    const lengths = edit(mini, 'minWords: 5', 'minWords: 50');
    expect(errorsOf(lengths)).to.deep.include({ file: 'module/roleplays/mini.yaml', line: lineOf(lengths, 'minWords: 50'), message: 'minWords (50) dépasse maxWords (40).' });
    const clash = edit(mini, 'avoid: [pas de souci, problème]', 'avoid: [pas de souci, Colis]');
    expect(errorsOf(clash).map((e) => e.message)).to.include('« Colis » est à la fois exigé et à éviter.');
    const empty = edit(mini, '[date, 12 mars]', '[date, "…"]');
    expect(errorsOf(empty).map((e) => e.message)).to.include('expression vide après normalisation : « … ».');
  });

  it('reports unknown competency codes, unknown keys, and a wrong id', () => {
    const text = edit(edit(mini, '{ T2: 2 }', '{ T9: 2 }'), 'feedback: Trop familier.', 'feedbak: Trop familier.');
    const errors = errorsOf(text);
    expect(errors.find((e) => e.message.startsWith('compétence « T9 » non déclarée'))?.line).to.equal(lineOf(text, 'T9'));
    const undeclared = edit(mini, 'competencies: [CCP1.1, T2]', 'competencies: [CCP1.1, T9]');
    expect(errorsOf(undeclared).map((e) => [e.line, e.message])).to.deep.equal([
      [lineOf(undeclared, 'competencies: [CCP1.1, T9]'), 'compétence inconnue « T9 » (voir courses/competences.yaml).'],
      [lineOf(undeclared, '{ T2: 2 }'), 'compétence « T2 » non déclarée dans « competencies » en tête du scénario (déclarées : CCP1.1).'],
    ]);
    expect(errors.find((e) => e.message.startsWith('clé inconnue « feedbak »'))?.line).to.equal(lineOf(text, 'feedbak'));
    expect(errorsOf(edit(mini, 'id: mini', 'id: autre')).map((e) => e.message)).to.include('l’identifiant « autre » doit être le nom du fichier (« mini »).');
  });

  it('reports a requirement on a record field that is not to be looked up', () => {
    const text = edit(mini, 'requires: [livraison]', 'requires: [nom]');
    expect(errorsOf(text).find((e) => e.message.includes('« nom » n’est pas un champ à consulter'))?.line).to.equal(lineOf(text, 'requires: [nom]'));
  });

  it('checks recorded audio paths, and their presence when the module files are given', () => {
    const withAudio = edit(mini, "    next: accueil\n", "    audio: audio/bonjour.mp3\n    next: accueil\n");
    expect(parse(withAudio).ok).to.equal(true);
    const result = parseScenario(withAudio, 'module/roleplays/mini.yaml', { competencyCodes: COMPETENCY_CODES, assetPaths: new Set(['audio/autre.mp3']) });
    expect(result.ok ? [] : result.errors).to.deep.equal([
      { file: 'module/roleplays/mini.yaml', line: lineOf(withAudio, 'audio/bonjour.mp3'), message: 'fichier son introuvable : « audio/bonjour.mp3 » n’existe pas dans le dossier du module.' },
    ]);
    expect(parseScenario(withAudio, 'module/roleplays/mini.yaml', { competencyCodes: COMPETENCY_CODES, assetPaths: new Set(['audio/bonjour.mp3']) }).ok).to.equal(true);
    const outside = edit(mini, "    next: accueil\n", "    audio: ../../secret.mp3\n    next: accueil\n");
    expect(errorsOf(outside)[0].message).to.match(/^fichier son invalide « \.\.\/\.\.\/secret\.mp3 »/);
  });

  it('refuses a scenario id that could not name a web page', () => {
    const text = edit(mini, 'id: mini', 'id: Mini Scénario');
    const result = parseScenario(text, 'm/roleplays/Mini Scénario.yaml', { competencyCodes: COMPETENCY_CODES });
    expect(result.ok ? [] : result.errors.map((e) => e.message)).to.deep.equal([
      'identifiant invalide « Mini Scénario » : minuscules sans accent, chiffres et tirets (renommez aussi le fichier).',
    ]);
  });

  it('explains the French colon trap in YAML', () => {
    const text = edit(mini, 'feedback: Trop familier.', 'feedback: Trop familier : à éviter.');
    const errors = errorsOf(text);
    expect(errors[0].line).to.equal(lineOf(text, 'Trop familier : à éviter'));
    expect(errors[0].message).to.contain('entre guillemets');
  });

  it('reports YAML syntax errors with their line', () => {
    const text = edit(mini, 'title: Appel de test', 'title: [Appel de test');
    const errors = errorsOf(text);
    expect(errors[0].message).to.match(/^YAML invalide/);
    expect(errors[0].line).to.be.a('number');
  });
});
