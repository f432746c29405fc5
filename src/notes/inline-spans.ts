/**
 * Links, images and autolinks in a note's inline text, replaced by their
 * text: a printed 公文 has no URLs, and a note must not link anywhere from
 * the report. markdown-it finds them (every link it would render, whatever
 * its address, `javascript:` included); the text around them is kept as the
 * clerk wrote it, with one change: a `<` that could open an HTML tag is
 * escaped, so the report's Markdown shows it as text wherever it is read.
 */
import MarkdownIt from 'markdown-it';
import type { Env, MarkdownIt as Markdown, StateInline } from 'markdown-it';

type SpanKind = 'link' | 'image' | 'autolink' | 'code';

/** Where markdown-it found a construct in an inline text, as offsets into it. */
interface Span {
  kind: SpanKind;
  start: number;
  end: number;
  /** For links and images: the label between [ and ]. */
  labelStart: number;
  labelEnd: number;
}

/** markdown-it's environment of one parse, where the spans are collected. */
export interface SpanEnv extends Env {
  noteSpans?: Map<string, Span[]>;
}

const RECORDED: Record<string, SpanKind> = { link: 'link', image: 'image', autolink: 'autolink', backticks: 'code' };

let reader: Markdown | undefined;

/** The Markdown reader for notes: HTML off, as the report renders it; every link syntax counts as a link. */
export function notesReader(): Markdown {
  if (reader) return reader;
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = () => true;
  for (const rule of md.inline.ruler.__rules__) {
    const kind = RECORDED[rule.name];
    if (!kind) continue;
    const original = rule.fn;
    md.inline.ruler.at(rule.name, (state: StateInline, silent: boolean) => {
      const start = state.pos;
      const open = kind === 'image' ? start + 1 : start;
      const labelEnd =
        !silent && (kind === 'link' || kind === 'image') && state.src.charCodeAt(open) === 0x5b
          ? state.md.helpers.parseLinkLabel(state, open, kind === 'link')
          : -1;
      const matched = original(state, silent);
      if (matched && !silent) recordSpan(state, { kind, start, end: state.pos, labelStart: open + 1, labelEnd });
      return matched;
    });
  }
  reader = md;
  return md;
}

/** A fresh environment for one parse: it collects the spans of every inline text. */
export function spanEnv(): SpanEnv {
  return { noteSpans: new Map() };
}

function recordSpan(state: StateInline, span: Span): void {
  const spans = (state.env as SpanEnv).noteSpans;
  if (!spans) return;
  const list = spans.get(state.src) ?? [];
  if (!list.some((known) => known.start === span.start && known.end === span.end)) list.push(span);
  spans.set(state.src, list);
}

/** An inline text with its links and images replaced by their text; the same text when there is nothing to change. */
export function plainLinks(content: string, env: SpanEnv): string {
  const spans = [...(env.noteSpans?.get(content) ?? [])].sort((a, b) => a.start - b.start || b.end - a.end);
  const replaced = substitute(content, spans, 0, content.length);
  if (replaced === content) return content;
  const before = content.split('\n');
  // A label that now opens a line must not open a block there (`[# 标题](…)` is no heading).
  return replaced
    .split('\n')
    .map((line, i) => (line === before[i] || firstChar(line) === firstChar(before[i] ?? '') ? line : escapeLineStart(line)))
    .join('\n');
}

function substitute(content: string, spans: readonly Span[], from: number, to: number): string {
  let out = '';
  let at = from;
  for (const span of spans) {
    if (span.start < at || span.end > to) continue;
    out += escapeTags(content.slice(at, span.start));
    if (span.kind === 'code') out += content.slice(span.start, span.end);
    else if (span.kind === 'autolink') out += escapeText(content.slice(span.start + 1, span.end - 1));
    else if (span.labelEnd >= span.labelStart) {
      const inner = spans.filter((other) => other !== span && other.start >= span.labelStart && other.end <= span.labelEnd);
      out += escapePipes(substitute(content, inner, span.labelStart, span.labelEnd));
    }
    at = span.end;
  }
  return out + escapeTags(content.slice(at, to));
}

/** `<` before a letter, `/`, `!` or `?` (an HTML tag, comment or declaration), escaped unless it already is. */
function escapeTags(text: string): string {
  return text.replace(/(\\*)<(?=[A-Za-z/!?])/g, (match, slashes: string) => (slashes.length % 2 === 0 ? `${slashes}\\<` : match));
}

/** An address shown as text: nothing in it may read as Markdown. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~!#]/g, '\\$&');
}

/** A label's `|` would split a table row; escaped, it shows as itself everywhere. */
function escapePipes(text: string): string {
  return text.replace(/\\?\|/g, (match) => (match === '|' ? '\\|' : match));
}

function firstChar(line: string): string {
  return line.trimStart().charAt(0);
}

/** What starts a block at the beginning of a line: heading, list, quote, rule, setext underline, fence, table row. */
const BLOCK_START = /^(?:#{1,6}(?:\s|$)|[-+*](?:\s|$)|>|([*_-])(?:\s*\1){2,}\s*$|[=-]+\s*$|`{3,}|~{3,}|\|)/;

/** A line's first character escaped when it would start a block there; at most three spaces of indentation kept. */
export function escapeLineStart(line: string): string {
  const indent = /^\s*/.exec(line)![0];
  const rest = line.slice(indent.length);
  const kept = indent.length >= 4 ? '' : indent;
  if (BLOCK_START.test(rest)) return `${kept}\\${rest}`;
  const numbered = /^(\d{1,9})([.)])(?=\s|$)/.exec(rest);
  return numbered ? `${kept}${numbered[1]}\\${numbered[2]}${rest.slice(numbered[0].length)}` : `${kept}${rest}`;
}
