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
