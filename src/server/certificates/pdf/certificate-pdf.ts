/**
 * Renders a certificate snapshot to a one-page A4 PDF. The wording comes from
 * certificate-wording.ts; this file only lays it out. Everything, the signature, the QR code and
 * the verification code included, stays on page 1: the layout is measured first and drawn at the
 * largest text scale that fits (a long appraisal or many competencies make the text smaller,
 * never a second page). Deterministic: the same snapshot, credential and logo give the same
 * bytes (fixed dates, ids derived from the info). The signed credential travels inside the PDF
 * as an attachment.
 */
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Font } from 'fontkit';
import { printedNumber, type CertificateSnapshot } from '../snapshot.ts';
import { certificateWording, type CertificateWording } from './certificate-wording.ts';
import { drawQrCode } from './qr-code.ts';

export const ASSETS_DIR = path.resolve(import.meta.dirname, '../../../../assets');
const FONT_REGULAR = path.join(ASSETS_DIR, 'fonts/DejaVuSans.ttf');
const FONT_BOLD = path.join(ASSETS_DIR, 'fonts/DejaVuSans-Bold.ttf');
export const DEFAULT_LOGO = path.join(ASSETS_DIR, 'logo-default.png');

export const CREDENTIAL_ATTACHMENT = 'attestation.jwt';

const COLORS = { primary: '#1f4e79', accent: '#2a9d8f', text: '#1a1a1a', muted: '#555555', band: '#e8eef5', line: '#c9d3de', acquired: '#1b6e3a', inProgress: '#1f4e79' };
const PAGE = { left: 48, right: 547, top: 40, bottom: 800 };
const WIDTH = PAGE.right - PAGE.left;
const FOOTER_Y = 812;
/** Text scales tried in turn; the smallest keeps 8.5 pt body text at about 6 pt, still legible when printed. */
const SCALES = [1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.66];

export interface PdfInput {
  snapshot: CertificateSnapshot;
  /** The VC-JWT, embedded as an attachment. */
  credentialJwt: string;
  /** PNG or JPEG bytes; the default logo when null. */
  logo: Buffer | null;
  /** Marks the page "APERÇU": a preview is not a certificate. */
  preview?: boolean;
}

interface TextOptions {
  size?: number;
  bold?: boolean;
  color?: string;
  x?: number;
  width?: number;
  gap?: number;
  align?: 'left' | 'right' | 'center';
}

/**
 * Writes top to bottom at a text scale. In a dry run it only measures (nothing is drawn), so the
 * same layout code decides the scale and then draws.
 */
class Writer {
  y = PAGE.top;
  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly scale: number,
    readonly dry: boolean,
  ) {}

  size(points: number): number {
    return points * this.scale;
  }

  text(value: string, options: TextOptions = {}): void {
    const { doc } = this;
    const x = options.x ?? PAGE.left;
    const width = options.width ?? PAGE.right - x;
    doc.font(options.bold ? 'Bold' : 'Regular').fontSize(this.size(options.size ?? 9.5));
    const height = doc.heightOfString(value, { width });
    if (!this.dry) doc.fillColor(options.color ?? COLORS.text).text(value, x, this.y, { width, align: options.align ?? 'left', lineBreak: true });
    this.y += height + this.size(options.gap ?? 3);
  }

  heading(value: string): void {
    this.y += this.size(7);
    this.text(value, { size: 11, bold: true, color: COLORS.primary, gap: 1.5 });
    if (!this.dry) this.doc.moveTo(PAGE.left, this.y).lineTo(PAGE.right, this.y).lineWidth(0.6).strokeColor(COLORS.accent).stroke();
    this.y += this.size(4);
  }

  /** A table row: cells with widths; moves y past the tallest cell. */
  row(cells: Array<{ text: string; width: number; bold?: boolean; color?: string }>, options: { band?: string; size?: number } = {}): void {
    const { doc } = this;
    const size = this.size(options.size ?? 8.6);
    const pad = this.size(2.6);
    const heights = cells.map((c) => {
      doc.font(c.bold ? 'Bold' : 'Regular').fontSize(size);
      return doc.heightOfString(c.text, { width: c.width - pad * 2 });
    });
    const height = Math.max(...heights) + pad * 2;
    if (!this.dry) {
      if (options.band) doc.rect(PAGE.left, this.y, WIDTH, height).fill(options.band);
      let x = PAGE.left;
      for (const cell of cells) {
        doc.font(cell.bold ? 'Bold' : 'Regular').fontSize(size).fillColor(cell.color ?? COLORS.text);
        doc.text(cell.text, x + pad, this.y + pad, { width: cell.width - pad * 2 });
        x += cell.width;
      }
      doc.moveTo(PAGE.left, this.y + height).lineTo(PAGE.right, this.y + height).lineWidth(0.3).strokeColor(COLORS.line).stroke();
    }
    this.y += height;
  }
}

function header(w: Writer, s: CertificateSnapshot, words: CertificateWording, logo: Buffer | string): void {
  const { doc } = w;
  const logoSize = 50;
  if (!w.dry) doc.image(logo, PAGE.left, PAGE.top, { fit: [logoSize, logoSize] });
  const x = PAGE.left + logoSize + 12;
  w.y = PAGE.top + 2;
  w.text(s.issuer.name, { x, width: 290, size: 11.5, bold: true, color: COLORS.primary, gap: 1 });
  for (const line of s.issuer.addressLines) w.text(line, { x, width: 290, size: 8.5, color: COLORS.muted, gap: 0 });
  if (!w.dry) {
    doc.font('Regular').fontSize(8.5).fillColor(COLORS.muted).text('Attestation n°', 380, PAGE.top + 2, { width: PAGE.right - 380, align: 'right' });
    doc.font('Bold').fontSize(10.5).fillColor(COLORS.text).text(printedNumber(s), 380, PAGE.top + 14, { width: PAGE.right - 380, align: 'right' });
  }
  w.y = Math.max(w.y, PAGE.top + logoSize) + w.size(12);
  w.text(words.title, { size: 21, bold: true, color: COLORS.primary, gap: 1 });
  w.text(words.subtitle, { size: 10.5, color: COLORS.accent, bold: true, gap: 7 });
  w.text(words.introduction, { size: 9.8, gap: 2 });
}

function competencies(w: Writer, words: CertificateWording): void {
  if (words.competencyBlocks.length === 0) return;
  w.heading('Compétences du référentiel mises en œuvre');
  w.text('Niveaux établis à partir des résultats enregistrés pendant la formation (quiz, exercices, appels simulés) et validés par le formateur.', {
    size: 8,
    color: COLORS.muted,
    gap: 2,
  });
  const widths = [44, WIDTH - 44 - 112, 112] as const;
  for (const block of words.competencyBlocks) {
    w.row([{ text: block.heading, width: WIDTH, bold: true, color: COLORS.primary }], { band: COLORS.band });
    for (const c of block.rows) {
      w.row([
        { text: c.code, width: widths[0] },
        { text: c.label, width: widths[1] },
        { text: c.level, width: widths[2], bold: true, color: c.acquired ? COLORS.acquired : COLORS.inProgress },
      ]);
    }
  }
}

function practice(w: Writer, words: CertificateWording): void {
  if (words.practice.length === 0 && words.modules === null) return;
  w.heading('Pratique professionnelle en situation simulée');
  for (const line of words.practice) w.text(`• ${line}`, { size: 9, gap: 1 });
  if (words.modules) {
    w.y += w.size(2);
    w.text(words.modules, { size: 8.4, gap: 1 });
  }
}

function appraisal(w: Writer, words: CertificateWording): void {
  if (words.appraisal.length === 0) return;
  w.heading('Appréciation du comportement professionnel');
  const widths = [112, 92, WIDTH - 204] as const;
  for (const entry of words.appraisal) {
    w.row(
      [
        { text: entry.criterion, width: widths[0], bold: true },
        { text: entry.level, width: widths[1] },
        { text: entry.text, width: widths[2] },
      ],
      { size: 8.3 },
    );
  }
}

/** QR code, verification code and address on the left; place, date and signatory on the right. */
function signatureAndVerification(w: Writer, words: CertificateWording): void {
  w.y += w.size(12);
  const top = w.y;
  const qr = 78;
  if (!w.dry) drawQrCode(w.doc, words.verification.url, PAGE.left, top, qr);
  const x = PAGE.left + qr + 10;
  const width = 215;
  w.y = top;
  w.text(words.verification.heading, { x, width, bold: true, size: 9.5, color: COLORS.primary, gap: 1 });
  w.text(`${words.verification.codeLabel} :`, { x, width, size: 8, color: COLORS.muted, gap: 0 });
  w.text(words.verification.code, { x, width, size: 12, bold: true, gap: 2 });
  w.text(words.verification.explanation, { x, width, size: 7, color: COLORS.muted, gap: 0 });
  const left = Math.max(w.y, top + qr);
  const sx = 372;
  w.y = top;
  w.text(words.signature.placeAndDate, { x: sx, size: 9.5, gap: 10 });
  w.text(words.signature.name, { x: sx, bold: true, size: 10, gap: 1 });
  w.text(words.signature.title, { x: sx, size: 9, color: COLORS.muted, gap: 1 });
  w.text(words.signature.note, { x: sx, size: 7.8, color: COLORS.muted });
  w.y = Math.max(w.y, left) + w.size(3);
  // On its own line, so that the address is never broken where someone would type it.
  w.text(words.verification.url, { size: 8, color: COLORS.primary, gap: 0 });
}

function layout(w: Writer, s: CertificateSnapshot, words: CertificateWording, logo: Buffer | string): void {
  header(w, s, words, logo);
  competencies(w, words);
  practice(w, words);
  appraisal(w, words);
  signatureAndVerification(w, words);
}

/** The largest scale at which the whole certificate fits above the footer. */
function fittingScale(doc: PDFKit.PDFDocument, s: CertificateSnapshot, words: CertificateWording, logo: Buffer | string): number {
  for (const scale of SCALES) {
    const dry = new Writer(doc, scale, true);
    layout(dry, s, words, logo);
    if (dry.y <= PAGE.bottom) return scale;
  }
  return SCALES.at(-1) as number;
}

function footer(doc: PDFKit.PDFDocument, words: CertificateWording, preview: boolean): void {
  if (preview) {
    doc.save().rotate(-35, { origin: [297, 420] }).font('Bold').fontSize(72).fillColor('#c0392b').fillOpacity(0.15);
    doc.text('APERÇU', 60, 380, { width: 475, align: 'center', lineBreak: false });
    doc.restore();
  }
  // Writing below the bottom margin would otherwise open a new page.
  const margin = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.font('Regular').fontSize(7.5).fillColor(COLORS.muted);
  doc.text(words.footer, PAGE.left, FOOTER_Y, { width: WIDTH, align: 'center', lineBreak: false });
  doc.page.margins.bottom = margin;
}

/**
 * Parsed fonts, shared by every render. Parsing DejaVu and warming its glyph and layout caches
 * is most of a render's cost; pdfkit accepts a parsed fontkit font in place of a file and still
 * makes a subset per document.
 */
let fontCache: Promise<{ regular: Font; bold: Font }> | null = null;
function loadedFonts(): Promise<{ regular: Font; bold: Font }> {
  fontCache ??= import('fontkit').then((fontkit) => {
    // A font file holds one font (not a collection): the parsed font is that font.
    const open = (file: string): Font => {
      const font = fontkit.create(fs.readFileSync(file));
      if (!('glyphForCodePoint' in font)) throw new Error(`${file} is a font collection, not one font`);
      return font;
    };
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
    pdfVersion: '1.7',
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: `Attestation de compétences — ${s.holder.fullName}`,
      Author: s.issuer.name,
      Subject: `${s.training.title} (${s.training.reference}) — attestation n° ${printedNumber(s)}`,
      Keywords: `attestation de compétences; ${s.training.title}; ${printedNumber(s)}`,
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
  const logo = input.logo ?? DEFAULT_LOGO;
  const words = certificateWording(s);
  const w = new Writer(doc, fittingScale(doc, s, words, logo), false);
  layout(w, s, words, logo);
  footer(doc, words, input.preview === true);
  doc.end();
  return done;
}
