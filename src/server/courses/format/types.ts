/**
 * A course module as parsed and validated from `courses/<module-id>/`: immutable and
 * JSON-serialisable, so that it can be stored whole as one course version. The format is
 * documented for trainers in docs/course-format.md.
 */
import type { Scenario } from '../../roleplay/scenario/types.ts';

/** Bumped when the shape below changes in a way stored versions must know about. */
export const MODULE_FORMAT_VERSION = 1;

export interface Competency {
  /** e.g. "CCP1.2" or "T3". */
  code: string;
  label: string;
  /** Code of the block it belongs to: "CCP1", "CCP2" or "T". */
  block: string;
}

export interface CompetencyBlock {
  code: string;
  label: string;
  competencies: Competency[];
}

/** courses/competences.yaml */
export interface CompetencyFramework {
  title: string;
  /** e.g. "RNCP 35304". */
  reference: string;
  blocks: CompetencyBlock[];
}

export type ModuleLevel = 'débutant' | 'intermédiaire' | 'avancé';

export interface ModuleVersion {
  formatVersion: typeof MODULE_FORMAT_VERSION;
  /** Equals the folder name; part of every activity IRI. */
  id: string;
  title: string;
  summary: string;
  durationMinutes: number;
  level: ModuleLevel;
  /** The competencies the module trains, labels copied from the framework (self-contained). */
  competencies: Competency[];
  items: ModuleItem[];
  /** Every media file of the folder (images, audio), stored content-addressed. */
  assets: AssetRef[];
  /** sha256 (hex) over the sorted files of the folder and the competency labels used. */
  contentHash: string;
}

/** A media file of a module. Served at assetUrl(sha256); see asset-url.ts. */
export interface AssetRef {
  /** Path inside the module folder, e.g. "images/phases-appel.svg". */
  path: string;
  sha256: string;
  mediaType: string;
  bytes: number;
}

export type ItemType = 'lesson' | 'quiz' | 'exercise' | 'roleplay';

interface ItemBase {
  /** Stable across versions: activity IRIs are built from module id + item id. */
  id: string;
  title: string;
  /** Source file, relative to the module folder. */
  file: string;
  /** Competency codes this item evidences. */
  competencies: string[];
  durationMinutes?: number;
}

export interface LessonItem extends ItemBase {
  type: 'lesson';
  lesson: Lesson;
}
export interface QuizItem extends ItemBase {
  type: 'quiz';
  quiz: Quiz;
}
export interface ExerciseItem extends ItemBase {
  type: 'exercise';
  exercise: Exercise;
}
export interface RoleplayItem extends ItemBase {
  type: 'roleplay';
  scenario: Scenario;
}
export type ModuleItem = LessonItem | QuizItem | ExerciseItem | RoleplayItem;

// ---------------------------------------------------------------- lessons

export interface Lesson {
  /** The Markdown source, as written. */
  markdown: string;
  /** One page per "## " heading (plus an opening page for text before the first heading). */
  pages: LessonPage[];
  audio?: AssetRef;
  images: AssetRef[];
}

export interface LessonPage {
  title: string;
  /** Sanitised HTML: no links, no scripts; images point at assetUrl(). */
  html: string;
}

// ---------------------------------------------------------------- retry and feedback

export interface RetryPolicy {
  /** null: unlimited. */
  maxAttempts: number | null;
  /** Which attempt's score counts when there are several. */
  keep: 'best' | 'last';
}

/** Feedback shown after an answer, depending on whether it was right. */
export interface Feedback {
  correct: string;
  incorrect: string;
}

// ---------------------------------------------------------------- quizzes

export interface Quiz {
  instructions?: string;
  /** Percentage of points needed to pass, 0..100. */
  passMark: number;
  retry: RetryPolicy;
  questions: Question[];
}

interface QuestionBase {
  /** Unique in the quiz, stable across versions (interaction activity ids use it). */
  id: string;
  prompt: string;
  /** Defaults to the quiz item's competencies. */
  competencies: string[];
  points: number;
}

export interface Choice {
  id: string;
  text: string;
  correct: boolean;
  /** Shown when the learner picks this choice. */
  feedback: string;
}

export interface SingleChoiceQuestion extends QuestionBase {
  type: 'single_choice';
  /** Exactly one is correct. */
  choices: Choice[];
}
export interface MultipleChoiceQuestion extends QuestionBase {
  type: 'multiple_choice';
  /** At least one is correct; the answer is right when exactly the correct ones are picked. */
  choices: Choice[];
}
export interface TrueFalseQuestion extends QuestionBase {
  type: 'true_false';
  answer: boolean;
  feedback: Feedback;
}
export interface MatchingPair {
  id: string;
  left: string;
  right: string;
}
export interface MatchingQuestion extends QuestionBase {
  type: 'matching';
  /** Each left goes with its right; the player shuffles the rights. */
  pairs: MatchingPair[];
  feedback: Feedback;
}
export interface OrderingStep {
  id: string;
  text: string;
}
export interface OrderingQuestion extends QuestionBase {
  type: 'ordering';
  /** In the correct order; the player shuffles them. */
  steps: OrderingStep[];
  feedback: Feedback;
}
export interface ShortAnswerQuestion extends QuestionBase {
  type: 'short_answer';
  /** As written by the trainer (the first one is shown as the expected answer). */
  accepted: string[];
  /** normaliseAnswer() of each accepted variant: compare normaliseAnswer(response) to these. */
  acceptedNormalised: string[];
  feedback: Feedback;
}
export type Question =
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | TrueFalseQuestion
  | MatchingQuestion
  | OrderingQuestion
  | ShortAnswerQuestion;
export type QuestionType = Question['type'];

// ---------------------------------------------------------------- back-office exercises

export interface Exercise {
  instructions: string;
  /**
   * The documents the learner works from, in the order shown: each read from its own file of
   * the module folder (`documents: [documents/facture.yaml, …]`). Empty for a classifying task
   * without one.
   */
  documents: ExerciseDocument[];
  /**
   * @deprecated Versions stored before documents became files hold one inline document here;
   * read exerciseDocuments(exercise) rather than either field.
   */
  document?: ExerciseDocument;
  task: FormTask | ClassifyTask;
  /** Percentage of points needed to pass, 0..100. */
  passMark: number;
  retry: RetryPolicy;
}

/**
 * What a document is, which decides how it looks: an e-mail as a mail client shows it, an
 * invoice or an order with the seller's letterhead and totals, a customer file as a CRM screen.
 */
export type DocumentKind =
  | 'email' | 'letter' | 'order' | 'invoice' | 'delivery_note' | 'claim' | 'crm_record' | 'crm_history' | 'transcript';

export interface LabelledValue {
  label: string;
  value: string;
}

/** A sender or recipient block: a name, then address lines (letterhead, "Destinataire"). */
export interface DocumentParty {
  name: string;
  lines: string[];
}

export interface ExerciseDocument {
  kind: DocumentKind;
  title: string;
  /** Module-relative path of the file it was read from (absent for older inline documents). */
  file?: string;
  /** The issuer: the company's letterhead on an invoice, the sender of a letter. */
  from?: DocumentParty;
  /** The recipient: the customer on an invoice or a letter. */
  to?: DocumentParty;
  /** Header lines: sender, date, subject, customer number... */
  headers: LabelledValue[];
  /** Sanitised HTML of the body (from Markdown), when there is one. */
  bodyHtml?: string;
  /** A table, e.g. the lines of an order or the entries of a contact history. */
  table?: { columns: string[]; rows: string[][] };
  /** Lines under the table, right-aligned: "Total TTC: 165,50 €". */
  totals?: LabelledValue[];
  /** A closing line in small print: legal mentions, "Payée par carte le 02/03/2026". */
  footer?: string;
}

export type FieldInput = 'text' | 'textarea' | 'number' | 'date' | 'select';

/**
 * How a form field's answer is checked. Text comparisons use normaliseAnswer() except
 * "exact" (trimmed, spaces collapsed, case kept).
 */
export type FieldCheck =
  | { rule: 'exact'; value: string }
  | { rule: 'one_of'; values: string[] }
  | { rule: 'regex'; pattern: string; flags: string }
  | { rule: 'number_range'; min: number; max: number }
  | { rule: 'date'; value: string }
  | { rule: 'normalised_text'; values: string[] }
  /**
   * Every group must be present (any synonym of the group): a word found as the role-play
   * grader finds it (stems, accents, typos, negation) or starting with the keyword. With
   * `sentence: true` (a sentence said or written to a customer) a list of words fails.
   */
  | { rule: 'keywords'; all: string[][]; sentence?: boolean };

export interface FormField {
  id: string;
  label: string;
  input: FieldInput;
  /** For input "select". */
  options?: string[];
  help?: string;
  check: FieldCheck;
  /** A model answer, shown after submission; the validator checks that it passes `check`. */
  answer: string;
  /** What the right answer is and why: shown after the learner submits. */
  feedback: Feedback;
  points: number;
}

export interface FormTask {
  type: 'form';
  fields: FormField[];
}

export interface Category {
  id: string;
  label: string;
}

export type RequestChannel = 'email' | 'courrier' | 'telephone' | 'chat' | 'formulaire';

export interface IncomingRequest {
  id: string;
  channel: RequestChannel;
  from: string;
  received: string;
  subject?: string;
  text: string;
  /** Expected category id. */
  category: string;
  /** Expected priority id. */
  priority: string;
  /** Why this category and priority: shown after submission. */
  feedback: string;
}

export interface ClassifyTask {
  type: 'classify';
  categories: Category[];
  /** Ordered from the most to the least urgent. */
  priorities: Category[];
  requests: IncomingRequest[];
}
