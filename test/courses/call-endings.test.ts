import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { loadScenarioFiles, type ScenarioFile } from '../../src/server/roleplay/library/load-scenario-files.ts';
import type { LearnerOption, Scenario } from '../../src/server/roleplay/scenario/types.ts';
import { modelAnswers, playCall } from '../roleplay/play-call.ts';
import { everyPath, type CallPath, type PathStep } from './call-paths.ts';

/**
 * Issue 10, "review each call to each ending": every path of every shipped call is played
 * through the real engine (every line, hold and transfer; at typed turns the labelled samples,
 * good and bad) to its ending and debriefed. The expectations below are written out by a
 * trainer who read the calls, not read back from the engine.
 */
const COURSES = fileURLToPath(new URL('../../courses', import.meta.url));

/** The longest call a learner can play, in learner turns: longer means a loop. */
const MAX_TURNS = 30;

/** The standard blocking tags (docs/roleplay-format.md, "Les fautes bloquantes"), as a trainer writes them. */
const BLOCKING_TAGS = ['divulgation', 'information fausse', 'promesse intenable', 'mépris', 'données avant vérification', 'mention obligatoire oubliée'];

/** An identity check: the turn, and the lines (authored order, from 0) that do check. */
type Check = { node: string; lines: number[] };

interface CallFacts {
  endings: string[];
  nodes: number;
  /** Calls that open an account: a passing path plays one of these checks. */
  identity?: Check[];
  /**
   * Blocking points where a passing path said a line worth no points (not a fault, a weak
   * answer): what a trainer still has to weigh. A new one fails the test; so does one fixed.
   */
  weakAt: string[];
  /** Endings reached without the account ever being opened (the agent ended an abusive call first). */
  noAccountEndings?: string[];
}

const CALLS: Record<string, CallFacts> = {
  'demande-information': { endings: ['raccroche', 'resolu'], nodes: 26, weakAt: ['identification', 'reponse', 'reponse-apres-attente', 'reseau'], identity: [{ node: 'identification', lines: [0] }] },
  'erreur-facturation': { endings: ['raccroche', 'resolu', 'transfert'], nodes: 28, weakAt: ['analyse', 'correction', 'decouverte', 'ecoute'], identity: [{ node: 'verif', lines: [0] }] },
  'support-technique-box': { endings: ['raccroche', 'resolu', 'transfert-premature'], nodes: 21, weakAt: [], identity: [{ node: 'identification', lines: [0] }] },
  'enquete-satisfaction': { endings: ['enquete-complete', 'raccroche', 'rappel-programme'], nodes: 20, weakAt: ['presentation'] },
  'prise-rendez-vous-entretien': { endings: ['raccroche', 'rdv-pris'], nodes: 22, weakAt: ['garantie', 'presentation', 'proposition'] },
  'vente-additionnelle': { endings: ['raccroche', 'rappel-convenu', 'sans-suite'], nodes: 19, weakAt: ['argument', 'presentation'] },
  'suivi-dossier-bloque': { endings: ['raccroche', 'resolu'], nodes: 25, weakAt: ['conclusion', 'diagnostic', 'identification'], identity: [{ node: 'identification', lines: [0] }] },
  'escalade-degat-des-eaux': { endings: ['fin-promesse', 'raccroche', 'rappel', 'transfert-froid', 'transfert-reussi'], nodes: 22, weakAt: ['annonce', 'promesse'], identity: [{ node: 'identification', lines: [0] }] },
  'remboursement-client-en-colere': { endings: ['escalade', 'raccroche', 'resolu'], nodes: 24, weakAt: ['reaction', 'traitement'], identity: [{ node: 'verif', lines: [0] }] },
  'retard-livraison': { endings: ['raccroche', 'resolu'], nodes: 25, weakAt: ['ecoute', 'recherche'], identity: [{ node: 'identification', lines: [0] }] },
  // The caller is not the holder: the check is asking whether he is, then saying no.
  'verification-identite': { endings: ['divulgation', 'raccroche', 'renvoye', 'resolu'], nodes: 20, weakAt: ['identification', 'sa-ligne', 'verification'], identity: [{ node: 'identification', lines: [0] }, { node: 'verification', lines: [0, 2] }] },
  'client-veut-resilier': { endings: ['fin-conserve', 'fin-lettre', 'fin-promesse', 'fin-resiliation', 'raccroche'], nodes: 29, weakAt: ['apres-douze-mois', 'decouverte', 'proposition'], identity: [{ node: 'identification', lines: [1] }] },
  'prospection-avec-accord': { endings: ['fin-envoi', 'fin-litige', 'fin-retrait', 'raccroche'], nodes: 20, weakAt: ['decouverte', 'origine', 'recap'] },
  'resiliation-engagement': { endings: ['fin', 'fin-erreur', 'raccroche', 'transfert'], nodes: 25, weakAt: ['ecoute', 'frais', 'geste'], identity: [{ node: 'identification', lines: [1] }] },
  'conversation-chat': { endings: ['ferme', 'fin'], nodes: 16, weakAt: ['carte', 'sms'], identity: [{ node: 'identification', lines: [0] }] },
  'entretien-telephonique': { endings: ['fin', 'fin-mensonge', 'fin-non-retenu', 'fin-rate'], nodes: 28, weakAt: ['reponse-exemple'] },
  'message-repondeur': { endings: ['fin', 'fin-plainte', 'sans-message'], nodes: 20, weakAt: ['explication'], identity: [{ node: 'identification', lines: [1] }] },
  'debiteur-en-difficulte': { endings: ['fin', 'fin-annulee', 'fin-fausse'], nodes: 19, weakAt: ['ecoute', 'recap'], identity: [{ node: 'identification', lines: [1] }] },
  'dette-contestee': { endings: ['fin', 'fin-renvoi', 'raccroche'], nodes: 16, weakAt: ['adresse', 'rattrapage'], identity: [{ node: 'verification', lines: [2] }] },
  'relance-impaye': { endings: ['fin', 'fin-seche', 'raccroche', 'sans-date'], nodes: 17, weakAt: ['proposition', 'rattrapage'], identity: [{ node: 'verification', lines: [1] }] },
  'courriel-sans-reponse': { endings: ['raccroche', 'resolu'], nodes: 20, weakAt: ['conclusion'], identity: [{ node: 'identification', lines: [0] }] },
  // Line 2 checks identity with a reproach ("Enfin !"): it costs points, it is still a check.
  // Ending the call after a warning (fin-signalee) never opens the account.
  'client-insultant': {
    endings: ['fin-signalee', 'raccroche', 'raccroche-sans-prevenir', 'resolu'], nodes: 27, weakAt: ['apres', 'identification', 'recadrer', 'reponse'],
    identity: [{ node: 'identification', lines: [0, 2] }], noAccountEndings: ['fin-signalee'],
  },
  'cliente-en-detresse': { endings: ['fin', 'fin-non-signalee', 'raccroche'], nodes: 25, weakAt: ['coupure', 'ecouter', 'rattrapage-signal', 'signal'], identity: [{ node: 'identification', lines: [1] }] },
  'refus-enregistrement': { endings: ['fin', 'fin-erreur', 'raccroche', 'raccroche-enregistrement', 'raccroche-mensonge'], nodes: 27, weakAt: ['date', 'expliquer', 'expliquer-franchise', 'remboursement'], identity: [{ node: 'identification', lines: [1] }] },
};

/** An inbound call that opens no account: a job interview, where the caller is a recruiter. */
const INBOUND_WITHOUT_ACCOUNT = ['entretien-telephonique'];

const isBlocking = (o: LearnerOption): boolean => o.blocking || o.tags.some((t) => BLOCKING_TAGS.includes(t.trim().toLowerCase()));
const value = (o: LearnerOption): number => [...Object.values(o.points), ...Object.values(o.competencies)].reduce((a, b) => a + b, 0);
const where = (steps: readonly PathStep[]): string => steps.map((s) => `${s.node}:${s.kind}${s.index}`).join(' > ');

/** What the walk of one call found, path by path. */
interface CallReport {
  paths: number;
  passed: number;
  endings: Map<string, number>;
  visited: Set<string>;
  problems: string[];
  /** Blocking points where a passing path said a line worth no points. */
  weakPasses: Set<string>;
  /** How many paths showed each problem. */
  kinds: Map<string, number>;
}

function judgePath(scenario: Scenario, facts: CallFacts, path: CallPath, report: CallReport): void {
  const { steps, state, debrief } = path;
  const problem = (what: string): void => {
    report.kinds.set(what, (report.kinds.get(what) ?? 0) + 1);
    if (report.problems.length < 5) report.problems.push(`${what} (${where(steps)})`);
  };
  report.paths += 1;
  if (debrief.passed) report.passed += 1;
  const ending = state.ended?.node ?? '(none)';
  report.endings.set(ending, (report.endings.get(ending) ?? 0) + 1);
  state.transcript.forEach((e) => report.visited.add(e.node));
  if (!debrief.finished) problem('a path that does not finish');

  // The first fault on the path: a blocking line, or a typed answer the grader found one in.
  // Learner entries of the transcript, one per step that is not a silence, in the same order.
  const entries = state.transcript.filter((e) => e.kind === 'learner');
  const entryOf = new Map(steps.filter((s) => s.kind !== 'silence').map((s, i) => [s, entries[i]]));
  const firstFault = steps.findIndex((s) => {
    const entry = entryOf.get(s);
    return s.option ? isBlocking(s.option) : entry?.kind === 'learner' && (entry.blockingFaults?.length ?? 0) > 0;
  });
  if (firstFault >= 0) {
    if (debrief.passed) problem(`passes with a blocking fault at ${steps[firstFault].node}`);
    const named = debrief.blockingFaults[0];
    if (!named || named.node !== steps[firstFault].node) problem(`the debrief names ${named?.node ?? 'no fault'} first, not ${steps[firstFault].node}`);
    const option = steps[firstFault].option;
    if (named && option && !option.blocking && !option.tags.includes(named.tag)) problem(`the fault named first (${named.tag}) is not a tag of the line played`);
  } else if (debrief.blockingFaults.length > 0) {
    problem(`a fault is named (${debrief.blockingFaults[0].tag}) on a path without one`);
  }
  if (!debrief.passed) return;

  if (facts.identity && !facts.noAccountEndings?.includes(ending) && !steps.some((s) => s.option && facts.identity?.some((c) => c.node === s.node && s.kind === 'say' && c.lines.includes(s.index)))) {
    problem('passes without the identity check');
  }
  // At a turn where a line is a blocking fault, a passing path said a line that is not one; where
  // it said a line worth no points (or less), the turn is noted: the facts list those turns.
  for (const step of steps) {
    const node = scenario.nodes[step.node];
    if (node.kind !== 'choice' || !step.option || !node.options.some(isBlocking)) continue;
    if (isBlocking(step.option)) problem(`passes with the blocking line ${step.index} at ${step.node}`);
    else if (value(step.option) <= 0) report.weakPasses.add(step.node);
  }
}

describe('every shipped call, each path to each ending', function () {
  this.timeout(600_000);
  let library: ScenarioFile[] = [];
  const reports = new Map<string, CallReport>();

  before(async () => {
    const { scenarios, errors } = await loadScenarioFiles(COURSES);
    expect(errors).to.deep.equal([]);
    library = scenarios;
    for (const { scenario } of library) {
      const facts = CALLS[scenario.id];
      if (!facts) continue;
      const report: CallReport = { paths: 0, passed: 0, endings: new Map(), visited: new Set(), problems: [], kinds: new Map(), weakPasses: new Set() };
      const walk = everyPath(scenario, MAX_TURNS, (path) => judgePath(scenario, facts, path, report));
      for (const cut of walk.tooLong.slice(0, 3)) report.problems.push(`more than ${MAX_TURNS} turns: ${where(cut)}`);
      report.problems.push(...walk.deadEnds.map((n) => `dead end at ${n}`), ...walk.refused.slice(0, 3));
      reports.set(scenario.id, report);
      const endings = [...report.endings].map(([id, n]) => `${id} ${n}`).join(', ');
      console.log(`      ${scenario.id}: ${report.paths} paths, ${report.passed} passed, ${report.paths - report.passed} failed; endings: ${endings}`);
      for (const [what, n] of report.kinds) console.log(`        ! ${n} paths: ${what}`);
    }
    const total = [...reports.values()].reduce((a, r) => ({ paths: a.paths + r.paths, passed: a.passed + r.passed }), { paths: 0, passed: 0 });
    console.log(`      library: ${reports.size} calls, ${total.paths} paths, ${total.passed} passed`);
  });

  it('walks exactly the calls listed here (a new call needs its facts written out)', () => {
    expect(library.map((s) => s.scenario.id).sort()).to.deep.equal(Object.keys(CALLS).sort());
  });

  it('reaches every ending listed for each call, and no other', () => {
    for (const [id, report] of reports) expect([...report.endings.keys()].sort(), id).to.deep.equal(CALLS[id].endings);
  });

  it('meets every node of every call on some path', () => {
    for (const { scenario } of library) {
      expect(Object.keys(scenario.nodes), scenario.id).to.have.length(CALLS[scenario.id].nodes);
      const unmet = Object.keys(scenario.nodes).filter((n) => !reports.get(scenario.id)?.visited.has(n));
      expect(unmet, scenario.id).to.deep.equal([]);
    }
  });

  it('ends every path within the turn limit, without a dead end, a refused input, a missed fault or an undeserved pass', () => {
    for (const [id, report] of reports) expect(report.problems, id).to.deep.equal([]);
  });

  it('lets a passing path say a line worth no points only at the blocking points listed', () => {
    for (const [id, report] of reports) expect([...report.weakPasses].sort(), id).to.deep.equal(CALLS[id].weakAt);
  });

  it('passes every call on the model path', () => {
    for (const { scenario } of library) expect(playCall(scenario, modelAnswers, `modele:${scenario.id}`).debrief.passed, scenario.id).to.equal(true);
  });

  it('checks identity in every inbound call that opens an account', () => {
    for (const { scenario } of library) {
      if (scenario.callType !== 'inbound' || INBOUND_WITHOUT_ACCOUNT.includes(scenario.id)) continue;
      expect(CALLS[scenario.id].identity, scenario.id).to.have.length.above(0);
      for (const check of CALLS[scenario.id].identity ?? []) expect(scenario.nodes[check.node]?.phase, `${scenario.id} ${check.node}`).to.equal('identification');
    }
  });
});
