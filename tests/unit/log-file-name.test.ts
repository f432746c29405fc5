/** A village's name is its log's file name: names no file system could hold as they are are refused, never changed. */
import { describe, expect, it } from 'vitest';
import { fileNameFault } from '../../src/record/log-file-name.js';

describe('village names as file names', () => {
  it.each([
    ['永胜村', undefined],
    ['Yongsheng Village', undefined],
    ['大瓦山村（二组）', undefined],
    ['甲／乙村', undefined],
    ['CONSTANTINE', undefined],
    ['长'.repeat(83), undefined],
    ['a/b', 'separator'],
    ['a\\b', 'separator'],
    ['一村\n二村', 'control'],
    ['一村\t', 'control'],
    ['村*', 'reserved-character'],
    ['村?', 'reserved-character'],
    ['a:b', 'reserved-character'],
    ['"村"', 'reserved-character'],
    ['a<b>', 'reserved-character'],
    ['a|b', 'reserved-character'],
    ['CON', 'reserved-name'],
    ['nul', 'reserved-name'],
    ['COM1', 'reserved-name'],
    ['lpt9', 'reserved-name'],
    ['aux.村', 'reserved-name'],
    ['.hidden', 'dot-or-space'],
    ['..', 'dot-or-space'],
    ['村.', 'dot-or-space'],
    ['村 ', 'dot-or-space'],
    ['长'.repeat(84), 'too-long'],
    ['长'.repeat(90), 'too-long'],
  ])('%j: %s', (name, fault) => {
    expect(fileNameFault(name)).toBe(fault);
  });
});
