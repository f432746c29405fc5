/**
 * A log file's text with one more entry, every byte already there kept: the
 * entry's lines are inserted into the text, never made by printing the file
 * again, so spacing, comments wherever they are, quoting, folded and literal
 * text, numbers as written (0035), flow lists, line ends (CRLF), a missing
 * last line end and odd indentation all stay as the clerk wrote them. Pure.
 *
 * Where the entry goes: after the last entry's last line, and the blank
 * lines and more deeply indented comments after it (which are its own), so
 * that comments at the list's column or less, at the end of the file or
 * before the next key, stay below it. It is written as the entries before
 * it are: its dash and fields at their columns, on one line in braces when
 * they are (`- {date: …}`), with a blank line before it when they have one,
 * inside the brackets of a flow list. An empty list (`entries:`,
 * `entries: ~`, `entries: []`) becomes a list under its key; that empty
 * value is the only thing replaced. A file with no `entries` gets one at
 * its end. The result is read back, and refused unless it holds exactly
 * the old values and the new entry.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Node, Pair, YAMLMap } from 'yaml';
import { Document, Scalar, isMap, isScalar, isSeq, parseDocument } from 'yaml';

export type SpliceResult = { ok: true; text: string; index: number } | { ok: false; reason: 'broken' | 'not-a-log' | 'layout' };

/**
 * Appends the values (in the order to write them) to the log text (without
 * its byte-order mark). A village or pillar the file gives all its entries
 * is left out of the entry.
 */
export function spliceEntry(text: string, values: Record<string, unknown>): SpliceResult {
  const document = parseDocument(text);
  if (document.errors.length > 0) return { ok: false, reason: 'broken' };
  const root = document.contents;
  if (root !== null && !isMap(root)) return { ok: false, reason: 'not-a-log' };
  const before = (document.toJS() ?? {}) as Record<string, unknown>;
  const oldEntries = before.entries ?? [];
  if (!Array.isArray(oldEntries)) return { ok: false, reason: 'not-a-log' };
  const entry = withoutDefaults(values, before);

  const edit = root === null ? atEnd(text, text.length, entry) : intoMap(text, root, entry);
  if (!edit) return { ok: false, reason: 'not-a-log' };
  const out = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);

  // Read back: the old values and the new entry, nothing else.
  const after = parseDocument(out);
  const expected = { ...before, entries: [...oldEntries, entry] };
  if (after.errors.length > 0 || !isDeepStrictEqual(after.toJS(), expected)) return { ok: false, reason: 'layout' };
  return { ok: true, text: out, index: oldEntries.length };
}

/**
 * Appends several entries, as spliceEntry would one after another, but
 * without reading the text back after each (which made a thousand entries
 * take minutes): the first two are spliced one by one, which settles the
 * layout the rest follow (the list's columns, a blank line between
 * entries), and the rest are inserted together after the second, each as
 * it would have been. The result is read back once, and refused unless it
 * holds exactly the old values and every new entry; then the entries are
 * spliced one by one after all, which can only be slower.
 */
export function spliceEntries(text: string, list: readonly Record<string, unknown>[]): SpliceEntriesResult {
  const indexes: number[] = [];
  let out = text;
  const spliceOne = (values: Record<string, unknown>): SpliceResult => {
    const spliced = spliceEntry(out, values);
    if (spliced.ok) {
      out = spliced.text;
      indexes.push(spliced.index);
    }
    return spliced;
  };
  for (const values of list.slice(0, 2)) {
    const spliced = spliceOne(values);
    if (!spliced.ok) return spliced;
  }
  const rest = list.slice(2);
  if (rest.length === 0) return { ok: true, text: out, indexes };
  const document = parseDocument(out);
  const root = document.contents;
  const before = (document.toJS() ?? {}) as Record<string, unknown>;
  const oldEntries = (before.entries ?? []) as unknown[];
  if (document.errors.length === 0 && isMap(root) && Array.isArray(oldEntries)) {
    const entries = rest.map((values) => withoutDefaults(values, before));
    const edits = entries.map((entry) => intoMap(out, root, entry));
    const at = edits[0]?.from;
    if (edits.every((edit) => edit !== undefined && edit.from === at && edit.to === at)) {
      const batched = out.slice(0, at) + edits.map((edit) => edit!.insert).join('') + out.slice(at);
      const after = parseDocument(batched);
      if (after.errors.length === 0 && isDeepStrictEqual(after.toJS(), { ...before, entries: [...oldEntries, ...entries] })) {
        return { ok: true, text: batched, indexes: [...indexes, ...entries.map((_, index) => oldEntries.length + index)] };
      }
    }
  }
  for (const values of rest) {
    const spliced = spliceOne(values);
    if (!spliced.ok) return spliced;
  }
  return { ok: true, text: out, indexes };
}

export type SpliceEntriesResult = { ok: true; text: string; indexes: number[] } | { ok: false; reason: 'broken' | 'not-a-log' | 'layout' };

/** The entry without the village or pillar the file gives all its entries. */
function withoutDefaults(values: Record<string, unknown>, file: Record<string, unknown>): Record<string, unknown> {
  const entry = { ...values };
  for (const key of ['village', 'pillar']) if (entry[key] !== undefined && entry[key] === file[key]) delete entry[key];
  return entry;
}

/** Text `insert` put in place of `from`..`to` (equal for a pure insertion). */
interface Edit {
  from: number;
  to: number;
  insert: string;
}

function intoMap(text: string, root: YAMLMap, entry: Record<string, unknown>): Edit | undefined {
  const pair = root.items.find((item) => isScalar(item.key) && item.key.value === 'entries') as Pair<Scalar, Node | null> | undefined;
  if (!pair) {
    // No entries yet: a list of them after the last key.
    if (root.flow) {
      const brace = text.lastIndexOf('}', root.range![1]);
      return { from: brace, to: brace, insert: `${root.items.length > 0 ? ', ' : ''}entries: [${flowText(entry)}]` };
    }
    return atEnd(text, root.range![1], entry, column(text, root.range![0]));
  }
  const list = pair.value;
  if (isSeq(list) && list.items.length > 0) {
    if (!list.flow) return afterItem(text, list.items as Node[], entry);
    const end = (list.items.at(-1) as Node).range![1];
    return { from: end, to: end, insert: `, ${flowText(entry)}` };
  }
  const empty = list === null || (isScalar(list) && list.value === null) || (isSeq(list) && list.items.length === 0);
  if (!empty) return undefined;
  const [start, end] = list?.range ?? [pair.key.range![1], pair.key.range![1]];
  if (root.flow) {
    // `{entries: []}` and the like: the list keeps to the braces' style.
    return isSeq(list) ? { from: start + 1, to: start + 1, insert: flowText(entry) } : { from: start, to: end, insert: ` [${flowText(entry)}]` };
  }
  // The empty value (~, null, []) goes; the list is written under the key, after any comment on its line and below it.
  const keyColumn = column(text, pair.key.range![0]);
  let from = start;
  while (from > start - column(text, start) && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  const place = skipLines(text, nextLineStart(text, end), keyColumn);
  const eol = lineEndOf(text);
  const lines = blockLines(entry, `${' '.repeat(keyColumn + 2)}- `, ' '.repeat(keyColumn + 4));
  const insert = `${place.atLineStart ? '' : eol}${lines.join(eol)}${place.atLineStart ? eol : ''}`;
  if (start === end) return { from: place.at, to: place.at, insert };
  // Two edits in one: the value removed, and the list inserted further on.
  return { from, to: place.at, insert: `${text.slice(end, place.at)}${insert}` };
}

/** After the last item of a block list, written as the items before it are. */
function afterItem(text: string, items: readonly Node[], entry: Record<string, unknown>): Edit {
  const last = items.at(-1)!;
  const dash = dashBefore(text, last.range![0]);
  const dashColumn = column(text, dash);
  const firstKey = isMap(last) && !last.flow ? (last.items[0]?.key as Node | undefined) : undefined;
  const keyColumn = firstKey?.range ? column(text, firstKey.range[0]) : 0;
  const fieldColumn = keyColumn > dashColumn ? keyColumn : dashColumn + 2;
  const eol = lineEndOf(text);
  // A blank line before it when the entries are set apart by one.
  const previous = items.at(-2);
  const gap = previous ? text.slice(nextLineStart(text, previous.range![1]).at, dash) : '';
  const blank = gap
    .split('\n')
    .slice(0, -1)
    .some((line) => line.trim() === '');

  const place = skipLines(text, nextLineStart(text, last.range![1]), dashColumn);
  const first = `${' '.repeat(dashColumn)}-${' '.repeat(fieldColumn - dashColumn - 1)}`;
  const lines = isMap(last) && last.flow ? [`${first}${flowText(entry)}`] : blockLines(entry, first, ' '.repeat(fieldColumn));
  const lead = (place.atLineStart ? '' : eol) + (blank && !place.afterBlank ? eol : '');
  return { from: place.at, to: place.at, insert: `${lead}${lines.join(eol)}${place.atLineStart ? eol : ''}` };
}

/** `entries:` and the list after everything else: an empty file, or a mapping without entries. */
function atEnd(text: string, end: number, entry: Record<string, unknown>, keyColumn = 0): Edit {
  const place = skipLines(text, nextLineStart(text, end), keyColumn);
  const eol = lineEndOf(text);
  const indent = ' '.repeat(keyColumn);
  const lines = [`${indent}entries:`, ...blockLines(entry, `${indent}  - `, `${indent}    `)];
  return { from: place.at, to: place.at, insert: `${place.atLineStart ? '' : eol}${lines.join(eol)}${place.atLineStart ? eol : ''}` };
}

/** The entry's fields as block lines: the first after `first` (its dash and spaces), the rest after `rest`. */
function blockLines(entry: Record<string, unknown>, first: string, rest: string): string[] {
  const printed = printEntry(entry, false).replace(/\n$/, '').split('\n');
  return printed.map((line, i) => (i === 0 ? first : line === '' ? '' : rest) + line);
}

function flowText(entry: Record<string, unknown>): string {
  return printEntry(entry, true).trim();
}

/**
 * The entry as the samples write values: lists in brackets, text that a
 * YAML reader could take for something else (a time 19:30, yes, 010) in
 * double quotes, dates plain.
 */
function printEntry(entry: Record<string, unknown>, flow: boolean): string {
  const document = new Document();
  const node = document.createNode(entry);
  node.flow = flow;
  for (const item of node.items) {
    if (isSeq(item.value)) item.value.flow = true;
    quoteAmbiguousText(item.value as Node);
  }
  document.contents = node;
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
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

/** The line end the file uses (that of its first line), \n for a file of one line. */
function lineEndOf(text: string): string {
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The start of the line after the one `offset` is on, or the text's end; `offset` itself when it starts a line already. */
function nextLineStart(text: string, offset: number): { at: number; atLineStart: boolean } {
  if (offset === 0 || text[offset - 1] === '\n') return { at: offset, atLineStart: true };
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? { at: text.length, atLineStart: false } : { at: newline + 1, atLineStart: true };
}

/**
 * Past the lines that still belong above the new text: blank lines (which
 * may be part of a `|+` block) and comments indented deeper than `column`
 * (a note under the last entry); a comment at the list's own column or
 * less stays below.
 */
function skipLines(text: string, start: { at: number; atLineStart: boolean }, column: number): { at: number; atLineStart: boolean; afterBlank: boolean } {
  let { at } = start;
  let afterBlank = false;
  while (start.atLineStart) {
    const newline = text.indexOf('\n', at);
    if (newline === -1) break;
    const line = text.slice(at, newline).replace(/\r$/, '');
    const content = line.trimStart();
    const comment = content.startsWith('#') && line.length - content.length > column;
    if (content !== '' && !comment) break;
    at = newline + 1;
    afterBlank = content === '';
  }
  return { at, atLineStart: start.atLineStart, afterBlank };
}

/** The dash of the list item that starts at `offset` (its content may be on the dash's line or below it). */
function dashBefore(text: string, offset: number): number {
  let at = offset - 1;
  while (at > 0 && text[at] !== '-') at--;
  return at;
}
