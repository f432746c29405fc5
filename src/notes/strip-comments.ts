/**
 * HTML comments (<!-- … -->) out of a notes file: they hold the scaffold's
 * instructions and the clerk's reminders, never the report's text. Only
 * what Markdown reads as a comment goes (so `<!--` in a code block stays),
 * and every line stays where it was, so later positions are still the
 * file's own.
 */
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Markdown, Token } from 'markdown-it';

let reader: Markdown | undefined;

const COMMENT = /^\s*<!--/;

export function stripComments(text: string): string {
  if (!text.includes('<!--')) return text;
  reader ??= new MarkdownIt({ html: true });
  const lines = text.split('\n');
  let lastMap: [number, number] | null = null;
  for (const token of reader.parse(text, {})) {
    if (token.map) lastMap = token.map;
    if (token.type === 'html_block' && COMMENT.test(token.content) && token.map) {
      removeComments(lines, token.map, [/<!--(?:-?>|[\s\S]*?-->|[\s\S]*$)/g]);
    } else if (token.type === 'inline' && lastMap) {
      const comments = (token.children ?? []).filter((child: Token) => child.type === 'html_inline' && child.content.startsWith('<!--'));
      if (comments.length > 0)
        removeComments(
          lines,
          token.map ?? lastMap,
          comments.map((child: Token) => child.content),
        );
    }
  }
  return lines.join('\n');
}

/** Takes the comments out of lines [from, to), keeping the line breaks inside them. */
function removeComments(lines: string[], [from, to]: [number, number], comments: readonly (string | RegExp)[]): void {
  let range = lines.slice(from, to).join('\n');
  let cursor = 0;
  for (const comment of comments) {
    if (typeof comment !== 'string') {
      range = range.replace(comment, keepBreaks);
      continue;
    }
    const at = range.indexOf(comment, cursor);
    // Not found as written: a comment across lines of a quote or list, with their markers in between.
    if (at < 0) {
      range = range.replace(/<!--[\s\S]*?-->/g, keepBreaks);
      continue;
    }
    range = range.slice(0, at) + keepBreaks(comment) + range.slice(at + comment.length);
    cursor = at;
  }
  // As many lines as before (line breaks are kept), so each goes back where it was.
  range.split('\n').forEach((line, i) => {
    lines[from + i] = line;
  });
}

const keepBreaks = (comment: string) => comment.replace(/[^\n]/g, '');
