import type { Generated } from 'kysely';
import type { CallStatus } from './roleplay-call.ts';

/** Row types of the tables calls.migrations.ts creates. */
declare module '../db/database.ts' {
  interface Database {
    roleplay_calls: RoleplayCallsTable;
    call_reviews: CallReviewsTable;
    call_rescores: CallRescoresTable;
    voice_consents: VoiceConsentsTable;
    voice_recordings: VoiceRecordingsTable;
  }
}

export interface RoleplayCallsTable {
  id: string;
  user_id: string;
  module_id: string;
  item_id: string;
  version: number;
  content_hash: string;
  registration: string;
  status: CallStatus;
  revision: number;
  state_json: string;
  started_at: string;
  updated_at: string;
  attempt: Generated<number>;
}

export interface CallReviewsTable {
  id: string;
  registration: string;
  user_id: string;
  reviewer_id: string;
  grid_json: string;
  comment: string;
  created_at: string;
}

export interface CallRescoresTable {
  id: string;
  registration: string;
  turn: number;
  percent: number;
  reviewer_id: string;
  revision: number;
  created_at: string;
}

export interface VoiceConsentsTable {
  user_id: string;
  given_at: string;
}

export interface VoiceRecordingsTable {
  id: string;
  user_id: string;
  registration: string;
  statement_id: string;
  turn: number;
  sha2: string;
  content_type: string;
  bytes: number;
  duration_ms: number;
  recorded_at: string;
}
