import { describe, expect, it } from 'vitest';
import type { Kind } from '../../src/schema/log-schema.js';
import { KINDS, KIND_PILLAR, fieldsOfKind } from '../../src/schema/log-schema.js';
import { brief, checkText } from '../helpers/check-text.js';

const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('validateLogFile', () => {
  it('accepts a valid file, applying the file defaults to each entry', () => {
    const { entries, problems } = checkText(
      lines(
        'village: 永胜村',
        'pillar: night-talk',
        'entries:',
        '  - date: 2023-04-08',
        '    kind: session',
        '    form: 集中畅谈',
        '    attendees: 35',
        '    time: "19:00"',
        '  - date: 2023-04-08',
        '    kind: suggestion',
        '    id: 12',
        '    text: 三组路灯不亮',
        '  - date: 2023-04-09',
        '    pillar: organization',
        '    kind: joint-org',
        '    name: 大瓦山联村党总支',
        '    villages: [永胜村, 大瓦山村]',
      ),
      ['永胜村', '大瓦山村'],
    );
    expect(problems).toEqual([]);
    expect(entries).toMatchObject([
      { kind: 'session', village: '永胜村', pillar: 'night-talk', attendees: 35, at: { file: 'log.yaml', line: 4, col: 5 } },
      { kind: 'suggestion', id: '12', fieldAt: { id: { line: 11, col: 9 } } },
      { kind: 'joint-org', pillar: 'organization', villages: ['永胜村', '大瓦山村'] },
    ]);
  });

  it('names the nearest kind for a typo, and the id for a Chinese name', () => {
    const { problems } = checkText(
      lines('village: 永胜村', 'pillar: night-talk', 'entries:', '  - date: 2023-04-08', '    kind: sesion', '  - date: 2023-04-08', '    kind: 意见建议'),
    );
    expect(brief(problems, 'value', 'suggestion')).toEqual([
      { code: 'E-UNKNOWN-KIND', at: '5:11', value: 'sesion', suggestion: 'session' },
      { code: 'E-UNKNOWN-KIND', at: '7:11', value: '意见建议', suggestion: 'suggestion' },
    ]);
  });

  it('still checks the date of an entry whose kind is unknown', () => {
    const { problems } = checkText(lines('village: 永胜村', 'pillar: talent', 'entries:', '  - date: 2023-02-30', '    kind: nonsense'));
    expect(brief(problems)).toEqual([
      { code: 'E-UNKNOWN-KIND', at: '5:11' },
      { code: 'E-DATE-IMPOSSIBLE', at: '4:11' },
    ]);
  });

  it('reports an unknown pillar, a kind under the wrong pillar, and one taken from the file default', () => {
    const { problems } = checkText(
      lines(
        'village: 永胜村',
        'pillar: talent',
        'entries:',
        '  - {date: 2023-04-08, pillar: nighttalk, kind: session, form: 集中畅谈, attendees: 3}',
        '  - {date: 2023-04-08, pillar: ecology, kind: session, form: 集中畅谈, attendees: 3}',
        '  - {date: 2023-04-08, kind: session, form: 集中畅谈, attendees: 3}',
      ),
    );
    expect(brief(problems, 'suggestion', 'expectedPillar', 'fromDefault')).toEqual([
      { code: 'E-UNKNOWN-PILLAR', at: '4:32', suggestion: 'night-talk' },
      { code: 'E-KIND-PILLAR-MISMATCH', at: '5:32', expectedPillar: 'night-talk' },
      { code: 'E-KIND-PILLAR-MISMATCH', at: '6:5', expectedPillar: 'night-talk', fromDefault: 'yes' },
    ]);
  });

  it('reports missing fields at the entry, and wrong values where they are written', () => {
    const { problems } = checkText(
      lines(
        'village: 永胜村',
        'pillar: night-talk',
        'entries:',
        '  - date: 08/04/2023',
        '    kind: session',
        '    form: 集中谈',
        '    attendees: 12.5',
        '  - date: 2023-04-08',
        '    kind: suggestion',
        '    text: ""',
      ),
    );
    expect(brief(problems, 'field', 'suggestion', 'expected', 'actual')).toEqual([
      { code: 'E-DATE-FORMAT', at: '4:11', field: 'date' },
      { code: 'E-NOT-ALLOWED', at: '6:11', field: 'form', suggestion: '集中畅谈' },
      { code: 'E-WRONG-TYPE', at: '7:16', field: 'attendees', expected: 'integer', actual: 'number' },
      { code: 'E-MISSING-FIELD', at: '8:5', field: 'id' },
      { code: 'E-EMPTY-VALUE', at: '10:11', field: 'text' },
    ]);
  });

  it('checks ranges', () => {
    const { problems } = checkText(
      lines(
        'village: 永胜村',
        'entries:',
        '  - {date: 2023-04-08, pillar: ecology, kind: evaluation, subject: 一片区, score: 101, stars: 0}',
        '  - {date: 2023-04-08, pillar: organization, kind: sale, product: 猪肉, quantity: 0, unit: 斤}',
        '  - {date: 2023-04-08, pillar: ecology, kind: team, name: 综合队, members: 0}',
      ),
    );
    expect(brief(problems, 'field', 'bound', 'limit')).toEqual([
      { code: 'E-OUT-OF-RANGE', at: '3:80', field: 'score', bound: 'max', limit: 100 },
      { code: 'E-OUT-OF-RANGE', at: '3:92', field: 'stars', bound: 'min', limit: 1 },
      { code: 'E-OUT-OF-RANGE', at: '4:81', field: 'quantity', bound: 'above', limit: 0 },
      { code: 'E-OUT-OF-RANGE', at: '5:73', field: 'members', bound: 'min', limit: 1 },
    ]);
  });

  it('requires a village except on joint organisations, and checks it against the roster', () => {
    const { problems } = checkText(
      lines(
        'pillar: organization',
        'entries:',
        '  - {date: 2023-04-08, kind: joint-org, name: 联建, villages: [永胜村, 永盛村]}',
        '  - {date: 2023-04-08, kind: project, name: 冷链}',
        '  - {date: 2023-04-08, kind: project, name: 冷链, village: 大瓦山}',
      ),
      ['永胜村', '大瓦山村'],
    );
    expect(brief(problems, 'field', 'value', 'suggestion')).toEqual([
      { code: 'E-UNKNOWN-VILLAGE', at: '3:67', value: '永盛村', suggestion: '永胜村' },
      { code: 'E-MISSING-FIELD', at: '4:5', field: 'village' },
      { code: 'E-UNKNOWN-VILLAGE', at: '5:58', value: '大瓦山', suggestion: '大瓦山村' },
    ]);
  });

  it('reports a bad file-level village once, not on every entry that uses it', () => {
    const { problems } = checkText(
      lines(
        'village: 永圣村',
        'pillar: talent',
        'entries:',
        '  - {date: 2023-04-08, kind: returnee, name: 王}',
        '  - {date: 2023-04-09, kind: returnee, name: 李}',
      ),
      ['永胜村'],
    );
    expect(brief(problems, 'suggestion')).toEqual([{ code: 'E-UNKNOWN-VILLAGE', at: '1:10', suggestion: '永胜村' }]);
  });

  it('warns about unknown fields with the nearest known one, and keeps the entry', () => {
    const { entries, problems } = checkText(
      lines(
        'village: 永胜村',
        'pillar: talent',
        'entrys: []',
        'entries:',
        '  - date: 2023-04-08',
        '    kind: training',
        '    topic: 电商',
        '    attendee: 30',
        '    attendees: 30',
      ),
    );
    expect(brief(problems, 'field', 'suggestion')).toEqual([
      { code: 'W-UNKNOWN-FIELD', at: '3:1', field: 'entrys', suggestion: 'entries' },
      { code: 'W-UNKNOWN-FIELD', at: '8:5', field: 'attendee', suggestion: 'attendees' },
    ]);
    expect(entries).toHaveLength(1);
  });

  it('explains a file of the wrong shape', () => {
    expect(brief(checkText('- date: 2023-04-08\n').problems, 'actual')).toEqual([{ code: 'E-NOT-A-MAPPING', at: '1:1', actual: 'list' }]);
    expect(brief(checkText('village: 永胜村\nentries: 3\n').problems, 'actual')).toEqual([{ code: 'E-ENTRIES-NOT-A-LIST', at: '2:10', actual: 'number' }]);
    expect(brief(checkText('village: 永胜村\nentries:\n  - 2023-04-08 开会\n').problems, 'index')).toEqual([
      { code: 'E-ENTRY-NOT-A-MAPPING', at: '3:5', index: 1 },
    ]);
    expect(brief(checkText('').problems)).toEqual([{ code: 'W-EMPTY-FILE', at: '0:0' }]);
    expect(brief(checkText('village: 永胜村\n').problems)).toEqual([{ code: 'W-NO-ENTRIES', at: '0:0' }]);
    // A file started for later, with its entries still to come, is fine.
    expect(checkText('village: 永胜村\nentries:\n').problems).toEqual([]);
    expect(checkText('village: 永胜村\nentries: []\n').problems).toEqual([]);
  });
});

describe('dates as clerks write them', () => {
  const session = (date: string) =>
    lines('village: 永胜村', 'pillar: night-talk', 'entries:', `  - {date: ${date}, kind: session, form: 集中畅谈, attendees: 3}`);

  it('reads 2023-4-8, 2023/4/8, 2023.4.8 and 2023年4月8日 as 2023-04-08', () => {
    for (const written of ['2023-04-08', '2023-4-8', '2023/4/8', '2023.4.8', '2023年4月8日', '"2023/04/08"']) {
      const { entries, problems } = checkText(session(written));
      expect(problems, written).toEqual([]);
      expect(entries[0]!.date, written).toBe('2023-04-08');
    }
  });

  it('knows month lengths and leap years in every style', () => {
    expect(brief(checkText(session('2024年2月29日')).problems)).toEqual([]);
    for (const impossible of ['2023年2月29日', '2023/4/31', '1900.2.29']) {
      expect(brief(checkText(session(impossible)).problems), impossible).toEqual([{ code: 'E-DATE-IMPOSSIBLE', at: '4:12' }]);
    }
    for (const unreadable of ['2023/04-08', '4/8/2023', '2023年4月8']) {
      expect(brief(checkText(session(`"${unreadable}"`)).problems), unreadable).toEqual([{ code: 'E-DATE-FORMAT', at: '4:12' }]);
    }
  });

  it('reads a resolved date the same way', () => {
    const { entries } = checkText(
      lines('village: 永胜村', 'pillar: night-talk', 'entries:', '  - {date: 2023/4/8, kind: suggestion, id: A, text: 路灯, resolved: 2023年4月12日}'),
    );
    expect(entries[0]).toMatchObject({ date: '2023-04-08', resolved: '2023-04-12' });
  });
});

describe('a missing required field', () => {
  // One valid entry of each kind, with every field its own (no file defaults).
  const valid: Record<Kind, Record<string, unknown>> = {
    'joint-org': { name: '大瓦山联村党总支部', villages: ['永胜村'] },
    project: { name: '冷链仓储' },
    sale: { product: '生态猪肉', quantity: 10, unit: '斤' },
    talent: { name: '王', role: '产业带头人' },
    returnee: { name: '王' },
    mentoring: { mentor: '王', mentees: ['李'] },
    cooperative: { name: '合作社' },
    'livelihood-project': { name: '民生项目' },
    training: { topic: '电商', attendees: 30 },
    education: { name: '王' },
    session: { form: '集中畅谈', attendees: 35 },
    suggestion: { id: 'A-1', text: '路灯不亮' },
    resolution: { ref: 'A-1' },
    team: { name: '综合队', members: 21 },
    'joint-action': { type: '护河行动' },
    evaluation: { subject: '一片区', score: 90 },
  };
  const file = (fields: Record<string, unknown>) =>
    lines('entries:', ...Object.entries(fields).map(([key, value], i) => `${i === 0 ? '  - ' : '    '}${key}: ${JSON.stringify(value)}`));

  it('is E-MISSING-FIELD, alone, whatever the field takes: text, a number, a choice, a list, a fixed word', () => {
    let checked = 0;
    for (const kind of KINDS) {
      const whole: Record<string, unknown> = { date: '2023-04-08', pillar: KIND_PILLAR[kind], kind, village: '永胜村', ...valid[kind] };
      expect(checkText(file(whole)).problems, kind).toEqual([]);
      for (const field of [...fieldsOfKind(kind).required, 'kind']) {
        const { [field]: _left, ...rest } = whole;
        const { problems } = checkText(file(rest));
        expect(brief(problems, 'field'), `${kind} without ${field}`).toEqual([{ code: 'E-MISSING-FIELD', at: '2:5', field }]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('values typed on a Chinese keyboard', () => {
  const session = (...fields: string[]) =>
    lines('village: 永胜村', 'pillar: night-talk', 'entries:', '  - date: 2023-04-08', '    kind: session', ...fields.map((f) => `    ${f}`));
  const project = (investment: string) =>
    lines(
      'village: 永胜村',
      'pillar: organization',
      'entries:',
      '  - date: 2023-04-08',
      '    kind: project',
      '    name: 冷链',
      `    investment: ${investment}`,
    );

  it('reads full-width digits as the number meant, and says so where they were written', () => {
    const { entries, problems } = checkText(session('form: 集中畅谈', 'attendees: ３５'));
    expect(entries[0]).toMatchObject({ attendees: 35 });
    expect(brief(problems, 'value', 'read')).toEqual([{ code: 'W-FULLWIDTH-DIGITS', at: '7:16', value: '３５', read: '35' }]);
  });

  it("reads full-width dates, and a suggestion's resolved date, as the day meant", () => {
    const { entries, problems } = checkText(
      lines(
        'village: 永胜村',
        'pillar: night-talk',
        'entries:',
        '  - {date: ２０２３－０４－０８, kind: suggestion, id: A, text: 路灯, resolved: ２０２３年４月１２日}',
      ),
    );
    expect(entries[0]).toMatchObject({ date: '2023-04-08', resolved: '2023-04-12' });
    expect(brief(problems, 'field')).toEqual([
      { code: 'W-FULLWIDTH-DIGITS', at: '4:12', field: 'date' },
      { code: 'W-FULLWIDTH-DIGITS', at: '4:69', field: 'resolved' },
    ]);
  });

  it('reads thousands grouped in threes as the number, in every number field', () => {
    for (const [written, value] of [
      ['3，000，000', 3_000_000],
      ['3,000,000', 3_000_000],
      ['30，500，000', 30_500_000],
      ['1,234.5', 1234.5],
      ['３，０００，０００', 3_000_000],
    ] as const) {
      const { entries, problems } = checkText(project(written));
      expect(entries[0], written).toMatchObject({ investment: value });
      expect(
        problems.map((p) => p.severity),
        written,
      ).not.toContain('error');
      expect(
        problems.map((p) => p.code),
        written,
      ).toContain('W-NUMBER-GROUPING');
    }
    const sale = checkText(
      lines('village: 永胜村', 'entries:', '  - {date: 2023-04-08, pillar: organization, kind: sale, product: 猪肉, quantity: 12，500, unit: 斤}'),
    );
    expect(sale.entries[0]).toMatchObject({ quantity: 12_500 });
    const training = checkText(
      lines('village: 永胜村', 'pillar: talent', 'entries:', '  - date: 2023-04-08', '    kind: training', '    topic: 电商', '    attendees: 1,200'),
    );
    expect(training.entries[0]).toMatchObject({ attendees: 1200 });
  });

  it('refuses thousands not grouped in threes, and offers the digits to check', () => {
    const { entries, problems } = checkText(project('30，00，000'));
    expect(entries).toEqual([]);
    expect(brief(problems, 'value', 'ungrouped')).toEqual([{ code: 'E-WRONG-TYPE', at: '7:17', value: '30，00，000', ungrouped: '3000000' }]);
  });

  it('says nothing of full-width digits in a value that is wrong anyway, and names the value as read', () => {
    expect(brief(checkText(session('form: 集中畅谈', 'attendees: １２．５')).problems, 'value')).toEqual([{ code: 'E-WRONG-TYPE', at: '7:16', value: '12.5' }]);
    const impossible = lines(
      'village: 永胜村',
      'pillar: night-talk',
      'entries:',
      '  - {date: ２０２３-０４-３１, kind: session, form: 集中畅谈, attendees: 3}',
    );
    expect(brief(checkText(impossible).problems, 'value')).toEqual([{ code: 'E-DATE-IMPOSSIBLE', at: '4:12', value: '2023-04-31' }]);
  });

  it('refuses Chinese quotes around a number, a date, a time, a choice, a kind or a pillar, with the value as it should be', () => {
    const { problems } = checkText(
      lines(
        'village: 永胜村',
        'pillar: “night-talk”',
        'entries:',
        '  - date: “2023-04-08”',
        '    pillar: night-talk',
        '    kind: session',
        '    form: 「集中畅谈」',
        '    attendees: “35”',
        '    time: “19:00”',
        '  - date: 2023-04-08',
        '    kind: “session”',
        '  - {date: 2023-04-08, pillar: organization, kind: sale, product: 猪肉, quantity: ‘12’, unit: “斤”}',
        '  - {date: 2023-04-08, pillar: ecology, kind: evaluation, subject: 一片区, score: “90”}',
      ),
    );
    expect(brief(problems, 'field', 'example')).toEqual([
      { code: 'E-FULLWIDTH-QUOTES', at: '2:9', field: 'pillar', example: 'pillar: night-talk' },
      { code: 'E-FULLWIDTH-QUOTES', at: '4:11', field: 'date', example: 'date: 2023-04-08' },
      { code: 'E-FULLWIDTH-QUOTES', at: '7:11', field: 'form', example: 'form: 集中畅谈' },
      { code: 'E-FULLWIDTH-QUOTES', at: '8:16', field: 'attendees', example: 'attendees: 35' },
      { code: 'E-FULLWIDTH-QUOTES', at: '9:11', field: 'time', example: 'time: "19:00"' },
      { code: 'E-FULLWIDTH-QUOTES', at: '11:11', field: 'kind', example: 'kind: session' },
      { code: 'E-FULLWIDTH-QUOTES', at: '12:81', field: 'quantity', example: 'quantity: 12' },
      { code: 'E-FULLWIDTH-QUOTES', at: '12:93', field: 'unit', example: 'unit: 斤' },
      { code: 'E-FULLWIDTH-QUOTES', at: '13:80', field: 'score', example: 'score: 90' },
    ]);
  });

  it('never flags Chinese quotes in text, around it or inside it', () => {
    const { entries, problems } = checkText(
      lines(
        'village: 永胜村',
        'pillar: night-talk',
        'entries:',
        '  - date: 2023-04-08',
        '    kind: session',
        '    form: 集中畅谈',
        '    attendees: 35',
        '    location: “村文化广场”',
        '    time: 晚上7点',
        '    note: 村民提出“路灯不亮”等问题',
        '  - {date: 2023-04-08, kind: suggestion, id: A, text: “三组路灯不亮”, topic: 「村庄环境整治」}',
        '  - {date: 2023-04-09, pillar: organization, kind: joint-org, name: “大瓦山联村党总支部”, villages: [“永胜村”]}',
      ),
    );
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(3);
  });
});

describe('a refused suggestion', () => {
  it('is kept with what of it could be read, for the checks across files', () => {
    const { entries, refusedSuggestions } = checkText(
      lines(
        'village: 红旗村',
        'pillar: night-talk',
        'entries:',
        '  - date: 2026-11-31',
        '    kind: suggestion',
        '    id: 红旗-20261109-01',
        '    text: 路灯不亮',
        '  - {date: 2026-11-09, kind: suggestion, id: 红旗-20261109-02, text: ""}',
        '  - {date: 2026-11-09, kind: suggestion, id: [x], text: 修路}',
      ),
    );
    expect(entries).toEqual([]);
    expect(refusedSuggestions).toMatchObject([
      { id: '红旗-20261109-01', date: undefined, village: '红旗村', at: { line: 4, col: 5 }, fieldAt: { id: { line: 6, col: 9 } } },
      { id: '红旗-20261109-02', date: '2026-11-09', village: '红旗村' },
    ]);
  });
});
