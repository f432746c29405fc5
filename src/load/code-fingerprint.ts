/**
 * A fingerprint of the code whose results the workspace cache keeps: the
 * bytes of the parse worker and of every module of ours it imports, however
 * deep (parse-log-file: the parser, the validator, the schema, the
 * problems). The cache is keyed by it, so a changed check is never
 * answered from outcomes the old check computed, with no number to
 * remember to bump. Computed once per process, and only when the cache is
 * used: it reads some twenty-five small files (about ten milliseconds).
 *
 * It is taken from whichever files are running: the bundled chunks for the
 * command (the worker is an entry of the bundle, beside the chunk that
 * holds this module), the built ones for the library, the sources under
 * the tests. Type-only imports are skipped (they compute nothing);
 * packages are covered by the version in the cache's key.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Relative static imports and re-exports, not `import type`, and relative dynamic imports. */
const STATIC_IMPORT = /(?:^|[\n;])\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

let running: Promise<string> | undefined;

/** The fingerprint of the running code that parses and checks a log file. */
export function codeFingerprint(): Promise<string> {
  running ??= fingerprintFrom(moduleFile(new URL('./parse-worker.js', import.meta.url)));
  return running;
}

/** SHA-256 over each module reached from `entry` by relative imports: its path from the entry's folder, then its bytes. */
export async function fingerprintFrom(entry: string): Promise<string> {
  const base = path.dirname(entry);
  const seen = new Set<string>([entry]);
  const modules: { name: string; bytes: Buffer }[] = [];
  // Read a level of the import graph at a time, its files together.
  for (let level = [entry]; level.length > 0; ) {
    const read = await Promise.all(level.map(async (file) => ({ file, bytes: await readFile(file) })));
    level = [];
    for (const { file, bytes } of read) {
      modules.push({ name: path.relative(base, file).split(path.sep).join('/'), bytes });
      const text = bytes.toString('utf8');
      for (const pattern of [STATIC_IMPORT, DYNAMIC_IMPORT]) {
        for (const found of text.matchAll(pattern)) {
          const imported = moduleFile(new URL(found[1]!, pathToFileURL(file)));
          if (!seen.has(imported)) {
            seen.add(imported);
            level.push(imported);
          }
        }
      }
    }
  }
  modules.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const hash = createHash('sha256');
  for (const { name, bytes } of modules) hash.update(`${name}\0${bytes.length}\0`).update(bytes);
  return hash.digest('base64');
}

/** `./x.js` is the built file, or under the tests the source `./x.ts` it is built from. */
function moduleFile(url: URL): string {
  const file = fileURLToPath(url);
  if (existsSync(file) || !file.endsWith('.js')) return file;
  return `${file.slice(0, -'.js'.length)}.ts`;
}
