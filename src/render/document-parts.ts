/**
 * The parts of the official document (GB/T 9704-2012) in the Markdown report,
 * found once for the HTML and the Word renderers: a markdown-it core rule that
 * sets a class on each part's tokens (markdown-it's HTML carries it, and
 * render-docx reads it from the same tokens). The parts are found by where
 * they stand and by the catalogue's words, never by the report's own text
 * (docs/templates.md, "The document's parts"):
 *
 * - title: the first `#` heading;
 * - recipient (主送机关): the paragraph right after the title, if it ends with a colon;
 * - table-note: a paragraph right after a table that starts with `noteLead` (注：);
 * - attachment-list (附件说明): a paragraph before the first thematic break that
 *   starts with `attachmentLead` (附件：), its items on hard-broken lines;
 * - signature (落款): the last block before the first thematic break (or the end),
 *   if it is a paragraph of exactly two lines split by one hard break, short
 *   enough to keep their indents on a 28-character line: it becomes two
 *   paragraphs, signature-issuer and signature-date, with the right indents
 *   of GB/T 9704 7.3.5.2;
 * - page-break: every thematic break (`---`);
 * - attachment-label: a `##` heading right after a thematic break whose text is
 *   `attachmentLabel(n)` (附件1); attachment-title: a `#` heading right after one.
 *
 * It also reads a run-in heading, emphasis that opens a paragraph
 * (`*（一）诉求办结率未达到目标。*本月…`), which CommonMark's rules leave as
 * literal asterisks when the emphasis ends in CJK punctuation.
 *
 * Text that happens to look like a part (a clerk's note ending in a colon)
 * changes at most the layout of its own paragraph.
 */
import type { MarkdownIt, StateCore, StateInline, Token } from 'markdown-it';

/** The catalogue's words for the document's parts (`catalogue.report.document`). */
export interface DocumentWords {
  attachmentLead: string;
  noteLead: string;
  attachmentLabel: (number: number) => string;
}

export const DOCUMENT_PARTS = [
  'title',
  'recipient',
  'table-note',
  'attachment-list',
  'signature-issuer',
  'signature-date',
  'page-break',
  'attachment-label',
  'attachment-title',
] as const;
export type DocumentPart = (typeof DOCUMENT_PARTS)[number];

/** What a renderer needs beyond the class: right indents and hanging indents, in characters of the body type. */
export interface DocumentPartMeta {
  part: DocumentPart;
  /** signature-issuer, signature-date: the space kept free at the right. */
  rightIndent?: number;
  /** attachment-list: the width of the lead (附件：) and the space after it, if any; the later items are aligned after it. */
  leadWidth?: number;
  /** attachment-list: a space followed the lead (Attachments: 1. …); it is part of leadWidth and no longer in the text. */
  leadSpace?: boolean;
}

/** GB/T 9704 7.3.5.2: 右空二字 for the issuer, the date's first character two to the right of the issuer's. */
const SIGNATURE_RIGHT_SPACE = 2;
const SIGNATURE_DATE_SHIFT = 2;
/** GB/T 9704's line: 28 characters of the body type. A 落款 that cannot keep its indents on it is left as a body paragraph. */
const CHARACTERS_PER_LINE = 28;
const LONGEST_ATTACHMENT_NUMBER = 99;

/**
 * Printed width in characters of the body type: CJK characters, full-width
 * punctuation and the dashes and quotes CJK type sets full-width count 1,
 * Latin letters, digits and ASCII punctuation about half of one.
 */
export function widthInCharacters(text: string): number {
  let width = 0;
  for (const character of text) width += character.codePointAt(0)! >= 0x2010 ? 1 : 0.5;
  return width;
}

/** The part a token was classified as, if any. */
export function documentPartOf(token: Token): DocumentPartMeta | undefined {
  const meta = token.meta as { documentPart?: DocumentPartMeta } | null;
  return meta?.documentPart;
}

/**
 * For the HTML page's outline: an attachment's label (附件1) is a line of
 * its own, not a heading, and its title is a level-2 heading under the
 * document's title, so the attachment's sections (`###`) follow it without
 * skipping a level. The Word document keeps the Markdown's levels.
 */
export function attachmentOutline(md: MarkdownIt): void {
  md.core.ruler.after('document_parts', 'attachment_outline', (state) => {
    const retag: Partial<Record<DocumentPart, string>> = { 'attachment-label': 'p', 'attachment-title': 'h2' };
    let open: string | undefined;
    for (const token of state.tokens) {
      const tag = retag[documentPartOf(token)?.part ?? 'title'];
      if (token.type === 'heading_open' && tag) {
        token.tag = tag;
        open = tag;
      } else if (token.type === 'heading_close' && open) {
        token.tag = open;
        open = undefined;
      }
    }
  });
}

/** The markdown-it plugin: `md.use(documentParts(words))`. */
export function documentParts(words: DocumentWords): (md: MarkdownIt) => void {
  return (md) => {
    md.inline.ruler.before('emphasis', 'run_in_heading', runInHeading);
    md.core.ruler.push('document_parts', (state) => {
      classifyDocumentParts(state, words);
    });
  };
}

const ASTERISK = 0x2a;
const UNDERSCORE = 0x5f;

/**
 * Emphasis at the very start of a paragraph (or heading, or cell) up to the
 * next unescaped marker on the line. CommonMark would not close
 * `*（一）…。*本月` (a closing `*` after punctuation must be followed by
 * a space or punctuation), yet that is how a run-in heading is written.
 */
function runInHeading(state: StateInline, silent: boolean): boolean {
  const marker = state.src.charCodeAt(0);
  if (state.pos !== 0 || (marker !== ASTERISK && marker !== UNDERSCORE) || state.src.charCodeAt(1) === marker) return false;
  const lineEnd = state.src.indexOf('\n');
  const limit = lineEnd === -1 ? state.posMax : Math.min(lineEnd, state.posMax);
  let end = -1;
  for (let index = 1; index < limit && end === -1; index++) {
    const code = state.src.charCodeAt(index);
    if (code === 0x5c /* backslash */) index++;
    else if (code === 0x60 /* backtick: a code span, left to the ordinary rules */) return false;
    else if (code === marker) end = index;
  }
  if (end === -1 || state.src.charCodeAt(end + 1) === marker || /^\s|\s$/u.test(state.src.slice(1, end))) return false;
  if (!silent) {
    state.push('em_open', 'em', 1).markup = String.fromCharCode(marker);
    const posMax = state.posMax;
    state.pos = 1;
    state.posMax = end;
    state.md.inline.tokenize(state);
    state.posMax = posMax;
    state.push('em_close', 'em', -1).markup = String.fromCharCode(marker);
  }
  state.pos = end + 1;
  return true;
}

function classifyDocumentParts(state: StateCore, words: DocumentWords): void {
  const tokens = state.tokens;
  const blocks = topLevelBlocks(tokens);
  const firstBreak = blocks.findIndex((block) => tokens[block.start]!.type === 'hr');
  const mainEnd = firstBreak === -1 ? blocks.length : firstBreak;

  let titleFound = false;
  blocks.forEach((block, index) => {
    const open = tokens[block.start]!;
    const previous = index > 0 ? tokens[blocks[index - 1]!.start]! : undefined;
    if (open.type === 'hr') {
      mark(open, { part: 'page-break' });
    } else if (open.type === 'heading_open' && open.tag === 'h1' && !titleFound && index < mainEnd) {
      titleFound = true;
      mark(open, { part: 'title' });
      const next = blocks[index + 1];
      if (next && index + 1 < mainEnd && isParagraph(tokens, next) && /[：:]$/.test(plainText(tokens[next.start + 1]!).trim())) {
        mark(tokens[next.start]!, { part: 'recipient' });
      }
    } else if (open.type === 'heading_open' && open.tag === 'h2' && previous?.type === 'hr' && isAttachmentLabel(plainText(tokens[block.start + 1]!), words)) {
      mark(open, { part: 'attachment-label' });
    } else if (open.type === 'heading_open' && open.tag === 'h1' && previous && documentPartOf(previous)?.part === 'attachment-label') {
      mark(open, { part: 'attachment-title' });
    }
  });

  // Table notes may follow a table at any depth (a table inside a list item).
  for (let index = 1; index < tokens.length - 1; index++) {
    if (tokens[index]!.type === 'paragraph_open' && tokens[index - 1]!.type === 'table_close' && !documentPartOf(tokens[index]!)) {
      if (plainText(tokens[index + 1]!).startsWith(words.noteLead)) mark(tokens[index]!, { part: 'table-note' });
    }
  }

  for (const block of blocks.slice(0, mainEnd)) {
    if (!isParagraph(tokens, block) || documentPartOf(tokens[block.start]!)) continue;
    const inline = tokens[block.start + 1]!;
    if (plainText(inline).startsWith(words.attachmentLead)) markAttachmentList(state, tokens[block.start]!, inline, words.attachmentLead);
  }

  const last = blocks[mainEnd - 1];
  if (last && isParagraph(tokens, last) && !documentPartOf(tokens[last.start]!)) splitSignature(state, last.start);
}

interface Block {
  /** Index of the block's first token. */
  start: number;
}

/** The document's top-level blocks: each opening or self-contained token at level 0. */
function topLevelBlocks(tokens: Token[]): Block[] {
  const blocks: Block[] = [];
  tokens.forEach((token, index) => {
    if (token.level === 0 && token.block && token.nesting !== -1) blocks.push({ start: index });
  });
  return blocks;
}

function isParagraph(tokens: Token[], block: Block): boolean {
  return tokens[block.start]!.type === 'paragraph_open' && tokens[block.start + 1]?.type === 'inline';
}

/** An inline token's text as the reader sees it: escapes undone, markup left out. */
function plainText(inline: Token): string {
  return (inline.children ?? []).map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : '')).join('');
}

function isAttachmentLabel(text: string, words: DocumentWords): boolean {
  const number = /\d+/.exec(text)?.[0];
  return number !== undefined && Number(number) <= LONGEST_ATTACHMENT_NUMBER && words.attachmentLabel(Number(number)) === text.trim();
}

function mark(token: Token, meta: DocumentPartMeta): void {
  token.meta = { ...(token.meta as object | null), documentPart: meta };
  token.attrJoin('class', meta.part);
}

/**
 * 附件说明: the later items are aligned under the first item's text, so the
 * lead (附件：) gets a box of its own width; the space a writer may put after it
 * goes into that box.
 */
function markAttachmentList(state: StateCore, open: Token, inline: Token, lead: string): void {
  const children = inline.children ?? [];
  const first = children[0];
  const followedBySpace = first?.type === 'text' && /^\s/.test(first.content.slice(lead.length));
  const leadWidth = widthInCharacters(lead) + (followedBySpace ? 0.5 : 0);
  mark(open, { part: 'attachment-list', leadWidth, leadSpace: followedBySpace });
  open.attrJoin('style', `--lead:${leadWidth}em`);
  if (first?.type !== 'text' || !first.content.startsWith(lead)) return;

  const leadOpen = new state.Token('attachment_lead_open', 'span', 1);
  leadOpen.attrSet('class', 'attachment-lead');
  const leadText = new state.Token('text', '', 0);
  leadText.content = lead;
  const leadClose = new state.Token('attachment_lead_close', 'span', -1);
  const rest = new state.Token('text', '', 0);
  rest.content = first.content.slice(lead.length).replace(/^\s+/, '');
  inline.children = [leadOpen, leadText, leadClose, ...(rest.content === '' ? [] : [rest]), ...children.slice(1)];
}

/**
 * 落款 (GB/T 9704 7.3.5.2, no seal): the issuer right-aligned two characters
 * in from the right; the date below it with its first character two to the
 * right of the issuer's first. A date that would then come closer than two
 * characters to the right edge (one longer than the issuer, or nearly so)
 * gets the two characters, and the issuer moves left to keep the relation.
 */
export function signatureIndents(issuerWidth: number, dateWidth: number): { issuer: number; date: number } {
  const date = Math.max(SIGNATURE_RIGHT_SPACE, issuerWidth - dateWidth - SIGNATURE_DATE_SHIFT + SIGNATURE_RIGHT_SPACE);
  return { issuer: date + dateWidth + SIGNATURE_DATE_SHIFT - issuerWidth, date };
}

function splitSignature(state: StateCore, start: number): void {
  const tokens = state.tokens;
  const [open, inline] = [tokens[start]!, tokens[start + 1]!];
  const children = inline.children ?? [];
  const breaks = children.filter((child) => child.type === 'hardbreak' || child.type === 'softbreak');
  if (breaks.length !== 1 || breaks[0]!.type !== 'hardbreak') return;
  const at = children.indexOf(breaks[0]!);
  const lines = [children.slice(0, at), children.slice(at + 1)];
  const texts = lines.map((line) => plainText(Object.assign(new state.Token('inline', '', 0), { children: line })).trim());
  const widths = texts.map(widthInCharacters);
  if (texts.some((text) => text === '')) return;
  const indents = signatureIndents(widths[0]!, widths[1]!);
  // The issuer's line is the longer of the two, by the date's shift.
  if (indents.issuer + widths[0]! > CHARACTERS_PER_LINE) return;

  const paragraphs = (['signature-issuer', 'signature-date'] as const).flatMap((part, index) => {
    const lineOpen = new state.Token('paragraph_open', 'p', 1);
    const lineInline = new state.Token('inline', '', 0);
    const lineClose = new state.Token('paragraph_close', 'p', -1);
    for (const token of [lineOpen, lineInline, lineClose]) {
      token.level = open.level;
      token.block = true;
      token.map = open.map;
    }
    lineInline.level = inline.level;
    lineInline.content = texts[index]!;
    lineInline.children = lines[index]!;
    const rightIndent = part === 'signature-issuer' ? indents.issuer : indents.date;
    mark(lineOpen, { part, rightIndent });
    lineOpen.attrJoin('style', `margin-right:${rightIndent}em`);
    return [lineOpen, lineInline, lineClose];
  });
  tokens.splice(start, 3, ...paragraphs);
}
