/** Text, metadata, page count and attachments of a PDF, read with pdfjs-dist (no system tool needed). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfContent {
  pages: number;
  text: string;
  /** Text of each page, page 1 first. */
  pageTexts: string[];
  info: Record<string, unknown>;
  attachments: Map<string, Buffer>;
}

export async function readPdf(data: Buffer): Promise<PdfContent> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pageTexts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const parts: string[] = [];
    for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? '\n' : ' ');
    pageTexts.push(parts.join('').replace(/[ \t]+/g, ' '));
  }
  const meta = await pdf.getMetadata();
  const raw = (await pdf.getAttachments()) as Record<string, { filename: string; content: Uint8Array }> | null;
  const attachments = new Map<string, Buffer>();
  for (const value of Object.values(raw ?? {})) attachments.set(value.filename, Buffer.from(value.content));
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, text: pageTexts.join('\n'), pageTexts, info: meta.info as Record<string, unknown>, attachments };
}
