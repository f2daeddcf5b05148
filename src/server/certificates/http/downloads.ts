import type { Response } from 'express';

/** Sends a generated file as a download; nothing personal may be cached on a shared terminal. */
export function sendDownload(res: Response, type: string, name: string, data: Buffer, inline = false): void {
  res
    .type(type)
    .set('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename="${name.replace(/[^\w.-]/g, '_')}"`)
    .set('Cache-Control', 'no-store')
    .send(data);
}

export const sendZip = (res: Response, name: string, zip: Buffer): void => sendDownload(res, 'application/zip', name, zip);
export const sendPdf = (res: Response, name: string, pdf: Buffer, inline = false): void => sendDownload(res, 'application/pdf', name, pdf, inline);
