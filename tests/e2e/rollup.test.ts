/**
 * The example district split in two townships, each reporting on its own
 * with `report --format json`, then `rollup` of the two: the district's
 * report must say what `report` says over all the logs.
 *
 * The split: 甲乡 has 永胜村, 大瓦山村, 胜利村 and 和平村 (every joint
 * organisation's villages), 乙乡 has 共安村 and 新华村. Each village's log
 * files go to its township. The shared 跨村联建.yaml files are split entry
 * by entry: an entry goes to the township of its own `village` (a joint
 * organisation, which has none, to the township of all its villages).
 * Some joint actions also name villages of the other township, and a
 * township's log may only name its own villages (E-UNKNOWN-VILLAGE), so
 * those names are dropped from the action's `villages` in the copy.
 *
 * That changes nothing but the per-village count of joint actions of the
 * villages dropped: a joint action counts for every village taking part.
 * So the rollup is compared twice: with the report over the two
 * townships' logs put back together (the same entries: equal in every
 * figure), and with the report over the untouched example (equal but for
 * exactly those counts).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseDocument, stringify } from 'yaml';
import { WINDOW_KEYS, isWithin, reportWindows } from '../../src/metrics/report-period.js';
import { REPO, inProcess } from './hosts.js';

const EXAMPLE = path.join(REPO, 'examples', 'jinkouhe');
const JOINT_FILE = '跨村联建.yaml';
const TOWNSHIPS = {
  乐山市金口河区甲乡: ['永胜村', '大瓦山村', '胜利村', '和平村'],
  乐山市金口河区乙乡: ['共安村', '新华村'],
};
const REGIONS = Object.keys(TOWNSHIPS) as (keyof typeof TOWNSHIPS)[];
const ownerOf = (village: string) => REGIONS.find((region) => TOWNSHIPS[region].includes(village))!;

interface JointEntry {
  date: string;
  kind: string;
  village?: string;
  villages?: string[];
}

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-rollup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
/** Village names dropped from joint actions, with the action's date. */
const dropped: { date: string; village: string }[] = [];

/** Writes the township workspaces and the two townships' logs put back together (`rejoined`). */
function splitExample(): void {
  const config = readFileSync(path.join(EXAMPLE, 'revitalize.yaml'), 'utf8');
  for (const region of REGIONS) {
    const document = parseDocument(config);
    document.set('region', region);
    document.delete('title');
    document.set('villages', TOWNSHIPS[region]);
    mkdirSync(path.join(scratch, region), { recursive: true });
    writeFileSync(path.join(scratch, region, 'revitalize.yaml'), String(document));
  }
  for (const copy of ['example', 'rejoined'])
    cpSync(EXAMPLE, path.join(scratch, copy), { recursive: true, filter: (src) => !/[\\/](reports|\.revitalize-cache)$/.test(src) });

  const logs = path.join(EXAMPLE, 'logs');
  for (const file of (readdirSync(logs, { recursive: true }) as string[]).filter((name) => name.endsWith('.yaml'))) {
    const text = readFileSync(path.join(logs, file), 'utf8');
    const base = path.basename(file);
    if (base !== JOINT_FILE) {
      const target = path.join(scratch, ownerOf(base.replace(/\.yaml$/, '')), 'logs', file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
      continue;
    }
    const log = parse(text) as { pillar?: string; entries: JointEntry[] };
    const byTownship = new Map<string, JointEntry[]>();
    for (const entry of log.entries) {
      const owner = entry.village !== undefined ? ownerOf(entry.village) : ownerOf(entry.villages![0]!);
      if (entry.kind === 'joint-org')
        expect(
          entry.villages!.every((village) => ownerOf(village) === owner),
          JSON.stringify(entry),
        ).toBe(true);
      if (entry.villages) {
        for (const village of entry.villages.filter((name) => ownerOf(name) !== owner)) dropped.push({ date: entry.date, village });
        entry.villages = entry.villages.filter((name) => ownerOf(name) === owner);
      }
      byTownship.set(owner, [...(byTownship.get(owner) ?? []), entry]);
    }
    for (const [region, entries] of byTownship) {
      const target = path.join(scratch, region, 'logs', file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, stringify({ ...(log.pillar ? { pillar: log.pillar } : {}), entries }));
    }
    writeFileSync(path.join(scratch, 'rejoined', 'logs', file), stringify(log));
  }
}

async function jsonReport(workspace: string, out: string): Promise<void> {
  const result = await inProcess(['report', workspace, '--month', '2023-04', '--format', 'json', '-o', out, '--generated-on', '2023-05-01'], scratch);
  expect(result.exitCode, result.stderr).toBe(0);
}

// biome-ignore lint/suspicious/noExplicitAny: reports read back as plain JSON, compared field by field
const read = (file: string) => JSON.parse(readFileSync(path.join(scratch, file), 'utf8')) as Record<string, any>;

/** A JSON report without who made it and its data notes. */
// biome-ignore lint/suspicious/noExplicitAny: as above
function figures(report: Record<string, any>): Record<string, any> {
  const { region: _region, title: _title, recipient: _recipient, issuer: _issuer, warnings: _warnings, ...rest } = report;
  return rest;
}

/**
 * The township reports of the rollup fixtures are made from the small
 * workspaces in tests/fixtures/rollup-townships/sources/ (west.json is
 * south.json renamed, to share a village with north.json). They are kept
 * current here, and rewritten by `npm run golden:update`.
 */
describe('rollup fixtures', () => {
  const SOURCES = 'tests/fixtures/rollup-townships/sources';
  const made = new Map<string, string>();
  const reportOf = async (source: string, month: string) => {
    const key = `${source} ${month}`;
    if (!made.has(key)) {
      const copy = path.join(scratch, 'sources', key);
      cpSync(path.join(REPO, SOURCES, source), copy, { recursive: true, filter: (src) => !src.endsWith('.revitalize-cache') });
      const result = await inProcess(['report', copy, '--month', month, '--format', 'json', '-o', '-', '--generated-on', '2023-05-01'], scratch);
      expect(result.exitCode, result.stderr).toBe(0);
      made.set(key, result.stdout);
    }
    return made.get(key)!;
  };
  const FIXTURES: [file: string, make: () => Promise<string>][] = [
    ['tests/fixtures/rollup-townships/north.json', () => reportOf('north', '2023-04')],
    ['tests/fixtures/rollup-townships/south.json', () => reportOf('south', '2023-04')],
    ['tests/fixtures/rollup-mismatched/north.json', () => reportOf('north', '2023-04')],
    ['tests/fixtures/rollup-mismatched/north-resent.json', () => reportOf('north', '2023-04')],
    ['tests/fixtures/rollup-mismatched/south-march.json', () => reportOf('south', '2023-03')],
    [
      'tests/fixtures/rollup-mismatched/west.json',
      async () => (await reportOf('south', '2023-04')).replaceAll('南村', '西村').replaceAll('示例县南乡', '示例县西乡'),
    ],
  ];
  for (const [file, make] of FIXTURES) {
    it(`${file} is current`, async () => {
      const expected = await make();
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path.join(REPO, file), expected);
      expect(readFileSync(path.join(REPO, file), 'utf8')).toBe(expected);
    });
  }
});

describe('rollup of the example split in two townships', () => {
  beforeAll(async () => {
    splitExample();
    for (const region of REGIONS) await jsonReport(region, `out/${region}`);
    await jsonReport('rejoined', 'out/rejoined');
    await jsonReport('example', 'out/example');
    const result = await inProcess(
      [
        'rollup',
        ...REGIONS.map((region) => `out/${region}/2023-04.json`),
        // The district's own config: its region, title and targets (the example's).
        '--config',
        'example/revitalize.yaml',
        '--format',
        'json',
        '-o',
        'out/district',
        '--generated-on',
        '2023-05-01',
      ],
      scratch,
    );
    expect(result.exitCode, result.stderr).toBe(0);
  });

  it('splits cleanly: joint organisations stay within one township, and some joint actions lose names', () => {
    expect(dropped.length).toBeGreaterThan(0);
    for (const region of REGIONS) expect(Object.keys(read(`out/${region}/2023-04.json`).villages)).toEqual(TOWNSHIPS[region]);
  });

  it('equals the report over the two townships’ logs together, in every figure', () => {
    const district = read('out/district/2023-04.json');
    const rejoined = read('out/rejoined/2023-04.json');
    expect(figures(district)).toEqual(figures(rejoined));
    expect(JSON.stringify(figures(district))).toBe(JSON.stringify(figures(rejoined)));
    // With the district's config, even who reports is the same.
    expect([district.region, district.title]).toEqual([rejoined.region, rejoined.title]);
  });

  it('equals the report over the untouched example, but for the joint actions of villages dropped from them', () => {
    const district = read('out/district/2023-04.json');
    const example = read('out/example/2023-04.json');
    const windows = reportWindows('2023-04');
    for (const [village, counts] of Object.entries(example.villages as Record<string, Record<string, Record<string, number>>>)) {
      for (const window of WINDOW_KEYS) {
        const missing = dropped.filter((drop) => drop.village === village && isWithin(drop.date, windows[window])).length;
        expect(district.villages[village]['ecology.joint-actions'][window], `${village} ${window}`).toBe(counts['ecology.joint-actions']![window]! - missing);
        district.villages[village]['ecology.joint-actions'][window] = counts['ecology.joint-actions']![window];
      }
    }
    // The month's joint actions name the villages taking part: a dropped name is missing there too, and nothing else.
    type Action = { type: string; count: number; villages: string[] };
    for (const action of example.activities.jointActions as Action[]) {
      const merged = (district.activities.jointActions as Action[]).find((each) => each.type === action.type)!;
      expect(merged.count).toBe(action.count);
      expect(merged.villages.filter((village) => !action.villages.includes(village))).toEqual([]);
      for (const lost of action.villages.filter((village) => !merged.villages.includes(village))) {
        expect(
          dropped.some((drop) => drop.village === lost && isWithin(drop.date, windows.month)),
          lost,
        ).toBe(true);
      }
      merged.villages = action.villages;
    }
    expect(figures(district)).toEqual(figures(example));
    // The article's figures, for the whole district.
    expect(district.metrics['night-talk.suggestions'].ytd).toBe(132);
    expect(district.metrics['night-talk.resolved'].ytd).toBe(93);
    expect(district.metrics['organization.villages-covered'].ytd).toBe(4);
  });

  it('refuses to write over a report it reads (exit 2), and leaves it as it was', async () => {
    const input = `out/${REGIONS[0]}/2023-04.json`;
    const before = readFileSync(path.join(scratch, input), 'utf8');
    const result = await inProcess(
      ['rollup', input, `out/${REGIONS[1]}/2023-04.json`, '--region', '乐山市金口河区', '-f', 'json', '-o', `out/${REGIONS[0]}`],
      scratch,
    );
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`拒绝写入 ${input}`);
    expect(readFileSync(path.join(scratch, input), 'utf8')).toBe(before);
  });
});
