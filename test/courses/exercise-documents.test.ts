import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { exerciseDocuments } from '../../src/server/courses/format/exercise-documents.ts';
import { loadCourseLibrary } from '../../src/server/courses/load-library.ts';
import { parseModuleFolder } from '../../src/server/courses/format/parse-module-folder.ts';
import type { ExerciseItem, ModuleVersion } from '../../src/server/courses/format/types.ts';
import { COURSES_DIR, EXERCISE_YAML, lineOf, moduleFiles, shippedFramework } from './fixtures.ts';

const framework = shippedFramework();

/** The fixture exercise, reading its documents from files instead of inline. */
const WITH_FILES = EXERCISE_YAML.replace(/document:\n(?: {2}.*\n)+/, 'documents:\n  - documents/email-martin.yaml\n  - documents/facture-martin.yaml\n');
const EMAIL = `kind: email
title: Mon colis
headers:
  De: M. Martin <martin@exemple.fr>
  Objet: Mon colis
body: |
  Bonjour, mon colis n° 45872 n'est pas arrivé.
`;
const INVOICE = `kind: invoice
title: Facture n° FA-45872
from:
  name: Maison Duvernay SAS
  lines: [3 rue du Port, 44000 Nantes]
to:
  name: M. Paul Martin
  lines: [5 rue Haute, 44100 Nantes]
table:
  columns: [Article, Qté, Total TTC]
  rows:
    - [Lampe, "1", "39,00 €"]
totals:
  Total HT: "32,50 €"
  TVA 20 %: "6,50 €"
  Total TTC: "39,00 €"
footer: Payée par carte le 02/03/2026.
`;

const parse = (overrides: Record<string, string | null>) =>
  parseModuleFolder(moduleFiles({ 'exercises/fiche.yaml': WITH_FILES, 'documents/email-martin.yaml': EMAIL, 'documents/facture-martin.yaml': INVOICE, ...overrides }), { folder: 'essai', framework });

function exercise(module: ModuleVersion, id: string): ExerciseItem {
  const item = module.items.find((i) => i.id === id);
  if (item?.type !== 'exercise') throw new Error(`no exercise ${id}`);
  return item;
}

describe('exercise documents in their own files', () => {
  it('reads each listed file, in order, with its letterhead, recipient, table and totals', () => {
    const result = parse({});
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const docs = exercise(result.module, 'fiche').exercise.documents;
    expect(docs.map((d) => [d.kind, d.title, d.file])).to.deep.equal([
      ['email', 'Mon colis', 'documents/email-martin.yaml'],
      ['invoice', 'Facture n° FA-45872', 'documents/facture-martin.yaml'],
    ]);
    expect(docs[1].from).to.deep.equal({ name: 'Maison Duvernay SAS', lines: ['3 rue du Port', '44000 Nantes'] });
    expect(docs[1].totals).to.deep.equal([{ label: 'Total HT', value: '32,50 €' }, { label: 'TVA 20 %', value: '6,50 €' }, { label: 'Total TTC', value: '39,00 €' }]);
    expect(docs[0].bodyHtml).to.contain('mon colis n° 45872');
  });

  it('names a listed file that does not exist, at its line in the exercise', () => {
    const result = parse({ 'documents/facture-martin.yaml': null });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.errors).to.have.length(1);
    expect(result.errors[0]).to.include({ file: 'essai/exercises/fiche.yaml', line: lineOf(WITH_FILES, 'facture-martin') });
    expect(result.errors[0].message).to.match(/fichier de document introuvable : « documents\/facture-martin.yaml »/);
  });

  it('refuses a document file that no exercise lists, and anything but YAML in documents/', () => {
    const result = parse({ 'documents/bon-de-livraison.yaml': INVOICE.replace('kind: invoice', 'kind: delivery_note'), 'documents/notes.md': 'Brouillon' });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.file)).to.deep.equal(['essai/documents/bon-de-livraison.yaml', 'essai/documents/notes.md']);
    expect(result.errors[0].message).to.match(/document que aucun exercice n’utilise/);
    expect(result.errors[1].message).to.match(/ne contient que des documents d’exercice en \.yaml/);
  });

  it('locates a mistake inside a document file in that file', () => {
    const broken = INVOICE.replace('    - [Lampe, "1", "39,00 €"]', '    - [Lampe, "39,00 €"]').replace('kind: invoice', 'kind: invoice\nsignature: oui');
    const result = parse({ 'documents/facture-martin.yaml': broken });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.file, e.line])).to.deep.equal([['essai/documents/facture-martin.yaml', lineOf(broken, 'signature')]]);
    expect(result.errors[0].message).to.match(/clé inconnue « signature »/);
    const narrow = parse({ 'documents/facture-martin.yaml': INVOICE.replace('    - [Lampe, "1", "39,00 €"]', '    - [Lampe, "39,00 €"]') });
    expect(narrow.ok).to.equal(false);
    if (narrow.ok) return;
    expect(narrow.errors[0]).to.include({ file: 'essai/documents/facture-martin.yaml', line: lineOf(INVOICE, '[Lampe') });
    expect(narrow.errors[0].message).to.match(/cette ligne a 2 cases pour 3 colonnes/);
  });

  it('reads a version stored before documents were files (one inline document) the same way', () => {
    const inline = { kind: 'email' as const, title: 'Ancien', headers: [] };
    expect(exerciseDocuments({ document: inline } as never)).to.deep.equal([inline]);
    expect(exerciseDocuments({ documents: [] })).to.deep.equal([]);
  });

  it('ships every back-office document as its own file, each used, the order case as five real documents', async () => {
    const library = await loadCourseLibrary(COURSES_DIR);
    expect(library.errors).to.deep.equal([]);
    const forms = library.modules.flatMap(({ module }) => module.items.flatMap((i) => (i.type === 'exercise' && i.exercise.task.type === 'form' ? [{ module: module.id, item: i }] : [])));
    expect(forms.length).to.be.at.least(11);
    for (const { module, item } of forms) {
      const text = fs.readFileSync(path.join(COURSES_DIR, module, item.file), 'utf8');
      expect(text, `${module}/${item.file}`).to.not.match(/^document:/m);
      expect(item.exercise.documents.length, `${module}/${item.file}`).to.be.at.least(1);
      for (const d of item.exercise.documents) expect(d.file, `${module}/${item.file}`).to.match(/^documents\/[a-z0-9-]+\.yaml$/);
    }
    const order = forms.find((f) => f.item.id === 'controle-commande');
    expect(order?.item.exercise.documents.map((d) => d.kind)).to.deep.equal(['email', 'order', 'invoice', 'delivery_note', 'crm_history']);
    const invoice = order?.item.exercise.documents.find((d) => d.kind === 'invoice');
    expect(invoice?.totals?.map((t) => t.value)).to.deep.equal(['137,92 €', '27,58 €', '165,50 €']);
    expect(invoice?.table?.rows.find((r) => r[0] === 'Coussin velours vert')?.[2]).to.equal('3');
  });
});
