/** Row type of the settings table (created by accounts.migrations.ts). */
declare module '../db/database.ts' {
  interface Database {
    app_settings: AppSettingsTable;
  }
}

export interface AppSettingsTable {
  key: string;
  value: string;
}
