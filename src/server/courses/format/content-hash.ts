import crypto from 'node:crypto';

export type FileContent = Buffer | string;

export function sha256(content: FileContent): string {
  return crypto.createHash('sha256').update(content).digest('hex');
}

/**
 * sha256 over files sorted by path; each is framed by its path and length so that moving
 * bytes from one file to the next changes the hash. `extra` adds inputs that are not files
 * of the folder (the competency labels a module copies from competences.yaml).
 */
export function contentHash(files: ReadonlyMap<string, FileContent>, extra = ''): string {
  const hash = crypto.createHash('sha256');
  for (const filePath of [...files.keys()].sort()) {
    const content = toBuffer(files.get(filePath) ?? '');
    hash.update(`${filePath}\0${content.length}\0`);
    hash.update(content);
  }
  hash.update(`\0extra\0${extra}`);
  return hash.digest('hex');
}

export function toBuffer(content: FileContent): Buffer {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
}

export function toText(content: FileContent): string {
  return (typeof content === 'string' ? content : content.toString('utf8')).replace(/^\uFEFF/, '');
}
