/**
 * Bias in the library (issue 10): ways a learner could pass without the skill, by reading the
 * form instead of the content. Pure: courses:check prints this report and fails beyond the
 * limits; the library test reads the same figures.
 */
import { bestOption } from '../roleplay/engine/index.ts';
import type { ChoiceNode, Scenario } from '../roleplay/scenario/types.ts';
import type { ModuleVersion, SingleChoiceQuestion } from './format/types.ts';

export const BIAS_LIMITS = {
  /** Share of choice turns whose best line is also the longest. */
  bestIsLongest: 0.4,
  /** A turn whose longest line is more than this many times its shortest is listed (warning). */
  lengthRatio: 2,
  /** Share of single-choice questions whose right answer is the longest. */
  rightIsLongest: 0.35,
  /** Share of true/false questions whose answer is "true". */
  trueShare: { min: 0.4, max: 0.6 },
} as const;

export interface Share {
  count: number;
  of: number;
  /** count / of, 0 when there is nothing to count. */
  share: number;
}

export interface UnevenTurn {
  where: string;
  longest: number;
  shortest: number;
}

export interface LibraryBias {
  bestIsLongest: Share;
  unevenTurns: UnevenTurn[];
  rightIsLongest: Share & { ids: string[] };
  trueAnswers: Share;
  /** Inbound calls that do not start with the agent's greeting (file, why). */
  badStarts: string[];
  /** Inbound calls that touch an account without an identification phase. */
  noIdentification: string[];
}

const shareOf = (count: number, of: number): Share => ({ count, of, share: of === 0 ? 0 : count / of });
const saidLines = (node: ChoiceNode) => node.options.filter((o) => o.kind === 'say');

function roleplays(modules: readonly ModuleVersion[]): Array<{ where: string; scenario: Scenario }> {
  return modules.flatMap((m) => m.items.flatMap((i) => (i.type === 'roleplay' ? [{ where: `${m.id}/${i.file}`, scenario: i.scenario }] : [])));
}

/** The right answer of a single-choice question is strictly longer than every other choice. */
export function rightIsLongest(question: SingleChoiceQuestion): boolean {
  const right = question.choices.find((c) => c.correct);
  return right !== undefined && question.choices.every((c) => c === right || c.text.length < right.text.length);
}

/** The best line (most points) is at least as long as every other line of the turn. */
function bestIsLongest(node: ChoiceNode): boolean {
  const best = bestOption({ ...node, options: saidLines(node) });
  return saidLines(node).every((o) => o === best || o.text.length <= best.text.length);
}

/** An inbound call starts with the agent's greeting: a learner turn in phase accueil, the customer after. */
function startProblem(scenario: Scenario): string | null {
  const start = scenario.nodes[scenario.start];
  if (!start || (start.kind !== 'choice' && start.kind !== 'free')) return 'le client parle avant que le conseiller ait décroché et salué (le premier nœud doit être un tour de l’apprenant)';
  if (start.phase !== 'accueil') return `le premier tour est en phase « ${start.phase} », pas « accueil »`;
  return null;
}

/** Words of a record field that mean a customer's account (not, say, a job offer in an interview call). */
const ACCOUNT_FIELD = /client|contrat|commande|dossier|ligne|compte|factur|abonn|adresse|naissance/i;

/** A call touches an account when the agent's screen shows an account: a field to look up, or one named like an account's. */
const touchesAccount = (scenario: Scenario): boolean =>
  scenario.persona.record.some((f) => f.lookup || ACCOUNT_FIELD.test(`${f.key} ${f.label}`));

export function libraryBias(modules: readonly ModuleVersion[]): LibraryBias {
  const calls = roleplays(modules);
  const turns = calls.flatMap(({ where, scenario }) =>
    Object.values(scenario.nodes).flatMap((n) => (n.kind === 'choice' && saidLines(n).length >= 2 ? [{ where: `${where} (${n.id})`, node: n }] : [])),
  );
  const unevenTurns = turns.flatMap(({ where, node }) => {
    const lengths = saidLines(node).map((o) => o.text.length);
    const longest = Math.max(...lengths);
    const shortest = Math.min(...lengths);
    return longest > BIAS_LIMITS.lengthRatio * shortest ? [{ where, longest, shortest }] : [];
  });
  const questions = modules.flatMap((m) => m.items.flatMap((i) => (i.type === 'quiz' ? i.quiz.questions.map((q) => ({ q, where: `${m.id}/${i.file}` })) : [])));
  const single = questions.flatMap(({ q, where }) => (q.type === 'single_choice' ? [{ q, where }] : []));
  const longestRight = single.filter(({ q }) => rightIsLongest(q));
  const trueFalse = questions.flatMap(({ q }) => (q.type === 'true_false' ? [q] : []));
  const inbound = calls.filter(({ scenario }) => scenario.callType === 'inbound');
  return {
    bestIsLongest: shareOf(turns.filter(({ node }) => bestIsLongest(node)).length, turns.length),
    unevenTurns,
    rightIsLongest: { ...shareOf(longestRight.length, single.length), ids: longestRight.map(({ q, where }) => `${where} (${q.id})`) },
    trueAnswers: shareOf(trueFalse.filter((q) => q.answer).length, trueFalse.length),
    badStarts: inbound.flatMap(({ where, scenario }) => {
      const problem = startProblem(scenario);
      return problem ? [`${where} : ${problem}`] : [];
    }),
    noIdentification: inbound
      .filter(({ scenario }) => touchesAccount(scenario) && !scenario.phases.some((p) => p.id === 'identification'))
      .map(({ where }) => `${where} : appel entrant sur un dossier client sans phase « identification »`),
  };
}

const percent = (s: Share): string => `${Math.round(s.share * 100)} %`;

/** What courses:check prints: figures first, then warnings and the limits overstepped (French). */
export function describeBias(bias: LibraryBias): { lines: string[]; warnings: string[]; errors: string[] } {
  const lines = [
    `Biais : meilleure réplique aussi la plus longue dans ${bias.bestIsLongest.count}/${bias.bestIsLongest.of} tours de choix (${percent(bias.bestIsLongest)}, au plus ${BIAS_LIMITS.bestIsLongest * 100} %).`,
    `Biais : bonne réponse la plus longue dans ${bias.rightIsLongest.count}/${bias.rightIsLongest.of} questions à choix unique (${percent(bias.rightIsLongest)}, au plus ${BIAS_LIMITS.rightIsLongest * 100} %).`,
    `Biais : « vrai » est la réponse de ${bias.trueAnswers.count}/${bias.trueAnswers.of} questions vrai/faux (${percent(bias.trueAnswers)}, entre ${BIAS_LIMITS.trueShare.min * 100} et ${BIAS_LIMITS.trueShare.max * 100} %).`,
    `Biais : ${bias.unevenTurns.length} tour(s) dont la réplique la plus longue dépasse ${BIAS_LIMITS.lengthRatio} fois la plus courte.`,
  ];
  const warnings = bias.unevenTurns.map((t) => `attention : ${t.where} : répliques de ${t.shortest} à ${t.longest} caractères ; équilibrez leur longueur.`);
  const errors: string[] = [];
  if (bias.bestIsLongest.share > BIAS_LIMITS.bestIsLongest) errors.push(`la meilleure réplique est aussi la plus longue dans ${percent(bias.bestIsLongest)} des tours (au plus ${BIAS_LIMITS.bestIsLongest * 100} %) : un apprenant qui choisit toujours la plus longue réussirait.`);
  if (bias.rightIsLongest.share > BIAS_LIMITS.rightIsLongest) errors.push(`la bonne réponse est la plus longue dans ${percent(bias.rightIsLongest)} des questions à choix unique (au plus ${BIAS_LIMITS.rightIsLongest * 100} %) : ${bias.rightIsLongest.ids.join(', ')}.`);
  const t = bias.trueAnswers;
  if (t.of > 0 && (t.share < BIAS_LIMITS.trueShare.min || t.share > BIAS_LIMITS.trueShare.max)) errors.push(`« vrai » est la réponse de ${percent(t)} des questions vrai/faux (entre ${BIAS_LIMITS.trueShare.min * 100} et ${BIAS_LIMITS.trueShare.max * 100} %).`);
  errors.push(...bias.badStarts, ...bias.noIdentification);
  return { lines, warnings, errors };
}
