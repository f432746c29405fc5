/** Longest piece of a line shown, in characters; longer lines are cut around the column. */
const WINDOW = 80;

/**
 * The lines around a problem, numbered, with a caret under its column, as
 * hledger shows them:
 *
 *    4 |   - date: 2023-04-08
 *    5 |     kind: sesion
 *      |           ^
 *
 * Chinese characters take two columns on a terminal, so the caret is placed
 * by display width, not by character count. Tabs are shown as one space,
 * and a very long line is cut to the part around the column. `width` is a
 * display-width measure (string-width), passed in so it loads only when
 * there is something to show. `text` is the file's text, or its lines
 * (sourceLines): a caller showing many problems of one file splits it once.
 * `show` makes a piece of a line printable (control characters as visible
 * escapes), and the caret is placed by what it shows.
 */
export function excerpt(
  text: string | readonly string[],
  line: number,
  col: number,
  width: (text: string) => number,
  show: (text: string) => string = (text) => text,
): string[] {
  if (line < 1) return [];
  const lines = typeof text === 'string' ? sourceLines(text) : text;
  const target = lines[line - 1];
  if (target === undefined) return [];
  const start = Math.max(0, Math.min(col - 1 - WINDOW / 4, target.length - WINDOW));
  const gutter = String(line).length;
  const shown: string[] = [];
  for (let number = Math.max(1, line - 1); number <= line; number++) {
    shown.push(`${String(number).padStart(gutter)} | ${show(cut(lines[number - 1] ?? '', start))}`);
  }
  const before = cut(target, start).slice(0, Math.max(0, col - 1 - start) + (start > 0 ? 1 : 0));
  shown.push(`${' '.repeat(gutter)} | ${' '.repeat(width(show(before)))}^`);
  return shown;
}

/** The window of a line from `start`, with an ellipsis where it was cut. */
function cut(line: string, start: number): string {
  const plain = line.replace(/\t/g, ' ');
  const from = start > 0 ? `…${plain.slice(start)}` : plain;
  return from.length > WINDOW + 1 ? `${from.slice(0, WINDOW + (start > 0 ? 1 : 0))}…` : from;
}

/** A file's lines, as excerpt() numbers them. */
export function sourceLines(text: string): string[] {
  return text.split(/\r?\n/);
}
