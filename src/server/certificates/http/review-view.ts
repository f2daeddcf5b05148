/** Turns a release review into what the review page shows (no logic in templates). */
import { APPRAISAL_CRITERIA, APPRAISAL_LEVELS } from '../appraisal.ts';
import type { CertificateRecord } from '../registry.repository.ts';
import type { ReleaseReview } from '../release.service.ts';
import { thinEvidenceWarnings } from '../thin-evidence.ts';

const pct = (scaled: number | null): string => (scaled === null ? '—' : `${Math.round(scaled * 100)} %`);

/** A form of the page sent back with errors: what was typed, and the message of each field at fault. */
export interface TypedForm {
  typed: Record<string, unknown>;
  errors: Record<string, string>;
}

const typedText = (form: TypedForm | undefined, name: string): string | undefined => (typeof form?.typed[name] === 'string' ? (form.typed[name] as string) : undefined);

export function reviewView(review: ReleaseReview, certificate: CertificateRecord | null, form?: TypedForm) {
  const { evidence, release } = review;
  // The level form of one competency sent back: its row shows what was typed and its message.
  const levelForm = (code: string) => (form && typedText(form, 'code') === code && ('level' in form.typed || 'justification' in form.typed) ? form : undefined);
  const blocks = new Map<string, typeof evidence.competencies>();
  for (const c of evidence.competencies) blocks.set(c.block, [...(blocks.get(c.block) ?? []), c]);
  return {
    learner: review.learner,
    leavingDate: release.leavingDate ?? '',
    period: review.period,
    statementCount: evidence.statementCount,
    hours: evidence.hours,
    modules: evidence.modules.map((m) => ({ ...m, average: pct(m.averageScaled) })),
    competencyBlocks: [...blocks.entries()].map(([code, rows]) => ({
      code,
      rows: rows.map((c) => {
        const sent = levelForm(c.code);
        const level = sent ? (typedText(sent, 'level') ?? '') : c.override ? c.level : '';
        return {
          ...c,
          average: pct(c.averageScaled),
          overridden: c.override !== null,
          justification: sent ? (typedText(sent, 'justification') ?? '') : (c.override?.justification ?? ''),
          options: ['', 'acquis', 'en_cours', 'non_acquis'].map((value) => ({ value, selected: value === level })),
          errors: sent?.errors ?? {},
        };
      }),
    })),
    roleplay: {
      ...evidence.roleplay,
      average: pct(evidence.roleplay.averageScaled),
      firstScore: pct(evidence.roleplay.first?.scaled ?? null),
      lastScore: pct(evidence.roleplay.last?.scaled ?? null),
      progressPoints: evidence.roleplay.progress === null ? null : Math.round(evidence.roleplay.progress * 100),
      phases: evidence.roleplay.phases.map((p) => ({ ...p, average: pct(p.averageScaled) })),
    },
    appraisal: APPRAISAL_CRITERIA.map((criterion) => {
      const entry = release.appraisal.find((a) => a.criterion === criterion);
      const sent = form && `text_${criterion}` in form.typed ? form : undefined;
      const chosen = sent ? typedText(sent, `level_${criterion}`) : entry?.level;
      return {
        criterion,
        text: sent ? (typedText(sent, `text_${criterion}`) ?? '') : (entry?.text ?? ''),
        levels: APPRAISAL_LEVELS.map((level) => ({ level, selected: chosen === level })),
        levelError: sent?.errors[`level_${criterion}`] ?? null,
        textError: sent?.errors[`text_${criterion}`] ?? null,
      };
    }),
    thinEvidence: thinEvidenceWarnings(evidence).map((w) => ({ key: `certificates.release.thin.${w.code}`, actual: w.actual, threshold: w.threshold })),
    practice: evidence.practice,
    certificate,
    closed: release.closedAt !== null,
  };
}
