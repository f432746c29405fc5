/**
 * A month's notes from their Markdown: each section's text, made safe to
 * insert into the report's Markdown, and the problems with the file. Pure.
 *
 * Sections start at `#` or `##` headings (ATX, at the top level) named as
 * in note-sections.ts; a section named twice is appended to the first. In
 * a section's text, HTML comments are gone, headings are level 4
 * (`####`, setext ones too), thematic breaks are gone (the report uses
 * them as page breaks), images are their alt text and links their text,
 * reference definitions and control characters (but tab and newline) are
 * gone, and blank lines at either end are trimmed. markdown-it reads the
 * structure, so a `#` in a code block is no heading.
 */
import type { Problem } from '../problems/problem.js';
import { problem, sortProblems, wholeFile } from '../problems/problem.js';
import { escapeLineStart, notesReader, plainLinks, spanEnv } from './inline-spans.js';
import type { MonthNotes, NoteSection } from './note-sections.js';
import { REQUIRED_NOTE_SECTIONS, nearestSection, sectionOfHeading } from './note-sections.js';
import { isClosedFence, isSafeSection, plainSection } from './safe-markdown.js';
import { stripComments } from './strip-comments.js';

export interface ParsedMonthNotes {
  notes: MonthNotes;
  problems: Problem[];
}

/** A `#` or `##` heading at the top level: where a section starts. */
interface SectionHeading {
  /** 0-based line. */
  line: number;
  col: number;
  name: string;
}

/** The notes file read line by line: each line as it goes into the report, or null when it goes nowhere. */
interface NoteLines {
  /** The file's lines, comments taken out. */
  source: string[];
  lines: (string | null)[];
  /** Lines of code blocks, whose blank lines are kept. */
  code: Set<number>;
  headings: SectionHeading[];
  /** The first line of each top-level block, for text before the first section. */
  blockStarts: number[];
}

// C0 and C1 control characters, and DEL; tab and newline are text.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function parseMonthNotes(text: string, file: string): ParsedMonthNotes {
  const clean = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '');
  const read = readNoteLines(stripComments(clean));
  const problems: Problem[] = [];
  const sections: Partial<Record<NoteSection, string>> = {};
  const firstHeading: Partial<Record<NoteSection, SectionHeading>> = {};

  const stray = read.blockStarts.find((line) => line < (read.headings[0]?.line ?? Infinity));
  if (stray !== undefined) problems.push(problem('W-NOTES-STRAY-TEXT', { file, line: stray + 1, col: firstColumn(read.source[stray] ?? '') }));

  read.headings.forEach((heading, index) => {
    const section = sectionOfHeading(heading.name);
    if (!section) {
      const suggestion = nearestSection(heading.name);
      problems.push(
        problem(
          'W-NOTES-UNKNOWN-SECTION',
          { file, line: heading.line + 1, col: heading.col },
          { heading: heading.name, ...(suggestion ? { suggestion } : {}) },
        ),
      );
      return;
    }
    firstHeading[section] ??= heading;
    const body = sectionText(read, heading.line + 1, read.headings[index + 1]?.line ?? read.lines.length);
    if (body === '') return;
    sections[section] = sections[section] === undefined ? body : `${sections[section]}\n\n${body}`;
  });

  for (const section of REQUIRED_NOTE_SECTIONS) {
    if (sections[section] !== undefined) continue;
    const heading = firstHeading[section];
    const at = heading ? { file, line: heading.line + 1, col: heading.col } : wholeFile(file);
    problems.push(problem('W-NOTES-SECTION-MISSING', at, { section, ...(heading ? { empty: 'yes' } : {}) }));
  }
  return { notes: { file, sections }, problems: sortProblems(problems) };
}

/** A section's lines joined, runs of blank lines made one, blank lines at the ends trimmed; checked safe. */
function sectionText({ lines, code }: NoteLines, from: number, to: number): string {
  const kept: string[] = [];
  for (let line = from; line < to; line++) {
    const value = lines[line];
    if (value === null || value === undefined) continue;
    const blank = value.trim() === '';
    if (blank && !code.has(line) && kept.length > 0 && kept[kept.length - 1]!.trim() === '') continue;
    for (const part of value.split('\n')) kept.push(part);
  }
  while (kept.length > 0 && kept[0]!.trim() === '') kept.shift();
  while (kept.length > 0 && kept[kept.length - 1]!.trim() === '') kept.pop();
  const markdown = kept.join('\n');
  return markdown === '' || isSafeSection(markdown) ? markdown : plainSection(markdown);
}

/** Reads the structure with markdown-it and rewrites the lines that need it. */
function readNoteLines(text: string): NoteLines {
  const source = text.split('\n');
  const lines: (string | null)[] = [...source];
  const code = new Set<number>();
  const headings: SectionHeading[] = [];
  const blockStarts: number[] = [];
  const covered = new Set<number>();
  const env = spanEnv();
  const tokens = notesReader().parse(text, env);
  const cursors = new Map<number, number>();
  let rowMap: [number, number] | null = null;

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const map = token.map;
    if (token.type === 'tr_open') rowMap = map;
    if (map && token.level === 0 && token.nesting !== -1) blockStarts.push(map[0]);
    if (map && LEAVES.has(token.type)) for (let line = map[0]; line < map[1]; line++) covered.add(line);

    switch (token.type) {
      case 'hr':
        // A blank line where the rule was, so the paragraphs around it stay apart.
        if (map) lines[map[0]] = '';
        break;
      case 'fence':
      case 'code_block':
        if (!map) break;
        for (let line = map[0]; line < map[1]; line++) code.add(line);
        if (token.type === 'fence' && !isClosedFence(token, source, source.length)) {
          const opening = source[map[0]] ?? '';
          const indent = opening.slice(0, opening.indexOf(token.markup)).replace(/[-*+]|\d+[.)]/g, (marker) => ' '.repeat(marker.length));
          lines[map[1] - 1] = `${lines[map[1] - 1] ?? ''}\n${indent}${token.markup}`;
        }
        break;
      case 'heading_open': {
        const inline = tokens[index + 1]!;
        if (!map) break;
        const atx = token.markup.startsWith('#');
        if (atx && token.level === 0 && token.markup.length <= 2) {
          headings.push({ line: map[0], col: contentColumn(source[map[0]] ?? '', inline.content), name: inline.content });
          lines[map[0]] = null;
        } else {
          rewriteHeading(lines, source, map, atx, plainLinks(inline.content, env), inline.content);
        }
        index++;
        break;
      }
      case 'inline': {
        const range = map ?? rowMap;
        const plain = plainLinks(token.content, env);
        if (range && plain !== token.content) replaceInline(lines, range, token.content, plain, cursors);
        break;
      }
    }
  }
  // What no block holds: blank lines, bare list or quote markers, and reference definitions (which would define links).
  source.forEach((line, index) => {
    if (!covered.has(index) && !/^[\s>]*(?:[-+*]|\d+[.)])?\s*$/.test(line)) lines[index] = '';
  });
  return { source, lines, code, headings, blockStarts };
}

const LEAVES = new Set(['paragraph_open', 'heading_open', 'fence', 'code_block', 'hr', 'table_open']);

/** A heading within a section, made `####`: one line, whatever it was. */
function rewriteHeading(
  lines: (string | null)[],
  source: readonly string[],
  [start, end]: [number, number],
  atx: boolean,
  content: string,
  original: string,
): void {
  const first = source[start] ?? '';
  const prefix = atx ? (/^(.*?)#/.exec(first)?.[1] ?? '') : first.slice(0, Math.max(0, first.indexOf(original.split('\n')[0]!.trim())));
  lines[start] = `${prefix}#### ${content.replace(/\n\s*/g, ' ')}`.trimEnd();
  for (let line = start + 1; line < end; line++) lines[line] = null;
}

/**
 * An inline text changed (links made text), put back where it was: each of
 * its lines found in its source line, so list markers, quote marks and
 * table pipes around it stay. When that cannot be done, its lines replace
 * the source lines from the first one's indentation on.
 */
function replaceInline(lines: (string | null)[], [start, end]: [number, number], before: string, after: string, cursors: Map<number, number>): void {
  const old = before.split('\n');
  const next = after.split('\n');
  if (old.length === next.length && old.length <= end - start) {
    const edits: [line: number, at: number, length: number, text: string][] = [];
    for (let i = 0; i < old.length; i++) {
      const line = start + i;
      const needle = old[i]!.trim();
      const at = (lines[line] ?? '').indexOf(needle, cursors.get(line) ?? 0);
      if (at < 0 || needle === '') break;
      edits.push([line, at, needle.length, next[i]!.trim()]);
    }
    if (edits.length === old.length) {
      for (const [line, at, length, text] of edits) {
        const current = lines[line]!;
        lines[line] = current.slice(0, at) + text + current.slice(at + length);
        cursors.set(line, at + text.length);
      }
      return;
    }
  }
  const first = lines[start] ?? '';
  const prefix = first.slice(0, Math.max(0, first.indexOf(old[0]!.trim())));
  lines[start] = prefix + escapeLineStart(next.join('\n'));
  for (let line = start + 1; line < end; line++) lines[line] = null;
}

function contentColumn(line: string, content: string): number {
  const at = content === '' ? -1 : line.indexOf(content);
  return at >= 0 ? at + 1 : firstColumn(line);
}

function firstColumn(line: string): number {
  return (/\S/.exec(line)?.index ?? 0) + 1;
}
