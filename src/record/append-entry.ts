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
import { spliceEntries } from './splice-entry.js';

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
  const [lines] = await appendEntries(root, [{ file, village, entries: [values] }], { fs });
  return lines![0]!;
}

/** Entries to append to one log file, in order, and the file's default village should it be new. */
export interface EntriesToAppend {
  file: string;
  village: string | undefined;
  entries: readonly Record<string, unknown>[];
}

/**
 * Appends entries to several log files at once (`revitalize import`): each
 * file is read, spliced once per entry in memory and read back, then all
 * are written together (write-files.ts: each atomic, renamed into place
 * only once every one is written). Returns the new entries' lines, by file.
 */
export async function appendEntries(root: string, additions: readonly EntriesToAppend[], { fs }: { fs?: WriteFs | undefined } = {}): Promise<number[][]> {
  const texts = new Map<string, string>();
  const lines: number[][] = [];
  for (const { file, village, entries } of additions) {
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
    const spliced = spliceEntries(text, entries);
    if (!spliced.ok) throw new AppendError(spliced.reason, file);
    texts.set(full, bom + spliced.text);
    const written = parseYaml(spliced.text, file);
    lines.push(spliced.indexes.map((index) => (written.ok ? written.document.locate(['entries', index]).line : 0)));
  }
  await writeFilesAtomically(texts, { fs });
  return lines;
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
