import { expect } from 'chai';
import { planAccounts, type ExistingAccounts } from '../../../src/server/accounts/account-list.ts';
import { loginBaseFromName, uniqueLogin } from '../../../src/server/accounts/login-from-name.ts';

const none: ExistingAccounts = { loginKeys: new Set(), loginByNameKey: new Map() };

describe('a pasted list of accounts (pure)', () => {
  it('derives logins from names: accents and case folded, apostrophes dropped, the rest of the name joined', () => {
    expect(loginBaseFromName('Élodie Durand')).to.equal('elodie.durand');
    expect(loginBaseFromName('  Jean-Pierre   Le Guën ')).to.equal('jean-pierre.leguen');
    expect(loginBaseFromName("Aïssatou N'Diaye")).to.equal('aissatou.ndiaye');
    expect(loginBaseFromName('Cœur')).to.equal('coeur');
    expect(loginBaseFromName('李')).to.equal('');
  });

  it('adds the first free number to a taken login, within 40 characters', () => {
    const taken = new Set(['elodie.durand', 'elodie.durand2']);
    expect(uniqueLogin('elodie.durand', (l) => taken.has(l))).to.equal('elodie.durand3');
    expect(uniqueLogin('a'.repeat(40), (l) => l === 'a'.repeat(40))).to.equal(`${'a'.repeat(39)}2`);
  });

  it('plans one account a line, the same way every time, reserving typed logins first', () => {
    const text = 'Élodie Durand\n\n  Karim Benali ; kbenali\nElodie Durant\nkarim.benali\tBis;karim.benali\n';
    const existing: ExistingAccounts = { loginKeys: new Set(['elodie.durand']), loginByNameKey: new Map() };
    const plan = planAccounts(text, existing);
    expect(plan.problems).to.deep.equal([]);
    expect(plan.accounts).to.deep.equal([
      { line: 1, displayName: 'Élodie Durand', login: 'elodie.durand2' },
      { line: 3, displayName: 'Karim Benali', login: 'kbenali' },
      { line: 4, displayName: 'Elodie Durant', login: 'elodie.durant' },
      { line: 5, displayName: 'karim.benali Bis', login: 'karim.benali' },
    ]);
    expect(planAccounts(text, existing)).to.deep.equal(plan);
  });

  it('reports duplicates in the list and with existing accounts by line, and plans nothing', () => {
    const existing: ExistingAccounts = { loginKeys: new Set(['julien']), loginByNameKey: new Map([['marie curie', 'marie.curie']]) };
    const plan = planAccounts('Ana Lima\nana  LIMA\nMarie Curie\nPaul Roux;JULIEN\nLéa Roy;x y\nMax Dia;md\nMia Dia;MD\n4\n', existing);
    expect(plan.accounts).to.deep.equal([]);
    expect(plan.problems.map((p) => [p.line, p.key])).to.deep.equal([
      [2, 'duplicateName'],
      [3, 'nameExists'],
      [4, 'loginTaken'],
      [5, 'loginFormat'],
      [7, 'duplicateLogin'],
      [8, 'name'],
    ]);
    expect(plan.problems[0].vars).to.deep.equal({ name: 'ana LIMA', first: 1 });
    // A namesake is allowed when the line gives its own login.
    expect(planAccounts('Marie Curie;marie.c2', existing).accounts).to.have.length(1);
  });

  it('refuses an empty list and one longer than 200 people', () => {
    expect(planAccounts(' \n\n', none).problems.map((p) => p.key)).to.deep.equal(['empty']);
    const long = Array.from({ length: 201 }, (_, i) => `Stagiaire ${i + 1}`).join('\n');
    expect(planAccounts(long, none).problems).to.deep.equal([{ line: 201, key: 'tooMany', vars: { max: 200 } }]);
  });
});
