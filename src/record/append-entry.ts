/**
 * Appends an entry to a log file, keeping every byte already in it (see
 * splice-entry.ts). A new file starts with the village as its default, and
 * the editor-schema line when the workspace has the schemas. Written
 * atomically, through a link to the file it points at, keeping the file's
 * permissions and owner (write-files.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Document } from 'yaml';
import { decodeText } from '../load/decode-text.js';
import { parseYaml } from '../load/parse-yaml.js';
import type { WriteFs } from '../write/write-files.js';
import { writeFilesAtomically } from '../write/write-files.js';
import { spliceEntry } from './splice-entry.js';

/** Why an entry could not be appended; the command words it. */
export class AppendError extends Error {
  constructor(
    readonly reason: 'not-utf8' | 'not-a-log' | 'broken' | 'layout',
    readonly file: string,
  ) {
    super(`${reason}: ${file}`);
  }
}

export interface AppendOptions {
  /** The default village of a new file (omitted from entries that match it). */
  village: string | undefined;
  /** File access for the write; the real file system when absent. */
  fs?: WriteFs | undefined;
}

/** Appends `values` (in the order to write them) to `file` (relative to `root`); returns the new entry's line. */
export async function appendEntry(root: string, file: string, values: Record<string, unknown>, { village, fs }: AppendOptions): Promise<number> {
  const full = path.join(root, file);
  const bytes = await readFile(full).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  let text: string;
  let bom = '';
  if (bytes === undefined) {
    text = await newLogText(root, file, village);
  } else {
    const decoded = decodeText(bytes);
    if (!decoded.ok || decoded.encoding !== 'utf-8') throw new AppendError('not-utf8', file);
    text = decoded.text;
    bom = bytes[0] === 0xef ? '\uFEFF' : '';
  }
  const spliced = spliceEntry(text, values);
  if (!spliced.ok) throw new AppendError(spliced.reason, file);
  await writeFilesAtomically(new Map([[full, bom + spliced.text]]), { fs });
  const written = parseYaml(spliced.text, file);
  return written.ok ? written.document.locate(['entries', spliced.index]).line : 0;
}

/** A new log file: the editor-schema line (when the workspace has the schemas), the default village, no entries yet. */
async function newLogText(root: string, file: string, village: string | undefined): Promise<string> {
  const schema = path.join(root, 'schema', 'log.schema.json');
  const hasSchema = (await stat(schema).catch(() => undefined))?.isFile() ?? false;
  const relative = path
    .relative(path.dirname(path.join(root, file)), schema)
    .split(path.sep)
    .join('/');
  const header = hasSchema ? `# yaml-language-server: $schema=${relative}\n` : '';
  const body = new Document(village === undefined ? { entries: null } : { village, entries: null }).toString();
  return header + body;
}
