import { describeChange, formatFigure } from '../figures/format-figure.js';
import type { Catalogue } from './catalogue.js';
import { helpZhCN } from './help-zh-CN.js';
import { targetGoalZhCN, writeProseZhCN } from './prose-zh-CN.js';
import { asText, fileSize, list, metricLabels } from './catalogue.js';
import type { ParamsOf } from '../problems/problem.js';
import type { Pillar } from '../schema/log-schema.js';
import { KIND_NAMES, PILLAR_NAMES } from '../schema/kind-names.js';
import type { NoteSection } from '../notes/note-sections.js';
import { NOTE_SECTIONS } from '../notes/note-sections.js';

const jsonTypes: Record<string, string> = {
  object: '对象（{ }）',
  array: '列表（[ ]）',
  string: '文字',
  number: '数字',
  integer: '整数',
  boolean: '是/否值（true 或 false）',
  null: '空值（null）',
  missing: '缺失',
  valid: '有效值',
};
const expectedJson = (p: ParamsOf<'E-ROLLUP-WRONG-SHAPE'>) =>
  p.expected === 'oneOf' ? `以下之一：${options(p.allowed)}` : (jsonTypes[p.expected] ?? p.expected);
const monthName = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
/** Months of one year: 2023年1—4月, or 2023年4月 alone. */
const monthSpan = (from: string, to: string) =>
  from === to ? monthName(to) : `${Number(from.slice(0, 4))}年${Number(from.slice(5, 7))}—${Number(to.slice(5, 7))}月`;
const didYouMean = (suggestion: string | undefined) => (suggestion ? `是不是想写“${suggestion}”？` : '');
const quoted = (value: string | undefined) => (value === undefined ? '' : `“${value}”`);
const options = (allowed: readonly string[] | undefined) => list(allowed, '、');

const valueTypes: Record<string, string> = {
  text: '文字',
  integer: '整数',
  number: '数字',
  list: '列表',
  mapping: '“字段: 值”映射',
  empty: '空值',
  boolean: '是/否值（true/false）',
  valid: '有效值',
};
const typeName = (name: string) => valueTypes[name] ?? name;
/** A kind as the clerk wrote it, with its Chinese name: session（居民夜谈会）记录. */
const kindRecord = (kind: string | undefined) => {
  const name = kinds[asText(kind) as keyof typeof kinds];
  return `${asText(kind)}${name ? `（${name}）` : ''}记录`;
};

const syntaxExplanations: Record<string, [string, string]> = {
  BAD_INDENT: ['缩进没有对齐', '同一层的字段要左对齐，只用空格缩进（通常每层 2 个空格）；用 [ ] 写列表时别忘了最后的 ]'],
  TAB_AS_INDENT: ['用了 Tab 键缩进', '把行首的 Tab 换成空格'],
  MISSING_CHAR: ['缺少闭合的引号或括号', '补上缺少的 " \' ] 或 }'],
  MULTILINE_IMPLICIT_KEY: ['这一行不是“字段: 值”的写法', '每行写成“字段: 值”，冒号后面要有一个空格；检查上一行的引号是否成对'],
  BLOCK_AS_IMPLICIT_KEY: ['一行里出现了两个“: ”', '值里含有冒号时，请把整个值用引号括起来，如 note: "时间: 晚上7点"'],
  UNEXPECTED_TOKEN: ['出现了不该出现的符号', '检查这一行的冒号、短横线和括号；文字中含有 : # 等符号时请加引号'],
  BAD_SCALAR_START: ['值以特殊符号开头', '以 @ ` % | > 等符号开头的文字要用引号括起来，如 note: "@张三 已处理"'],
  BAD_ALIAS: ['引用（*名称）指向不存在的锚点', '日志中不需要用 & 和 *，请直接写出内容'],
  TOO_DEEP: ['嵌套层数过多', '日志只需要两三层缩进；检查是否多写了 [ 或 {'],
  MISSING_COLON: ['这一行缺少冒号，不是“字段: 值”的写法', '每行写成“字段: 值”：冒号用半角“:”，后面加一个空格'],
  CONTROL_CHARACTER: ['这里有一个看不见的控制字符', '删除它：这类字符常随网页、表格或终端里复制的文字一起粘贴进来；拿不准时把这段文字删掉重新输入'],
  TAG_RESOLVE_FAILED: ['值前面有以 ! 开头的 YAML 标签，日志中不使用', '删除以 ! 开头的标签，直接写值；内容本身以 ! 开头时请加引号，如 note: "!重要"'],
  BAD_DQ_ESCAPE: ['双引号里的反斜杠 \\ 后面不是有效的写法', '要写反斜杠本身，请连写两个（\\\\），或把这个值改用单引号括起来'],
  RESOURCE_EXHAUSTION: ['嵌套层数过多', '日志只需要两三层缩进；检查是否多写了 [ 或 {'],
  BLOCK_IN_FLOW: ['用 [ ] 或 { } 写的内容中出现了换行缩进的写法', '[ ] 里的内容写在一行里，用逗号分隔，如 villages: [永胜村, 胜利村]'],
  NON_STRING_KEY: ['字段名不是文字', '字段名只写文字，写成“字段: 值”，如 note: 内容'],
  KEY_OVER_1024_CHARS: ['字段名太长（超过 1024 个字符）', '每行写成“字段: 值”，冒号后面加一个空格；长的内容写在冒号后面'],
  MULTIPLE_ANCHORS: ['值前面有多余的 & 或 ! 标记', '日志中不需要 & * ! 这些标记，请删除，直接写出内容'],
  MULTIPLE_TAGS: ['值前面有多余的 & 或 ! 标记', '日志中不需要 & * ! 这些标记，请删除，直接写出内容'],
  ALIAS_PROPS: ['值前面有多余的 & 或 ! 标记', '日志中不需要 & * ! 这些标记，请删除，直接写出内容'],
  BAD_PROP_ORDER: ['值前面有多余的 & 或 ! 标记', '日志中不需要 & * ! 这些标记，请删除，直接写出内容'],
  BAD_DIRECTIVE: ['以 % 开头的行不是日志的写法', '删除这一行；内容本身以 % 开头时请加引号'],
  BAD_COLLECTION_TYPE: ['这里的列表或映射写法不对', '对照 docs/zh-CN/logs.md 中的示例，检查这一行和上一行的写法'],
  IMPOSSIBLE: ['这里的写法无法解析', '对照 docs/zh-CN/logs.md 中的示例，检查这一行和上一行的写法'],
};
const syntax = (yamlCode: string) => syntaxExplanations[yamlCode];

/** A full-width space (U+3000) where YAML needs a space, by where it was typed. */
const fullwidthSpace: Record<ParamsOf<'E-FULLWIDTH-SPACE'>['where'], (p: ParamsOf<'E-FULLWIDTH-SPACE'>) => { message: string; hint: string }> = {
  indent: () => ({
    message: '行首的缩进用了全角空格（输入法全角状态下的空格），YAML 不把它当作缩进',
    hint: '把行首的全角空格换成半角空格，同一层的字段左对齐（通常每层 2 个空格）；全角空格来自输入法的全角状态，可按 Shift+空格 切换到半角',
  }),
  blank: () => ({ message: '这一行只有全角空格', hint: '删除这一行中的全角空格：空行里不要留任何字符' }),
  'after-dash': () => ({ message: '短横线“-”后面是全角空格，YAML 只认半角空格', hint: '把它换成半角空格，写成“- ”' }),
  'after-colon': (p) => ({
    message: `字段 ${asText(p.key)} 的冒号后面是全角空格，YAML 只认半角空格`,
    hint: `把它换成半角空格，写成“${asText(p.key)}: 值”`,
  }),
};

const templateMistakes: Record<string, (p: ParamsOf<'E-TEMPLATE'>) => string> = {
  variable: (p) => `报告模板中的变量 ${asText(p.name)} 不存在`,
  filter: (p) => `报告模板中的过滤器 ${asText(p.name)} 不存在`,
  include: (p) => `报告模板引用的模板 ${asText(p.name)} 找不到`,
  limit: (p) => templateLimits[asText(p.name)]?.(p) ?? '报告模板超出了运行限制，已停止',
};

/** A template stopped by a limit (template-engine.ts), by the limit. */
const templateLimits: Record<string, (p: ParamsOf<'E-TEMPLATE'>) => string> = {
  time: (p) => `报告模板运行超过 ${asText(p.limit)} 秒仍未完成，已停止`,
  memory: () => '报告模板生成的内容过多，已停止',
  depth: () => '报告模板层层引用过深（可能引用了自己），已停止',
};

/** Why standard output could not be written, by its error code. */
const stdoutFailures: Record<string, string> = {
  ENOSPC: '磁盘已满',
  EPIPE: '接收输出的程序已经关闭',
  EIO: '输入输出错误',
  EBADF: '标准输出已关闭',
  EDQUOT: '超出磁盘配额',
  EFBIG: '文件过大',
};

/** Why the system could not read a file, by its error code. */
const readFailures: Record<string, string> = {
  EACCES: '当前用户没有读取权限',
  EPERM: '当前用户没有读取权限',
  EBUSY: '文件正被其他程序占用',
  ELOOP: '链接指向了自己（循环链接）',
  EIO: '读取磁盘时出错',
  ENOENT: '文件在读取时不见了',
};

/** What a file is when it is not an ordinary file (E-NOT-A-FILE). */
const specialFiles: Record<string, string> = {
  directory: '一个文件夹',
  fifo: '一个命名管道（FIFO）',
  socket: '一个套接字（socket）',
  'character-device': '一个设备文件（如 /dev/null、/dev/zero）',
  'block-device': '一个磁盘设备',
  other: '一个特殊文件',
};

const boundWords: Record<string, string> = { min: '不小于', above: '大于', max: '不大于' };

const fieldHints: Record<string, (p: ParamsOf<'E-MISSING-FIELD'>) => string> = {
  village: () => '在这条记录中写 village: 村名，或在文件开头写 village: 村名 作为整个文件的默认值',
  pillar: (p) =>
    p.expectedPillar
      ? `写上 pillar: ${asText(p.expectedPillar)}`
      : '写上 pillar（organization、talent、night-talk 或 ecology），或在文件开头写 pillar 作为默认值',
  kind: () => '写上 kind: 记录类型，如 session（居民夜谈会）、suggestion（意见建议）',
  region: () => '在 revitalize.yaml 中写一行 region: 乐山市金口河区（填写本单位名称）',
  date: () => '写上 date: 2023-04-08（年-月-日）',
};

const WAN = /^(\d+(?:\.\d+)?)\s*万/;
/** A number with commas not in groups of three: which number it is cannot be told. */
const ungrouped = (p: ParamsOf<'E-WRONG-TYPE'>) =>
  `逗号的位置不对（千位分隔应每三位一组），无法确定是哪个数；核对后写成不带逗号的数字，如 ${asText(p.field)}: ${asText(p.ungrouped)}`;
const typeHints: Record<string, (p: ParamsOf<'E-WRONG-TYPE'>) => string> = {
  text: (p) => `如果内容是数字或 yes、no 之类的词，请加引号，如 ${asText(p.field)}: "123"`,
  integer: (p) => (p.ungrouped ? ungrouped(p) : `写成不带小数点、不加引号的整数，如 ${asText(p.field)}: 35`),
  number: (p) => {
    if (p.ungrouped) return ungrouped(p);
    const wan = WAN.exec(asText(p.value));
    if (wan) return `以元为单位写成数字，不带“万”字：${wan[0]} 写成 ${Math.round(Number(wan[1]) * 10_000)}`;
    return `写成不带单位、不加引号的数字，如 ${asText(p.field)}: 100`;
  },
  list: (p) => `写成列表，如 ${asText(p.field)}: [永胜村, 胜利村]`,
};

const pillars: Record<Pillar, string> = PILLAR_NAMES['zh-CN'];

const metricTerms: Catalogue['metricTerms'] = {
  'organization.joint-orgs': { name: '跨村联建党组织', unit: '个', short: '联建党组织' },
  'organization.villages-covered': { name: '联建覆盖村', unit: '个', short: '覆盖村' },
  'organization.projects': { name: '策划生成落地项目', unit: '个', short: '联建项目' },
  'organization.investment': { name: '项目总投资', unit: '万元', short: '项目投资' },
  'organization.sales-jin': { name: '农副产品销售量', unit: '万斤', short: '农副产品销售' },
  'talent.cultivated': { name: '选拔培育本土人才', unit: '人', short: '本土人才' },
  'talent.returnees': { name: '回引在外人才', unit: '人', short: '回引人才' },
  'talent.mentees': { name: '结对帮扶新进村干部', unit: '人', short: '结对帮扶' },
  'talent.cooperatives': { name: '领办合作社', unit: '个', short: '领办合作社' },
  'talent.livelihood-projects': { name: '帮带实施民生项目', unit: '个', short: '民生项目' },
  'talent.trainings': { name: '集中授课', unit: '场', short: '集中授课' },
  'talent.training-attendance': { name: '参训', unit: '人次', short: '参训' },
  'talent.education-upgrades': { name: '提升学历', unit: '人', short: '提升学历' },
  'night-talk.sessions': { name: '居民夜谈会', unit: '场', short: '夜谈会' },
  'night-talk.attendance': { name: '参会群众', unit: '人次', short: '参会群众' },
  'night-talk.suggestions': { name: '征求意见建议', unit: '条', short: '意见建议' },
  'night-talk.resolved': { name: '解决诉求', unit: '件', short: '解决诉求' },
  'night-talk.resolution-rate': { name: '办结率', unit: '%', short: '办结率' },
  'night-talk.open': { name: '月末未办结诉求', unit: '件', short: '月末未办结' },
  'ecology.teams': { name: '生态管护综合队', unit: '支', short: '管护队' },
  'ecology.team-members': { name: '队员', unit: '人', short: '队员' },
  'ecology.joint-actions': { name: '联合行动', unit: '场次', short: '联合行动' },
  'ecology.evaluations': { name: '考评', unit: '次', short: '考评' },
  'ecology.average-score': { name: '平均考评得分', unit: '分', short: '平均得分' },
};
const noteSections: Record<NoteSection, string> = {
  overview: '总体情况',
  ...pillars,
  problems: '存在问题',
  plans: '下步工作打算',
};
const sectionName = (section: NoteSection) => noteSections[section] ?? section;
const noteHeadingList = NOTE_SECTIONS.map((section) => noteSections[section]).join('、');

const kinds: Catalogue['kinds'] = KIND_NAMES['zh-CN'];
const fieldLabels: Record<string, string> = {
  name: '名称',
  villages: '涉及的村',
  investment: '投资额（元）',
  status: '状态',
  product: '产品',
  quantity: '数量',
  unit: '单位',
  role: '身份',
  mentor: '帮带人',
  mentees: '被帮带人',
  mode: '方式',
  topic: '主题',
  attendees: '参加人数',
  form: '形式',
  location: '地点',
  time: '时间',
  id: '编号',
  text: '内容',
  resolved: '办结日期',
  ref: '办结的意见建议编号',
  members: '队员人数',
  type: '行动类型',
  participants: '参加人数',
  subject: '考评对象',
  score: '得分（0–100）',
  stars: '星级（1–5）',
  note: '备注',
};

export const zhCN: Catalogue = {
  locale: 'zh-CN',
  help: helpZhCN,
  pillars,
  kinds,
  metricTerms,
  metrics: metricLabels(metricTerms, (term) => `${term.name}（${term.unit}）`),
  metricCounting: {
    'organization.joint-orgs': '“跨村联建党组织”（joint-org）记录的条数',
    'organization.villages-covered': '跨村联建党组织记录的 villages 中出现的村，同一个村只算一次',
    'organization.projects': '“联建项目”（project）记录的条数',
    'organization.investment': '联建项目记录的投资额（investment，以元为单位）之和，报告中以万元显示',
    'organization.sales-jin': '“农副产品销售”（sale）记录的数量之和，折算为斤（1公斤为2斤，1吨为2000斤），报告中以万斤显示',
    'talent.cultivated': '“本土人才”（talent）记录的条数',
    'talent.returnees': '“回引人才”（returnee）记录的条数',
    'talent.mentees': '“结对帮带”（mentoring）记录中被帮带人（mentees）的人数之和',
    'talent.cooperatives': '“领办合作社”（cooperative）记录的条数',
    'talent.livelihood-projects': '“民生项目”（livelihood-project）记录的条数',
    'talent.trainings': '“集中授课”（training）记录的条数',
    'talent.training-attendance': '集中授课记录的参加人数（attendees）之和',
    'talent.education-upgrades': '“提升学历”（education）记录的条数',
    'night-talk.sessions': '“居民夜谈会”（session）记录的条数',
    'night-talk.attendance': '居民夜谈会记录的参加人数（attendees）之和',
    'night-talk.suggestions': '“意见建议”（suggestion）记录的条数',
    'night-talk.resolved': '办结日期在统计期内的意见建议条数，不论是何时提出的',
    'night-talk.resolution-rate': '统计期内提出的意见建议中，到统计期末已办结的比例；没有意见建议时为“—”',
    'night-talk.open': '到统计期末已经提出、尚未办结的意见建议条数（期末数）',
    'ecology.teams': '“生态管护队”（team）记录的条数',
    'ecology.team-members': '生态管护队记录的队员人数（members）之和',
    'ecology.joint-actions': '“联合行动”（joint-action）记录的条数',
    'ecology.evaluations': '“考评”（evaluation）记录的条数',
    'ecology.average-score': '考评记录得分（score）的平均数；没有考评时为“—”',
  },

  windows: { month: '本月', previousMonth: '上月', previousYear: '上年同月', ytd: '本年累计', previousYtd: '上年同期累计' },
  metricColumn: '指标',
  report: {
    comparisons: { monthOnMonth: '环比', yearOnYear: '同比', ytdOnYtd: '累计同比' },
    change: (change, unit) => describeChange(change, unit, 'zh-CN', { same: '持平', points: '个百分点' }),
    stars: (count) => `${'★'.repeat(count)}${'☆'.repeat(Math.max(0, 5 - count))}（${count}星）`,
    shortMonth: (month) => `${Number(month.slice(5, 7))}月`,
    village: '村',
    total: '合计',
    charts: {
      caption: (number, title) => `图${number} ${title}`,
      pillar: (pillar, monthLabel, leftOut) => `${pillar}主要指标本月与上月对比（${monthLabel}${leftOut ? '，本月和上月均为0或无数据的指标未列出' : ''}）`,
      suggestions: (from, to) => `${monthSpan(from, to)}${from === to ? '' : '各月'}征求意见建议和解决诉求`,
      villages: (from, to, limit) =>
        `${limit === null ? '各村' : `征求意见建议最多的${limit}个村`}${monthSpan(from, to)}征求意见建议、解决诉求和${Number(to.slice(5, 7))}月末未办结诉求`,
      units: {
        'organization.joint-orgs': '个',
        'organization.villages-covered': '个',
        'organization.projects': '个',
        'organization.investment': '万元',
        'organization.sales-jin': '万斤',
        'talent.cultivated': '人',
        'talent.returnees': '人',
        'talent.mentees': '人',
        'talent.cooperatives': '个',
        'talent.livelihood-projects': '个',
        'talent.trainings': '场',
        'talent.training-attendance': '人次',
        'talent.education-upgrades': '人',
        'night-talk.sessions': '场',
        'night-talk.attendance': '人次',
        'night-talk.suggestions': '条',
        'night-talk.resolved': '件',
        'night-talk.resolution-rate': '%',
        'night-talk.open': '件',
        'ecology.teams': '支',
        'ecology.team-members': '人',
        'ecology.joint-actions': '场次',
        'ecology.evaluations': '次',
        'ecology.average-score': '分',
      },
      // Labels of counts already end in their unit (参训（人次）); amounts and rates get theirs here.
      panelHeading: (label, unit) => (label.endsWith(`（${unit}）`) ? label : `${label}（${unit}）`),
      axisUnit: (units) => `单位：${units.join('/')}`,
      noData: '无数据',
    },
    sheet: {
      metrics: '指标',
      villages: '分村',
      overdue: '督办',
      scope: '范围',
      pillar: '领域',
      key: '指标代码',
      metric: '指标',
      unit: '单位',
      units: { count: '个数', yuan: '元', jin: '斤', ratio: '比率', score: '分' },
    },
    evidence: {
      heading: '统计明细',
      intro: '点开每项指标，可以看到计入它的每一条台账记录及其所在文件和行号。',
      summary: (label, figures) => `${label}：${figures.map(([window, figure]) => `${window} ${figure}`).join('，')}`,
      window: (window, count) => `${window}（${count}条）`,
      more: (count, command) => `另有${count}条未列出，可运行 ${command} 查看全部。`,
      numerator: '已办结（分子）',
      denominator: '受理（分母）',
      columns: { where: '记录位置', date: '日期', village: '村', item: '记录' },
      none: '（无）',
    },
    chartsHeading: '图表',
    attachments: {
      villages: '各村工作情况统计表',
      targets: '目标任务完成情况表',
      overdue: '超期未办结诉求清单',
      cadence: (kinds) => (kinds.length === 1 ? `${kinds[0]}按期开展情况` : '按期开展情况'),
      stars: '生态管护星级评定情况',
    },
    checkNotes: {
      heading: (monthLabel, count) => `${monthLabel}月报的数据核查提示，共${count}条。这些记录已照常统计，但建议核对修改；本文件供核对用，不随月报报送。`,
      separator: '：',
      hint: (hint) => `（提示：${hint}）`,
    },
    placeholder: (part) => `【待补充：${part}】`,
    document: { attachmentLead: '附件：', noteLead: '注：', attachmentLabel: (number) => `附件${number}` },
  },
  severity: { error: '错误', warning: '警告' },
  valueTypes,
  formatMonth: (month) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`,
  formatDay: (day) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`,
  prose: writeProseZhCN,
  targetGoal: targetGoalZhCN,
  reportHeading: (region, title, monthLabel) => (title ? `${title}（${monthLabel}）` : `${region}${monthLabel}“四联”工作情况报告`),
  problems: {
    'E-CONFIG-MISSING': () => ({
      message: '工作区中没有配置文件 revitalize.yaml',
      hint: '在工作区文件夹中新建 revitalize.yaml，至少写一行：region: 乐山市金口河区（填写本单位名称）',
    }),
    'E-FILE-UNREADABLE': (p) =>
      p.folder === 'yes'
        ? {
            message: `无法打开此文件夹：${readFailures[asText(p.detail)] ?? `系统错误 ${asText(p.detail)}`}，其中的日志没有读取`,
            hint: '检查当前用户是否有这个文件夹的读取和进入权限',
          }
        : {
            message: `无法读取此文件：${readFailures[asText(p.detail)] ?? `系统错误 ${asText(p.detail)}`}`,
            hint: '检查文件是否存在、是否被其他程序占用，以及当前用户是否有读取权限',
          },
    'E-FILE-ENCODING': () => ({
      message: '无法识别文件的编码（不是 UTF-8、UTF-16 或 GB18030 文本），可能不是文本文件',
      hint: '日志应是纯文本：用记事本或 WPS 打开，选择“另存为”，编码选 UTF-8 后保存；Word、Excel 文件不能作为日志',
    }),
    'E-FILE-TOO-LARGE': (p) => ({
      message: `文件有 ${fileSize(p.bytes, { bytes: '字节' })}，超过了 ${asText(p.limit)} MB 的上限，未读取`,
      hint:
        p.file === 'template'
          ? '报告模板通常只有几千个字符：检查是不是把别的文件存成了模板；也可删除这个模板，改用内置模板'
          : '一个月的日志通常只有几 KB：检查是否放错了文件；确需更大的文件，可在 revitalize.yaml 中设置 maxFileSizeMB',
    }),
    'E-BROKEN-LINK': () => ({
      message: '这是一个快捷方式（符号链接），但它指向的文件不存在',
      hint: '删除这个链接，或让它指向实际的日志文件',
    }),
    'E-LINK-LOOP': () => ({
      message: '这是一个快捷方式（符号链接），但链接绕回了自己（循环链接），找不到实际的文件',
      hint: '删除这个链接，或让它直接指向实际的日志文件',
    }),
    'E-FILE-OUTSIDE-WORKSPACE': () => ({
      message: '这个文件（或它所在的文件夹）是快捷方式（符号链接），实际位置在工作区文件夹以外，未读取',
      hint: '工作区只读取自己文件夹里的文件：把要用的文件复制到工作区中，再删除这个链接',
    }),
    'E-NOT-A-FILE': (p) => ({
      message: `这不是普通文件，而是${specialFiles[asText(p.type)] ?? specialFiles.other}，未读取`,
      hint: 'revitalize 读取的日志、配置、月报文字材料和模板都应是普通的文本文件：删除它，或换成文本文件',
    }),
    'E-GLOB-OUTSIDE-WORKSPACE': (p) => ({
      message:
        p.absolute === 'yes'
          ? `logs 中的“${asText(p.pattern)}”是绝对路径，指向工作区文件夹以外，未查找`
          : `logs 中的“${asText(p.pattern)}”含有 ..，会查找到工作区文件夹以外，未查找`,
      hint: '日志只从工作区文件夹里查找：logs 应写相对于工作区的路径，如 logs/**/*.yaml；工作区以外的日志请复制进来',
    }),
    'E-GLOB-TOO-COMPLEX': (p) => ({
      message:
        p.reason === 'length'
          ? `logs 中的“${asText(p.pattern)}”过长（超过 ${asText(p.limit)} 个字符），未查找`
          : `logs 中的“${asText(p.pattern)}”过于复杂：展开花括号 {…} 后超过 ${asText(p.limit)} 个路径，未查找`,
      hint: '花括号中的每个选项都会使要查找的路径成倍增加：改用 * 和 ** 通配，如 logs/**/*.yaml',
    }),
    'E-YAML-SYNTAX': (p) => ({
      // The parser's own reason is English: a Chinese message goes without it.
      message: syntax(p.yamlCode) ? `YAML 格式错误：${syntax(p.yamlCode)![0]}` : 'YAML 格式错误，无法解析',
      hint: syntax(p.yamlCode)?.[1] ?? '对照 docs/zh-CN/logs.md 中的示例，检查这一行和上一行的写法',
    }),
    'E-YAML-DUPLICATE-KEY': (p) => ({
      message: `字段“${asText(p.key)}”在同一层重复出现`,
      hint: '同一条记录中每个字段只能写一次，请删除或合并重复的行；如果这是另一条记录，请在它前面加“- ”',
    }),
    'E-YAML-ALIAS-BOMB': () => ({
      message: '引用（& 和 *）展开后内容过多，已拒绝读取',
      hint: '日志中不需要用 & 和 * 复制内容，请直接写出数据',
    }),
    'E-YAML-MULTIPLE-DOCUMENTS': () => ({
      message: '一个文件只能有一个 YAML 文档，这里又出现了 ---',
      hint: '删除多余的 --- 行，或把后面的内容移到另一个文件',
    }),
    'E-NOT-A-MAPPING': (p) => ({
      message: `文件最外层应是“字段: 值”的映射，这里却是${typeName(p.actual)}`,
      hint:
        p.scope === 'config'
          ? 'revitalize.yaml 应写成：\n  region: 乐山市金口河区\n  villages: [永胜村, 胜利村]'
          : '日志文件应写成：\n  village: 永胜村\n  entries:\n    - date: 2023-04-08\n      pillar: night-talk\n      kind: session\n      ...',
    }),
    'E-ENTRIES-NOT-A-LIST': (p) => ({
      message: `entries 应是记录的列表，这里却是${typeName(p.actual)}`,
      hint: '每条记录以“- ”开头，例如：\n  entries:\n    - date: 2023-04-08\n      kind: session',
    }),
    'E-ENTRY-NOT-A-MAPPING': (p) => ({
      message: `第${asText(p.index)}条记录应是“字段: 值”的映射，这里却是${typeName(p.actual)}`,
      hint: '每条记录写成“- date: 2023-04-08”，其余字段在下面对齐缩进',
    }),
    'E-UNKNOWN-PILLAR': (p) => ({
      message: `未知的板块（pillar）${quoted(p.value)}`,
      hint: `${didYouMean(p.suggestion)}可选：organization（组织联建）、talent（人才联育）、night-talk（夜谈联访）、ecology（生态联治）`,
    }),
    'E-UNKNOWN-KIND': (p) => ({
      message: `未知的记录类型（kind）${quoted(p.value)}`,
      hint: `${didYouMean(p.suggestion)}可选：${options(p.allowed)}（说明见 docs/zh-CN/logs.md 的“记录类型一览”一节）`,
    }),
    'E-KIND-PILLAR-MISMATCH': (p) => ({
      message: `记录类型 ${asText(p.kind)} 属于 ${asText(p.expectedPillar)}（${pillars[asText(p.expectedPillar) as Pillar] ?? ''}），不属于 ${asText(p.pillar)}`,
      hint: p.fromDefault
        ? `这条记录的 pillar 取自文件开头的默认值 ${asText(p.pillar)}；请在这条记录中写 pillar: ${asText(p.expectedPillar)}`
        : `把 pillar 改为 ${asText(p.expectedPillar)}`,
    }),
    'E-MISSING-FIELD': (p) => ({
      message: p.kind ? `${kindRecord(p.kind)}缺少必填字段 ${asText(p.field)}` : `缺少必填字段 ${asText(p.field)}`,
      hint: fieldHints[asText(p.field)]?.(p) ?? (p.required ? `${kindRecord(p.kind)}必须有这些字段：${list(p.required, '、')}` : undefined),
    }),
    'E-WRONG-TYPE': (p) => ({
      message: `字段 ${asText(p.field)} 应为${typeName(p.expected)}，这里是${typeName(p.actual)}${p.value === undefined ? '' : ` ${asText(p.value)}`}`,
      hint: typeHints[asText(p.expected)]?.(p),
    }),
    'E-OUT-OF-RANGE': (p) => ({
      message: `字段 ${asText(p.field)} 的值 ${asText(p.value)} 超出范围：应${boundWords[asText(p.bound)] ?? ''} ${asText(p.limit)}`,
      hint: '检查是否多写或少写了数字',
    }),
    'E-EMPTY-VALUE': (p) => ({
      message: `字段 ${asText(p.field)} 不能为空`,
      hint: '填写内容；列表至少要有一项',
    }),
    'E-TOO-LONG': (p) => ({
      message: p.items
        ? `字段 ${asText(p.field)} 有 ${asText(p.length)} 项，最多 ${asText(p.limit)} 项`
        : `字段 ${asText(p.field)} 太长（${asText(p.length)} 个字），最多 ${asText(p.limit)} 个字`,
      hint: '日志里写一句摘要即可，长篇材料请另存为文档',
    }),
    'E-NOT-ALLOWED': (p) => ({
      message: `字段 ${asText(p.field)} 的值${quoted(p.value)}不在可选范围内`,
      hint: `${didYouMean(p.suggestion)}可选：${options(p.allowed)}`,
    }),
    'E-DATE-FORMAT': (p) => ({
      message: `日期${quoted(p.value)}的写法无法识别`,
      hint: '写成 2023-04-08，也可以写 2023/4/8、2023.4.8 或 2023年4月8日',
    }),
    'E-DATE-IMPOSSIBLE': (p) => ({
      message: `日期 ${asText(p.value)} 在日历上不存在`,
      hint: '检查月份和日子：4、6、9、11 月只有 30 天，2 月只有 28 天（闰年 29 天）',
    }),
    'E-DATE-OUT-OF-RANGE': (p) => ({
      message: `日期 ${asText(p.value)} 的年份不在 ${asText(p.first)} 到 ${asText(p.last)} 年之间`,
      hint: '检查年份是否少打或打错了数字，如 2023 写成了 0223；写成 2023-04-08（年-月-日）',
    }),
    'E-UNKNOWN-VILLAGE': (p) => ({
      message: `村名${quoted(p.value)}不在 revitalize.yaml 的 villages 名单中`,
      hint: `${didYouMean(p.suggestion)}如果是新的村，请先把它加入 revitalize.yaml 的 villages 名单`,
    }),
    'E-DUPLICATE-VILLAGE': (p) => ({
      message: `村名${quoted(p.value)}在 villages 名单中重复出现（第 ${asText(p.first)} 项已经列出）`,
      hint: '每个村只列一次：删除重复的这一项；如果本想写另一个村，改成那个村的村名',
    }),
    'E-DUPLICATE-SUGGESTION-ID': (p) => ({
      message: `意见建议编号 ${asText(p.id)} 重复，${asText(p.first)} 已经用过这个编号`,
      hint: '每条意见建议的 id 在整个工作区中必须唯一，请换一个编号（如 永胜-20230408-02）',
    }),
    'E-DANGLING-REF': (p) => ({
      message: `办结记录引用的意见建议编号 ${asText(p.ref)} 不存在`,
      hint: `${didYouMean(p.suggestion)}ref 必须与某条意见建议的 id 完全一致`,
    }),
    'E-RESOLVED-TWICE': (p) => ({
      message: `意见建议 ${asText(p.id)} 被重复办结，${asText(p.first)} 已经记录过办结`,
      hint: '一条意见建议只能办结一次：删除多余的 resolution 记录或 resolved 字段',
    }),
    'E-RESOLUTION-BEFORE-SUGGESTION': (p) => ({
      message: `意见建议 ${asText(p.id)} 的办结日期 ${asText(p.resolved)} 早于提出日期 ${asText(p.date)}`,
      hint: '检查两个日期是否写错或写反',
    }),
    'E-TARGET-BOUND': (p) => ({
      message: `目标 ${asText(p.field)} 要写明下限 atLeast 或上限 atMost，且只写其中一个`,
      hint: '例如 办结率不低于80%：metric: night-talk.resolution-rate 和 atLeast: 80%；未办结诉求不超过10件：metric: night-talk.open 和 atMost: 10',
    }),
    'E-TEMPLATE': (p) => ({
      message: templateMistakes[asText(p.reason)]?.(p) ?? `报告模板有误：${asText(p.detail)}`,
      hint:
        p.reason === 'include'
          ? '模板只能引用工作区 templates 文件夹（或内置模板）中的其他模板'
          : p.reason === 'limit'
            ? '检查这里的循环：for 的范围（如 (1..100000)）是否过大、循环是否层层嵌套，模板是否引用了自己；月报用不到这么多内容。也可删除这个模板，改用内置模板'
            : '模板中可用的变量和过滤器见 docs/zh-CN/templates.md 的“变量和过滤器”一节；也可删除这个模板，改用内置模板',
    }),
    'W-UNKNOWN-FIELD': (p) => ({
      message: `未知字段${quoted(p.field)}，已忽略`,
      hint: `${didYouMean(p.suggestion)}${p.kind ? kindRecord(p.kind) : '这里'}可用的字段：${options(p.allowed)}`,
    }),
    'W-EMPTY-FILE': () => ({ message: '文件是空的，已跳过', hint: '如果不再需要，可以删除这个文件' }),
    'W-NO-ENTRIES': () => ({
      message: '文件中没有 entries（记录列表）',
      hint: '记录要写在 entries: 下面，每条以“- ”开头；检查 entries 是否拼错',
    }),
    'W-GLOB-MATCHED-FOLDER': (p) => ({
      message: 'revitalize.yaml 的 logs 匹配到的是一个文件夹，而不是日志文件，已跳过',
      hint: `要读取这个文件夹里的日志，请在 logs 中写成 ${asText(p.folder)}/**/*.yaml`,
    }),
    'W-FILE-GB18030': () => ({
      message: '文件不是 UTF-8 编码，已按 GB18030（GBK）编码读取',
      hint: '建议用记事本或 WPS“另存为” UTF-8 编码，避免在其他电脑上出现乱码',
    }),
    'W-DATE-OUTSIDE-FOLDER': (p) => ({
      message: `日期 ${asText(p.value)} 不在所在文件夹对应的月份（${asText(p.folder)}）内`,
      hint: '检查日期是否写错；如果日期没错，请把这条记录移到对应月份的文件夹中',
    }),
    'W-DATE-IN-FUTURE': (p) => ({
      message: `日期 ${asText(p.value)} 晚于今天（${asText(p.today)}）`,
      hint: '检查年份、月份是否写错',
    }),
    'W-MONTH-EMPTY': (p) => ({
      message: `${monthName(asText(p.month))}没有任何台账记录：报告的各项数字都将是 0`,
      hint: `检查 --month 是否写对，各村的日志是否已经放进 logs 文件夹（如 logs/${asText(p.month).replace('-', '/')}/永胜村.yaml），日期是否写成了${monthName(asText(p.month))}`,
    }),
    'W-VILLAGES-SILENT': (p) => ({
      message: `${monthName(asText(p.month))}以下村没有任何台账记录：${list(p.villages, '、')}`,
      hint: '请这些村补报本月台账；如果确实没有开展工作，报告中各项数字按 0 统计',
    }),
    'W-NO-RECIPIENT': () => ({
      message: '没有写主送机关（recipient）：月报开头将不写报送单位',
      hint: '在 revitalize.yaml 中加一行，写上月报报送的单位，如 recipient: 区委组织部',
    }),
    'W-NO-ISSUER': (p) => ({
      message: `没有写发文机关署名（issuer）：月报落款暂用地区名称“${asText(p.region)}”，而落款应是单位名称`,
      hint: '在 revitalize.yaml 中加一行，写上发文单位的全称，如 issuer: 中共××乡委员会（或 ××乡人民政府）',
    }),
    'W-NO-LOG-FILES': (p) => ({
      message: `没有找到任何日志文件（查找范围：${list(p.patterns, '、')}）`,
      hint: '把日志放在 logs 文件夹中（如 logs/2023/04/永胜村.yaml），或在 revitalize.yaml 中用 logs 指定位置',
    }),
    'W-NOTES-MISSING': (p) => ({
      message: `没有${p.month ? monthName(asText(p.month)) : '这个月'}的月报文字材料：报告中需要您撰写的工作做法、问题原因和“下步工作打算”将是空的`,
      hint:
        `新建这个文件（纯文本，UTF-8 编码），按下列标题分段，每个标题单占一行，在标题下写这一部分的文字：` +
        `${NOTE_SECTIONS.map((section) => `## ${noteSections[section]}`).join('、')}。“下步工作打算”必须写，其余没有内容的部分可以不写`,
    }),
    'W-NOTES-SECTION-MISSING': (p) =>
      p.section === 'problems'
        ? {
            message: '台账中没有查出本月需要报告的问题，文字材料中也没有写“存在问题”：月报这一部分将显示【待补充：存在问题】',
            hint: '在“## 存在问题”标题下写明本月工作中存在的不足及其原因（如办理进度、群众反映集中的问题）',
          }
        : p.empty
          ? {
              message: `“${sectionName(p.section)}”标题下没有内容`,
              hint: '在这个标题下逐条写下月的具体打算：时间、事项、责任人（<!-- 和 --> 之间的说明文字不算内容）',
            }
          : {
              message: `月报文字材料中没有“${sectionName(p.section)}”：每份月报都要写明下月的工作打算`,
              hint: `在文件末尾另起一行写“## ${sectionName(p.section)}”，在它下面逐条写下月的具体打算：时间、事项、责任人`,
            },
    'W-NOTES-UNKNOWN-SECTION': (p) => ({
      message: `标题“${asText(p.heading)}”不是月报文字材料中的任何一部分，它下面的文字不会写入报告`,
      hint:
        `${p.suggestion ? `是不是想写“${sectionName(p.suggestion)}”？` : ''}可用的标题：${noteHeadingList}（前面可以加“一、”之类的序号）；` +
        '某一部分里的小标题请用“### ”开头',
    }),
    'W-NOTES-STRAY-TEXT': () => ({
      message: '这段文字在第一个标题之前，不属于任何一部分，不会写入报告',
      hint: '在它前面加上所属部分的标题，如“## 总体情况”；只给自己看的备注，可以写在 <!-- 和 --> 之间',
    }),
    'W-NOTES-BAD-NAME': (p) => ({
      message: `文件名“${asText(p.name)}”不是“年-月.md”的写法，这个文件不会被读取`,
      hint: p.suggestion ? `把文件改名为 ${asText(p.suggestion)}` : '月报文字材料按月份命名：四位年份（1900 到 9999 年）、短横线、两位月份，如 2023-04.md',
    }),
    'E-FULLWIDTH-COLON': (p) => ({
      message: `字段 ${asText(p.key)} 后面是全角冒号“：”，YAML 只认半角冒号“:”`,
      hint: `把全角冒号“：”改成半角冒号“:”，冒号后面要有一个空格，写成 ${asText(p.example)}（冒号要在英文输入状态下输入）`,
    }),
    'E-FULLWIDTH-SPACE': (p) => fullwidthSpace[p.where](p),
    'E-FULLWIDTH-DASH': (p) => ({
      message: `列表项以“${asText(p.char)}”开头，YAML 只认半角短横线“-”`,
      hint: `把“${asText(p.char)}”改成半角短横线“-”，后面加一个空格，写成 ${asText(p.example)}（短横线要在英文输入状态下输入）`,
    }),
    'E-FULLWIDTH-QUOTES': (p) => ({
      message: `字段 ${asText(p.field)} 的值 ${asText(p.value)} 外面加了中文引号`,
      hint: `这个字段的值不用中文引号：去掉引号，写成 ${asText(p.example)}（确需引号时只用英文引号 "）`,
    }),
    'W-FULLWIDTH-DIGITS': (p) => ({
      message: `字段 ${asText(p.field)} 的值“${asText(p.value)}”用了全角数字或符号，已按 ${asText(p.read)} 读取`,
      hint: `改成半角数字，写成 ${asText(p.field)}: ${asText(p.read)}（全角数字来自输入法的全角状态，可按 Shift+空格 切换到半角）`,
    }),
    'W-NUMBER-GROUPING': (p) => ({
      message: `字段 ${asText(p.field)} 的值“${asText(p.value)}”带千位分隔符，已按 ${asText(p.read)} 读取`,
      hint: `日志中的数字不加逗号，写成 ${asText(p.field)}: ${asText(p.read)}`,
    }),
    'E-SHEET-UNREADABLE': (p) => ({
      message:
        p.reason === 'file-type'
          ? `无法导入“${asText(p.type)}”格式的文件：只能导入 .xlsx 或 .csv 表格`
          : p.reason === 'not-xlsx'
            ? '不是有效的 .xlsx 表格：文件已损坏，或是改了扩展名的其他文件'
            : p.reason === 'unpacked'
              ? `表格解压后超过 ${p.limit} MB，不是村里填写的台账，没有读取`
              : '无法识别 CSV 文件的编码（既不是 UTF-8，也不是 GBK/GB18030）',
      hint:
        p.reason === 'file-type'
          ? '在 WPS 或 Excel 中打开，用“另存为”保存成 .xlsx（Excel 工作簿）后再导入；.xls、.et 等旧格式不能直接导入'
          : p.reason === 'encoding'
            ? '在 WPS 或 Excel 中打开，另存为 .xlsx 后再导入'
            : '请对方重新发送原表格，或用 revitalize sheet 生成新的台账表发给村里填写',
    }),
    'E-SHEET-TOO-LARGE': (p) => ({
      message:
        p.what === 'bytes'
          ? `表格文件有 ${p.found} MB，超过了 ${p.limit} MB 的上限，没有读取`
          : p.what === 'rows'
            ? `表中有 ${p.found} 行，超过了 ${p.limit} 行的上限，没有读取`
            : `表中有 ${p.found} 列，超过了 ${p.limit} 列的上限，没有读取`,
      hint: '一个村一个月的台账只有几十行。请删去空白和无关的行、列，或把台账拆成几个文件分别导入',
    }),
    'E-SHEET-NO-KIND': (p) => ({
      message: `表“${asText(p.sheet)}”有内容，但看不出是哪类记录：表名不是记录类型，也没有“类型”一列`,
      hint: `${p.suggestion ? `是不是想写“${asText(p.suggestion)}”？` : ''}把表名改成记录类型的名称（如 居民夜谈会、意见建议），或加一列“类型”；不需要导入的表请删去`,
    }),
    'E-SHEET-NO-HEADER': (p) => ({
      message: `表“${asText(p.sheet)}”找不到表头：前 10 行中没有一行写着这类记录的列名`,
      hint: `第一行（标题行之下）应是表头，如：${p.headings.map(asText).join('、')}。请不要删改 revitalize sheet 生成的表头`,
    }),
    'E-SHEET-FORMULA': (p) => ({
      message: `这个格子是公式（${asText(p.formula)}），但保存时没有算出的值`,
      hint: '导入只读格子里显示的值，不计算公式。请把这一格改成直接填写的内容，或在 WPS、Excel 中打开后重新保存',
    }),
    'E-IMPORT-ROW-CHANGED': (p) => ({
      message: `这一行（${asText(p.source)}）之前已导入为 ${asText(p.first)}，现在的内容不同（${p.fields.map(asText).join('、')}）`,
      hint: `表格中的修改不会自动覆盖日志。如果表格是对的，请按表格修改 ${asText(p.first)} 处的记录（或删去它）后重新导入；如果日志是对的，把表格这一行改回原样`,
    }),
    'W-SHEET-EXTRA-COLUMN': (p) => ({
      message: `列“${asText(p.heading)}”不是这类记录的字段，已忽略`,
      hint: `这张表可用的列：${p.allowed.map(asText).join('、')}`,
    }),
    'E-ROLLUP-NOT-JSON': (p) => ({
      message: p.found ? `不是有效的 JSON 文件：此处的“${asText(p.found)}”不合 JSON 语法` : '不是有效的 JSON 文件：内容不完整，在文件末尾中断',
      hint: '常见原因是上一项末尾少了或多了逗号、引号不成对，或文件没有复制完整。汇总只接受 revitalize report --format json 生成的报告文件，请不要手工修改，必要时让该乡镇重新生成',
    }),
    'E-ROLLUP-TOO-DEEP': (p) => ({
      message: `嵌套层数过多：此处的括号已是第 ${p.limit + 1} 层，超过了 ${asText(p.limit)} 层的上限，未读取`,
      hint: 'revitalize 生成的报告只有几层嵌套；这个文件不是报告，或已损坏。汇总只接受 revitalize report --format json 生成的报告文件',
    }),
    'E-ROLLUP-NOT-A-REPORT': () => ({
      message: '这不是 revitalize 的 JSON 报告（没有 schemaVersion 和 metrics）',
      hint: '请使用各乡镇用 revitalize report --format json 生成的报告文件，如 reports/2023-04.json；revitalize check --format json 等命令输出的其他 JSON 不能汇总',
    }),
    'E-ROLLUP-SCHEMA-VERSION': (p) =>
      p.newer === 'yes'
        ? { message: `报告的格式版本（schemaVersion）是 ${asText(p.version)}，比本程序能读的 ${asText(p.expected)} 新`, hint: '请升级 revitalize 后再汇总' }
        : {
            message: `报告的格式版本（schemaVersion）是 ${asText(p.version)}，汇总需要 ${asText(p.expected)}：旧版本的报告没有记下各项数字的构成（parts），无法准确合并`,
            hint: '请该乡镇用新版 revitalize 重新生成这个月的报告：revitalize report --month 月份 --format json',
          },
    'E-ROLLUP-WRONG-SHAPE': (p) => ({
      message:
        (p.actual === 'missing'
          ? `报告缺少 ${asText(p.path)}（应为${expectedJson(p)}）`
          : `报告中 ${asText(p.path) || '整个文件'} 的值不对：应为${expectedJson(p)}，实际是${jsonTypes[asText(p.actual)] ?? asText(p.actual)}`) +
        (p.more ? `（此文件还有 ${asText(p.more)} 处类似问题）` : ''),
      hint: '报告文件不要手工修改；请该乡镇用 revitalize report --format json 重新生成',
    }),
    'E-ROLLUP-OTHER-MONTH': (p) => ({
      message: `这份报告是${monthName(asText(p.month))}的，而 ${asText(p.first)} 是${monthName(asText(p.expected))}的：只能汇总同一个月的报告`,
      hint: `请换成该乡镇${monthName(asText(p.expected))}的报告（文件名一般是 ${asText(p.expected)}.json）`,
    }),
    'E-ROLLUP-SAME-TOWNSHIP': (p) => ({
      message: `“${asText(p.region)}”的报告已在 ${asText(p.first)} 中给出：同一个乡镇不能汇总两次`,
      hint: '去掉重复的文件；如果确实是两个乡镇，请检查它们 revitalize.yaml 中的 region 是否写成了同一个名称',
    }),
    'E-ROLLUP-SAME-VILLAGE': (p) => ({
      message: `${asText(p.village)}也在 ${asText(p.first)} 的报告中：一个村只能属于一个乡镇，否则会重复统计`,
      hint: '检查两个乡镇 revitalize.yaml 中的 villages 名单，把该村从不管辖它的乡镇中去掉，再重新生成报告',
    }),
  },
  noteSections,
  explain: {
    separator: '：',
    comma: '，',
    list: (items) => items.join('、'),
    aside: (main, detail) => `${main}（${detail}）`,
    people: (count) => `${count}人`,
    score: (value) => `${value}分`,
    amount: (value, unit) => formatFigure(value, unit, 'zh-CN'),
    source: (source) => `（导入自 ${source}）`,
    suggestion: (id, topic, resolvedOn) => `意见建议 ${id}${topic ? `（${topic}）` : ''}，${resolvedOn === null ? '未办结' : `${resolvedOn} 办结`}`,
    heading: (label, key, windowLabel, monthLabel, figure) => `${label}（${key}），${monthLabel}${windowLabel}：${figure}`,
    numerator: (count) => `分子：已办结的，${count} 条`,
    denominator: (count) => `分母：期间提出的意见建议，${count} 条`,
    items: (count) => `共 ${count} 条记录`,
    total: (figure) => `合计 ${figure}`,
    unknownMetric: (value, suggestion) =>
      `未知的指标“${value}”${suggestion ? `，是不是想写“${suggestion}”？` : '：'}运行 revitalize metrics 可列出全部指标的代码和名称`,
    badWindow: (value, allowed) => `未知的统计区间“${value}”：可选 ${allowed.join('、')}`,
  },
  metricList: {
    heading: (count) => `全部 ${count} 项指标：每项先写代码和名称（单位），下一行是统计方法。每项指标都按本月、上月、本年累计等统计期分别统计。`,
    nameWithUnit: (name, unit) => `${name}（${unit}）`,
    footer: 'revitalize explain 后面写代码或名称都可以，如 revitalize explain 办结率 或 revitalize explain night-talk.resolution-rate。',
  },
  ledger: {
    columns: {
      id: '编号',
      date: '提出日期',
      village: '村',
      topic: '议题',
      text: '内容',
      status: '状态',
      resolvedOn: '办结日期',
      handling: '办理情况',
      daysOpen: '已历时（天）',
      where: '记录位置',
    },
    status: { open: '未办结', resolved: '已办结' },
    heading: (asOf, open, total) => `意见建议台账（截至${asOf}）：共 ${total} 条，未办结 ${open} 条`,
    none: '（没有意见建议）',
  },
  summary: {
    heading: (region, monthLabel) => `${region} ${monthLabel}“四联”工作概况`,
    basis: (asOf, files, entries) => `数据截至${asOf}：${files} 个日志文件，${entries} 条记录`,
    oldestOpen: (open, shown) => `未办结意见建议 ${open} 条${open > shown ? `，最早的 ${shown} 条` : ''}：`,
    change: '环比',
    noOpen: '意见建议已全部办结。',
    warnings: (count) => `数据核查：${count} 条警告，运行 revitalize check 查看。`,
  },
  templates: {
    builtIn: '内置',
    workspace: (file) => `工作区：${file}`,
    copied: (file) => `已复制 ${file}`,
    kept: (file) => `${file} 已存在，未覆盖`,
    afterEject: '修改 templates 文件夹中的模板即可调整报告的措辞；改完运行 revitalize check 检查。可用的变量和过滤器见 docs/zh-CN/templates.md。',
    inTheWay: (obstacles) =>
      `以下位置被占用，没有复制任何模板：\n${obstacles.map((line) => `  ${line}`).join('\n')}\n  请移走或改名后重新运行 revitalize templates eject`,
    cannotWrite: (folder, reason) => `无法把模板写入 ${folder}（${reason}），没有复制任何模板`,
  },
  init: {
    exists: (dir, found) => `${dir} 里已经有 ${found}，不会覆盖现有的工作区；请换一个文件夹`,
    emptyDir: '文件夹名不能为空：要在当前文件夹建立工作区，请写 revitalize init .',
    inTheWay: (dir, obstacles) =>
      `无法在 ${dir} 建立工作区，以下位置被占用，没有写入任何文件：\n${obstacles.map((line) => `  ${line}`).join('\n')}\n  请移走或改名后重新运行，或换一个文件夹`,
    cannotWrite: (dir, reason) => `无法在 ${dir} 建立工作区（${reason}），没有写入任何文件`,
    created: (dir, files) =>
      [
        `已在 ${dir} 建好工作区：`,
        ...files.map((file) => `  ${file}`),
        '',
        '接下来：',
        '  1. 打开 revitalize.yaml，填写本单位名称（region）和村名单（villages）；',
        '  2. 照着 logs 里的示例文件记录本月工作（或运行 revitalize add 逐项录入）；',
        '  3. 月底在 notes 里的月报文字材料中写本月的做法、问题的原因和下步工作打算；',
        `  4. 运行 revitalize check ${dir} 检查，revitalize report ${dir} 生成报告。`,
      ].join('\n'),
  },
  add: {
    fieldLabels,
    pillar: '哪个板块？',
    kind: '哪类记录？',
    date: '日期（如 2023-04-08 或 2023年4月8日）',
    village: '哪个村？',
    field: (label, field, required) => `${label}（${field}）${required ? '' : '，可不填，直接回车跳过'}`,
    listHint: '（多个用逗号分开）',
    keyActions: { navigate: '移动', select: '选择', all: '全选', invert: '反选', submit: '确定' },
    skip: '（不填）',
    choices: { status: { planned: '策划', landed: '落地' }, unit: { 斤: '斤', 公斤: '公斤', 吨: '吨' } },
    yesNo: { yes: '是', no: '否', error: (yes, no) => `请回答“${yes}”或“${no}”（也可以输入 y 或 n）` },
    pickOne: '至少选一项：用空格键勾选，再按回车',
    confirm: (file) => `写入 ${file}？`,
    cancelled: '已取消，没有写入任何内容。',
    added: (where, summary) => `已添加 ${where}  ${summary}`,
    commandLine: '（命令行）',
    needKind: '没有指定记录类型：请用 --kind 指定（如 --kind suggestion 或 --kind 意见建议），或在终端中直接运行 revitalize add 逐项填写',
    unknownKind: (value, suggestion) =>
      `未知的记录类型“${value}”${suggestion ? `，是不是想写 ${suggestion}（${kinds[suggestion as keyof typeof kinds] ?? ''}）？` : ''}` +
      `可用的记录类型：${Object.entries(kinds)
        .map(([kind, label]) => `${kind}（${label}）`)
        .join('、')}（说明见 docs/zh-CN/logs.md 的“记录类型一览”一节）`,
    badSet: (value) => `--set ${value} 的写法不对：应写成 字段=值，如 --set text=路灯不亮`,
    repeatedSet: (field, given, list) =>
      `字段 ${field} 给了 ${given.length} 次（${given.map((pair) => `--set ${pair}`).join('、')}）：每个字段只能用一个 --set 给出` +
      (list ? `；有多个值时用逗号分开写在一起，如 --set ${field}=甲村,乙村` : ''),
    unknownField: (field, kind, allowed, suggestion) =>
      `${kind}没有字段“${field}”${suggestion ? `，是不是想写 ${suggestion}？` : '。'}可用的字段：${allowed.map((name) => `${name}（${fieldLabels[name] ?? name}）`).join('、')}`,
    missingVillage: (kind) => `${kind}缺少村名：请用 --village 给出`,
    missingField: (kind, label, flag) => `${kind}缺少${label}：请用 ${flag} 给出`,
    villageList: (names) => `村名单（revitalize.yaml 的 villages）：${names.join('、')}`,
    jointInstead: (jointFile) =>
      `几个村联合开展的，可以不写 --village，改用 --set villages=甲村,乙村 列出各村：第一个村为牵头村，记录写入当月的 ${jointFile}.yaml`,
    choicesHint: (choices) => `可选：${choices.join('、')}`,
    didYouMean: (value) => `是不是想写“${value}”？`,
    numberHint: (integer, example) => `写成${integer ? '不带小数点的整数' : '不带单位的数字'}，如 ${example}`,
    duplicateIdHint: '意见建议的编号在整个工作区中必须唯一：换一个编号，或去掉 --set id=…，由 revitalize 自动编号',
    alreadyResolvedHint: (first) => `这条意见建议已在 ${first} 记为办结，不用再记；如果那条记录有误，请到那里修改`,
    resolvedBeforeHint: (date, flag) => `办结日期不能早于提出日期 ${date}${flag ? `：请用 ${flag} 写明实际办结的日期` : ''}`,
    placeholder: (label) => `〈${label}〉`,
    villageWord: '村名',
    runAgain: (command) => `补全后重新运行：\n  ${command}`,
    workspaceHasErrors: '工作区的日志有错误，请先修正（运行 revitalize check 查看），再添加记录。',
    outsideLogs: (file) => `新记录要写入 ${file}，但它不在 revitalize.yaml 的 logs 查找范围内；请调整 logs 设置，或手动写入日志`,
    appendFailed: (reason, file) =>
      ({
        'not-utf8': `${file} 不是 UTF-8 编码，请先用记事本或 WPS 另存为 UTF-8，再添加记录`,
        'not-a-log': `${file} 不是日志文件的格式（应是“字段: 值”，并有 entries 列表），没有改动它`,
        broken: `${file} 有 YAML 格式错误，请先修正（运行 revitalize check 查看），再添加记录`,
        layout: `无法在不改动 ${file} 原有内容的情况下添加这条记录，没有改动它：请手动写入`,
      })[reason],
    jointFile: '跨村联建',
    notRecorded: (count) => `发现 ${count} 个错误，没有写入。请按提示修改后重新运行。`,
    unknownId: (id, suggestion) => `没有编号为“${id}”的意见建议${suggestion ? `，是不是想写 ${suggestion}？` : ''}（运行 revitalize suggestions 查看台账）`,
    villageFileName: (village, fault, bytes) => ({
      message: `村名“${village.replace(/[\r\n]/g, '↵')}”不能用作日志文件名：${
        {
          separator: '含有 / 或 \\，会被当作文件夹',
          control: '含有换行或其他控制字符',
          'reserved-character': '含有 Windows 文件名不允许的字符 < > : " | ? *',
          'reserved-name': 'CON、PRN、AUX、NUL、COM1～COM9、LPT1～LPT9 是 Windows 保留的设备名',
          'dot-or-space': '以“.”开头的文件会被隐藏、不被读取，以“.”或空格结尾的文件名 Windows 不接受',
          'too-long': `文件名有 ${bytes} 字节，超过了文件系统允许的 255 字节`,
        }[fault]
      }`,
      hint: `每个村的日志存为 logs/年/月/村名.yaml，村名就是文件名：请在 revitalize.yaml 的 villages 和 --village 中改用${
        fault === 'too-long'
          ? '简短的名称'
          : fault === 'separator' || fault === 'reserved-character'
            ? '不含这些字符的名称（可换成全角字符，如“／”“：”）'
            : '其他名称'
      }`,
    }),
    readOnly: (file) => `${file} 是只读文件，没有改动它：要添加记录，请先取消它的只读属性（Windows 上在文件属性中取消“只读”，其他系统运行 chmod u+w ${file}）`,
    cannotWriteLog: (file, reason) => `无法写入 ${file}（${reason}），日志没有改动`,
    workspaceBusy: (workspace, seconds, command) =>
      `另一个 revitalize 命令（add 或 resolve）正在写入工作区 ${workspace}，等了 ${seconds} 秒仍未结束，没有写入：请稍后重新运行 ${command}\n` +
      `  提示：如果确定没有其他 revitalize 在运行，删除 ${workspace} 中的 .revitalize-lock 文件夹后再试`,
    lockLost: (workspace, command) => `写入前失去了工作区 ${workspace} 的写入锁（程序停顿太久，或 .revitalize-lock 被删除），没有写入：请重新运行 ${command}`,
    cannotLock: (workspace, reason) => `无法在工作区 ${workspace} 中建立写入锁 .revitalize-lock（${reason}），没有写入：请检查这个文件夹是否可写`,
  },
  sheet: {
    instructionsSheet: '说明',
    openSheet: '待办结意见建议',
    headings: {
      date: '日期',
      village: '村',
      villageName: '村名',
      kind: '类型',
      suggestionId: '编号',
      resolvedOn: '办结日期',
      outcome: '办理情况',
      suggestedOn: '提出日期',
    },
    title: (region, village, month) => `${region}${village ?? ''}${month ? `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月` : ''}“四联”工作台账`,
    instructions: (village, month) => [
      '填写说明',
      `1. 每张表是一类记录，一行填一条${month ? `（本表为 ${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月）` : ''}。表头带 * 的列必须填写，其余可以留空；没有的类别整张表空着即可。`,
      `2. “村”一列${village ? `已填好“${village}”，不能改动` : '从下拉列表中选择'}；“形式”“状态”“单位”等带下拉箭头的列，从列表中选择。`,
      '3. 日期写成 2023-05-08、2023/5/8 或 2023年5月8日，也可以用表格的日期格式；数字只填阿拉伯数字（如 35，不要写“35人”“3万”）。投资额以元为单位：300万元填 3000000。',
      '4. 几个人、几个村写在一格里，用顿号或逗号隔开，如“张三、李四”。',
      `5. 意见建议的编号可以留空，导入时自动编号。“${'待办结意见建议'}”表列出尚未办结的意见建议：办结了的，在同一行填上办结日期和办理情况。`,
      '6. 不要改动表名和表头，不要合并单元格；可以增加行。填好后保存为 .xlsx（WPS、Excel 均可），发回乡镇。',
      '7. 乡镇用 revitalize import 导入，有问题会指出在哪张表的哪个格子；同一张表重复导入不会重复记录。',
    ],
    examplesHeading: '填写示例（每类一行）',
    exampleSheet: (sheet) => `表“${sheet}”`,
    examples: {
      'joint-org': { date: '2023-05-06', name: '永胜片区联合党委', villages: '永胜村、和平村', note: '召开成立大会' },
      project: { date: '2023-05-10', village: '永胜村', name: '农特产品冷链仓储物流中心', investment: 8000000, status: 'landed' },
      sale: { date: '2023-05-12', village: '永胜村', product: '核桃', quantity: 500, unit: '斤' },
      talent: { date: '2023-05-03', village: '永胜村', name: '王小明', role: '种植能手' },
      returnee: { date: '2023-05-04', village: '永胜村', name: '李华', note: '返乡创业' },
      mentoring: { date: '2023-05-05', village: '永胜村', mentor: '张大山', mentees: '赵六、钱七', mode: '田间指导' },
      cooperative: { date: '2023-05-07', village: '永胜村', name: '永胜茶叶专业合作社' },
      'livelihood-project': { date: '2023-05-09', village: '永胜村', name: '村道路灯改造' },
      training: { date: '2023-05-11', village: '永胜村', topic: '茶叶修剪技术', attendees: 42 },
      education: { date: '2023-05-13', village: '永胜村', name: '刘芳', note: '考取大专' },
      session: { date: '2023-05-08', village: '永胜村', form: '集中畅谈', attendees: 35, location: '村委会', time: '19:30' },
      suggestion: { date: '2023-05-08', village: '永胜村', text: '村口路灯不亮', topic: '村庄环境整治' },
      team: { date: '2023-05-15', village: '永胜村', name: '护河巡查队', members: 12 },
      'joint-action': { date: '2023-05-20', village: '永胜村', type: '护河行动', participants: 60, villages: '永胜村、和平村' },
      evaluation: { date: '2023-05-31', village: '永胜村', subject: '一组', score: 92, stars: 4 },
    },
    pickPrompt: '请从下拉列表中选择',
    pickError: '请从下拉列表中选择，不要自己输入',
    datePrompt: '日期，如 2023-05-08',
    dateError: '请填写日期，如 2023-05-08',
    numberError: '请只填阿拉伯数字，如 35',
    fileName: (village, month) => `${village ?? ''}${month ? `${Number(month.slice(5, 7))}月` : ''}台账`,
    written: (file, sheets, open, importCommand) =>
      `已生成 ${file}（${sheets} 张表${open > 0 ? `，其中列出 ${open} 条待办结的意见建议` : ''}）。发给村里填写，收回后运行 ${importCommand} 导入。`,
    unknownVillage: (village, names) => `村名“${village}”不在 revitalize.yaml 的村名单中。村名单：${names.join('、')}`,
    notXlsx: (file) => `输出文件“${file}”应以 .xlsx 结尾`,
    cannotWrite: (file, reason) => `无法写入 ${file}：${reason}`,
  },
  importing: {
    cell: {
      missing: (heading) => ({ message: `“${heading}”一栏没有填写`, hint: '表头带 * 的列每一行都要填写' }),
      wrongType: (heading, p) => ({
        message: `“${heading}”一栏应填${typeName(p.expected)}，这里填的是${typeName(p.actual)}${p.value === undefined ? '' : ` ${asText(p.value)}`}`,
        hint:
          p.expected === 'integer' || p.expected === 'number'
            ? '只填阿拉伯数字，不带单位和文字，如 35；金额按表头的单位填写'
            : p.expected === 'date'
              ? '填写日期，如 2023-05-08 或 2023年5月8日'
              : '按表头的要求填写这一栏',
      }),
      notAllowed: (heading, p) => ({
        message: `“${heading}”一栏的“${asText(p.value)}”不在可选范围内`,
        hint: `请从这一栏的下拉列表中选择${p.suggestion === undefined ? '' : `，是不是想选“${asText(p.suggestion)}”？`}`,
      }),
      fullwidthDigits: (heading, p) => ({
        message: `“${heading}”一栏的“${asText(p.value)}”用了全角数字，已按 ${asText(p.read)} 读取`,
        hint: '以后请用半角数字（全角数字来自输入法的全角状态，可按 Shift+空格 切换到半角）',
      }),
    },
    needFile: '没有给出要导入的表格：revitalize import <文件.xlsx 或 .csv>...',
    notFound: (file) => `找不到文件“${file}”`,
    cannotRead: (file, reason) => `无法读取 ${file}：${reason}`,
    addedTo: (file, count, kinds) => `${file}：新增 ${count} 条（${kinds}）`,
    wouldAdd: (file, count, kinds) => `${file}：将新增 ${count} 条（${kinds}）`,
    total: (count, files) => `共导入 ${count} 条记录，写入 ${files} 个日志文件。`,
    dryRun: (count) => `试运行（--dry-run）：共 ${count} 条记录可以导入，没有写入任何文件。`,
    alreadyImported: (count) => `另有 ${count} 行在之前已经导入过，这次跳过。`,
    nothingNew: (rows) => `没有新的记录：表格中的 ${rows} 行都已在之前导入过，没有写入任何文件。`,
    nothingFound: '表格中没有填写任何记录，没有写入任何文件。',
    notImported: (errors) => `发现 ${errors} 个错误，没有导入任何记录。请按提示修改表格后重新运行。`,
    kindCount: (kind, count) => `${kind} ${count}`,
    listSeparator: '、',
  },
  rollup: {
    jsonTypes,
    refused: (count) => `发现 ${count} 个问题，未生成汇总报告。请按提示处理后重新运行。`,
    needRegion: '请用 --region 写明汇总报告的单位（如 --region 乐山市金口河区），或用 --config 指定写有 region 的配置文件',
    cannotRead: (file, reason) => `无法读取 ${file}（${reason}）：请检查文件路径是否正确`,
    notAFile: (file, type) => `无法读取 ${file}：它不是普通文件，而是${specialFiles[type] ?? specialFiles.other}`,
    tooLarge: (file, bytes, limit) => `无法读取 ${file}：文件有 ${fileSize(bytes, { bytes: '字节' })}，超过了 ${limit} MB 的上限`,
    outputIsInput: (file) => `拒绝写入 ${file}：它是要汇总的报告之一。请用 -o 指定其他输出文件夹`,
  },
  cli: {
    wrote: (path) => `已生成 ${path}`,
    fixErrorsFirst: (count) => `日志中有 ${count} 个错误，请先按提示修正（revitalize check 可随时查看），再运行此命令。`,
    errorsFound: (count) => `发现 ${count} 个错误，未生成报告。请按提示修改后重新运行。`,
    warningsFound: (count) => `${count} 条警告（数据核查提示，不写入月报）。`,
    strictWarnings: (count) => `有 ${count} 条警告，按 --strict 的要求未生成报告。请按提示修改后重新运行。`,
    badMonth: (value) => `无法识别的月份“${value}”：请写成 2023-04 或 2023年4月，或 current（本月）、previous（上月）`,
    futureMonth: (monthLabel, todayLabel) =>
      `${monthLabel}还没有到（今天是${todayLabel}），没有可以报告的内容：请检查 --month 是否写错；确实要提前生成，加 --allow-future`,
    badFormat: (value, allowed) => `未知的报告格式“${value}”：可选 ${allowed.join('、')}`,
    stdoutNeedsOneFormat: '输出到标准输出（-o -）时只能指定一种格式，如 --format md',
    noWorkspace: (path) => `找不到工作区文件夹 ${path}`,
    workspaceUnreadable: (path, reason) => `无法打开工作区文件夹 ${path}（${readFailures[reason] ?? reason}）：请检查当前用户是否有这个文件夹的读取和进入权限`,
    badGeneratedOn: (value) => `无法识别 --generated-on 的日期“${value}”：请写成 2023-05-01 或 2023年5月1日`,
    badSourceDateEpoch: (value) => `环境变量 SOURCE_DATE_EPOCH 的值“${value}”不是秒数（应为非负整数）`,
    reading: '读取日志',
    watchNeedsFiles: '--watch 会在每次修改后重写报告文件，不能和 -o - 一起使用',
    binaryNeedsFile: (format) => `${format} 格式的报告是二进制文件，只能写入文件，不能用 -o - 输出到屏幕；请去掉 -o -，或用 -o 指定文件夹`,
    noChromium:
      '生成 PDF 需要 Chromium 内核的浏览器（Chrome、Edge 或 Chromium），但没有找到。\n' +
      '  提示：Windows 电脑一般自带 Edge，可直接使用；Debian/Ubuntu 上运行 sudo apt-get install chromium 安装；' +
      '浏览器装在别处时，用环境变量 REVITALIZE_CHROMIUM 指明它的路径。也可以先生成 html 或 docx 格式，再用浏览器或 Word 打印成 PDF。',
    printTimedOut: (browser, seconds) =>
      `浏览器 ${browser} 在 ${seconds} 秒内没有打印完 PDF，已停止，没有写入任何文件\n  提示：电脑繁忙时稍后再试；或先生成 html 格式，用浏览器打印成 PDF`,
    yearOutOfRange: (option, value, first, last) =>
      option === 'SOURCE_DATE_EPOCH'
        ? `环境变量 SOURCE_DATE_EPOCH 的值“${value}”换算成的日期不在 ${first} 年到 ${last} 年之间`
        : `${option} 的“${value}”年份不在 ${first} 到 ${last} 年之间：请检查年份，如 2023`,
    stdoutFailed: (code, report) =>
      `${report ? '报告没有完整写到标准输出，没有送达' : '无法写入标准输出，输出不完整'}（${stdoutFailures[code] ?? '写入出错'}${code ? `，${code}` : ''}）`,
    badRegion: (shown) => `--region 的“${shown}”不能用作单位名称：单位名称是一行文字，不能为空，也不能含换行、制表符等控制字符`,
    chromiumFailed: (browser, exitCode, whilePrinting) =>
      `用浏览器 ${browser} 生成 PDF 失败：${whilePrinting ? '浏览器在打印时出错退出' : exitCode === undefined ? '浏览器没能启动' : `浏览器启动后立即退出（退出码 ${exitCode}）`}，没有写入任何文件\n  提示：确认该浏览器能正常打开；或用环境变量 REVITALIZE_CHROMIUM 指定另一个浏览器`,
    watching: (workspace) => `正在监视 ${workspace} 的日志、配置和模板，修改保存后自动重新生成报告；按 Ctrl+C 结束。`,
    changed: (files) => `—— 检测到修改：${files.slice(0, 3).join('、')}${files.length > 3 ? ` 等 ${files.length} 个文件` : ''}，重新生成 ——`,
    badLocale: (value, allowed) => `未知的语言“${value}”：可选 ${allowed.join('、')}`,
    checkSummary: (files, entries, errors, warnings) =>
      `共检查 ${files} 个日志文件、${entries} 条有效记录：${errors + warnings === 0 ? '没有发现问题。' : `发现 ${errors} 个错误、${warnings} 条警告。`}`,
    outputIsInput: (file) => `拒绝写入 ${file}：它是配置文件、日志文件（或会被当作日志读取）或月报文字材料。请用 -o 指定其他输出文件夹`,
    cannotWrite: (folder, reason) => `无法写入输出文件夹 ${folder}（${reason}）：请检查它是否可写、磁盘是否已满，或用 -o 指定其他文件夹`,
    writeFailure: (code) =>
      ({
        ENOSPC: '磁盘已满',
        EDQUOT: '磁盘配额已用完',
        EACCES: '没有写入权限',
        EPERM: '没有写入权限',
        EROFS: '磁盘或文件夹是只读的',
        ENAMETOOLONG: '文件名或路径太长',
        ENOTDIR: '路径中有一个文件占了文件夹的位置',
        EISDIR: '目标位置是一个文件夹',
      })[code] ?? code,
    pathInTheWay: (file, kind) =>
      `${file}：${
        {
          'file-exists': '已有同名文件',
          'folder-in-the-way': '这里需要写入文件，但已有同名文件夹',
          'file-in-the-way': '这里需要一个文件夹，但已有同名文件',
          'dangling-link': '这是一个链接，但它指向的位置不存在',
        }[kind]
      }`,
    internalError: (version) =>
      `revitalize ${version} 内部错误：这是程序缺陷，不是您的数据问题。请把运行的命令和这段信息发给维护人员（加 --debug 可显示详细信息）。`,
    moreProblemsInFile: (count) => `此文件还有 ${count} 个问题未列出（revitalize check --format json 可列出全部）`,
    hintLabel: '提示',
    unknownOption: (option, suggestion) => `未知的选项 ${option}${suggestion ? `，是不是想写 ${suggestion}？` : ''}`,
    unknownCommand: (command, suggestion) => `未知的命令 ${command}${suggestion ? `，是不是想写 ${suggestion}？` : ''}`,
    optionMissingArgument: (option) => `选项 ${option} 后面缺少取值`,
    tooManyArguments: (command) => `命令 ${command} 的参数过多（工作区文件夹只能写一个）`,
    missingArgument: (argument) => `缺少参数 <${argument}>`,
    seeHelp: (command) => `运行 ${command} --help 查看用法`,
  },
};
