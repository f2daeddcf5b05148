import yazl from 'yazl';
import yauzl from 'yauzl';
import type { SourceError } from '../courses/format/source-error.ts';
import { MODULE_FILE } from '../courses/format/parse-module-folder.ts';
import type { ModuleFiles } from './draft-files.ts';

/** Bounds of an uploaded module zip: a module is a few Markdown and YAML files and some media. */
export const ZIP_LIMITS = {
  uploadBytes: 8 * 1024 * 1024,
  files: 300,
  fileBytes: 4 * 1024 * 1024,
  totalBytes: 32 * 1024 * 1024,
};
export type ZipLimits = typeof ZIP_LIMITS;

/** The module folder as a zip laid out like courses/: "<moduleId>/module.yaml", ... */
export function writeModuleZip(moduleId: string, files: ModuleFiles): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const fixedDate = new Date('2026-01-01T00:00:00Z');
  for (const [p, data] of [...files.entries()].sort(([a], [b]) => a.localeCompare(b))) zip.addBuffer(data, `${moduleId}/${p}`, { mtime: fixedDate });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

export type ZipReadResult = { ok: true; folder: string | null; files: ModuleFiles } | { ok: false; errors: SourceError[] };

/** Why an entry name cannot be a file of a module folder, or null when it is acceptable. */
export function unsafeEntryReason(name: string): string | null {
  if (name.includes('\\')) return 'chemin refusé : barre oblique inverse « \\ » (utilisez « / »)';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'chemin absolu refusé : les fichiers doivent être relatifs au dossier du module';
  if (name.split('/').some((s) => s === '..' || s === '.')) return 'chemin refusé : « .. » sortirait du dossier du module';
  if (name.includes('\0') || /[\u0000-\u001f]/.test(name)) return 'nom de fichier refusé : caractère de contrôle';
  return null;
}

/** Mac and editor leftovers that are not part of a module. */
function isJunk(name: string): boolean {
  return name.startsWith('__MACOSX/') || name.split('/').some((s) => s.startsWith('.')) || name.endsWith('~');
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/**
 * Reads an uploaded zip into a module folder's files, refusing (file by file) unsafe paths,
 * links, huge or too many files. Accepts the module at the root or in one top folder.
 */
export async function readModuleZip(data: Buffer, limits: ZipLimits = ZIP_LIMITS): Promise<ZipReadResult> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(data, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (err, z) => (err || !z ? reject(err ?? new Error('zip')) : resolve(z))),
    );
  } catch {
    return { ok: false, errors: [{ file: 'archive', message: 'ce fichier n’est pas une archive .zip lisible' }] };
  }
  if (zip.entryCount > limits.files) {
    zip.close();
    return { ok: false, errors: [{ file: 'archive', message: `trop de fichiers dans l’archive : ${zip.entryCount} (au plus ${limits.files})` }] };
  }
  const errors: SourceError[] = [];
  const raw = new Map<string, Buffer>();
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileNameRaw.toString('utf8');
        const next = () => zip.readEntry();
        // Unsafe names first: ".." also looks like a hidden file, and must not pass silently.
        const unsafe = unsafeEntryReason(name);
        if (unsafe) {
          errors.push({ file: name, message: unsafe });
          return next();
        }
        if (name.endsWith('/') || isJunk(name)) return next();
        if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
          errors.push({ file: name, message: 'lien symbolique refusé' });
          return next();
        }
        if (entry.uncompressedSize > limits.fileBytes) {
          errors.push({ file: name, message: `fichier trop gros : ${Math.ceil(entry.uncompressedSize / 1024)} Ko (au plus ${limits.fileBytes / 1024} Ko)` });
          return next();
        }
        total += entry.uncompressedSize;
        if (total > limits.totalBytes) {
          errors.push({ file: name, message: `archive trop volumineuse une fois décompressée (au plus ${limits.totalBytes / 1024 / 1024} Mo)` });
          return next();
        }
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            raw.set(name, Buffer.concat(chunks));
            next();
          });
        });
      });
      zip.readEntry();
    });
  } catch {
    zip.close();
    return { ok: false, errors: [...errors, { file: 'archive', message: 'archive .zip abîmée : un fichier ne se décompresse pas' }] };
  }
  if (errors.length > 0) return { ok: false, errors };
  return rootFolder(raw);
}

/** module.yaml at the root, or every file under one folder that holds module.yaml. */
function rootFolder(raw: Map<string, Buffer>): ZipReadResult {
  if (raw.has(MODULE_FILE)) return { ok: true, folder: null, files: raw };
  const tops = new Set([...raw.keys()].map((p) => (p.includes('/') ? p.slice(0, p.indexOf('/')) : '')));
  const [top] = [...tops];
  if (tops.size !== 1 || top === '' || !raw.has(`${top}/${MODULE_FILE}`)) {
    return { ok: false, errors: [{ file: 'archive', message: 'l’archive doit contenir un seul dossier de module avec son module.yaml (comme dans courses/)' }] };
  }
  return { ok: true, folder: top, files: new Map([...raw].map(([p, d]) => [p.slice(top.length + 1), d])) };
}
