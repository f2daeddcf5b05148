import { expect } from 'chai';
import { generateOneTimePassword, hashPassword, verifyPassword } from '../../../src/server/accounts/password.ts';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('Épreuve-2026');
    expect(hash).to.match(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.to.include('Épreuve');
    expect(await verifyPassword('Épreuve-2026', hash)).to.equal(true);
    expect(await verifyPassword('épreuve-2026', hash)).to.equal(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.to.equal(await hashPassword('same'));
  });

  it('rejects a malformed stored hash without throwing', async () => {
    expect(await verifyPassword('x', 'not-a-hash')).to.equal(false);
  });

  it('generates readable one-time passwords without ambiguous characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generateOneTimePassword();
      expect(p).to.match(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
      seen.add(p);
    }
    expect(seen.size).to.equal(200);
  });
});
