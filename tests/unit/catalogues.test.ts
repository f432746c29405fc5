import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { ERROR_CODES, WARNING_CODES } from '../../src/problems/problem.js';
import { ROLLUP_REFUSALS } from '../../src/rollup/rollup-problem.js';

const sample = {
  field: 'attendees',
  value: 'x',
  expected: 'integer',
  actual: 'text',
  allowed: ['a', 'b'],
  suggestion: 'a',
  kind: 'session',
  required: ['date', 'form'],
  bound: 'min',
  limit: 0,
  key: 'kind',
  detail: 'parser says no',
  yamlCode: 'BAD_INDENT',
  id: 'A-1',
  ref: 'A-1',
  first: 'logs/a.yaml:3',
  date: '2023-04-08',
  resolved: '2023-04-01',
  pillar: 'talent',
  expectedPillar: 'night-talk',
  index: 2,
  patterns: ['logs/**/*.yaml'],
  bytes: 25_000_000,
  folder: 'logs/2023/04',
  today: '2024-03-15',
  reason: 'variable',
  name: 'report.regoin',
};

describe('message catalogues', () => {
  for (const catalogue of [zhCN, en]) {
    it(`${catalogue.locale}: every problem code has a message and a hint, with no placeholder left empty`, () => {
      for (const code of [...ERROR_CODES, ...WARNING_CODES]) {
        const { message, hint } = catalogue.problems[code](sample);
        expect(message, code).not.toMatch(/undefined|null|\$\{/);
        expect(message.length, code).toBeGreaterThan(5);
        expect(hint ?? '', code).not.toMatch(/undefined|null/);
      }
    });
  }

  it('zh-CN messages are written in Chinese', () => {
    for (const code of [...ERROR_CODES, ...WARNING_CODES]) {
      expect(zhCN.problems[code](sample).message, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('words every rollup refusal with a hint, in each language', () => {
    const params = { found: '}', actual: 'string', expected: 'number', path: 'metrics.x', version: 2, newer: 'no', month: '2023-03', first: 'a.json', region: '北乡', village: '东村', more: 3 };
    for (const refusal of ROLLUP_REFUSALS) {
      for (const catalogue of [zhCN, en]) {
        const { message, hint } = catalogue.rollup.refusals[refusal](params);
        expect(message, refusal).not.toMatch(/undefined|null|\$\{/);
        expect(hint ?? '', refusal).not.toBe('');
      }
      expect(zhCN.rollup.refusals[refusal](params).message, refusal).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('labels every metric and pillar in both languages', () => {
    expect(Object.keys(en.metrics)).toEqual(Object.keys(zhCN.metrics));
    expect(Object.keys(en.pillars)).toEqual(Object.keys(zhCN.pillars));
  });

  it('writes months the way each language does', () => {
    expect(zhCN.formatMonth('2023-04')).toBe('2023年4月');
    expect(en.formatMonth('2023-04')).toBe('April 2023');
  });
});

describe('help texts', () => {
  const descriptions = (help: object): string[] =>
    Object.values(help).flatMap((value) =>
      typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v) => typeof v === 'string') : typeof value === 'object' && value ? descriptions(value) : [],
    );

  it('zh-CN describes every option and command in Chinese', () => {
    for (const text of descriptions(zhCN.help)) expect(text, text).toMatch(/[\u4e00-\u9fff]/);
  });

  it('en describes them in English, Chinese only in names and examples', () => {
    const { examples: _examples, ...rest } = en.help;
    const prose = Object.entries(rest).flatMap(([, value]) =>
      typeof value === 'object' && value && !Array.isArray(value) ? Object.entries(value).filter(([key]) => key !== 'examples').map(([, v]) => v) : [],
    );
    for (const text of prose.filter((v): v is string => typeof v === 'string')) {
      expect(text.replace(/四联/g, ''), text).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
