/**
 * Slips of a Chinese input method (输入法) in a YAML file's structure: a
 * full-width colon after a field's name (`attendees：12`), full-width
 * spaces (U+3000) as indentation, and a full-width or typographic dash
 * where a list item's `- ` belongs. YAML reads none of them as structure,
 * so without this a clerk is told of a missing quote, or of a line that is
 * not "field: value", far from the one character to change.
 *
 * A line is suspected only by how it starts, and only where YAML expects
 * structure, so text is never flagged: a `：` after Chinese words or inside
 * a value (`note: 时间：晚上7点`), a paragraph indented with full-width
 * spaces, a dash that starts a sentence, and anything in a block of text
 * (`note: |`) are left alone. Field names are ASCII in every revitalize
 * file, which is what makes `key：` certain.
 *
 * Pure: text in, slips out, and the text as the clerk meant it (for
 * diagnosing the rest of the file without the slips' knock-on errors).
 */
import type { ParamsOf } from '../problems/problem.js';

export type ImeSlipCode = 'E-FULLWIDTH-COLON' | 'E-FULLWIDTH-SPACE' | 'E-FULLWIDTH-DASH';

interface SlipAt {
  /** Offset of the slip's first character in the text. */
  offset: number;
  /** The characters typed: "：", "　　", "——". */
  written: string;
  /** What belongs there; full-width spaces of an indentation are left to meantText(). */
  meant: string | 'indentation';
}

/** A slip of one of the codes, with the values its message needs. */
export type ImeSlip = { [C in ImeSlipCode]: SlipAt & { code: C; params: ParamsOf<C> } }[ImeSlipCode];

const FULLWIDTH_SPACE = '\u3000';
/**
 * Characters that look like a hyphen and that input methods or word
 * processors produce: －(full-width), —(em, the IME's 破折号 half), –(en,
 * Word's list bullet), ―, ‐, ‑, ‒, −, ﹣. None can start a list item, a
 * field or a comment, so in front of one of them they are a slip.
 * 一 (the numeral one) is left out on purpose: it looks the same in many
 * fonts, but it is a Chinese character that starts ordinary text (一组,
 * 一村一品), so a line starting with it is text, and YAML's own message
 * stands there.
 */
const DASHES = '－—–―‐‑‒−﹣';
const DASH_RUN = new RegExp(`^([${DASHES}]+)([ \\u3000]|$)`);
/** A field's name (always ASCII in revitalize files) followed by a full-width colon. */
const KEY_FULLWIDTH_COLON = /^([A-Za-z_][A-Za-z0-9_-]*)[ \u3000]*(：\u3000*)/;
/** A field's name, a half-width colon, then a full-width space where the space belongs. */
const KEY_COLON_FULLWIDTH_SPACE = /^([A-Za-z_][A-Za-z0-9_-]*):(\u3000+)/;
/** The start of a line YAML reads as structure: a field, a list item, or a comment. */
const STRUCTURE = new RegExp(`^(?:[A-Za-z_][A-Za-z0-9_-]*[ \\u3000]*[:：]|[-${DASHES}](?:[ \\u3000]|$)|#)`);
/** A value that opens a block of text (`note: |`, `- >-`): the lines under it are text. */
const BLOCK_SCALAR = /(?:^|[:：][ \u3000]+|^-[ ]+)[|>][-+0-9]*[ \t]*(?:#.*)?$/;
/** A field's name and its colon with no value opens a nested block (a list, a mapping). */
const OPENS_BLOCK = /^[A-Za-z_][A-Za-z0-9_-]*[ \u3000]*[:：][ \t\u3000]*(?:#.*)?$/;
/** In a flow mapping `{date：2023-04-08, ...}`: a name after `{` or `,`, then a full-width colon. */
const FLOW_KEY_FULLWIDTH_COLON = /([{,][ \u3000]*)([A-Za-z_][A-Za-z0-9_-]*)[ \u3000]*(：\u3000*)/g;

/**
 * Every slip needs a full-width space, a dash, or a full-width colon right
 * after a field's name (spaces between). Most files have none, though
 * nearly all have a `：` after Chinese words (`# 记录人：...`), so the colon
 * counts only after an ASCII name's last character: without this, every
 * file paid for the line-by-line search (a tenth of parsing a county).
 */
const MAY_SLIP = new RegExp(`[\\u3000${DASHES}]|[A-Za-z0-9_-] *：`);

interface ContentLine {
  indent: number;
  /** The line is a list item (`- ` or a dash slip). */
  item: boolean;
  opensBlock: boolean;
  /**
   * The column a line must be indented past to continue this line's plain
   * value (its field's name, or its dash), when it has one: such a line is
   * text, whatever it starts with.
   */
  continuedPast: number | undefined;
}

/** Every input-method slip of the file, in order. */
export function findImeSlips(text: string): ImeSlip[] {
  return MAY_SLIP.test(text) ? findImeSlipsLineByLine(text) : [];
}

/** The line-by-line search, with no shortcut (exported for the test that the shortcut never skips a slip). */
export function findImeSlipsLineByLine(text: string): ImeSlip[] {
  const slips: ImeSlip[] = [];
  let blockIndent: number | undefined;
  let previous: ContentLine | undefined;
  let lineStart = 0;
  for (const rawLine of text.split('\n')) {
    const start = lineStart;
    lineStart += rawLine.length + 1;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const indent = /^[ \t\u3000]*/.exec(line)![0].length;
    const rest = line.slice(indent);
    if (blockIndent !== undefined) {
      if (rest === '' || indent > blockIndent) continue;
      blockIndent = undefined;
    }
    // YAML's own indentation is spaces only: a full-width space is text to it, and so ends it.
    const yamlIndent = /^ */.exec(line)![0].length;
    if (previous?.continuedPast !== undefined && yamlIndent > previous.continuedPast && rest !== '') continue;
    const lineSlips: ImeSlip[] = [];
    const fullwidthIndent = line.slice(0, indent).indexOf(FULLWIDTH_SPACE);
    if (fullwidthIndent !== -1 && (rest === '' || STRUCTURE.test(rest))) {
      lineSlips.push({
        code: 'E-FULLWIDTH-SPACE',
        offset: start + fullwidthIndent,
        written: line.slice(fullwidthIndent, indent),
        meant: 'indentation',
        params: { where: rest === '' ? 'blank' : 'indent' },
      });
    }
    if (rest === '' || rest.startsWith('#')) {
      for (const slip of lineSlips) slips.push(slip);
      continue;
    }

    // A list item's dash, then what follows it.
    let at = indent;
    let item = false;
    const dashes = DASH_RUN.exec(rest);
    if (dashes) {
      const after = rest.slice(dashes[0].length).replace(/^[ \u3000]+/, '');
      const itemPosition =
        KEY_FULLWIDTH_COLON.test(after) ||
        /^[A-Za-z_][A-Za-z0-9_-]*:(?:[ \u3000]|$)/.test(after) ||
        (previous !== undefined && ((previous.item && previous.indent === indent) || (previous.opensBlock && indent >= previous.indent)));
      if (itemPosition) {
        item = true;
        lineSlips.push({
          code: 'E-FULLWIDTH-DASH',
          offset: start + indent,
          written: dashes[1]!,
          meant: '-',
          params: { char: dashes[1]!, example: `- ${after}`.trimEnd() },
        });
        at = indent + dashes[1]!.length;
      }
    } else if (rest.startsWith('-') && (rest.length === 1 || rest[1] === ' ' || rest[1] === FULLWIDTH_SPACE)) {
      item = true;
      at = indent + 1;
    }
    if (item) {
      const gap = /^[ \u3000]*/.exec(line.slice(at))![0];
      const fullwidth = gap.indexOf(FULLWIDTH_SPACE);
      if (fullwidth !== -1) {
        lineSlips.push({ code: 'E-FULLWIDTH-SPACE', offset: start + at, written: gap, meant: ' ', params: { where: 'after-dash' } });
      }
      at += gap.length;
    }

    const field = line.slice(at);
    const colon = KEY_FULLWIDTH_COLON.exec(field);
    if (colon) {
      const colonAt = at + colon[0].length - colon[2]!.length;
      const value = line.slice(at + colon[0].length).trimStart();
      lineSlips.push({
        code: 'E-FULLWIDTH-COLON',
        offset: start + colonAt,
        written: colon[2]!,
        meant: value === '' || /^\s/.test(line.slice(at + colon[0].length)) ? ':' : ': ',
        params: { key: colon[1]!, char: '：', example: `${colon[1]}: ${value}`.trimEnd() },
      });
    } else {
      const space = KEY_COLON_FULLWIDTH_SPACE.exec(field);
      if (space) {
        lineSlips.push({
          code: 'E-FULLWIDTH-SPACE',
          offset: start + at + space[1]!.length + 1,
          written: space[2]!,
          meant: ' ',
          params: { where: 'after-colon', key: space[1]! },
        });
      }
    }
    if (field.includes('{')) for (const slip of flowColons(field, start + at, lineSlips)) lineSlips.push(slip);

    for (const slip of lineSlips) slips.push(slip);
    const blockScalar = BLOCK_SCALAR.test(field);
    previous = {
      indent,
      item,
      opensBlock: OPENS_BLOCK.test(field) && !blockScalar,
      continuedPast: blockScalar ? undefined : plainValueParent(field, item ? indent : undefined, at),
    };
    if (blockScalar) blockIndent = indent;
  }
  return slips;
}

/**
 * Where a line's plain value is anchored: its field's name (at `at`), or
 * the list dash (at `dash`) for an item that is a value alone.
 * Undefined when there is no plain value to continue: a field opening a
 * block, a list or mapping in brackets, a comment.
 */
function plainValueParent(field: string, dash: number | undefined, at: number): number | undefined {
  const named = /^[A-Za-z_][A-Za-z0-9_-]*[ \u3000]*[:：](?:[ \t\u3000]+|$)/.exec(field);
  const value = named ? field.slice(named[0].length) : field;
  if (value === '' || /^[[{#&*!]/.test(value)) return undefined;
  return named ? at : dash;
}

/** Full-width colons after the names of a flow mapping, outside quotes. */
function flowColons(field: string, offset: number, found: readonly ImeSlip[]): ImeSlip[] {
  const slips: ImeSlip[] = [];
  for (const match of field.matchAll(FLOW_KEY_FULLWIDTH_COLON)) {
    const before = field.slice(0, match.index);
    // Inside a quoted value, it is text.
    if ((before.split('"').length - 1) % 2 === 1 || (before.split("'").length - 1) % 2 === 1) continue;
    const colonAt = offset + match.index + match[0].length - match[3]!.length;
    if (found.some((slip) => slip.offset === colonAt)) continue;
    const next = field[match.index + match[0].length];
    slips.push({
      code: 'E-FULLWIDTH-COLON',
      offset: colonAt,
      written: match[3]!,
      meant: next === undefined || next === ' ' ? ':' : ': ',
      params: {
        key: match[2]!,
        char: '：',
        example: `${match[2]}: ${field
          .slice(match.index + match[0].length)
          .split(/[,}]/)[0]!
          .trim()}`,
      },
    });
  }
  return slips;
}

/**
 * The text as the clerk meant it: each slip replaced by what belongs there,
 * and each full-width space of an indentation by `spacesPerFullwidth`
 * spaces (it shows two columns wide, so a clerk aligning by eye typed one
 * for two spaces; one typed per key press would be one). Line numbers do
 * not change; columns after a slip on its own line may.
 */
export function meantText(text: string, slips: readonly ImeSlip[], spacesPerFullwidth: number): string {
  let meant = '';
  let from = 0;
  for (const slip of [...slips].sort((a, b) => a.offset - b.offset)) {
    const replacement = slip.meant === 'indentation' ? slip.written.replaceAll(FULLWIDTH_SPACE, ' '.repeat(spacesPerFullwidth)) : slip.meant;
    meant += text.slice(from, slip.offset) + replacement;
    from = slip.offset + slip.written.length;
  }
  return meant + text.slice(from);
}
