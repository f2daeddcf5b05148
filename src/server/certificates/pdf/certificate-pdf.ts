/**
 * Renders a certificate snapshot to a PDF (A4, at most 2 pages). Deterministic: the same
 * snapshot, credential and logo give the same bytes (fixed dates, ids derived from the info).
 * The signed credential travels inside the PDF as an attachment.
 */
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { APPRAISAL_LEVEL_LABELS_FR, CRITERION_LABELS_FR } from '../appraisal.ts';
import type { CertificateSnapshot } from '../snapshot.ts';
import { hours, LEVEL_LABELS_FR, longDate, percent } from './french-format.ts';
import { drawQrCode } from './qr-code.ts';

export const ASSETS_DIR = path.resolve(import.meta.dirname, '../../../../assets');
const FONT_REGULAR = path.join(ASSETS_DIR, 'fonts/DejaVuSans.ttf');
const FONT_BOLD = path.join(ASSETS_DIR, 'fonts/DejaVuSans-Bold.ttf');
export const DEFAULT_LOGO = path.join(ASSETS_DIR, 'logo-default.png');

export const CREDENTIAL_ATTACHMENT = 'attestation.jwt';

const COLORS = { primary: '#1f4e79', accent: '#2a9d8f', text: '#1a1a1a', muted: '#555555', band: '#e8eef5', line: '#c9d3de' };
const LEVEL_COLORS = { acquis: '#1b6e3a', en_cours: '#8a5a00', non_acquis: '#8a1c1c' } as const;
const PAGE = { left: 48, right: 547, top: 44, bottom: 790 };
const WIDTH = PAGE.right - PAGE.left;

export interface PdfInput {
  snapshot: CertificateSnapshot;
  /** The VC-JWT, embedded as an attachment. */
  credentialJwt: string;
  /** PNG or JPEG bytes; the default logo when null. */
  logo: Buffer | null;
  /** Marks every page "APERÇU": a preview is not a certificate. */
  preview?: boolean;
}

class Writer {
  y = PAGE.top;
  constructor(readonly doc: PDFKit.PDFDocument) {}

  /** Starts a new page when the next block would not fit. */
  ensure(height: number): void {
    if (this.y + height > PAGE.bottom) {
      this.doc.addPage();
      this.y = PAGE.top;
    }
  }

  text(value: string, options: { size?: number; bold?: boolean; color?: string; x?: number; width?: number; gap?: number; align?: 'left' | 'right' | 'center' } = {}): void {
    const { doc } = this;
    const x = options.x ?? PAGE.left;
    const width = options.width ?? PAGE.right - x;
    doc.font(options.bold ? 'Bold' : 'Regular').fontSize(options.size ?? 9.5).fillColor(options.color ?? COLORS.text);
    const height = doc.heightOfString(value, { width });
    this.ensure(height);
    doc.text(value, x, this.y, { width, align: options.align ?? 'left', lineBreak: true });
    this.y += height + (options.gap ?? 3);
  }

  heading(value: string): void {
    // Keep a heading with at least its first rows.
    this.ensure(70);
    this.y += 8;
    this.text(value, { size: 11.5, bold: true, color: COLORS.primary, gap: 2 });
    this.doc.moveTo(PAGE.left, this.y).lineTo(PAGE.right, this.y).lineWidth(0.6).strokeColor(COLORS.accent).stroke();
    this.y += 5;
  }

  /** A table row: cells with widths; returns nothing, moves y past the tallest cell. */
  row(cells: Array<{ text: string; width: number; bold?: boolean; color?: string }>, options: { band?: string; size?: number } = {}): void {
    const { doc } = this;
    const size = options.size ?? 8.8;
    const pad = 3;
    const heights = cells.map((c) => {
      doc.font(c.bold ? 'Bold' : 'Regular').fontSize(size);
      return doc.heightOfString(c.text, { width: c.width - pad * 2 });
    });
    const height = Math.max(...heights) + pad * 2;
    this.ensure(height);
    if (options.band) doc.rect(PAGE.left, this.y, WIDTH, height).fill(options.band);
    let x = PAGE.left;
    for (const cell of cells) {
      doc.font(cell.bold ? 'Bold' : 'Regular').fontSize(size).fillColor(cell.color ?? COLORS.text);
      doc.text(cell.text, x + pad, this.y + pad, { width: cell.width - pad * 2 });
      x += cell.width;
    }
    this.y += height;
    doc.moveTo(PAGE.left, this.y).lineTo(PAGE.right, this.y).lineWidth(0.3).strokeColor(COLORS.line).stroke();
  }
}

function header(w: Writer, s: CertificateSnapshot, logo: Buffer | string): void {
  const { doc } = w;
  doc.image(logo, PAGE.left, PAGE.top, { fit: [54, 54] });
  const x = PAGE.left + 66;
  w.y = PAGE.top + 2;
  w.text(s.issuer.name, { x, width: 280, size: 11.5, bold: true, color: COLORS.primary, gap: 1 });
  for (const line of s.issuer.addressLines) w.text(line, { x, width: 280, size: 8.5, color: COLORS.muted, gap: 0 });
  doc.font('Regular').fontSize(8.5).fillColor(COLORS.muted).text('Attestation n°', 380, PAGE.top + 2, { width: PAGE.right - 380, align: 'right' });
  doc.font('Bold').fontSize(10.5).fillColor(COLORS.text).text(s.number, 380, PAGE.top + 14, { width: PAGE.right - 380, align: 'right' });
  w.y = Math.max(w.y, PAGE.top + 58) + 18;
  w.text('Attestation de compétences', { size: 22, bold: true, color: COLORS.primary, gap: 2 });
  w.text(`${s.training.title} — référentiel ${s.training.reference}`, { size: 11, color: COLORS.accent, bold: true, gap: 10 });
}

function introduction(w: Writer, s: CertificateSnapshot): void {
  const born = s.holder.birthDate ? `, né(e) le ${longDate(s.holder.birthDate)},` : '';
  const place = s.training.place ? `, dispensée à ${s.training.place},` : '';
  w.text(
    `${s.issuer.name} atteste que ${s.holder.fullName}${born} a suivi la formation « ${s.training.title} »${place} ` +
      `du ${longDate(s.training.periodStart)} au ${longDate(s.training.periodEnd)}, pour une durée de ${hours(s.training.attendanceHours)} de présence en formation, ` +
      `dont ${hours(s.training.timeOnTaskHours)} d'activités enregistrées sur la plateforme (cours, exercices, appels simulés).`,
    { size: 10, gap: 4 },
  );
  w.text("Les niveaux ci-dessous sont établis à partir des résultats enregistrés pendant la formation et validés par le formateur.", {
    size: 8.5,
    color: COLORS.muted,
    gap: 2,
  });
}

function competencies(w: Writer, s: CertificateSnapshot): void {
  w.heading('Compétences du référentiel');
  const widths = [46, WIDTH - 46 - 120, 120];
  w.row(
    [
      { text: 'Code', width: widths[0] as number, bold: true },
      { text: 'Compétence', width: widths[1] as number, bold: true },
      { text: 'Niveau', width: widths[2] as number, bold: true },
    ],
    { size: 8.5 },
  );
  for (const block of s.competencyBlocks) {
    w.row([{ text: `${block.code} — ${block.label}`, width: WIDTH, bold: true, color: COLORS.primary }], { band: COLORS.band });
    for (const c of block.competencies) {
      w.row([
        { text: c.code, width: widths[0] as number },
        { text: c.label, width: widths[1] as number },
        { text: LEVEL_LABELS_FR[c.level], width: widths[2] as number, bold: true, color: LEVEL_COLORS[c.level] },
      ]);
    }
  }
}

function modulesAndCalls(w: Writer, s: CertificateSnapshot): void {
  w.heading('Modules de formation validés');
  if (s.modules.length === 0) w.text('Aucun module terminé.', { color: COLORS.muted });
  for (const m of s.modules) {
    const result = m.averageScaled === null ? '' : ` — résultat ${percent(m.averageScaled)}`;
    w.text(`• ${m.title} — terminé le ${longDate(m.completedAt)}${result}`, { gap: 1 });
  }
  if (s.roleplay.calls > 0) {
    w.y += 4;
    const progress =
      s.roleplay.progress === null ? '' : `, ${s.roleplay.progress >= 0 ? 'progression de +' : 'évolution de '}${Math.round(s.roleplay.progress * 100)} points entre le premier et le dernier appel`;
    w.text(`Mises en situation : ${s.roleplay.calls} appel(s) client simulé(s), résultat moyen ${percent(s.roleplay.averageScaled)}${progress}.`, { gap: 1 });
  }
}

function appraisal(w: Writer, s: CertificateSnapshot): void {
  if (s.appraisal.length === 0) return;
  w.heading('Appréciation du comportement professionnel');
  const widths = [120, 100, WIDTH - 220];
  for (const entry of s.appraisal) {
    w.row([
      { text: CRITERION_LABELS_FR[entry.criterion], width: widths[0] as number, bold: true },
      { text: APPRAISAL_LEVEL_LABELS_FR[entry.level], width: widths[1] as number },
      { text: entry.text, width: widths[2] as number },
    ]);
  }
}

function signatureAndVerification(w: Writer, s: CertificateSnapshot): void {
  w.ensure(120);
  w.y += 14;
  const top = w.y;
  const { doc } = w;
  drawQrCode(doc, s.verifyUrl, PAGE.left, top, 84);
  const x = PAGE.left + 96;
  const width = 200;
  w.y = top;
  w.text('Vérifier cette attestation', { x, width, bold: true, size: 9.5, color: COLORS.primary, gap: 2 });
  w.text(
    "Scannez le code ou ouvrez l'adresse ci-dessous : la page indique si l'attestation est valide ou révoquée. " +
      `Le fichier ${CREDENTIAL_ATTACHMENT} joint à ce PDF est une attestation numérique signée (Open Badges 3.0).`,
    { x, width, size: 7.8, color: COLORS.muted, gap: 0 },
  );
  const sx = 360;
  w.y = top;
  w.text(`Fait à ${s.issuePlace}, le ${longDate(s.issueDate)}`, { x: sx, size: 9.5, gap: 10 });
  w.text(s.issuer.signatoryName, { x: sx, bold: true, size: 10, gap: 1 });
  w.text(s.issuer.signatoryTitle, { x: sx, size: 9, color: COLORS.muted, gap: 1 });
  w.text('Attestation signée électroniquement', { x: sx, size: 7.8, color: COLORS.muted });
  w.y = Math.max(w.y, top + 90);
  // On its own line, so that the address is never broken where someone would type it.
  w.text(s.verifyUrl, { size: 8, color: COLORS.primary });
}

function footers(doc: PDFKit.PDFDocument, s: CertificateSnapshot, preview: boolean): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    if (preview) {
      doc.save().rotate(-35, { origin: [297, 420] }).font('Bold').fontSize(72).fillColor('#c0392b').fillOpacity(0.15);
      doc.text('APERÇU', 60, 380, { width: 475, align: 'center', lineBreak: false });
      doc.restore();
    }
    // Writing below the bottom margin would otherwise open a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Regular').fontSize(7.5).fillColor(COLORS.muted);
    doc.text(`Attestation de compétences n° ${s.number} — page ${i + 1}/${range.count}`, PAGE.left, 812, { width: WIDTH, align: 'center' });
    doc.page.margins.bottom = margin;
  }
}

/**
 * Parsed fonts, shared by every render. Parsing DejaVu and warming its glyph and layout caches
 * is most of a render's cost; pdfkit accepts a parsed fontkit font in place of a file and still
 * makes a subset per document.
 */
let fontCache: Promise<{ regular: Buffer; bold: Buffer }> | null = null;
function loadedFonts(): Promise<{ regular: Buffer; bold: Buffer }> {
  fontCache ??= import('fontkit').then((fontkit) => {
    const open = (file: string) => fontkit.create(fs.readFileSync(file)) as unknown as Buffer;
    return { regular: open(FONT_REGULAR), bold: open(FONT_BOLD) };
  });
  return fontCache;
}

export async function renderCertificatePdf(input: PdfInput): Promise<Buffer> {
  const { snapshot: s } = input;
  const issued = new Date(s.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, left: PAGE.left, right: 595.28 - PAGE.right, bottom: 841.89 - PAGE.bottom },
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: `Attestation de compétences — ${s.holder.fullName}`,
      Author: s.issuer.name,
      Subject: `${s.training.title} (${s.training.reference}) — attestation n° ${s.number}`,
      Keywords: `attestation de compétences; ${s.training.title}; ${s.number}`,
      Creator: 'Tremplin',
      Producer: 'Tremplin',
      CreationDate: issued,
      ModDate: issued,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const fonts = await loadedFonts();
  doc.registerFont('Regular', fonts.regular);
  doc.registerFont('Bold', fonts.bold);
  doc.file(Buffer.from(input.credentialJwt, 'utf8'), {
    name: CREDENTIAL_ATTACHMENT,
    type: 'application/jwt',
    description: 'Attestation numérique signée (Open Badges 3.0, VC-JWT)',
    creationDate: issued,
    modifiedDate: issued,
  });
  const w = new Writer(doc);
  header(w, s, input.logo ?? DEFAULT_LOGO);
  introduction(w, s);
  competencies(w, s);
  modulesAndCalls(w, s);
  appraisal(w, s);
  signatureAndVerification(w, s);
  footers(doc, s, input.preview === true);
  doc.end();
  return done;
}
