/**
 * Chart labels broken into lines before ECharts draws them. On the server
 * ECharts measures text without the browser's fonts and underestimates
 * Latin text, which then runs past its room or into its neighbour; breaking
 * lines here, by a generous estimate of the drawn width, keeps every label
 * inside its room and tells the layout how many lines it takes.
 */

/** Chinese characters and full-width punctuation are square; Latin letters and digits at most 0.6 of that. */
export function textWidth(text: string, fontSize: number): number {
  return [...text].reduce((width, character) => width + (isWide(character) ? fontSize : 0.6 * fontSize), 0);
}

/**
 * Lines no wider than `width`: broken between words of Latin text and
 * between Chinese characters, never inside a bracketed unit such as （人次）
 * or (people). A single word wider than `width` keeps a line to itself.
 */
export function wrapLabel(text: string, width: number, fontSize: number): string[] {
  const pieces = text.match(/（[^）]*）|\([^)]*\)|[^\s\u2e80-\uffff]+|[\u2e80-\uffff]/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    const joined = line === '' ? piece : `${line}${spaceBetween(line, piece)}${piece}`;
    if (line !== '' && textWidth(joined, fontSize) > width) {
      lines.push(line);
      line = piece;
    } else {
      line = joined;
    }
  }
  return line === '' ? lines : [...lines, line];
}

function isWide(character: string): boolean {
  return character.codePointAt(0)! >= 0x2e80;
}

/** Latin words keep the space between them; Chinese text has none. */
function spaceBetween(before: string, after: string): string {
  return isWide(before.at(-1)!) || isWide(after[0]!) ? '' : ' ';
}
