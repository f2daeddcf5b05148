import { debrief } from '../roleplay/engine/index.ts';
import type { CallReview } from './call-review.ts';
import { callTranscript } from './call-transcript.ts';
import type { OpenCall } from './calls.service.ts';
import { minutesSeconds } from './format-time.ts';
import { moodKey } from './mood-key.ts';
import { latestByTurn, type TurnRescore } from './rescore/turn-rescore.ts';

const scoreLine = (l: { label: string; percent: number; earned: number; max: number }) => ({ label: l.label, percent: l.percent, earned: l.earned, max: l.max });

/**
 * Everything the debrief page shows: the engine's debrief, the call's transcript, trainers'
 * comments. Pure. `open` is the call as the trainer scored it (CallRescoreService.corrected);
 * `rescores` mark the typed answers whose score is the trainer's.
 */
export function debriefView(open: OpenCall, reviews: readonly CallReview[], reviewerNames: ReadonlyMap<string, string>, rescores: readonly TurnRescore[] = []) {
  const trainerScores = latestByTurn(rescores);
  const { call, item, version } = open;
  const { scenario } = item;
  const labels = new Map(version.content.competencies.map((c) => [c.code, c.label]));
  const d = debrief(scenario, call.state, labels);
  const abandonedAt = call.status === 'abandoned' ? Date.parse(call.updatedAt) : null;
  const transcript = callTranscript(call.state, abandonedAt, scenario);
  const reviewsByTurn = new Map(d.turns.map((t) => [t.turn, t]));
  const phaseLabel = new Map(scenario.phases.map((p) => [p.id, p.label]));
  return {
    call: { id: call.id, title: item.title, moduleTitle: version.content.title, moduleId: call.moduleId, itemId: call.itemId },
    abandoned: call.status === 'abandoned',
    outcome: d.outcome ? { kindKey: `calls.outcome.${d.outcome.kind}`, text: d.outcome.text } : null,
    scorePercent: d.scorePercent,
    passMark: scenario.passMark,
    passed: d.passed,
    // Named first on the page: one is enough to fail the call, whatever the score says.
    blockingFaults: d.blockingFaults.map((f) => ({ nameKey: `calls.debrief.blockingCodes.${f.code}`, tag: f.tag, label: f.label, said: f.said, phase: phaseLabel.get(f.phase) ?? f.phase })),
    phases: d.phases.map(scoreLine),
    competencies: d.competencies.map(scoreLine),
    indicators: {
      duration: minutesSeconds(d.indicators.durationSeconds),
      target: minutesSeconds(d.indicators.targetSeconds),
      withinTarget: d.indicators.withinTarget,
      fcr: d.indicators.fcr,
      csat: d.indicators.csat,
      finalMood: d.indicators.finalMood,
      moodKey: moodKey(d.indicators.finalMood),
    },
    turns: transcript.turns.map((t) => {
      const review = t.kind === 'silence' || t.kind === 'lookup' ? undefined : reviewsByTurn.get(t.turn);
      return {
        turn: t.turn,
        phase: phaseLabel.get(t.phase) ?? t.phase,
        customer: t.customer.split('\n').filter((line) => line !== ''),
        kindKey: `calls.debrief.kind.${t.kind}`,
        text: t.text,
        // What the screen offered, in its order, the line said marked: the learner reviews their choice.
        shown: t.shown.map((line) => ({ text: line, chosen: line === t.text })),
        silent: t.kind === 'silence',
        feedback: t.feedback,
        tags: t.tags,
        blocking: t.blockingFaults.length > 0,
        score: t.score,
        better: review?.better ?? null,
        trainerScored: t.kind === 'free' && trainerScores.has(t.turn),
        trainerPercent: t.kind === 'free' ? (trainerScores.get(t.turn)?.percent ?? null) : null,
      };
    }),
    closing: transcript.end ? transcript.end.customer.split('\n').filter((line) => line !== '') : [],
    reviews: reviews.map((r) => ({ comment: r.comment, createdAt: r.createdAt, reviewer: reviewerNames.get(r.reviewerId) ?? '' })),
  };
}

export type DebriefView = ReturnType<typeof debriefView>;
