import { describe, expect, it } from 'vitest';
import { insideChineseQuotes, readDate, readNumber, withoutCommas } from '../../src/validate/ime-values.js';

describe('a number typed in full-width or with thousands separators', () => {
  const cases: [string, number, string[]][] = [
    // full-width digits, signs and decimal point
    ['１２', 12, ['W-FULLWIDTH-DIGITS']],
    ['０', 0, ['W-FULLWIDTH-DIGITS']],
    ['１２．５', 12.5, ['W-FULLWIDTH-DIGITS']],
    ['12．5', 12.5, ['W-FULLWIDTH-DIGITS']],
    ['－５', -5, ['W-FULLWIDTH-DIGITS']],
    ['＋３', 3, ['W-FULLWIDTH-DIGITS']],
    ['１2３', 123, ['W-FULLWIDTH-DIGITS']],
    [' ３５\u3000', 35, ['W-FULLWIDTH-DIGITS']],
    // thousands in groups of three, with either comma
    ['1,000', 1000, ['W-NUMBER-GROUPING']],
    ['3,000,000', 3_000_000, ['W-NUMBER-GROUPING']],
    ['3，000，000', 3_000_000, ['W-NUMBER-GROUPING']],
    ['30，500，000', 30_500_000, ['W-NUMBER-GROUPING']],
    ['305，000，000', 305_000_000, ['W-NUMBER-GROUPING']],
    ['1,000，000', 1_000_000, ['W-NUMBER-GROUPING']],
    ['1,234.5', 1234.5, ['W-NUMBER-GROUPING']],
    ['1,234.05', 1234.05, ['W-NUMBER-GROUPING']],
    ['-1,000', -1000, ['W-NUMBER-GROUPING']],
    ['12,345,678,901', 12_345_678_901, ['W-NUMBER-GROUPING']],
    // both
    ['３，０００，０００', 3_000_000, ['W-FULLWIDTH-DIGITS', 'W-NUMBER-GROUPING']],
    ['１，２３４．５', 1234.5, ['W-FULLWIDTH-DIGITS', 'W-NUMBER-GROUPING']],
  ];
  for (const [written, value, codes] of cases) {
    it(`reads ${written} as ${value}`, () => {
      expect(readNumber(written)).toEqual({ value, codes });
    });
  }

  it('leaves alone what is not certainly a number, for the field to refuse', () => {
    for (const written of [
      '30，00，000', // groups not in threes
      '12,34',
      '1,2345',
      '1,000,00',
      '0,123', // a leading zero group
      ',100',
      '100,',
      '1,,000',
      '3，5', // a decimal comma?
      '1,000.',
      '12 000',
      '１２人',
      '1.2万',
      '12', // ASCII text in quotes: E-WRONG-TYPE as before
      '',
      '，',
    ]) {
      expect(readNumber(written), written).toBeUndefined();
    }
  });

  it('offers the digits without commas for a hint, however they were grouped', () => {
    expect(withoutCommas('30，00，000')).toBe('3000000');
    expect(withoutCommas('１２，３４')).toBe('1234');
    expect(withoutCommas('12.5')).toBeUndefined();
    expect(withoutCommas('三十万')).toBeUndefined();
    expect(withoutCommas(12)).toBeUndefined();
  });
});

describe('a date typed in full-width', () => {
  it('is read with ASCII digits and separators', () => {
    expect(readDate('２０２６-１１-０８')).toBe('2026-11-08');
    expect(readDate('2026－11－08')).toBe('2026-11-08');
    expect(readDate('２０２６／１１／８')).toBe('2026/11/8');
    expect(readDate('２０２６．１１．８')).toBe('2026.11.8');
    expect(readDate('２０２６年１１月８日')).toBe('2026年11月8日');
  });

  it('is left alone when it has no full-width character', () => {
    expect(readDate('2026-11-08')).toBeUndefined();
    expect(readDate('2026年11月8日')).toBeUndefined();
  });
});

describe('Chinese quotes around a whole value', () => {
  it('are seen in every pair a Chinese keyboard types, with what is inside', () => {
    for (const [written, inside] of [
      ['“集中畅谈”', '集中畅谈'],
      ['「集中畅谈」', '集中畅谈'],
      ['『集中畅谈』', '集中畅谈'],
      ['‘12’', '12'],
      ['＂19:00＂', '19:00'],
      ['“19:00“', '19:00'],
      [' “12” ', '12'],
      ['〝2023-04-08〞', '2023-04-08'],
    ]) {
      expect(insideChineseQuotes(written), written).toBe(inside);
    }
  });

  it('are not seen in a value that only contains them, or is not text', () => {
    for (const value of ['村民提出“路灯不亮”', '“路灯”不亮', '集中畅谈', '“', 12, null, undefined]) {
      expect(insideChineseQuotes(value), String(value)).toBeUndefined();
    }
  });
});
