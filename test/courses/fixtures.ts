import fs from 'node:fs';
import path from 'node:path';
import { parseCompetencies } from '../../src/server/courses/format/parse-competencies.ts';
import type { CompetencyFramework } from '../../src/server/courses/format/types.ts';

export const COURSES_DIR = path.resolve('courses');

/** The shipped framework: fixtures use its real codes. */
export function shippedFramework(): CompetencyFramework {
  const parsed = parseCompetencies(fs.readFileSync(path.join(COURSES_DIR, 'competences.yaml'), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.framework;
}

export const MODULE_YAML = `id: essai
title: Module d'essai
summary: Un module minimal pour les tests.
duration_minutes: 30
level: débutant
competencies: [CCP1.1, T1]
items:
  - id: lecon-1
    type: lesson
    title: Première leçon
    file: lessons/01.md
    competencies: [CCP1.1]
  - id: quiz
    type: quiz
    title: Le quiz
    file: quiz.yaml
    competencies: [CCP1.1, T1]
  - id: fiche
    type: exercise
    title: La fiche
    file: exercises/fiche.yaml
    competencies: [T1]
`;

export const LESSON_MD = `Bonjour et bienvenue.

## Les premiers mots

Dites votre prénom.

![Le schéma des phases](../images/phases.svg)

## À retenir

- Souriez.
`;

export const QUIZ_YAML = `pass_mark: 70
retry:
  max_attempts: 3
questions:
  - id: q1
    type: single_choice
    prompt: Que dites-vous en premier ?
    choices:
      - text: Le nom du service et votre prénom
        correct: true
        feedback: Oui.
      - text: Allô ?
        feedback: Non.
  - id: q2
    type: short_answer
    prompt: Le mot qui ouvre l'appel ?
    accepted: [Bonjour]
    feedback:
      correct: Oui.
      incorrect: On dit « Bonjour ».
`;

export const EXERCISE_YAML = `instructions: Lisez l'e-mail et remplissez la fiche.
pass_mark: 80
document:
  kind: email
  title: E-mail de M. Martin
  headers:
    De: M. Martin
    Objet: Colis
  body: |
    Bonjour, mon colis n° 45872 n'est pas arrivé.
task:
  type: form
  fields:
    - id: numero-colis
      label: Numéro de colis
      check: { rule: exact, value: "45872" }
      feedback:
        correct: Bien lu.
        incorrect: Le numéro est dans la première phrase.
`;

export const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';

/** A valid module folder (paths relative to the folder), with some files replaced or removed. */
export function moduleFiles(overrides: Record<string, string | null> = {}): Map<string, string> {
  const files = new Map<string, string>([
    ['module.yaml', MODULE_YAML],
    ['lessons/01.md', LESSON_MD],
    ['quiz.yaml', QUIZ_YAML],
    ['exercises/fiche.yaml', EXERCISE_YAML],
    ['images/phases.svg', SVG],
  ]);
  for (const [file, content] of Object.entries(overrides)) {
    if (content === null) files.delete(file);
    else files.set(file, content);
  }
  return files;
}

/** 1-based line of the first line containing `needle`, to assert line numbers without counting by hand. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in fixture`);
  return index + 1;
}
