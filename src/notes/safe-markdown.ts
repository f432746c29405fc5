/**
 * The last guard between a note and the report: a section's Markdown is
 * read again, as the report will read it, and must hold no heading above
 * level 4, no thematic break (the report's page break), no link or image,
 * no HTML and no open code fence. Sanitising makes it so; should some
 * input still slip through, the section goes in as plain paragraphs of
 * escaped text instead, so no note can change the report's structure.
 */
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Markdown, Token } from 'markdown-it';

let reader: Markdown | undefined;

function strictReader(): Markdown {
  if (reader) return reader;
  reader = new MarkdownIt({ html: false, linkify: false, typographer: false });
  // Stricter than the report's renderer: an address it would refuse still counts as a link here.
  reader.validateLink = () => true;
  return reader;
}

const FORBIDDEN = new Set(['hr', 'link_open', 'image', 'html_block', 'html_inline']);

/** Whether a section's Markdown can go into the report as it is. */
export function isSafeSection(markdown: string): boolean {
  const tokens = strictReader().parse(markdown, {});
  const lines = markdown.split('\n');
  const unsafe = (token: Token): boolean =>
    FORBIDDEN.has(token.type) ||
    (token.type === 'heading_open' && Number(token.tag.slice(1)) < 4) ||
    (token.type === 'fence' && !isClosedFence(token, lines, lines.length)) ||
    (token.children ?? []).some(unsafe);
  return !tokens.some(unsafe);
}

/** Whether a fence has its closing line (one that runs to the end of the text may not). */
export function isClosedFence(token: Token, lines: readonly string[], lineCount: number): boolean {
  const [start, end] = token.map ?? [0, 0];
  if (end < lineCount) return true;
  if (end - start < 2) return false;
  const last = (lines[end - 1] ?? '').replace(/^[\s>]*/, '');
  const marker = token.markup.charAt(0);
  return new RegExp(`^\\${marker}{${token.markup.length},}\\s*$`).test(last);
}

/** A section's words as plain paragraphs, every character that Markdown could read escaped. */
export function plainSection(markdown: string): string {
  const paragraphs: string[] = [];
  let words = '';
  for (const token of strictReader().parse(markdown, {})) {
    if (token.type === 'inline') words += inlineWords(token.children ?? []);
    else if (token.type === 'fence' || token.type === 'code_block') words += token.content;
    else if (token.nesting === -1 || token.type === 'hr') {
      if (words.trim() !== '') paragraphs.push(words.trim());
      words = '';
    }
  }
  if (words.trim() !== '') paragraphs.push(words.trim());
  return paragraphs
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim().replace(/[\\`*_{}[\]()<>#+\-.!|~=:&]/g, '\\$&'))
        .filter((line) => line !== '')
        .join('\n'),
    )
    .join('\n\n');
}

function inlineWords(children: readonly Token[]): string {
  return children
    .map((child) => {
      if (child.type === 'softbreak' || child.type === 'hardbreak') return '\n';
      if (child.type === 'image') return inlineWords(child.children ?? []);
      return child.type === 'text' || child.type === 'code_inline' ? child.content : '';
    })
    .join('');
}
