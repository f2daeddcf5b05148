import type { Migration } from 'kysely';
import { lrsMigrations } from '../../lrs/migrations.ts';
import { accountsMigrations } from '../accounts/accounts.migrations.ts';
import { coursesMigrations } from '../courses/import/courses.migrations.ts';
import { learningMigrations } from '../learning/learning.migrations.ts';
import { callsMigrations } from '../calls/calls.migrations.ts';
import { certificatesMigrations } from '../certificates/certificates.migrations.ts';
import { bundleMigrations } from '../certificates/bundle/bundle.migrations.ts';
import { followupMigrations } from '../followup/followup.migrations.ts';
import { authoringMigrations } from '../authoring/authoring.migrations.ts';
import { adaptationsMigrations } from '../adaptations/adaptations.migrations.ts';

/**
 * Every area's migrations, in one map. Names start with a timestamp (YYYYMMDDHHmm_area_what)
 * so that the order is the order they were written in.
 */
export function allMigrations(): Record<string, Migration> {
  return {
    ...lrsMigrations,
    ...accountsMigrations,
    ...coursesMigrations,
    ...learningMigrations,
    ...callsMigrations,
    ...certificatesMigrations,
    ...bundleMigrations,
    ...followupMigrations,
    ...authoringMigrations,
    ...adaptationsMigrations,
  };
}
