/**
 * `add` keeps every byte of a log outside the entry it appends, for any
 * layout a clerk writes: hand-written files, not only the samples' layout.
 * The law: the old text is the new text with the inserted lines taken out
 * (an empty `entries` value, ~ or [], is the one thing replaced), and the
 * file reads back as the old values plus the entry.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { spliceEntry } from '../../src/record/splice-entry.js';

const SESSION = { date: '2023-04-12', pillar: 'night-talk', kind: 'session', form: '集中畅谈', attendees: 3, time: '19:30' };

/** Whether the new text is the old one with `text` put in at one place. */
function isInsertionOf(before: string, after: string, text: string): boolean {
  for (let at = after.indexOf(text); at !== -1; at = after.indexOf(text, at + 1)) {
    if (after.slice(0, at) + after.slice(at + text.length) === before) return true;
  }
  return false;
}

/** The text inserted, when the new text is the old one with lines put in at one place. */
function inserted(before: string, after: string): string | undefined {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  const rest = before.slice(start);
  if (!after.endsWith(rest) || after.length < before.length) return undefined;
  return after.slice(start, after.length - rest.length);
}

function spliced(text: string, values: Record<string, unknown> = SESSION): string {
  const result = spliceEntry(text, values);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.text;
}

/** The log's values as `check` reads them. */
function valuesOf(text: string): Record<string, unknown> {
  const parsed = parseYaml(text, 'log.yaml');
  if (!parsed.ok) throw new Error('does not parse');
  return (parsed.document.value ?? {}) as Record<string, unknown>;
}

function expectAppended(before: string, after: string, entry: Record<string, unknown> = SESSION): void {
  const old = valuesOf(before);
  expect(valuesOf(after)).toEqual({ ...old, entries: [...((old.entries as unknown[] | null) ?? []), entry] });
}

describe('appending to hand-written logs', () => {
  // [name, file, what is inserted]: every one a pure insertion.
  const layouts: [string, string, string][] = [
    [
      "the samples' layout: blank lines between entries, a comment at the end",
      'village: 永胜村\nentries:\n  - date: 2023-04-08\n    pillar: night-talk\n    kind: session\n\n  - date: 2023-04-09\n    kind: suggestion\n# 以上为四月\n',
      '\n  - date: 2023-04-12\n    pillar: night-talk\n    kind: session\n    form: 集中畅谈\n    attendees: 3\n    time: "19:30"\n',
    ],
    [
      'spacing, trailing comments, folded text and 0035 as written; a dash at column 0',
      'village:   永胜村   # 村\nentries:\n- date: 2023-04-08   # 日期\n  pillar: night-talk\n  kind: session\n  attendees: 0035\n  note: >\n    第一行\n    第二行\n# 末尾注释\n',
      '- date: 2023-04-12\n  pillar: night-talk\n  kind: session\n  form: 集中畅谈\n  attendees: 3\n  time: "19:30"\n',
    ],
    [
      'CRLF line ends and no line end after the last line',
      'village: 永胜村\r\nentries:\r\n  - date: 2023-04-08\r\n    kind: session',
      '\r\n  - date: 2023-04-12\r\n    pillar: night-talk\r\n    kind: session\r\n    form: 集中畅谈\r\n    attendees: 3\r\n    time: "19:30"',
    ],
    [
      'entries written in braces, one a line: the new one too',
      'village: 永胜村\nentries:\n  - {date: 2023-04-08, pillar: night-talk, kind: session, form: 入户访谈, attendees: 9}\n',
      '  - {date: 2023-04-12, pillar: night-talk, kind: session, form: 集中畅谈, attendees: 3, time: "19:30"}\n',
    ],
    [
      'a flow list of entries: the new one inside its brackets',
      'village: 永胜村\nentries: [{date: 2023-04-08, kind: session},\n  {date: 2023-04-09, kind: session}]  # 两条\n',
      ', {date: 2023-04-12, pillar: night-talk, kind: session, form: 集中畅谈, attendees: 3, time: "19:30"}',
    ],
    [
      'a literal block last, odd indentation, a note under the entry and a comment before the next key',
      'village: 永胜村\nentries:\n    -   date: 2023-04-08\n        note: |\n          第一行\n\n          第三行\n        # 待核实\n    # 下一条\nregion: 测试乡\n',
      '    -   date: 2023-04-12\n        pillar: night-talk\n        kind: session\n        form: 集中畅谈\n        attendees: 3\n        time: "19:30"\n',
    ],
    [
      'a kept block (|+) whose blank lines are its own',
      'village: 永胜村\nentries:\n  - date: 2023-04-08\n    note: |+\n      末尾留空\n\n\n',
      '  - date: 2023-04-12\n    pillar: night-talk\n    kind: session\n    form: 集中畅谈\n    attendees: 3\n    time: "19:30"\n',
    ],
    [
      'an entry whose fields start on the line after its dash',
      'village: 永胜村\nentries:\n -\n   date: 2023-04-08\n   villages: [甲村, 乙村]\n',
      ' - date: 2023-04-12\n   pillar: night-talk\n   kind: session\n   form: 集中畅谈\n   attendees: 3\n   time: "19:30"\n',
    ],
    [
      'an empty entries: with comments under it',
      'village: 永胜村\nentries:   # 从这里写\n  # 第一条记录\n# 文件结束\n',
      '  - date: 2023-04-12\n    pillar: night-talk\n    kind: session\n    form: 集中畅谈\n    attendees: 3\n    time: "19:30"\n',
    ],
    [
      'no entries key at all',
      'village: 永胜村\n',
      'entries:\n  - date: 2023-04-12\n    pillar: night-talk\n    kind: session\n    form: 集中畅谈\n    attendees: 3\n    time: "19:30"\n',
    ],
    [
      'a file of comments only',
      '# 永胜村 四月\n',
      'entries:\n  - date: 2023-04-12\n    pillar: night-talk\n    kind: session\n    form: 集中畅谈\n    attendees: 3\n    time: "19:30"\n',
    ],
    [
      'a mapping in braces',
      '{village: 永胜村, entries: [{date: 2023-04-08, kind: session}]}\n',
      ', {date: 2023-04-12, pillar: night-talk, kind: session, form: 集中畅谈, attendees: 3, time: "19:30"}',
    ],
  ];
  it.each(layouts)('%s', (_name, before, expected) => {
    const after = spliced(before);
    expect(isInsertionOf(before, after, expected), after).toBe(true);
    expectAppended(before, after);
  });

  it('writes an empty list (entries: [], ~, null) as a list under its key, replacing only that value', () => {
    expect(spliced('village: 永胜村\nentries: []  # 还没有\nregion: 测试乡\n', { date: '2023-04-12', kind: 'session' })).toBe(
      'village: 永胜村\nentries:  # 还没有\n  - date: 2023-04-12\n    kind: session\nregion: 测试乡\n',
    );
    expect(spliced('village: 永胜村\nentries: ~\n', { date: '2023-04-12', kind: 'session' })).toBe(
      'village: 永胜村\nentries:\n  - date: 2023-04-12\n    kind: session\n',
    );
    expect(spliced('village: 永胜村\r\nentries: null', { date: '2023-04-12', kind: 'session' })).toBe(
      'village: 永胜村\r\nentries:\r\n  - date: 2023-04-12\r\n    kind: session',
    );
  });

  it('leaves out the village and pillar the file gives all its entries', () => {
    const before = 'village: 永胜村\npillar: night-talk\nentries:\n  - date: 2023-04-08\n    kind: session\n';
    const after = spliced(before, { village: '永胜村', ...SESSION });
    expect(isInsertionOf(before, after, '  - date: 2023-04-12\n    kind: session\n    form: 集中畅谈\n    attendees: 3\n    time: "19:30"\n'), after).toBe(
      true,
    );
  });

  it('writes lists in brackets, text a reader could mistake quoted, dates plain, and a note of several lines as a block', () => {
    const entry = { date: '2023-04-12', kind: 'joint-action', villages: ['甲村', '乙村'], note: 'yes', location: '010' };
    const after = spliced('entries:\n  - date: 2023-04-08\n', entry);
    expect(after).toBe(
      'entries:\n  - date: 2023-04-08\n  - date: 2023-04-12\n    kind: joint-action\n    villages: [甲村, 乙村]\n    note: "yes"\n    location: "010"\n',
    );
    const lines = spliced('entries:\n  - date: 2023-04-08\n', { date: '2023-04-12', note: '第一行\n第二行' });
    expect(valuesOf(lines).entries).toEqual([{ date: '2023-04-08' }, { date: '2023-04-12', note: '第一行\n第二行' }]);
  });

  it('refuses what is not a log, and a file with syntax errors', () => {
    expect(spliceEntry('- a\n- b\n', SESSION)).toEqual({ ok: false, reason: 'not-a-log' });
    expect(spliceEntry('entries: 3\n', SESSION)).toEqual({ ok: false, reason: 'not-a-log' });
    expect(spliceEntry('entries: [\n', SESSION)).toEqual({ ok: false, reason: 'broken' });
  });
});

describe('appending to any layout of block entries', () => {
  // A log made of choices a clerk may make: indentation, the dash's spacing, blank lines between entries,
  // comments after values and at the end, a last line end or not, CRLF, folded or literal notes, flow lists.
  const layout = fc.record({
    indent: fc.integer({ min: 0, max: 4 }),
    afterDash: fc.integer({ min: 1, max: 3 }),
    entries: fc.array(
      fc.record({
        attendees: fc.constantFrom('35', '0035', '"35"'),
        comment: fc.boolean(),
        note: fc.constantFrom('', 'note: 普通', 'note: >\n  甲\n  乙', 'note: |\n  甲\n\n  乙', 'villages: [甲村,  乙村]'),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    blankBetween: fc.boolean(),
    endComment: fc.constantFrom('', '# 结束', '  # 缩进的注释'),
    trailingBlank: fc.boolean(),
    finalNewline: fc.boolean(),
    crlf: fc.boolean(),
  });

  it('keeps every byte and adds exactly the entry', () => {
    fc.assert(
      fc.property(layout, (choice) => {
        const dash = `${' '.repeat(choice.indent)}-${' '.repeat(choice.afterDash)}`;
        const field = ' '.repeat(dash.length);
        const items = choice.entries.map((entry) => {
          const lines = [`${dash}date: 2023-04-08${entry.comment ? '   # 日期' : ''}`, `${field}attendees: ${entry.attendees}`];
          if (entry.note) lines.push(...entry.note.split('\n').map((line) => field + line));
          return lines.join('\n');
        });
        let text = `village: 永胜村\nentries:\n${items.join(choice.blankBetween ? '\n\n' : '\n')}\n`;
        if (choice.trailingBlank) text += '\n';
        if (choice.endComment) text += `${choice.endComment}\n`;
        if (!choice.finalNewline) text = text.replace(/\n+$/, '');
        if (choice.crlf) text = text.replace(/\n/g, '\r\n');
        const after = spliced(text);
        expect(inserted(text, after)).toBeDefined();
        expectAppended(text, after);
        // The new lines end as the file's lines do.
        if (choice.crlf) expect(after.replace(/\r\n/g, '')).not.toContain('\n');
      }),
      { numRuns: 300 },
    );
  });
});
