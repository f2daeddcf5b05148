/**
 * The certificate snapshot: everything a certificate says, frozen at issue. Built by a pure
 * function from the evidence, the appraisal, the organisation and the learner; the PDF and the
 * credential are rendered from it alone, and its hash is kept in the registry.
 */
import crypto from 'node:crypto';
import type { CompetencyFramework } from '../courses/format/types.ts';
import type { CompetencyLevel } from '../evidence/competency-levels.ts';
import type { LearnerEvidence } from '../evidence/learner-evidence.ts';
import type { PracticeCounts } from '../evidence/practice-counts.ts';
import type { AppraisalEntry } from './appraisal.ts';
import { APPRAISAL_CRITERIA } from './appraisal.ts';
import type { Organisation } from './organisation.ts';

/**
 * 2: only the competencies acquired or in progress are kept (never assessed or not acquired
 * ones are not printed), and the practice counts are added. Schema 1 snapshots stay readable:
 * the PDF filters their competencies the same way (printedCompetencyBlocks).
 */
export const SNAPSHOT_SCHEMA = 2;

export interface SnapshotCompetency {
  code: string;
  label: string;
  level: CompetencyLevel;
  computedLevel: CompetencyLevel;
  /** The trainer's written justification when they changed the computed level. */
  justification: string | null;
}

export type SnapshotCompetencyBlock = { code: string; label: string; competencies: SnapshotCompetency[] };

export interface CertificateSnapshot {
  schema: 1 | typeof SNAPSHOT_SCHEMA;
  id: string;
  /** The registry's sequential number: internal, never printed (older snapshots printed it). */
  number: string;
  /** The random public code printed on the PDF and typed by employers (absent from older snapshots). */
  verificationCode?: string;
  /** ISO-8601 UTC instant of issue. */
  issuedAt: string;
  /** YYYY-MM-DD, in the organisation's time zone (Europe/Paris). */
  issueDate: string;
  issuePlace: string;
  holder: { fullName: string; initials: string; birthDate: string | null };
  training: {
    title: string;
    reference: string;
    periodStart: string;
    periodEnd: string;
    attendanceHours: number;
    timeOnTaskHours: number;
    /** Only when the admin turned "mention du lieu de formation" on. */
    place: string | null;
  };
  issuer: {
    id: string;
    name: string;
    addressLines: string[];
    signatoryName: string;
    signatoryTitle: string;
    logoSha256: string | null;
  };
  /** Blocks with the competencies the certificate states (acquired or in progress), in the framework's order. */
  competencyBlocks: SnapshotCompetencyBlock[];
  /** What the person practised; absent from schema 1 snapshots. */
  practice?: PracticeCounts;
  modules: Array<{ id: string; title: string; completedAt: string; averageScaled: number | null }>;
  roleplay: { calls: number; averageScaled: number | null; progress: number | null };
  appraisal: AppraisalEntry[];
  verifyUrl: string;
  /** Number of the certificate this one replaces (re-issue). */
  replaces: string | null;
}

export interface SnapshotInput {
  id: string;
  number: string;
  verificationCode: string;
  issuedAt: string;
  learner: { fullName: string; birthDate: string | null };
  period: { start: string; end: string };
  evidence: LearnerEvidence;
  framework: CompetencyFramework;
  appraisal: readonly AppraisalEntry[];
  organisation: Organisation;
  verifyBaseUrl: string;
  replaces: string | null;
}

/** First letters of the name words, particles left out: "Jean-Marc de la Tour" -> "J.M.T.". */
export function initialsOf(fullName: string): string {
  const words = fullName
    .split(/[\s-]+/)
    .map((w) => w.trim())
    .filter((w) => w.length > 0 && !/^(de|du|des|la|le|d'|van|von)$/i.test(w));
  return words.map((w) => `${(w.replace(/^d'/i, '')[0] ?? '').toUpperCase()}.`).join('');
}

/** The calendar date in Paris (certificates are dated where they are issued). */
export function parisDate(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export function buildSnapshot(input: SnapshotInput): CertificateSnapshot {
  const { organisation: org, evidence } = input;
  const base = input.verifyBaseUrl.replace(/\/+$/, '');
  const byCode = new Map(evidence.competencies.map((c) => [c.code, c]));
  return {
    schema: SNAPSHOT_SCHEMA,
    id: input.id,
    number: input.number,
    verificationCode: input.verificationCode,
    issuedAt: input.issuedAt,
    issueDate: parisDate(input.issuedAt),
    issuePlace: org.city.trim(),
    holder: {
      fullName: input.learner.fullName.trim(),
      initials: initialsOf(input.learner.fullName),
      birthDate: org.showBirthDate ? input.learner.birthDate : null,
    },
    training: {
      title: input.framework.title,
      reference: input.framework.reference,
      periodStart: input.period.start,
      periodEnd: input.period.end,
      attendanceHours: evidence.hours.attendanceHours,
      timeOnTaskHours: evidence.hours.timeOnTaskHours,
      place: org.showTrainingPlace && org.trainingPlace.trim() !== '' ? org.trainingPlace.trim() : null,
    },
    issuer: {
      id: `${base}/issuer`,
      name: org.name.trim(),
      addressLines: org.addressLines.map((l) => l.trim()).filter((l) => l !== ''),
      signatoryName: org.signatoryName.trim(),
      signatoryTitle: org.signatoryTitle.trim(),
      logoSha256: org.logoSha256,
    },
    competencyBlocks: printedCompetencyBlocks(
      input.framework.blocks.map((block) => ({
        code: block.code,
        label: block.label,
        competencies: block.competencies.map((c) => {
          const row = byCode.get(c.code);
          return {
            code: c.code,
            label: c.label,
            level: row?.level ?? 'non_acquis',
            computedLevel: row?.computedLevel ?? 'non_acquis',
            justification: row?.override?.justification ?? null,
          };
        }),
      })),
    ),
    practice: { ...evidence.practice },
    modules: evidence.modules
      .filter((m) => m.completed)
      .map((m) => ({ id: m.moduleId, title: m.title, completedAt: m.completedAt as string, averageScaled: m.averageScaled })),
    roleplay: { calls: evidence.roleplay.calls, averageScaled: evidence.roleplay.averageScaled, progress: evidence.roleplay.progress },
    appraisal: APPRAISAL_CRITERIA.flatMap((criterion) => input.appraisal.filter((a) => a.criterion === criterion).slice(0, 1)),
    verifyUrl: `${base}/verify/${input.id}`,
    replaces: input.replaces,
  };
}

/**
 * The competencies a certificate states: acquired or in progress. A competency never assessed
 * is "non acquis" by the rules and is left out, and so is one assessed below the threshold: the
 * certificate says what the person can do, it is not a list of failures. A level the trainer
 * set (with a justification) counts like a computed one. Blocks left empty are dropped.
 */
export function printedCompetencyBlocks(blocks: readonly SnapshotCompetencyBlock[]): SnapshotCompetencyBlock[] {
  return blocks
    .map((block) => ({ ...block, competencies: block.competencies.filter((c) => c.level !== 'non_acquis') }))
    .filter((block) => block.competencies.length > 0);
}

/** The number a certificate prints and an employer types: its public code (the registry number on older ones). */
export const printedNumber = (s: CertificateSnapshot): string => s.verificationCode ?? s.number;

/** JSON with sorted keys, so that the same snapshot always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function snapshotHash(snapshot: CertificateSnapshot): string {
  return crypto.createHash('sha256').update(canonicalJson(snapshot)).digest('hex');
}
