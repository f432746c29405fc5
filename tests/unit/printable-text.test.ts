/**
 * printable-text.ts states a law: what it returns holds no character a
 * terminal would obey, and text without one comes back as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printableLines, printableText } from '../../src/printable-text.js';
import { TERMINAL_CONTROLS } from '../helpers/hostile-workspace.js';

/** TERMINAL_CONTROLS, line feed and tab included. */
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u001b', '\u0007', '\u009b', '\u202e', '\u2066', '\u007f', '\n', '\t', '\r', '\u2028'),
    fc.constantFrom('永', '胜', 'a', '[', ']', ';', '0'),
  ),
  maxLength: 40,
});

describe('printableText', () => {
  it('shows an OSC title sequence, a screen clear and a bidi override as visible escapes', () => {
    expect(printableText('\u001b]0;OWNED\u0007\u001b[2Jx')).toBe('\\x1b]0;OWNED\\x07\\x1b[2Jx');
    expect(printableText('a\u202eb\u2066c\u0085d\u007fe')).toBe('a\\u202eb\\u2066c\\x85d\\x7fe');
    expect(printableText('一行\n两行\t制表')).toBe('一行\\x0a两行\\x09制表');
  });

  it('leaves text without control characters as it is', () => {
    expect(printableText('永胜-20230408-01 三组路灯不亮，夜间出行不便 ✓ 😀')).toBe('永胜-20230408-01 三组路灯不亮，夜间出行不便 ✓ 😀');
  });

  it('never returns a control character, a line break or a tab', () => {
    fc.assert(fc.property(anyText, (text) => !ANY_CONTROL.test(printableText(text))));
  });
});

describe('printableLines', () => {
  it('keeps line breaks and tabs, and escapes every other control character, a carriage return too', () => {
    expect(printableLines('第一行\n\t第二行\u001b[31m\r')).toBe('第一行\n\t第二行\\x1b[31m\\x0d');
  });

  it('never returns a character a terminal would obey', () => {
    fc.assert(fc.property(anyText, (text) => !TERMINAL_CONTROLS.test(printableLines(text))));
  });
});
