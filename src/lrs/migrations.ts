import type { Migration } from 'kysely';

/** The LRS's own tables. Filled in by the LRS. */
export const lrsMigrations: Record<string, Migration> = {};
