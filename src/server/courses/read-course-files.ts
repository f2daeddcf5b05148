import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Reads a folder into the map the pure parsers take: paths relative to `root`, with "/"
 * separators. Hidden files (.DS_Store, editor swap files) are skipped.
 */
export async function readCourseFiles(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.endsWith('~')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.set(path.relative(root, full).split(path.sep).join('/'), await fs.readFile(full));
    }
  };
  await walk(root);
  return files;
}
