import yazl from 'yazl';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Builds a zip in memory. A fixed date keeps the archive reproducible for the same content. */
export async function zipBuffer(entries: readonly ZipEntry[], mtime: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.name, { mtime, mode: 0o100644 });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
  zip.end();
  return done;
}
