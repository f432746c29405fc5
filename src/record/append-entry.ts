/**
 * Appends an entry to a log file, keeping everything already in it: its
 * comments, blank lines, quoting and line ends (the `yaml` Document API
 * edits the file's own syntax tree rather than rewriting it). A new file
 * starts with the village as its default, and the editor-schema line when
 * the workspace has the schemas. Values are written as the samples write
 * them: text that a YAML reader could take for something else (a time
 * 19:30, yes, 010) in double quotes, dates plain. Written atomically.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Node } from 'yaml';
import { Document, Scalar, YAMLSeq, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { decodeText } from '../load/decode-text.js';
import { parseYaml } from '../load/parse-yaml.js';
import { writeFilesAtomically } from '../write/write-files.js';

/** Why an entry could not be appended; the command words it. */
export class AppendError extends Error {
  constructor(readonly reason: 'not-utf8' | 'not-a-log' | 'broken', readonly file: string) {
    super(`${reason}: ${file}`);
  }
}

export interface AppendOptions {
  /** The default village of a new file (omitted from entries that match it). */
  village: string | undefined;
}

/** Appends `values` (in the order to write them) to `file` (relative to `root`); returns the new entry's line. */
export async function appendEntry(root: string, file: string, values: Record<string, unknown>, { village }: AppendOptions): Promise<number> {
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
  const crlf = text.includes('\r\n');
  const document = parseDocument(text.replace(/\r\n/g, '\n'));
  if (document.errors.length > 0) throw new AppendError('broken', file);
  if (document.contents !== null && !isMap(document.contents)) throw new AppendError('not-a-log', file);

  // Leave out what the file already says for all its entries.
  const entry = { ...values };
  if (entry.village !== undefined && entry.village === document.get('village')) delete entry.village;
  if (entry.pillar !== undefined && entry.pillar === document.get('pillar')) delete entry.pillar;

  let entries = document.get('entries', true);
  if (entries === undefined || entries === null || (typeof entries === 'object' && 'value' in entries && entries.value === null)) {
    entries = new YAMLSeq();
    document.set('entries', entries);
  }
  if (!isSeq(entries)) throw new AppendError('not-a-log', file);
  const node = document.createNode(entry);
  for (const item of node.items) {
    if (isSeq(item.value)) item.value.flow = true;
    quoteAmbiguousText(item.value as Node);
  }
  node.spaceBefore = entries.items.length > 0;
  entries.add(node);
  const index = entries.items.length - 1;

  let out = document.toString({ lineWidth: 0, flowCollectionPadding: false });
  if (crlf) out = out.replace(/\n/g, '\r\n');
  await mkdir(path.dirname(full), { recursive: true });
  await writeFilesAtomically(new Map([[full, bom + out]]));
  const written = parseYaml(out, file);
  return written.ok ? written.document.locate(['entries', index]).line : 0;
}

/** A date as the format writes it: plain, like the samples (the logs are read with the core schema, where it is text). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Double-quotes text that a YAML reader would not read back as that text:
 * 19:30 is the number 1170 to a YAML 1.1 reader (Excel add-ins, PyYAML),
 * yes is true, 010 is 8. The samples quote their times ("19:00") for the
 * same reason.
 */
function quoteAmbiguousText(node: Node | null | undefined): void {
  if (isSeq(node)) {
    for (const item of node.items) quoteAmbiguousText(item as Node);
    return;
  }
  if (!isScalar(node) || typeof node.value !== 'string' || ISO_DATE.test(node.value)) return;
  const text = node.value;
  const readBack = (version: '1.1' | '1.2') => {
    const parsed = parseDocument(text, { version });
    return parsed.errors.length === 0 ? parsed.toJS() : undefined;
  };
  if (readBack('1.1') !== text || readBack('1.2') !== text) node.type = Scalar.QUOTE_DOUBLE;
}

/** A new log file: the editor-schema line (when the workspace has the schemas), the default village, no entries yet. */
async function newLogText(root: string, file: string, village: string | undefined): Promise<string> {
  const schema = path.join(root, 'schema', 'log.schema.json');
  const hasSchema = (await stat(schema).catch(() => undefined))?.isFile() ?? false;
  const relative = path.relative(path.dirname(path.join(root, file)), schema).split(path.sep).join('/');
  const header = hasSchema ? `# yaml-language-server: $schema=${relative}\n` : '';
  const body = new Document(village === undefined ? { entries: null } : { village, entries: null }).toString();
  return header + body;
}
