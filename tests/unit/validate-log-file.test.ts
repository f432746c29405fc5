import { describe, expect, it } from 'vitest';
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
      lines('village: 永圣村', 'pillar: talent', 'entries:', '  - {date: 2023-04-08, kind: returnee, name: 王}', '  - {date: 2023-04-09, kind: returnee, name: 李}'),
      ['永胜村'],
    );
    expect(brief(problems, 'suggestion')).toEqual([{ code: 'E-UNKNOWN-VILLAGE', at: '1:10', suggestion: '永胜村' }]);
  });

  it('warns about unknown fields with the nearest known one, and keeps the entry', () => {
    const { entries, problems } = checkText(
      lines('village: 永胜村', 'pillar: talent', 'entrys: []', 'entries:', '  - date: 2023-04-08', '    kind: training', '    topic: 电商', '    attendee: 30', '    attendees: 30'),
    );
    expect(brief(problems, 'field', 'suggestion')).toEqual([
      { code: 'W-UNKNOWN-FIELD', at: '3:1', field: 'entrys', suggestion: 'entries' },
      { code: 'W-UNKNOWN-FIELD', at: '8:5', field: 'attendee', suggestion: 'attendees' },
    ]);
    expect(entries).toHaveLength(1);
  });

  it('explains a file of the wrong shape', () => {
    expect(brief(checkText('- date: 2023-04-08\n').problems, 'actual')).toEqual([{ code: 'E-NOT-A-MAPPING', at: '1:1', actual: 'list' }]);
    expect(brief(checkText('village: 永胜村\nentries: 3\n').problems, 'actual')).toEqual([
      { code: 'E-ENTRIES-NOT-A-LIST', at: '2:10', actual: 'number' },
    ]);
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
