import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Catalogue, ProblemText } from '../../src/i18n/catalogue.js';
import type { ProblemCode, ProblemParams } from '../../src/problems/problem.js';
import { ERROR_CODES, WARNING_CODES } from '../../src/problems/problem.js';
import { PROBLEM_SEVERITY, ROLLUP_CODES } from '../../src/problems/problem-registry.js';

/** A code's wording given any values: the samples below hold every parameter of every code at once. */
const word = (catalogue: Catalogue, code: ProblemCode, params: ProblemParams): ProblemText =>
  (catalogue.problems[code] as (params: ProblemParams) => ProblemText)(params);

const sample = {
  field: 'attendees',
  where: 'indent',
  section: 'plans',
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
  headings: ['日期', '村'],
  fields: ['attendees'],
  sheet: '居民夜谈会',
  formula: '=A1',
  source: '永胜村4月台账.xlsx:居民夜谈会!7',
  heading: '联系电话',
  what: 'rows',
  found: 20_000,
  type: '.xls',
};

describe('message catalogues', () => {
  for (const catalogue of [zhCN, en]) {
    it(`${catalogue.locale}: every problem code has a message and a hint, with no placeholder left empty`, () => {
      for (const code of [...ERROR_CODES, ...WARNING_CODES]) {
        const { message, hint } = word(catalogue, code, sample);
        expect(message, code).not.toMatch(/undefined|null|\$\{/);
        expect(message.length, code).toBeGreaterThan(5);
        expect(hint ?? '', code).not.toMatch(/undefined|null/);
      }
    });
  }

  it('zh-CN messages are written in Chinese', () => {
    for (const code of [...ERROR_CODES, ...WARNING_CODES]) {
      expect(word(zhCN, code, sample).message, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('words every rollup refusal with a hint, in each language', () => {
    const params = {
      found: '}',
      limit: 64,
      actual: 'string',
      expected: 'number',
      path: 'metrics.x',
      version: 2,
      newer: 'no',
      month: '2023-03',
      first: 'a.json',
      region: '北乡',
      village: '东村',
      more: 3,
    };
    for (const code of ROLLUP_CODES) {
      for (const catalogue of [zhCN, en]) {
        const { message, hint } = word(catalogue, code, params);
        expect(message, code).not.toMatch(/undefined|null|\$\{/);
        expect(hint ?? '', code).not.toBe('');
      }
      expect(word(zhCN, code, params).message, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('has, for every code of the registry, a wording in each language and an error-catalogue case', () => {
    const codes = Object.keys(PROBLEM_SEVERITY);
    expect([...ERROR_CODES, ...WARNING_CODES].sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(Object.keys(en.problems), code).toContain(code);
      expect(Object.keys(zhCN.problems), code).toContain(code);
      expect(existsSync(path.join(import.meta.dirname, '..', 'errors', code, 'case.yaml')), `tests/errors/${code}/case.yaml`).toBe(true);
      expect(PROBLEM_SEVERITY[code as ProblemCode], code).toBe(code.startsWith('W-') ? 'warning' : 'error');
    }
    expect(Object.keys(en.problems).sort()).toEqual([...codes].sort());
    expect(Object.keys(zhCN.problems).sort()).toEqual([...codes].sort());
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
      typeof value === 'string'
        ? [value]
        : Array.isArray(value)
          ? value.filter((v) => typeof v === 'string')
          : typeof value === 'object' && value
            ? descriptions(value)
            : [],
    );

  it('zh-CN describes every option and command in Chinese', () => {
    for (const text of descriptions(zhCN.help)) expect(text, text).toMatch(/[\u4e00-\u9fff]/);
  });

  it('en describes them in English, Chinese only in names and examples', () => {
    const { examples: _examples, ...rest } = en.help;
    const prose = Object.entries(rest).flatMap(([, value]) =>
      typeof value === 'object' && value && !Array.isArray(value)
        ? Object.entries(value)
            .filter(([key]) => key !== 'examples')
            .map(([, v]) => v)
        : [],
    );
    for (const text of prose.filter((v): v is string => typeof v === 'string')) {
      expect(text.replace(/四联/g, ''), text).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
