import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableActions, type CallState } from '../../src/server/roleplay/engine/index.ts';
import { parseScenario, type ScenarioResult } from '../../src/server/roleplay/scenario/parse-scenario.ts';
import type { Scenario } from '../../src/server/roleplay/scenario/types.ts';

export const COMPETENCY_CODES = new Set(['CCP1.1', 'CCP1.2', 'CCP1.3', 'CCP1.4', 'CCP1.5', 'CCP2.1', 'CCP2.2', 'CCP2.3', 'T1', 'T2', 'T3', 'T4']);

export function fixtureText(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${name}.yaml`, import.meta.url)), 'utf8');
}

export function parse(text: string, file = 'module/roleplays/mini.yaml'): ScenarioResult {
  return parseScenario(text, file, { competencyCodes: COMPETENCY_CODES });
}

export function loadMini(): Scenario {
  const result = parse(fixtureText('mini'));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

/** 1-based line of the first line containing `needle` (so tests do not hard-code line numbers). */
export function lineOf(text: string, needle: string, after = ''): number {
  const lines = text.split('\n');
  const from = after ? lines.findIndex((l) => l.includes(after)) : 0;
  const index = lines.findIndex((l, i) => i >= from && l.includes(needle));
  if (index < 0) throw new Error(`not in fixture: ${needle}`);
  return index + 1;
}

/** Replaces exactly one occurrence, failing loudly when the fixture changed. */
export function edit(text: string, from: string, to: string): string {
  if (text.split(from).length !== 2) throw new Error(`expected one occurrence of ${from}`);
  return text.replace(from, to);
}

export const PROMISE_LINE = 'Je vous la fais livrer demain matin, madame, sans faute.';
export const PROMISE_FEEDBACK = 'Le transporteur annonce le 12 mars. Vous ne pouvez pas promettre demain.';

/** The mini call with a third line worth as much as the right one, but an unkeepable promise (a blocking tag). */
export function miniWithPromiseText(): string {
  return edit(
    fixtureText('mini'),
    '      - text: Je ne sais pas, rappelez plus tard.',
    `      - text: ${PROMISE_LINE}
        next: reformuler
        points: 3
        competencies: { T2: 2 }
        tags: [promesse intenable]
        feedback: ${PROMISE_FEEDBACK}
      - text: Je ne sais pas, rappelez plus tard.`,
  );
}

/** Lines of the mini scenario, by what they say (their position on screen depends on the call). */
export const MINI_LINES = {
  greeting: 'Bonjour madame, Lucie du service client, je vous écoute.',
  rude: "Ouais, c'est pour quoi ?",
  answer: 'Votre commande sera livrée le 12 mars.',
  dontKnow: 'Je ne sais pas, rappelez plus tard.',
} as const;

/** The position to post for the line that reads `text` at the call's current choice turn. */
export function positionOf(scenario: Scenario, state: CallState, text: string): number {
  const actions = availableActions(scenario, state);
  const offer = actions.kind === 'choice' ? actions.choices.find((c) => c.text === text) : undefined;
  if (!offer) throw new Error(`no line reads "${text}" at ${state.node}`);
  return offer.index;
}
