/** Mocha root hooks (loaded through .mocharc.json): what the whole run shares is removed at its end. */
import { dropPostgresTemplate } from './template-database.ts';

export const mochaHooks = {
  async afterAll(): Promise<void> {
    await dropPostgresTemplate();
  },
};
