import { expect } from 'chai';
import { sql } from 'kysely';
import { createTestDatabase } from './database.ts';

describe('test database', () => {
  it('is a real, migrated database that answers queries', async () => {
    const database = await createTestDatabase();
    try {
      const result = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(Number(result.rows[0].one)).to.equal(1);
      const migrations = await database.db.selectFrom('kysely_migration').select('name').execute();
      expect(migrations).to.be.an('array');
    } finally {
      await database.close();
    }
  });
});

describe('test databases side by side', () => {
  it('builds a second migrated database while the first is still open', async () => {
    const first = await createTestDatabase();
    const second = await createTestDatabase();
    try {
      await first.db.insertInto('app_settings').values({ key: 'k', value: 'first' }).execute();
      const inSecond = await second.db.selectFrom('app_settings').select('value').execute();
      expect(inSecond).to.deep.equal([]);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
