import stringWidth from 'string-width';
import { printableText } from '../printable-text.js';

/**
 * Rows as aligned columns for a terminal, padded by display width so that
 * Chinese text (two columns a character) lines up. Columns listed in
 * `right` are right-aligned (numbers). Cells come from logs: each is made
 * printable (printable-text.ts) before it is measured; colour, which is the
 * tool's own, is put on by `paint` after the padding is measured.
 */
export function textTable(
  cells: readonly (readonly string[])[],
  right: ReadonlySet<number> = new Set(),
  paint: (cell: string, column: number) => string = (cell) => cell,
): string {
  const rows = cells.map((row) => row.map(printableText));
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell));
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const pad = ' '.repeat(widths[i]! - stringWidth(cell));
          const painted = paint(cell, i);
          return right.has(i) ? pad + painted : i === row.length - 1 ? painted : painted + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}
