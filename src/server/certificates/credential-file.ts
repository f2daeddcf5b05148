/**
 * Reads the VC-JWT out of what a holder or an employer has: the PDF (its attachment), the .jwt
 * file, or the .json envelope.
 */
import { CREDENTIAL_ATTACHMENT } from './pdf/certificate-pdf.ts';
import { jwtFromText } from './verification.ts';

async function attachmentOfPdf(data: Buffer): Promise<string | null> {
  // pdfjs is only loaded for PDFs: it is large, and the CLI mostly reads .jwt files.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(data), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const attachments = (await pdf.getAttachments()) as Record<string, { filename: string; content: Uint8Array }> | null;
    const found = Object.values(attachments ?? {}).find((a) => a.filename === CREDENTIAL_ATTACHMENT);
    return found ? Buffer.from(found.content).toString('utf8') : null;
  } finally {
    await pdf.destroy();
  }
}

export async function jwtFromFile(data: Buffer): Promise<string | null> {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') {
    const text = await attachmentOfPdf(data);
    return text === null ? null : jwtFromText(text);
  }
  return jwtFromText(data.toString('utf8'));
}
