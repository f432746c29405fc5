import stringWidth from 'string-width';

/**
 * The lines around a problem, numbered, with a caret under its column, as
 * hledger shows them:
 *
 *    4 |   - date: 2023-04-08
 *    5 |     kind: sesion
 *      |           ^
 *
 * Chinese characters take two columns on a terminal, so the caret is placed
 * by display width, not by character count. Tabs are shown as one space.
 */
export function excerpt(text: string, line: number, col: number): string[] {
  if (line < 1) return [];
  const lines = text.split(/\r?\n/);
  const target = lines[line - 1];
  if (target === undefined) return [];
  const first = Math.max(1, line - 1);
  const gutter = String(line).length;
  const shown: string[] = [];
  for (let number = first; number <= line; number++) {
    shown.push(`${String(number).padStart(gutter)} | ${visible(lines[number - 1] ?? '')}`);
  }
  const before = visible(target.slice(0, Math.max(0, col - 1)));
  shown.push(`${' '.repeat(gutter)} | ${' '.repeat(stringWidth(before))}^`);
  return shown;
}

function visible(line: string): string {
  return line.replace(/\t/g, ' ').replace(/\r$/, '');
}
