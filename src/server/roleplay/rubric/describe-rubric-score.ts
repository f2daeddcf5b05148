import type { Rubric } from '../scenario/types.ts';
import type { RubricScore } from './score-rubric.ts';

/** French feedback the learner reads right after a free response. */
export function describeRubricScore(rubric: Rubric, score: RubricScore): string {
  const lines: string[] = [];
  if (score.blockingFaults.length > 0) lines.push(`Faute grave : ${score.blockingFaults.map((f) => f.label).join(', ')}.`);
  if (score.notASentence) lines.push('Répondez par des phrases, comme vous parleriez au client : une liste de mots ne suffit pas.');
  if (score.found.length > 0) lines.push(`Bien : vous avez parlé de ${score.found.join(', ')}.`);
  if (score.missing.length > 0) lines.push(`Il manquait : ${score.missing.join(', ')}.`);
  const notBlocking = score.forbidden.filter((label) => !score.blockingFaults.some((f) => f.label === label));
  if (notBlocking.length > 0) lines.push(`À ne pas dire : ${notBlocking.join(', ')}.`);
  if (score.avoided.length > 0) lines.push(`À éviter : ${score.avoided.map((t) => `« ${t} »`).join(', ')}.`);
  if (rubric.politeness.length > 0 && score.politeness.length === 0) lines.push('Pensez à une marque de politesse (madame, monsieur, merci, s’il vous plaît…).');
  if (!score.lengthOk) {
    lines.push(rubric.minWords !== undefined && score.words < rubric.minWords ? 'Votre réponse est trop courte.' : 'Votre réponse est trop longue : allez à l’essentiel.');
  }
  return lines.join(' ');
}
