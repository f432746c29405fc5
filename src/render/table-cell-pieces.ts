/**
 * Where a line may end inside a table cell, shared by the Word tables (column
 * widths, line breaks) and the HTML page (which keeps each piece on one line),
 * so neither splits a date (2023年1月8日), a village name, a number, an ID
 * (大瓦山-20230108-02) or a header word (集中授课): a bracketed part (（场）,
 * （1）) is a piece of its own, a space or list punctuation (、，；。) ends one,
 * and CJK prose longer than a name is one piece that may break anywhere.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/** CJK text longer than this many characters is prose, not a name. */
export const LONGEST_UNBROKEN_PROSE = 12;
/** A CJK-only header word longer than this (选拔培育本土人才) may wrap, so a wide table still fits the page. */
const LONGEST_HEADER_WORD = 6;

export interface CellPiece {
  /** The piece as written, with the space or punctuation that ends it: the pieces add up to the cell's text. */
  text: string;
  prose: boolean;
}

const isCjk = (character: string) => character.codePointAt(0)! >= 0x2e80;
export const cjkCount = (text: string) => [...text].filter(isCjk).length;

export function cellPieces(text: string): CellPiece[] {
  return text
    .split(/(（[^（）]*）|\([^()]*\))/u)
    .filter((part) => part !== '')
    .flatMap((part): CellPiece[] =>
      cjkCount(part) > LONGEST_UNBROKEN_PROSE
        ? [{ text: part, prose: true }]
        : part
            .split(/(?<=[\s、，；。])(?=\S)/u)
            .filter((piece) => piece !== '')
            .map((piece) => ({ text: piece, prose: false })),
    );
}

/**
 * The markdown-it plugin for the HTML page: each piece of a table cell that
 * must not break goes into a `<span class="nobr">`.
 */
export function tableCellPieces(md: MarkdownIt): void {
  md.core.ruler.push('table_cell_pieces', (state) => {
    state.tokens.forEach((token, index) => {
      const cell = state.tokens[index - 1];
      if (token.type === 'inline' && (cell?.type === 'th_open' || cell?.type === 'td_open')) {
        const longest = cell.type === 'th_open' ? LONGEST_HEADER_WORD : LONGEST_UNBROKEN_PROSE;
        token.children = (token.children ?? []).flatMap((child) => keepTogether(state, child, longest));
      }
    });
  });
}

function keepTogether(state: StateCore, child: Token, longestWord: number): Token[] {
  if (child.type !== 'text') return [child];
  return cellPieces(child.content).flatMap((piece) => {
    const word = piece.text.trimEnd();
    const text = (content: string) => Object.assign(new state.Token('text', '', 0), { content });
    const breakable = piece.prose || [...word].length < 2 || (!/[\p{N}A-Za-z]/u.test(word) && cjkCount(word) > longestWord);
    if (breakable) return [text(piece.text)];
    const open = new state.Token('nobr_open', 'span', 1);
    open.attrSet('class', 'nobr');
    const rest = piece.text.slice(word.length);
    return [open, text(word), new state.Token('nobr_close', 'span', -1), ...(rest === '' ? [] : [text(rest)])];
  });
}
