/**
 * The quick check vouches for an entry only when zod would take it and give
 * exactly the same data (fields, their order, their values, -0 and
 * undefined included); whatever it is unsure of goes to zod. Checked on
 * every entry of the fixtures and examples, and on generated entries, right
 * and wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/parse-yaml.js';
import type { Kind } from '../../src/schema/log-schema.js';
import { ENTRY_SCHEMAS, KINDS, KIND_PILLAR, fieldsOfKind } from '../../src/schema/log-schema.js';
import { compileEntry, quickEntryParse } from '../../src/validate/quick-entry-parse.js';
import { fixtureText, fixtureYamlFiles } from '../helpers/yaml-fixtures.js';

/** Same keys in the same order, and values equal by Object.is, all the way down. */
function sameData(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.join('\u0000') !== keysB.join('\u0000')) return false;
  return keysA.every((key) => sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Whether the quick check vouched for the entry; fails the test when it vouched wrongly. */
function expectAgreement(kind: Kind, candidate: Record<string, unknown>): boolean {
  const quick = quickEntryParse(kind, candidate);
  if (quick === undefined) return false;
  const zod = ENTRY_SCHEMAS[kind].safeParse(candidate);
  expect(zod.success, JSON.stringify(candidate)).toBe(true);
  expect(sameData(quick, zod.data), JSON.stringify(candidate)).toBe(true);
  return true;
}

/** Values a field may take, tried in order for the first its schema accepts. */
const RIGHT_VALUES = ['2023-04-08', 5, ['永胜村'], '集中畅谈', '斤', 'landed', '文字'];

/** An entry of `kind` with every field set to a value its schema accepts. */
function rightEntry(kind: Kind): Record<string, unknown> {
  const shape = ENTRY_SCHEMAS[kind].shape as Record<string, { safeParse(value: unknown): { success: boolean } }>;
  const entry: Record<string, unknown> = {};
  for (const field of fieldsOfKind(kind).all) {
    entry[field] = field === 'kind' ? kind : field === 'pillar' ? KIND_PILLAR[kind] : RIGHT_VALUES.find((value) => shape[field]!.safeParse(value).success);
  }
  return entry;
}

/** Texts, dates, numbers and others near what each field takes, on both sides of it. */
const EDGE_TEXTS = [
  '永胜村',
  '夜谈会',
  'x',
  ' 前后有空格 ',
  '',
  '   ',
  '\u3000全角空格\u3000',
  '“集中畅谈”',
  '「19:00」',
  '19:00',
  '\uFEFF',
  '\n行\n',
  'a'.repeat(2000),
  'a'.repeat(2001),
  ` ${'a'.repeat(1999)}`,
];
const EDGE_DATES = [
  '2023-04-08',
  '2023-4-8',
  '2023/04/08',
  '2023.4.8',
  '2023年4月8日',
  '2024-02-29',
  '2023-02-29',
  '1900-02-29',
  '2000-02-29',
  '1899-12-31',
  '0223-04-08',
  '9999-12-31',
  '2023-13-01',
  '2023-04-31',
  ' 2023-04-08',
  '２０２３-04-08',
  '2023-04-08T10:00',
];
const EDGE_NUMBERS = [
  0,
  -0,
  1,
  1.5,
  -1,
  4.5,
  5,
  6,
  100,
  100.5,
  101,
  10_000,
  10_001,
  100_000,
  100_001,
  1e9,
  1e9 + 1,
  1e12,
  1e13,
  Number.NaN,
  Infinity,
  -Infinity,
  2 ** 53,
  '12',
  '1,000',
];
const EDGE_OTHERS = [
  null,
  undefined,
  true,
  false,
  {},
  [],
  ['永胜村'],
  [' 永胜村'],
  ['a', ''],
  [1],
  ['集中畅谈'],
  '集中畅谈',
  '斤',
  'kg',
  'landed',
  'planned',
  'session',
];
const EDGE_VALUES = [...EDGE_TEXTS, ...EDGE_DATES, ...EDGE_NUMBERS, ...EDGE_OTHERS];

describe('the quick entry check', () => {
  it('compiles for every kind', () => {
    for (const kind of KINDS) expect(() => compileEntry(ENTRY_SCHEMAS[kind])).not.toThrow();
  });

  it('agrees with zod on every entry of the fixtures and examples', () => {
    let vouched = 0;
    for (const file of fixtureYamlFiles()) {
      const text = fixtureText(file);
      if (text === undefined) continue;
      const parsed = parseYaml(text, file);
      if (!parsed.ok) continue;
      const root = parsed.document.value as { entries?: unknown; village?: unknown } | null;
      if (!Array.isArray(root?.entries)) continue;
      for (const raw of root.entries as unknown[]) {
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) continue;
        const entry = raw as Record<string, unknown>;
        const kind = entry.kind;
        if (typeof kind !== 'string' || !Object.hasOwn(KIND_PILLAR, kind)) continue;
        // As written, and as the validator completes it from the file's defaults.
        expectAgreement(kind as Kind, entry);
        if (expectAgreement(kind as Kind, { ...entry, pillar: KIND_PILLAR[kind as Kind], village: entry.village ?? root.village })) vouched++;
      }
    }
    expect(vouched).toBeGreaterThan(100);
  });

  it('agrees with zod on each field of each kind set to each edge value, or left out', () => {
    for (const kind of KINDS) {
      for (const field of fieldsOfKind(kind).all) {
        expect(expectAgreement(kind, rightEntry(kind))).toBe(true);
        const without = rightEntry(kind);
        delete without[field];
        expectAgreement(kind, without);
        for (const value of EDGE_VALUES) expectAgreement(kind, { ...rightEntry(kind), [field]: value });
      }
    }
  });

  it('agrees with zod on generated entries, right and wrong', () => {
    const value = fc.oneof(
      fc.constantFrom(...EDGE_VALUES),
      fc.string({ maxLength: 8 }),
      fc.double(),
      fc.integer(),
      fc.array(fc.constantFrom(...EDGE_TEXTS), { maxLength: 3 }),
    );
    // Each kind's entry with every field right, then some fields changed to anything, removed, or added.
    const entry = fc.constantFrom(...KINDS).chain((kind) => {
      const fields = [...fieldsOfKind(kind).all, 'extra', '__proto__', 'toString'];
      return fc
        .record({
          changed: fc.subarray(fields, { maxLength: 3 }),
          values: fc.array(value, { minLength: 3, maxLength: 3 }),
          removed: fc.subarray(fields, { maxLength: 2 }),
        })
        .map(({ changed, values, removed }) => {
          const candidate = rightEntry(kind);
          // defineProperty, so that `__proto__` becomes a field as YAML makes it, not the prototype.
          changed.forEach((field, i) => {
            Object.defineProperty(candidate, field, { value: values[i], enumerable: true, writable: true, configurable: true });
          });
          for (const field of removed) delete candidate[field];
          return { kind, candidate };
        });
    });
    let vouched = 0;
    fc.assert(
      fc.property(entry, ({ kind, candidate }) => {
        if (expectAgreement(kind, candidate)) vouched++;
      }),
      { numRuns: 5000 },
    );
    expect(vouched).toBeGreaterThan(500);
  });

  it('vouches for generated entries that are plainly right', () => {
    const villages = fc.constantFrom('永胜村', '东岭村');
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2023-04-${String(d).padStart(2, '0')}`);
    const session = fc.record(
      {
        date: day,
        pillar: fc.constant('night-talk'),
        kind: fc.constant('session'),
        village: villages,
        form: fc.constantFrom('集中畅谈', '入户访谈'),
        attendees: fc.integer({ min: 0, max: 100_000 }),
        time: fc.constantFrom('19:00', '晚上7点'),
        note: fc.string({ minLength: 1, maxLength: 5 }).filter((note) => note.trim() === note && /\S/.test(note)),
      },
      { requiredKeys: ['date', 'pillar', 'kind', 'village', 'form', 'attendees'] },
    );
    fc.assert(
      fc.property(session, (candidate) => {
        expect(expectAgreement('session', candidate)).toBe(true);
      }),
    );
    const suggestion = fc.record({
      date: day,
      pillar: fc.constant('night-talk'),
      kind: fc.constant('suggestion'),
      village: villages,
      id: fc.oneof(fc.integer({ min: 0, max: 1e6 }), fc.constantFrom('S-1', '永胜-01')),
      text: fc.constantFrom('修路', '装路灯'),
      resolved: day,
    });
    fc.assert(
      fc.property(suggestion, (candidate) => {
        expect(expectAgreement('suggestion', candidate)).toBe(true);
      }),
    );
  });
});
