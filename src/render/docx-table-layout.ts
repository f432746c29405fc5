/**
 * Column widths for the Word report's tables, all set in one type size: no
 * column is so narrow that Word or LibreOffice must split a date
 * (2023年1月8日), a village name, a number, an ID (大瓦山-20230108-02) or a
 * short header word (集中授课). Each cell's text is cut into the pieces a line
 * may break between: a bracketed part (（场）, （1）) may go to the next line,
 * spaces and list commas may end a line, and CJK prose longer than a name may
 * break anywhere. A column gets at least its widest piece; what is left of
 * the text block goes to the columns whose text would wrap most.
 *
 * When even the widest pieces do not fit side by side, they give way in this
 * order: CJK text of more than a name's length in the body (a request, a long
 * metric label), then header words, broken in half, the longest first; and
 * only if that is still too wide, every column shrinks in proportion.
 */
import type { TableRowBlock } from './docx-blocks.js';
import { spansText } from './docx-blocks.js';
import { LONGEST_UNBROKEN_PROSE, cellPieces, cjkCount } from './table-cell-pieces.js';

export interface TableLayout {
  /** Twips, adding up to the available width. */
  columnWidths: number[];
}

/** Left and right cell margins, twips (2 pt). */
export const CELL_PADDING = 40;
/** CJK text longer than this is no place or ID, and wraps when the table is tight. */
const LONGEST_NAME = 8;
/** What a wrapped prose piece still needs: two characters, so no line holds a lone one. */
const SHORTEST_PROSE_LINE = 4;
/** Rounding, and the tenths of a point an office suite's metrics differ from ours. */
export const SAFETY_HALF_EMS = 0.25;

/**
 * @param size half-points of every cell's type
 * @param width twips the table fills
 */
export function layOutTable(rows: TableRowBlock[], size: number, width: number): TableLayout {
  const columns = Math.max(1, ...rows.map((row) => row.cells.length));
  const texts = (header: boolean, column: number) => rows.filter((row) => row.isHeader === header).map((row) => spansText(row.cells[column]?.spans ?? []));
  const widest = (values: number[]) => Math.max(0, ...values);
  const perColumn = <T>(measure: (column: number) => T) => Array.from({ length: columns }, (_, column) => measure(column));

  const headerMin = perColumn((column) => widest(texts(true, column).map((text) => shortestLine(text, 'strict'))));
  const bodyMin = perColumn((column) => widest(texts(false, column).map((text) => shortestLine(text, 'strict'))));
  const bodyTight = perColumn((column) => widest(texts(false, column).map((text) => shortestLine(text, 'tight'))));
  // A header may stand two lines tall, a body row each of them would: the
  // room left over goes to the body text that would otherwise wrap.
  const longest = perColumn((column) => widest(texts(false, column).map(longestLine)));

  const twips = (units: number) => (Math.max(1, units) + SAFETY_HALF_EMS) * size * 5 + 2 * CELL_PADDING;
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const fits = (units: number[]) => sum(units.map(twips)) <= width;

  const header = [...headerMin];
  const body = [...bodyMin];
  const minUnits = () => header.map((units, column) => Math.max(units, body[column]!));
  for (const column of [...body.keys()].sort((a, b) => body[b]! - body[a]!)) {
    if (fits(minUnits())) break;
    body[column] = bodyTight[column]!;
  }
  // Only CJK header words can be halved; a Latin word never breaks.
  const headerHalf = perColumn((column) => widest(texts(true, column).map((text) => shortestLine(text, 'halved'))));
  for (const column of [...header.keys()].sort((a, b) => header[b]! - header[a]!)) {
    if (fits(minUnits())) break;
    header[column] = headerHalf[column]!;
  }
  const min = minUnits().map(twips);
  const max = longest.map((units, column) => Math.max(twips(units), min[column]!));

  let widths: number[];
  if (sum(max) <= width) {
    widths = max.map((columnWidth) => columnWidth + ((width - sum(max)) * columnWidth) / sum(max));
  } else if (sum(min) <= width) {
    const wanted = sum(max) - sum(min);
    widths = min.map((columnWidth, column) => columnWidth + ((width - sum(min)) * (max[column]! - columnWidth)) / wanted);
  } else {
    widths = min.map((columnWidth) => (columnWidth * width) / sum(min));
  }
  const columnWidths = widths.map(Math.floor);
  const widestColumn = columnWidths.indexOf(Math.max(...columnWidths));
  columnWidths[widestColumn]! += width - sum(columnWidths);
  return { columnWidths };
}

/**
 * The narrowest a cell can be without breaking one of its pieces, in
 * half-ems; `tight` also lets CJK text longer than a name wrap, `halved`
 * breaks every CJK word in two.
 */
export function shortestLine(text: string, mode: 'strict' | 'tight' | 'halved' = 'strict'): number {
  const longestUnbroken = mode === 'tight' ? LONGEST_NAME : LONGEST_UNBROKEN_PROSE;
  return Math.max(
    0,
    ...textPieces(text).map((piece) => {
      const cjkOnly = !/[\p{N}A-Za-z]/u.test(piece);
      const unbroken = cjkOnly && cjkCount(piece) > longestUnbroken ? SHORTEST_PROSE_LINE : pieceMinimum(piece);
      return cjkOnly && mode === 'halved' ? Math.min(unbroken, Math.ceil(cjkCount(piece) / 2) * 2) : unbroken;
    }),
  );
}

/** A cell's pieces (table-cell-pieces.ts), trimmed. */
export function textPieces(text: string): string[] {
  return cellPieces(text)
    .map((piece) => piece.text.trim())
    .filter((piece) => piece !== '');
}

/** A piece's unbreakable width: all of it, or for prose its longest run of digits or Latin letters. */
function pieceMinimum(piece: string): number {
  if (cjkCount(piece) <= LONGEST_UNBROKEN_PROSE) return halfEms(piece);
  const latinRuns = piece.match(/[^\u2e80-\uffff\s]+/gu) ?? [];
  return Math.max(SHORTEST_PROSE_LINE, ...latinRuns.map(halfEms));
}

/** The widest line of a cell that never wraps, in half-ems. */
function longestLine(text: string): number {
  return Math.max(0, ...text.split('\n').map(halfEms));
}

/**
 * Printed width in half-em units: CJK characters and symbols are a full em;
 * digits are counted at 0.65 em and Latin letters at 0.7 em, which covers
 * Times New Roman (0.5 and less) and the wider faces an office suite puts in
 * its place where it is missing (DejaVu Serif: 0.64, bold capitals more);
 * "%" is nearly a full em; and Word and LibreOffice add a quarter em where
 * CJK meets Latin letters or digits.
 */
export function halfEms(text: string): number {
  // From U+2010 on: dashes, quotes and symbols such as ★ print full-width in CJK type.
  const isWide = (character: string) => character.codePointAt(0)! >= 0x2010;
  const isWordCharacter = (character: string) => /[\p{L}\p{N}]/u.test(character);
  let width = 0;
  let previous = '';
  for (const character of text) {
    width += isWide(character) || character === '%' ? 2 : /\p{N}/u.test(character) ? 1.3 : isWordCharacter(character) ? 1.4 : 1;
    const scriptChanges = previous !== '' && isWide(previous) !== isWide(character);
    if (scriptChanges && isWordCharacter(previous) && isWordCharacter(character)) width += 0.5;
    previous = character;
  }
  return width;
}

/**
 * A cell's text in lines that break only between its pieces, for a column
 * `width` half-ems wide inside its margins; undefined when the text fits on
 * one line or is left to the office suite to wrap (prose, and text with
 * spaces, which every suite breaks at the spaces). Word and LibreOffice
 * would otherwise fill each line to the brim, "参训（人" over "次）", and
 * LibreOffice keeps a digit with a following bracket, "19" over "4（52）".
 */
export function cellLines(text: string, width: number): string[] | undefined {
  if (halfEms(text) <= width || /\s/u.test(text)) return undefined;
  const pieces = cellPieces(text);
  if (pieces.some((piece) => piece.prose)) return undefined;
  const segments = pieces.map((piece) => piece.text);
  const lines: string[] = [];
  for (const segment of segments) {
    const last = lines.at(-1);
    if (last !== undefined && halfEms(last + segment) <= width) lines[lines.length - 1] = last + segment;
    else lines.push(segment);
  }
  return lines.length > 1 ? lines : undefined;
}
