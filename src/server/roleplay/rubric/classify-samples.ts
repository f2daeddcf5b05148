import type { FreeNode, Scenario } from '../scenario/types.ts';
import { scoreRubric, type RubricScore } from './score-rubric.ts';

/** Each typed turn ships at least this many good and this many bad sample answers (issue 10). */
export const MIN_SAMPLES_EACH = 6;

export type SampleLabel = 'good' | 'bad' | 'model';

export interface SampleVerdict {
  node: string;
  label: SampleLabel;
  /** Position in its list (0 for the model). */
  index: number;
  text: string;
  score: RubricScore;
  /** Good samples and the model must take the good branch; bad ones must not. */
  right: boolean;
}

export interface TurnSamples {
  node: string;
  good: number;
  bad: number;
  verdicts: SampleVerdict[];
}

function verdict(node: FreeNode, label: SampleLabel, index: number, text: string): SampleVerdict {
  const score = scoreRubric(node.rubric, text);
  return { node: node.id, label, index, text, score, right: label === 'bad' ? !score.passed : score.passed };
}

/** Grades the model and every sample of each typed turn of a scenario with the turn's own rubric. Pure. */
export function classifySamples(scenario: Scenario): TurnSamples[] {
  return Object.values(scenario.nodes)
    .filter((n): n is FreeNode => n.kind === 'free')
    .map((node) => {
      const good = node.samples?.good ?? [];
      const bad = node.samples?.bad ?? [];
      return {
        node: node.id,
        good: good.length,
        bad: bad.length,
        verdicts: [
          verdict(node, 'model', 0, node.model),
          ...good.map((text, i) => verdict(node, 'good', i, text)),
          ...bad.map((text, i) => verdict(node, 'bad', i, text)),
        ],
      };
    });
}
