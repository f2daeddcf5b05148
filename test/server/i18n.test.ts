import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { loadCatalogue } from '../../src/server/i18n/catalogue.ts';

function filesUnder(dir: string, ext: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

describe('translations', () => {
  const catalogue = loadCatalogue();

  it('has every key in both French and English', () => {
    const fr = [...catalogue.fr.keys()].sort();
    const en = [...catalogue.en.keys()].sort();
    expect(fr.filter((k) => !catalogue.en.has(k)), 'missing in English').to.deep.equal([]);
    expect(en.filter((k) => !catalogue.fr.has(k)), 'missing in French').to.deep.equal([]);
    expect(fr.length).to.be.greaterThan(50);
  });

  it('has every key that a template asks for with a literal', () => {
    const missing: string[] = [];
    for (const file of filesUnder('src/views', '.hbs')) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/[{(]t\s+"([^"]+)"/g)) if (!catalogue.fr.has(m[1])) missing.push(`${file}: ${m[1]}`);
      for (const m of text.matchAll(/\b(?:label|hint|title)="([a-z][\w-]*\.[\w.-]+)"/g)) if (!catalogue.fr.has(m[1])) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).to.deep.equal([]);
  });

  it('has every key that server code names as a message or title', () => {
    const missing: string[] = [];
    const namespaces = new Set([...catalogue.fr.keys()].map((k) => k.split('.')[0]));
    for (const file of filesUnder('src/server', '.ts').filter((f) => !f.endsWith('.migrations.ts'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/['"]([a-z][\w-]*\.[\w.-]*[\w])['"]/g)) {
        const key = m[1];
        if (!namespaces.has(key.split('.')[0]) || key.endsWith('.ts') || key.includes('/')) continue;
        if (!catalogue.fr.has(key) && ![...catalogue.fr.keys()].some((k) => k.startsWith(`${key}.`))) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).to.deep.equal([]);
  });

  it('has no empty text', () => {
    for (const locale of ['fr', 'en'] as const) {
      for (const [key, text] of catalogue[locale]) expect(text.trim(), `${locale} ${key}`).not.to.equal('');
    }
  });
});
