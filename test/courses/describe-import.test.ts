import { expect } from 'chai';
import { describeImport } from '../../src/server/courses/import/describe-import.ts';

describe('describeImport', () => {
  it('says what was created, replaced, kept, in conflict and refused', () => {
    const lines = describeImport({
      created: [{ moduleId: 'a', version: 1, contentHash: 'h1' }, { moduleId: 'b', version: 3, contentHash: 'h2', previousVersion: 2 }],
      unchanged: [{ moduleId: 'c', version: 1 }],
      kept: [{ moduleId: 'f', version: 4 }],
      conflicts: [{ moduleId: 'g', keptVersion: 2, diskHash: 'h3' }],
      missing: ['d'],
      errors: [{ file: 'e/quiz.yaml', line: 4, message: 'pass_mark : Trop grand' }],
      frameworkVersion: 1,
    });
    expect(lines).to.deep.equal([
      'Module a : importé (version 1).',
      'Module b : nouvelle version 3 (remplace la version 2).',
      '1 module(s) inchangé(s).',
      "Module f : version 4 publiée dans le navigateur, conservée (le dossier n'a pas changé depuis le dernier import).",
      'Module g : CONFLIT, le dossier a changé alors que la version 2 a été publiée dans le navigateur. La version 2 est conservée ; à résoudre dans « Créer des cours ».',
      'Module d : absent du dossier, ses versions sont conservées.',
      "1 erreur(s) : les modules concernés n'ont pas été importés.",
      'e/quiz.yaml:4: pass_mark : Trop grand',
    ]);
  });
});
