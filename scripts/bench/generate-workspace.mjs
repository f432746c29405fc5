#!/usr/bin/env node
/**
 * Writes a synthetic workspace for the benchmark: every kind of entry in
 * proportions like a real township's, one log file per village per month as
 * clerks keep them, and the same bytes on every run (a seeded random source).
 *
 * `county-wide` is the county with wide joint organisations (a 片区联合党委
 * of dozens of villages, a few district-wide): the village entries are the
 * county's, byte for byte, so the two reports differ only by that width.
 *
 *   node scripts/bench/generate-workspace.mjs <township|county|county-wide|province> <dir>
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { seededRandom } from './seeded-random.mjs';

export const WORKSPACE_SIZES = {
  township: { region: '示范县向阳镇', villages: 7, months: 4, entriesPerVillageMonth: 43 },
  county: { region: '示范县', villages: 200, months: 12, entriesPerVillageMonth: 42 },
  'county-wide': {
    region: '示范县',
    villages: 200,
    months: 12,
    entriesPerVillageMonth: 42,
    // Villages per joint organisation, and the share of them that take in every village.
    jointOrgWidth: { min: 20, max: 100, districtWideShare: 0.08 },
  },
  province: { region: '示范省', villages: 2000, months: 12, entriesPerVillageMonth: 42 },
};

export const STAMP_FILE = '.bench-workspace.json';

// Derived from the generator's own source, so that any change to it makes the
// bench regenerate kept workspaces instead of measuring stale ones.
export const GENERATOR_VERSION = createHash('sha256')
  .update(readFileSync(new URL(import.meta.url)))
  .update(readFileSync(new URL('./seeded-random.mjs', import.meta.url)))
  .digest('hex')
  .slice(0, 16);

const YEAR = 2023;
const SEED = 20230408;
const SESSION_DAY = 8;
const RESOLVED_SHARE = 0.6;

// Shares of the entries a village logs in a month, besides its night talk and
// the resolution entries that follow from its suggestions (about 12% more).
const KIND_WEIGHTS = {
  suggestion: 40,
  sale: 8,
  training: 6,
  evaluation: 6,
  project: 5,
  talent: 4,
  'joint-action': 3,
  mentoring: 3,
  returnee: 2,
  'livelihood-project': 2,
  'extra-session': 1.5,
  cooperative: 1.5,
  education: 1.5,
};
const RESOLUTION_ENTRY_SHARE = 0.12;

const VILLAGE_STEMS = [
  '新华',
  '永胜',
  '大瓦山',
  '胜利',
  '和平',
  '共安',
  '红星',
  '光明',
  '建设',
  '团结',
  '幸福',
  '东风',
  '向阳',
  '金星',
  '前进',
  '新民',
  '长丰',
  '太平',
  '双河',
  '石桥',
  '青山',
  '白岩',
  '龙泉',
  '凤凰',
  '桃源',
  '柳树',
  '清水',
  '黄田',
  '高峰',
  '三合',
  '五星',
  '联合',
  '民主',
  '富民',
  '兴隆',
  '安乐',
  '顺河',
  '官坝',
  '松林',
  '红岩',
];
const SURNAMES = ['李', '王', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '胡', '郭', '何', '罗', '吉克', '阿苏', '沙马'];
const GIVEN_NAMES = ['娜', '建国', '秀英', '志强', '桂芳', '明', '伟', '丽', '军', '小红', '德华', '木呷', '阿果', '海燕', '春梅', '永红', '文斌', '玉兰'];
const SUGGESTIONS = [
  ['三组路灯不亮，夜间出行不便', '公共服务'],
  ['通组路硬化后路肩没培土', '道路交通'],
  ['养殖场扩建后粪污处理要跟上', '村庄环境整治'],
  ['希望生态猪肉能进机关食堂长期供货', '产业发展'],
  ['雨季快到了，希望排查一下危房', '防灾减灾'],
  ['红白喜事大操大办，人情负担重', '移风易俗'],
  ['七组自来水收费标准不清楚', '饮水安全'],
  ['村卫生室常用药品不够', '医疗卫生'],
  ['希望开设农村电商培训', '产业发展'],
  ['河边垃圾没人清运', '村庄环境整治'],
  ['留守老人吃饭难，希望办老年食堂', '公共服务'],
  ['学生上学路上没有护栏', '道路交通'],
  ['茶叶收购价偏低，希望联系销路', '产业发展'],
  ['二组水渠堵塞，影响灌溉', '农田水利'],
  ['希望村务公开栏按月更新', '村务管理'],
  ['山上有人违规养殖，污染水源', '村庄环境整治'],
];
const RESOLUTION_NOTES = ['已协调相关部门解决', '村两委现场办结', '已落实整改，群众满意', '已纳入项目统一解决', '已回访，群众认可'];
const TRAINING_TOPICS = ['农村电商与直播带货', '茶叶种植与管护', '防汛避险与应急处置', '生态养殖技术', '党史学习教育', '农机安全操作', '魔芋种植技术'];
const TALENT_ROLES = ['产业带头人', '村级后备干部', '致富能手'];
const LIVELIHOOD_PROJECTS = ['老年食堂', '村级文化广场', '农家书屋提升', '饮水安全巩固', '便民服务站', '儿童之家'];
const PROJECTS = ['生态鸡蛋养殖基地', '茶叶加工厂', '农特产品冷链仓储中心', '乡村旅游民宿', '中药材种植基地', '光伏发电站', '高标准农田'];
const PRODUCTS = ['生态鸡蛋', '土豆', '茶叶', '核桃', '蜂蜜', '生态猪肉', '魔芋', '中药材', '花椒'];
const ACTION_TYPES = ['护河行动', '违规养殖清理', '防汛救灾', '森林防火巡查', '垃圾集中清运'];
const EVALUATION_SUBJECTS = ['环境卫生', '河道管护', '垃圾分类', '庭院整治'];
const LOCATIONS = ['村文化广场', '村委会议室', '党群服务中心', '农家院坝'];
const ENTRY_NOTES = ['已录入台账', '乡党委参加指导', '群众反响良好', '照片已存档'];

/** Writes the workspace of `size` into `dir` (which must be empty or absent) and returns what it holds. */
export function generateWorkspace(size, dir) {
  const plan = WORKSPACE_SIZES[size];
  if (!plan) throw new Error(`unknown size "${size}": expected one of ${Object.keys(WORKSPACE_SIZES).join(', ')}`);
  const random = seededRandom(SEED);
  const villages = villageNames(plan.villages);
  const totals = { files: 0, entries: 0, reportMonthEntries: 0, bytes: 0 };
  const writeLog = (month, fileName, text, entryCount) => {
    const folder = path.join(dir, 'logs', String(YEAR), pad(month));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, fileName), text);
    totals.files += 1;
    totals.entries += entryCount;
    totals.bytes += Buffer.byteLength(text);
    if (month === plan.months) totals.reportMonthEntries += entryCount;
  };

  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'revitalize.yaml'), configText(plan, villages));
  for (const village of villages) writeVillageLogs(village, plan, random, writeLog);
  for (let month = 1; month <= plan.months; month++) writeJointLog(month, villages, plan, random, writeLog);

  const summary = {
    size,
    region: plan.region,
    villages: plan.villages,
    months: plan.months,
    reportMonth: `${YEAR}-${pad(plan.months)}`,
    ...totals,
  };
  // Written last: a workspace whose generation was interrupted has no stamp and is made again.
  writeFileSync(path.join(dir, STAMP_FILE), `${JSON.stringify({ generator: GENERATOR_VERSION, summary }, null, 2)}\n`);
  return summary;
}

/** What a generated workspace holds, or undefined when `dir` is not one made by this version of the generator. */
export function readWorkspaceStamp(dir, size) {
  try {
    const stamp = JSON.parse(readFileSync(path.join(dir, STAMP_FILE), 'utf8'));
    return stamp.generator === GENERATOR_VERSION && stamp.summary?.size === size ? stamp.summary : undefined;
  } catch {
    return undefined;
  }
}

function villageNames(count) {
  const digits = Math.max(3, String(count).length);
  return Array.from({ length: count }, (_, index) => {
    const stem = VILLAGE_STEMS[index % VILLAGE_STEMS.length];
    const number = String(index + 1).padStart(digits, '0');
    return { name: `${stem}村${number}`, stem, idPrefix: `${stem}${number}` };
  });
}

function configText(plan, villages) {
  return [
    '# 性能基准用的合成工作区，由 scripts/bench/generate-workspace.mjs 生成，请勿手改',
    `region: ${plan.region}`,
    'villages:',
    ...villages.map((village) => `  - ${village.name}`),
    'targets:',
    '  - metric: night-talk.resolution-rate',
    '    atLeast: 60%',
    '  - metric: night-talk.sessions',
    '    atLeast: 1',
    '    perVillage: true',
    '  - metric: organization.investment',
    '    period: year',
    `    atLeast: ${plan.villages * 50_000_000}`,
    'cadence:',
    '  - kind: session',
    `    day: ${SESSION_DAY}`,
    'overdueDays: 30',
    '',
  ].join('\n');
}

function writeVillageLogs(village, plan, random, writeLog) {
  // Resolution entries wait here for the month they happen in, so they land in that month's file.
  const resolutionsByMonth = Array.from({ length: plan.months + 1 }, () => []);
  for (let month = 1; month <= plan.months; month++) {
    const entries = [];
    const lastDay = daysInMonth(month);
    const day = () => random.integer(1, lastDay);
    const suggestionsOnDay = new Map();

    // A few villages hold the night talk a day or two late, as happens: the report's cadence check has misses to list.
    const sessionDay = random.chance(0.03) ? SESSION_DAY + random.integer(1, 2) : SESSION_DAY;
    entries.push(session(month, sessionDay, random, random.pick(['集中畅谈', '集中畅谈', '专题座谈']), random.integer(20, 80)));
    if (month === 1)
      entries.push(
        entry(month, day(), 'ecology', 'team', [
          ['name', `${village.stem}生态管护队`],
          ['members', random.integer(5, 20)],
        ]),
      );

    const target = plan.entriesPerVillageMonth + random.integer(-4, 4);
    const freeSlots = target - entries.length - Math.round(target * RESOLUTION_ENTRY_SHARE);
    for (let slot = 0; slot < freeSlots; slot++) {
      const kind = random.weighted(KIND_WEIGHTS);
      if (kind === 'suggestion') {
        const suggestionDay = random.chance(0.6) ? SESSION_DAY : day();
        entries.push(suggestion(village, month, suggestionDay, suggestionsOnDay, plan, random, resolutionsByMonth));
      } else {
        entries.push(villageActivity(kind, village, month, day(), random));
      }
    }
    entries.push(...resolutionsByMonth[month]);
    entries.sort((left, right) => left.day - right.day);

    const header = [`# ${village.name} ${YEAR}年${month}月“四联”工作台账`, `# 记录人：${person(random)}`, `village: ${village.name}`];
    writeLog(month, `${village.name}.yaml`, logText(header, entries), entries.length);
  }
}

function suggestion(village, month, day, suggestionsOnDay, plan, random, resolutionsByMonth) {
  const sequence = (suggestionsOnDay.get(day) ?? 0) + 1;
  suggestionsOnDay.set(day, sequence);
  const id = `${village.idPrefix}-${YEAR}${pad(month)}${pad(day)}-${pad(sequence)}`;
  const [text, topic] = random.pick(SUGGESTIONS);
  const fields = [
    ['id', id],
    ['text', text],
    ['topic', topic],
  ];
  if (random.chance(RESOLVED_SHARE)) {
    // Most are settled within days, a few take a couple of months; those past the last month stay open.
    const resolvedOn = addDays(month, day, 1 + Math.floor(random.next() ** 2 * 60));
    const inline = random.chance(0.5);
    if (resolvedOn.month <= plan.months) {
      if (inline) fields.push(['resolved', isoDate(resolvedOn.month, resolvedOn.day)]);
      else {
        const notes = random.chance(0.5) ? [['note', random.pick(RESOLUTION_NOTES)]] : [];
        resolutionsByMonth[resolvedOn.month].push(entry(resolvedOn.month, resolvedOn.day, 'night-talk', 'resolution', [['ref', id], ...notes]));
      }
    }
  }
  return entry(month, day, 'night-talk', 'suggestion', fields);
}

function villageActivity(kind, village, month, day, random) {
  const note = random.chance(0.1) ? [['note', random.pick(ENTRY_NOTES)]] : [];
  const make = (pillar, entryKind, fields) => entry(month, day, pillar, entryKind, [...fields, ...note]);
  switch (kind) {
    case 'extra-session': {
      const otherDay = day === SESSION_DAY ? SESSION_DAY + 1 : day;
      return session(month, otherDay, random, random.pick(['入户访谈', '定点接谈']), random.integer(3, 20));
    }
    case 'sale':
      return make('organization', 'sale', saleFields(random));
    case 'project':
      return make('organization', 'project', [
        ['name', `${village.stem}${random.pick(PROJECTS)}`],
        ['investment', random.integer(5, 500) * 10_000],
        ['status', random.pick(['planned', 'landed'])],
      ]);
    case 'training':
      return make('talent', 'training', [
        ['topic', random.pick(TRAINING_TOPICS)],
        ['attendees', random.integer(15, 90)],
      ]);
    case 'talent':
      return make('talent', 'talent', [
        ['name', person(random)],
        ['role', random.pick(TALENT_ROLES)],
      ]);
    case 'returnee':
      return make('talent', 'returnee', [['name', person(random)]]);
    case 'mentoring': {
      const mentees = Array.from({ length: random.integer(1, 3) }, () => person(random));
      return make('talent', 'mentoring', [
        ['mentor', person(random)],
        ['mentees', mentees],
        ['mode', mentees.length === 1 ? '一对一' : '一对多'],
      ]);
    }
    case 'cooperative':
      return make('talent', 'cooperative', [['name', `${village.stem}${random.pick(PRODUCTS)}专业合作社`]]);
    case 'livelihood-project':
      return make('talent', 'livelihood-project', [['name', `${village.stem}${random.pick(LIVELIHOOD_PROJECTS)}`]]);
    case 'education':
      return make('talent', 'education', [['name', person(random)]]);
    case 'joint-action':
      return make('ecology', 'joint-action', [
        ['type', random.pick(ACTION_TYPES)],
        ['participants', random.integer(10, 60)],
      ]);
    case 'evaluation': {
      const score = random.integer(55, 100);
      const stars = random.chance(0.3) ? [['stars', starsFor(score)]] : [];
      return make('ecology', 'evaluation', [['subject', `${village.stem}${random.pick(EVALUATION_SUBJECTS)}`], ['score', score], ...stars]);
    }
    default:
      throw new Error(`no generator for kind ${kind}`);
  }
}

function session(month, day, random, form, attendees) {
  return entry(month, day, 'night-talk', 'session', [
    ['form', form],
    ['attendees', attendees],
    ['location', random.pick(LOCATIONS)],
    ['time', `"${random.pick(['19:00', '19:30', '20:00'])}"`],
  ]);
}

function saleFields(random) {
  const unit = random.weighted({ 斤: 5, 公斤: 3, 吨: 2 });
  const quantity = unit === '吨' ? (random.integer(5, 200) / 10).toFixed(1) : random.integer(50, 5000);
  return [
    ['product', random.pick(PRODUCTS)],
    ['quantity', quantity],
    ['unit', unit],
  ];
}

// The township's cross-village file: joint organisations and joint actions that belong to no single village.
function writeJointLog(month, villages, plan, random, writeLog) {
  const entries = [];
  const lastDay = daysInMonth(month);
  const neighbours = (fewest = 2, most = 4) => {
    const start = random.integer(0, villages.length - 1);
    const count = Math.min(villages.length, random.integer(fewest, most));
    return Array.from({ length: count }, (_, offset) => villages[(start + offset) % villages.length]);
  };
  // Joint organisations are 2–4 neighbours unless the plan makes them wide.
  const jointOrgVillages = () => {
    const width = plan.jointOrgWidth;
    if (!width) return neighbours();
    return random.chance(width.districtWideShare) ? villages : neighbours(width.min, width.max);
  };
  for (let index = 0; index < Math.max(1, Math.round(plan.villages / 25)); index++) {
    const group = jointOrgVillages();
    const name = `${group[0].stem}—${group[1].stem}${random.pick(['产业', '产销', '生态', '文旅'])}联合党支部`;
    entries.push(
      entryWithoutPillar(month, random.integer(1, lastDay), 'joint-org', [
        ['name', name],
        ['villages', group.map((village) => village.name)],
      ]),
    );
  }
  for (let index = 0; index < Math.max(1, Math.round(plan.villages / 40)); index++) {
    const group = neighbours();
    entries.push(
      entry(month, random.integer(1, lastDay), 'ecology', 'joint-action', [
        ['village', group[0].name],
        ['type', random.pick(ACTION_TYPES)],
        ['participants', random.integer(20, 120)],
        ['villages', group.map((village) => village.name)],
      ]),
    );
  }
  entries.sort((left, right) => left.day - right.day);
  const header = [`# ${YEAR}年${month}月 跨村联建及跨村联合行动台账`, 'pillar: organization'];
  writeLog(month, '跨村联建.yaml', logText(header, entries), entries.length);
}

function entry(month, day, pillar, kind, fields) {
  return { day, lines: [`  - date: ${isoDate(month, day)}`, `    pillar: ${pillar}`, `    kind: ${kind}`, ...fieldLines(fields)] };
}

function entryWithoutPillar(month, day, kind, fields) {
  return { day, lines: [`  - date: ${isoDate(month, day)}`, `    kind: ${kind}`, ...fieldLines(fields)] };
}

// Values are written as clerks type them; every text above is a safe plain YAML scalar.
function fieldLines(fields) {
  return fields.map(([key, value]) => `    ${key}: ${Array.isArray(value) ? `[${value.join(', ')}]` : value}`);
}

function logText(header, entries) {
  return `${[...header, 'entries:', entries.map((item) => item.lines.join('\n')).join('\n\n')].join('\n')}\n`;
}

function person(random) {
  return random.pick(SURNAMES) + random.pick(GIVEN_NAMES);
}

function starsFor(score) {
  return score >= 90 ? 5 : score >= 80 ? 4 : score >= 70 ? 3 : score >= 60 ? 2 : 1;
}

function daysInMonth(month) {
  return new Date(Date.UTC(YEAR, month, 0)).getUTCDate();
}

function addDays(month, day, days) {
  const date = new Date(Date.UTC(YEAR, month - 1, day + days));
  return date.getUTCFullYear() > YEAR ? { month: 13, day: 1 } : { month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function isoDate(month, day) {
  return `${YEAR}-${pad(month)}-${pad(day)}`;
}

function pad(number) {
  return String(number).padStart(2, '0');
}

function runFromCommandLine([size, dir]) {
  if (!WORKSPACE_SIZES[size] || !dir) {
    console.error(`usage: node scripts/bench/generate-workspace.mjs <${Object.keys(WORKSPACE_SIZES).join('|')}> <dir>`);
    return 2;
  }
  const target = path.resolve(dir);
  // Only a folder this generator made may be replaced: a typo in <dir> must not wipe someone's work.
  if (existsSync(target) && readdirSync(target).length > 0) {
    if (!existsSync(path.join(target, STAMP_FILE))) {
      console.error(`${target} is not empty and was not made by this generator: refusing to write into it`);
      return 2;
    }
    rmSync(target, { recursive: true, force: true });
  }
  const started = performance.now();
  const summary = generateWorkspace(size, target);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(
    `${size}: ${summary.entries} entries (${summary.reportMonthEntries} in ${summary.reportMonth}) in ${summary.files} files, ${(summary.bytes / 2 ** 20).toFixed(1)} MiB, written to ${target} in ${seconds} s`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = runFromCommandLine(process.argv.slice(2));
}
