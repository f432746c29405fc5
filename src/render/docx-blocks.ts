/**
 * Markdown tokens → a small block model for the Word report, so the layout
 * code never sees tokens. The parts of the official document come from the
 * classes document-parts.ts set on the tokens, the same ones the HTML carries.
 */
import type { Token } from 'markdown-it';
import { documentPartOf } from './document-parts.js';

export type Span =
  | { kind: 'text'; text: string; bold: boolean; emphasis: boolean }
  | { kind: 'line-break' }
  /** After the attachment list's lead, to the tab stop its later items are aligned on. */
  | { kind: 'tab' };

export type Alignment = 'left' | 'center' | 'right';

export interface TableCellBlock {
  spans: Span[];
  align: Alignment | undefined;
}

export interface TableRowBlock {
  isHeader: boolean;
  cells: TableCellBlock[];
}

export type ParagraphRole = 'body' | 'recipient' | 'table-note' | 'attachment-list';

export type Block = (
  | { kind: 'title' /** An attachment's own title, below its label. */; attachment: boolean; spans: Span[] }
  | { kind: 'heading' /** 2 for `##`, 3 for `###`, ... */; level: number; attachmentLabel: boolean; spans: Span[] }
  | { kind: 'paragraph'; role: ParagraphRole; spans: Span[] /** attachment-list: the lead's width in characters of the body type. */; leadWidth?: number }
  /** 落款: the issuer's and the date's paragraphs (signature-issuer, signature-date). */
  | { kind: 'signature'; issuer: Span[]; date: Span[] }
  | { kind: 'preformatted'; spans: Span[] }
  | { kind: 'bullet'; level: number; spans: Span[] }
  | { kind: 'table'; rows: TableRowBlock[] }
) & {
  /** After a thematic break: the block starts a new page. */
  pageBreakBefore: boolean;
};

type BlockWithoutBreak = Block extends infer B ? (B extends Block ? Omit<B, 'pageBreakBefore'> : never) : never;

export function readDocxBlocks(tokens: Token[], softBreak: string): Block[] {
  const blocks: Block[] = [];
  let pageBreakPending = false;
  const push = (block: BlockWithoutBreak) => {
    blocks.push({ ...block, pageBreakBefore: pageBreakPending } as Block);
    pageBreakPending = false;
  };
  // Ordered lists keep their numbers as text: the numbers the reader sees are
  // then the ones in the Markdown, whatever Word's list continuation would do.
  const lists: { ordered: boolean; next: number }[] = [];
  // Only an item's first paragraph carries its bullet or number.
  let itemPrefix: string | undefined;
  let table: Extract<Block, { kind: 'table' }> | undefined;
  let inHead = false;

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const part = documentPartOf(token);
    const inline = (): Span[] => readSpans(tokens[index + 1]?.children ?? [], softBreak, part?.leadSpace === true);
    switch (token.type) {
      case 'hr':
        pageBreakPending = true;
        break;
      case 'heading_open':
        if (token.tag === 'h1') push({ kind: 'title', attachment: part?.part === 'attachment-title', spans: inline() });
        else push({ kind: 'heading', level: Number(token.tag.slice(1)), attachmentLabel: part?.part === 'attachment-label', spans: inline() });
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: token.type === 'ordered_list_open', next: Number(token.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists.at(-1);
        itemPrefix = list?.ordered ? `${list.next++}. ` : '';
        break;
      }
      case 'paragraph_open': {
        const spans = inline();
        const signature = blocks.at(-1);
        if (part?.part === 'signature-issuer') {
          push({ kind: 'signature', issuer: spans, date: [] });
        } else if (part?.part === 'signature-date' && signature?.kind === 'signature') {
          signature.date = spans;
        } else if (itemPrefix === undefined) {
          push({ kind: 'paragraph', role: paragraphRole(part?.part), spans, leadWidth: part?.leadWidth });
        } else if (lists.at(-1)?.ordered) {
          push({ kind: 'paragraph', role: 'body', spans: [{ kind: 'text', text: itemPrefix, bold: false, emphasis: false }, ...spans] });
        } else {
          push({ kind: 'bullet', level: Math.min(lists.length - 1, 2), spans });
        }
        itemPrefix = undefined;
        break;
      }
      case 'fence':
      case 'code_block':
        push({ kind: 'preformatted', spans: linesAsSpans(token.content.replace(/\n$/, '')) });
        break;
      case 'table_open':
        push({ kind: 'table', rows: [] });
        table = blocks.at(-1) as Extract<Block, { kind: 'table' }>;
        break;
      case 'table_close':
        table = undefined;
        break;
      case 'thead_open':
        inHead = true;
        break;
      case 'thead_close':
        inHead = false;
        break;
      case 'tr_open':
        table?.rows.push({ isHeader: inHead, cells: [] });
        break;
      case 'th_open':
      case 'td_open':
        table?.rows.at(-1)?.cells.push({ spans: inline(), align: cellAlignment(token) });
        break;
      default:
        break;
    }
  }
  return blocks;
}

function paragraphRole(part: string | undefined): ParagraphRole {
  switch (part) {
    case 'recipient':
    case 'table-note':
    case 'attachment-list':
      return part;
    default:
      return 'body';
  }
}

/** Inline children as runs; `content` is the text after Markdown escapes are undone. */
function readSpans(children: Token[], softBreak: string, tabAfterLead: boolean): Span[] {
  const spans: Span[] = [];
  let boldDepth = 0;
  let emphasisDepth = 0;
  const pushText = (text: string) => {
    if (text !== '') spans.push({ kind: 'text', text, bold: boldDepth > 0, emphasis: emphasisDepth > 0 });
  };
  for (const child of children) {
    switch (child.type) {
      case 'strong_open':
        boldDepth++;
        break;
      case 'strong_close':
        boldDepth--;
        break;
      case 'em_open':
        emphasisDepth++;
        break;
      case 'em_close':
        emphasisDepth--;
        break;
      case 'softbreak':
        pushText(softBreak);
        break;
      case 'hardbreak':
        spans.push({ kind: 'line-break' });
        break;
      case 'attachment_lead_close':
        // The space the writer put after the lead becomes a tab to where the items align.
        if (tabAfterLead) spans.push({ kind: 'tab' });
        break;
      default:
        // text, code_inline, an image's alt text; markup tokens (links)
        // carry no content, so only their text survives.
        pushText(child.content);
    }
  }
  return spans;
}

function linesAsSpans(text: string): Span[] {
  return text
    .split('\n')
    .flatMap((line, index): Span[] => [...(index > 0 ? [{ kind: 'line-break' } as const] : []), { kind: 'text', text: line, bold: false, emphasis: false }]);
}

function cellAlignment(token: Token): Alignment | undefined {
  const match = /text-align:\s*(left|center|right)/.exec(String(token.attrGet('style') ?? ''));
  return match?.[1] as Alignment | undefined;
}

/** The text of runs, for measuring. */
export function spansText(spans: Span[]): string {
  return spans.map((span) => (span.kind === 'text' ? span.text : span.kind === 'tab' ? ' ' : '\n')).join('');
}
