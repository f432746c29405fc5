import { describeChange, formatFigure } from '../figures/format-figure.js';
import type { Catalogue } from './catalogue.js';
import { helpEn } from './help-en.js';
import { targetGoalEn, writeProseEn } from './prose-en.js';
import { asText, fileSize, list, metricLabels } from './catalogue.js';
import type { ParamsOf } from '../problems/problem.js';
import type { Pillar } from '../schema/log-schema.js';
import { KIND_NAMES, PILLAR_NAMES } from '../schema/kind-names.js';
import type { NoteSection } from '../notes/note-sections.js';
import { NOTE_SECTIONS } from '../notes/note-sections.js';

const jsonTypes: Record<string, string> = {
  object: 'an object ({ })',
  array: 'a list ([ ])',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'null',
  missing: 'nothing',
  valid: 'a valid value',
};
const expectedJson = (p: ParamsOf<'E-ROLLUP-WRONG-SHAPE'>) => (p.expected === 'oneOf' ? `one of ${options(p.allowed)}` : (jsonTypes[p.expected] ?? p.expected));
const monthName = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1)).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
/** A month without its year: April. */
const monthOnly = (month: string) => new Date(Date.UTC(2000, Number(month.slice(5, 7)) - 1, 1)).toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' });
/** Months of one year: January–April 2023, or April 2023 alone. */
const monthSpan = (from: string, to: string) => (from === to ? monthName(to) : `${monthOnly(from)}–${monthName(to)}`);
const didYouMean = (suggestion: string | undefined) => (suggestion ? `Did you mean '${suggestion}'? ` : '');
const quoted = (value: string | undefined) => (value === undefined ? '' : ` '${value}'`);
const options = (allowed: readonly string[] | undefined) => list(allowed, ', ');

const valueTypes: Record<string, string> = {
  text: 'text',
  integer: 'a whole number',
  number: 'a number',
  list: 'a list',
  mapping: 'a mapping of "field: value" lines',
  empty: 'empty',
  boolean: 'true/false',
  valid: 'a valid value',
};
const typeName = (name: string) => valueTypes[name] ?? name;

const syntaxExplanations: Record<string, [string, string]> = {
  BAD_INDENT: [
    'the indentation does not line up',
    'Fields at the same level must start in the same column; indent with spaces only (usually 2 per level); a list written with [ needs its closing ].',
  ],
  TAB_AS_INDENT: ['a tab is used for indentation', 'Replace the tab at the start of the line with spaces.'],
  MISSING_CHAR: ['a closing quote or bracket is missing', 'Add the missing " \' ] or }.'],
  MULTILINE_IMPLICIT_KEY: [
    'this line is not a "field: value" line',
    'Write each line as "field: value" with a space after the colon; check that quotes on the line above are closed.',
  ],
  BLOCK_AS_IMPLICIT_KEY: ['a line holds two ": "', 'When a value contains a colon, put the whole value in quotes, e.g. note: "time: 7 pm".'],
  UNEXPECTED_TOKEN: ['an unexpected character', 'Check the colons, dashes and brackets on this line; quote text that contains : or #.'],
  BAD_SCALAR_START: ['the value starts with a special character', 'Quote text that starts with @ ` % | or >, e.g. note: "@Zhang done".'],
  BAD_ALIAS: ['a reference (*name) points to no anchor', 'Logs do not need & and *; write the data out.'],
  TOO_DEEP: ['too many levels of nesting', 'Logs need two or three levels of indentation; look for an extra [ or {.'],
  MISSING_COLON: ['this line has no colon: it is not a "field: value" line', 'Write each line as "field: value": an ASCII colon ":" followed by a space.'],
  CONTROL_CHARACTER: [
    'an invisible control character is here',
    'Delete it: such characters come along with text copied from web pages, spreadsheets or terminals; if unsure, delete the text and type it again.',
  ],
  TAG_RESOLVE_FAILED: [
    'the value has a YAML tag (starting with !), which logs do not use',
    'Delete the tag and write the value itself; quote text that starts with !, e.g. note: "!urgent".',
  ],
  BAD_DQ_ESCAPE: [
    'a backslash \\ in double quotes starts no valid escape',
    'Write a backslash itself as two (\\\\), or put the value in single quotes instead.',
  ],
  RESOURCE_EXHAUSTION: ['too many levels of nesting', 'Logs need two or three levels of indentation; look for an extra [ or {.'],
  BLOCK_IN_FLOW: [
    'a list written with [ ] or { } holds an indented block',
    'Write what is inside [ ] on one line, separated by commas, e.g. villages: [Village A, Village B].',
  ],
  NON_STRING_KEY: ['a field name is not text', 'Field names are words: write each line as "field: value", e.g. note: text.'],
  KEY_OVER_1024_CHARS: [
    'a field name is longer than 1024 characters',
    'Write each line as "field: value" with a space after the colon; long text goes after the colon.',
  ],
  MULTIPLE_ANCHORS: ['the value has extra & or ! marks', 'Logs need none of & * !: delete them and write the data out.'],
  MULTIPLE_TAGS: ['the value has extra & or ! marks', 'Logs need none of & * !: delete them and write the data out.'],
  ALIAS_PROPS: ['the value has extra & or ! marks', 'Logs need none of & * !: delete them and write the data out.'],
  BAD_PROP_ORDER: ['the value has extra & or ! marks', 'Logs need none of & * !: delete them and write the data out.'],
  BAD_DIRECTIVE: ['a line starting with % is not part of a log', 'Delete the line; quote text that starts with %.'],
  BAD_COLLECTION_TYPE: ['this list or mapping is not written correctly', 'Compare this line and the one above with the examples in docs/format.md.'],
  IMPOSSIBLE: ['this cannot be read', 'Compare this line and the one above with the examples in docs/format.md.'],
};
const syntax = (yamlCode: string) => syntaxExplanations[yamlCode];

/** A full-width space (U+3000) where YAML needs a space, by where it was typed. */
const fullwidthSpace: Record<ParamsOf<'E-FULLWIDTH-SPACE'>['where'], (p: ParamsOf<'E-FULLWIDTH-SPACE'>) => { message: string; hint: string }> = {
  indent: () => ({
    message: "the indentation uses full-width spaces (U+3000, typed in the input method's full-width mode); YAML does not read them as indentation",
    hint: 'Replace them with ordinary spaces, fields of the same level starting in the same column (usually 2 spaces a level). Shift+Space switches most Chinese input methods to half-width.',
  }),
  blank: () => ({ message: 'this line holds only full-width spaces', hint: 'Delete them: a blank line holds nothing.' }),
  'after-dash': () => ({
    message: 'a full-width space follows the list dash "-"; YAML reads only an ordinary space there',
    hint: 'Replace it with an ordinary space: "- ".',
  }),
  'after-colon': (p) => ({
    message: `a full-width space follows the colon of ${asText(p.key)}; YAML reads only an ordinary space there`,
    hint: `Replace it with an ordinary space: "${asText(p.key)}: value".`,
  }),
};

const templateMistakes: Record<string, (p: ParamsOf<'E-TEMPLATE'>) => string> = {
  variable: (p) => `the report template uses a variable that does not exist: ${asText(p.name)}`,
  filter: (p) => `the report template uses a filter that does not exist: ${asText(p.name)}`,
  include: (p) => `the report template includes a template that cannot be found: ${asText(p.name)}`,
  limit: (p) => templateLimits[asText(p.name)]?.(p) ?? 'the report template ran into a limit and was stopped',
};

/** A template stopped by a limit (template-engine.ts), by the limit. */
const templateLimits: Record<string, (p: ParamsOf<'E-TEMPLATE'>) => string> = {
  time: (p) => `the report template was still running after ${asText(p.limit)} seconds and was stopped`,
  memory: () => 'the report template made too much and was stopped',
  depth: () => 'the report template includes templates too deeply (it may include itself) and was stopped',
};

/** Why standard output could not be written, by its error code. */
const stdoutFailures: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EPIPE: 'the program reading it has closed',
  EIO: 'an input/output error',
  EBADF: 'standard output is closed',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is too large',
};

/** Why the system could not read a file, by its error code. */
const readFailures: Record<string, string> = {
  EACCES: 'you have no permission to read it',
  EPERM: 'you have no permission to read it',
  EBUSY: 'another program holds it open',
  ELOOP: 'the link points to itself',
  EIO: 'the disk could not be read',
  ENOENT: 'it disappeared while being read',
};

/** What a file is when it is not an ordinary file (E-NOT-A-FILE). */
const specialFiles: Record<string, string> = {
  directory: 'a folder',
  fifo: 'a named pipe (FIFO)',
  socket: 'a socket',
  'character-device': 'a device (such as /dev/null or /dev/zero)',
  'block-device': 'a disk device',
  other: 'a special file',
};

const boundWords: Record<string, string> = { min: 'at least', above: 'more than', max: 'at most' };

const fieldHints: Record<string, (p: ParamsOf<'E-MISSING-FIELD'>) => string> = {
  village: () => 'Write village: <name> in this entry, or village: <name> at the top of the file as the default for all its entries.',
  pillar: (p) =>
    p.expectedPillar
      ? `Add pillar: ${asText(p.expectedPillar)}.`
      : 'Add pillar (organization, talent, night-talk or ecology), or set it at the top of the file.',
  kind: () => 'Add kind: <kind>, e.g. session or suggestion.',
  region: () => 'Add a line region: <who reports> to revitalize.yaml.',
  date: () => 'Add date: 2023-04-08 (year-month-day).',
};

/** A number with commas not in groups of three: which number it is cannot be told. */
const ungrouped = (p: ParamsOf<'E-WRONG-TYPE'>) =>
  `The commas are not in groups of three, so the number is unclear: check it and write it without commas, e.g. ${asText(p.field)}: ${asText(p.ungrouped)}.`;
const typeHints: Record<string, (p: ParamsOf<'E-WRONG-TYPE'>) => string> = {
  text: (p) => `If the text is a number or a word like yes/no, put it in quotes, e.g. ${asText(p.field)}: "123".`,
  integer: (p) => (p.ungrouped ? ungrouped(p) : `Write a whole number with no decimal point and no quotes, e.g. ${asText(p.field)}: 35.`),
  number: (p) => (p.ungrouped ? ungrouped(p) : `Write a plain number with no unit and no quotes, e.g. ${asText(p.field)}: 100.`),
  list: (p) => `Write a list, e.g. ${asText(p.field)}: [Yongsheng Village, Heping Village].`,
};

const pillars: Record<Pillar, string> = PILLAR_NAMES.en;

const metricTerms: Catalogue['metricTerms'] = {
  'organization.joint-orgs': { name: 'Joint cross-village Party organisations', unit: 'organisations', short: 'Joint organisations' },
  'organization.villages-covered': { name: 'Villages covered by joint organisations', unit: 'villages', short: 'Villages covered' },
  'organization.projects': { name: 'Projects planned or under way', unit: 'projects', short: 'Projects' },
  'organization.investment': { name: 'Project investment', unit: 'yuan', short: 'Investment' },
  'organization.sales-jin': { name: 'Farm produce sold', unit: 'jin', short: 'Produce sold' },
  'talent.cultivated': { name: 'Local talents selected', unit: 'people', short: 'Talents' },
  'talent.returnees': { name: 'Returnees', unit: 'people', short: 'Returnees' },
  'talent.mentees': { name: 'New village cadres mentored', unit: 'people', short: 'Mentored' },
  'talent.cooperatives': { name: 'Cooperatives led', unit: 'cooperatives', short: 'Cooperatives' },
  'talent.livelihood-projects': { name: 'Livelihood projects', unit: 'projects', short: 'Livelihood projects' },
  'talent.trainings': { name: 'Training sessions', unit: 'sessions', short: 'Trainings' },
  'talent.training-attendance': { name: 'Training attendance', unit: 'attendances', short: 'Trainees' },
  'talent.education-upgrades': { name: 'Education upgrades', unit: 'people', short: 'Education' },
  'night-talk.sessions': { name: 'Night-talk sessions', unit: 'sessions', short: 'Night talks' },
  'night-talk.attendance': { name: 'Night-talk attendance', unit: 'attendances', short: 'Attendance' },
  'night-talk.suggestions': { name: 'Suggestions collected', unit: 'items', short: 'Suggestions' },
  'night-talk.resolved': { name: 'Suggestions resolved', unit: 'items', short: 'Resolved' },
  'night-talk.resolution-rate': { name: 'Resolution rate', unit: '%', short: 'Resolution rate' },
  'night-talk.open': { name: 'Open at month end', unit: 'items', short: 'Open' },
  'ecology.teams': { name: 'Ecological management teams', unit: 'teams', short: 'Teams' },
  'ecology.team-members': { name: 'Team members', unit: 'people', short: 'Members' },
  'ecology.joint-actions': { name: 'Joint actions', unit: 'actions', short: 'Joint actions' },
  'ecology.evaluations': { name: 'Evaluations', unit: 'evaluations', short: 'Evaluations' },
  'ecology.average-score': { name: 'Average evaluation score', unit: 'points', short: 'Average score' },
};
const noteSections: Record<NoteSection, string> = {
  overview: 'Overview',
  ...pillars,
  problems: 'Problems',
  plans: 'Next steps',
};
const sectionName = (section: NoteSection) => noteSections[section] ?? section;
const noteHeadingList = NOTE_SECTIONS.map((section) => noteSections[section]).join(', ');

const kinds: Catalogue['kinds'] = KIND_NAMES.en;
const fieldLabels: Record<string, string> = {
  name: 'Name',
  villages: 'Villages',
  investment: 'Investment (yuan)',
  status: 'Status',
  product: 'Product',
  quantity: 'Quantity',
  unit: 'Unit',
  role: 'Role',
  mentor: 'Mentor',
  mentees: 'Mentees',
  mode: 'Mode',
  topic: 'Topic',
  attendees: 'Attendees',
  form: 'Form',
  location: 'Place',
  time: 'Time',
  id: 'ID',
  text: 'What was said',
  resolved: 'Resolved on',
  ref: 'ID of the suggestion resolved',
  members: 'Members',
  type: 'Type of action',
  participants: 'Participants',
  subject: 'Who or what was evaluated',
  score: 'Score (0–100)',
  stars: 'Stars (1–5)',
  note: 'Note',
};

export const en: Catalogue = {
  locale: 'en',
  help: helpEn,
  pillars,
  kinds,
  metricTerms,
  metrics: metricLabels(metricTerms, (term) => term.name),
  metricCounting: {
    'organization.joint-orgs': 'the number of joint-org entries',
    'organization.villages-covered': 'the villages named in the villages of joint-org entries, each village once',
    'organization.projects': 'the number of project entries',
    'organization.investment': 'the sum of the investment of project entries, in yuan',
    'organization.sales-jin': 'the sum of the quantity of sale entries, in jin (1 kg is 2 jin, 1 t is 2000 jin)',
    'talent.cultivated': 'the number of talent entries',
    'talent.returnees': 'the number of returnee entries',
    'talent.mentees': 'the number of mentees of mentoring entries, added up',
    'talent.cooperatives': 'the number of cooperative entries',
    'talent.livelihood-projects': 'the number of livelihood-project entries',
    'talent.trainings': 'the number of training entries',
    'talent.training-attendance': 'the sum of the attendees of training entries',
    'talent.education-upgrades': 'the number of education entries',
    'night-talk.sessions': 'the number of session entries',
    'night-talk.attendance': 'the sum of the attendees of session entries',
    'night-talk.suggestions': 'the number of suggestion entries',
    'night-talk.resolved': 'the suggestions resolved in the period, whenever they were made',
    'night-talk.resolution-rate': 'of the suggestions made in the period, the share resolved by its end; — when there are none',
    'night-talk.open': 'the suggestions made by the end of the period and not resolved by then (the backlog at its end)',
    'ecology.teams': 'the number of team entries',
    'ecology.team-members': 'the sum of the members of team entries',
    'ecology.joint-actions': 'the number of joint-action entries',
    'ecology.evaluations': 'the number of evaluation entries',
    'ecology.average-score': 'the mean score of evaluation entries; — when there are none',
  },

  windows: { month: 'This month', previousMonth: 'Last month', previousYear: 'Same month last year', ytd: 'Year to date', previousYtd: 'Last year to date' },
  metricColumn: 'Metric',
  report: {
    comparisons: { monthOnMonth: 'vs last month', yearOnYear: 'vs last year', ytdOnYtd: 'YTD vs last year' },
    change: (change, unit) => describeChange(change, unit, 'en', { same: 'no change', points: ' pts' }),
    stars: (count) => `${'★'.repeat(count)}${'☆'.repeat(Math.max(0, 5 - count))} (${count} of 5)`,
    shortMonth: (month) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(month.slice(5, 7)) - 1]!,
    village: 'Village',
    total: 'Total',
    charts: {
      caption: (number, title) => `Figure ${number}. ${title}`,
      pillar: (pillar, monthLabel, leftOut) =>
        `${pillar}: figures this month and last month (${monthLabel}${leftOut ? '; figures at 0 or without data in both months not shown' : ''})`,
      suggestions: (from, to) => `Suggestions collected and resolved${from === to ? '' : ' each month'}, ${monthSpan(from, to)}`,
      villages: (from, to, limit) =>
        `Suggestions collected and resolved, ${monthSpan(from, to)}, and open at the end of ${monthOnly(to)}, ${limit === null ? 'by village' : `in the ${limit} villages with the most suggestions`}`,
      units: {
        'organization.joint-orgs': 'number',
        'organization.villages-covered': 'number',
        'organization.projects': 'number',
        'organization.investment': 'yuan',
        'organization.sales-jin': 'jin',
        'talent.cultivated': 'people',
        'talent.returnees': 'people',
        'talent.mentees': 'people',
        'talent.cooperatives': 'number',
        'talent.livelihood-projects': 'number',
        'talent.trainings': 'number',
        'talent.training-attendance': 'attendances',
        'talent.education-upgrades': 'people',
        'night-talk.sessions': 'number',
        'night-talk.attendance': 'attendances',
        'night-talk.suggestions': 'number',
        'night-talk.resolved': 'number',
        'night-talk.resolution-rate': '%',
        'night-talk.open': 'number',
        'ecology.teams': 'number',
        'ecology.team-members': 'people',
        'ecology.joint-actions': 'number',
        'ecology.evaluations': 'number',
        'ecology.average-score': 'points',
      },
      panelHeading: (label, unit) => `${label} (${unit})`,
      axisUnit: (units) => units.join(' / ').replace(/^./, (first) => first.toUpperCase()),
      noData: '(no data)',
    },
    sheet: {
      metrics: 'Metrics',
      villages: 'Villages',
      overdue: 'Overdue',
      scope: 'Scope',
      pillar: 'Pillar',
      key: 'Key',
      metric: 'Metric',
      unit: 'Unit',
      units: { count: 'count', yuan: 'yuan', jin: 'jin', ratio: 'ratio', score: 'score' },
    },
    evidence: {
      heading: 'Entries behind the figures',
      intro: 'Open a metric to see every log entry counted in it, with its file and line.',
      summary: (label, figures) => `${label}: ${figures.map(([window, figure]) => `${window} ${figure}`).join(', ')}`,
      window: (window, count) => `${window} (${count} ${count === 1 ? 'entry' : 'entries'})`,
      more: (count, command) => `${count} more not listed; run ${command} to see them all.`,
      numerator: 'Resolved (numerator)',
      denominator: 'Made (denominator)',
      columns: { where: 'Where', date: 'Date', village: 'Village', item: 'Entry' },
      none: '(none)',
    },
    chartsHeading: 'Charts',
    attachments: {
      villages: 'Figures by village',
      targets: 'Targets',
      overdue: 'Overdue suggestions',
      cadence: (kinds) => `Held on the day due: ${kinds.join(', ')}`,
      stars: 'Star ratings of the ecological management team',
    },
    checkNotes: {
      heading: (monthLabel, count) =>
        `Data notes of the ${monthLabel} report: ${count}. These entries were counted, but deserve a look. This file is for checking the logs; it is not part of the report.`,
      separator: ': ',
      hint: (hint) => ` (${hint})`,
    },
    placeholder: (part) => `[To be written: ${part}]`,
    document: { attachmentLead: 'Attachments:', noteLead: 'Note:', attachmentLabel: (number) => `Attachment ${number}` },
  },
  severity: { error: 'error', warning: 'warning' },
  valueTypes,
  formatMonth: (month) =>
    new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1)).toLocaleDateString('en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }),
  formatDay: (day) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  prose: writeProseEn,
  targetGoal: targetGoalEn,
  reportHeading: (region, title, monthLabel) => (title ? `${title} (${monthLabel})` : `${region}: four-link rural revitalisation report, ${monthLabel}`),
  problems: {
    'E-CONFIG-MISSING': () => ({
      message: 'the workspace has no revitalize.yaml',
      hint: 'Create revitalize.yaml in the workspace folder with at least one line: region: <who reports>.',
    }),
    'E-FILE-UNREADABLE': (p) =>
      p.folder === 'yes'
        ? {
            message: `cannot open this folder: ${readFailures[asText(p.detail)] ?? `system error ${asText(p.detail)}`}; the logs in it were not read`,
            hint: 'Check that you may read and enter this folder.',
          }
        : {
            message: `cannot read this file: ${readFailures[asText(p.detail)] ?? `system error ${asText(p.detail)}`}`,
            hint: 'Check that the file exists, is not locked by another program, and that you may read it.',
          },
    'E-FILE-ENCODING': () => ({
      message: 'the file is not text in an encoding we can read (UTF-8, UTF-16 or GB18030); it may not be a text file at all',
      hint: 'Logs are plain text: open the file in your editor and save it with the UTF-8 encoding. Word or Excel files cannot be logs.',
    }),
    'E-FILE-TOO-LARGE': (p) => ({
      message: `the file is ${fileSize(p.bytes, { bytes: 'bytes' })}, over the limit of ${asText(p.limit)} MB; it was not read`,
      hint:
        p.file === 'template'
          ? 'A report template has a few thousand characters: check whether another file was saved as this template; or delete it to use the built-in one.'
          : 'A month of logs is a few kilobytes: check that this is the right file. If it is, raise maxFileSizeMB in revitalize.yaml.',
    }),
    'E-BROKEN-LINK': () => ({
      message: 'this is a symbolic link to a file that does not exist',
      hint: 'Delete the link, or point it at the real log file.',
    }),
    'E-LINK-LOOP': () => ({
      message: 'this is a symbolic link that leads back to itself (a loop of links): there is no file at its end',
      hint: 'Delete the link, or point it straight at the real log file.',
    }),
    'E-FILE-OUTSIDE-WORKSPACE': () => ({
      message: 'this file (or a folder it is in) is a symbolic link to a place outside the workspace folder; it was not read',
      hint: 'A workspace reads only the files in its own folder: copy the file into the workspace, and delete the link.',
    }),
    'E-NOT-A-FILE': (p) => ({
      message: `this is not an ordinary file but ${specialFiles[asText(p.type)] ?? specialFiles.other}; it was not read`,
      hint: 'The logs, config, notes and templates revitalize reads are ordinary text files: delete this one, or put a text file in its place.',
    }),
    'E-GLOB-OUTSIDE-WORKSPACE': (p) => ({
      message:
        p.absolute === 'yes'
          ? `"${asText(p.pattern)}" in logs is an absolute path, outside the workspace folder; it was not searched`
          : `"${asText(p.pattern)}" in logs has .. in it, which leads outside the workspace folder; it was not searched`,
      hint: 'Logs are looked for in the workspace folder only: write logs relative to it, as logs/**/*.yaml, and copy logs kept elsewhere into it.',
    }),
    'E-GLOB-TOO-COMPLEX': (p) => ({
      message:
        p.reason === 'length'
          ? `"${asText(p.pattern)}" in logs is too long (over ${asText(p.limit)} characters); it was not searched`
          : `"${asText(p.pattern)}" in logs is too complex: its braces {…} stand for more than ${asText(p.limit)} paths; it was not searched`,
      hint: 'Each choice in braces multiplies the paths to search: use * and ** instead, as logs/**/*.yaml.',
    }),
    'E-YAML-SYNTAX': (p) => ({
      message: syntax(p.yamlCode) ? `YAML syntax error: ${syntax(p.yamlCode)![0]}` : `YAML syntax error (${asText(p.detail)})`,
      hint: syntax(p.yamlCode)?.[1] ?? 'Compare this line and the one above with the examples in docs/format.md.',
    }),
    'E-YAML-DUPLICATE-KEY': (p) => ({
      message: `the field '${asText(p.key)}' appears twice at the same level`,
      hint: 'Each field may appear once per entry: delete or merge the repeated line. If it starts another entry, put "- " before it.',
    }),
    'E-YAML-ALIAS-BOMB': () => ({
      message: 'references (& and *) expand to far too much data; the file was refused',
      hint: 'Logs do not need & and *; write the data out.',
    }),
    'E-YAML-MULTIPLE-DOCUMENTS': () => ({
      message: 'a file may hold one YAML document, but another --- starts here',
      hint: 'Delete the extra --- line, or move what follows into another file.',
    }),
    'E-NOT-A-MAPPING': (p) => ({
      message: `the file should be a mapping of "field: value" lines, but it is ${typeName(p.actual)}`,
      hint:
        p.scope === 'config'
          ? 'revitalize.yaml looks like:\n  region: Riverside Township\n  villages: [Yongsheng Village, Heping Village]'
          : 'A log file looks like:\n  village: Yongsheng Village\n  entries:\n    - date: 2023-04-08\n      pillar: night-talk\n      kind: session\n      ...',
    }),
    'E-ENTRIES-NOT-A-LIST': (p) => ({
      message: `entries should be a list of entries, but it is ${typeName(p.actual)}`,
      hint: 'Start each entry with "- ", e.g.\n  entries:\n    - date: 2023-04-08\n      kind: session',
    }),
    'E-ENTRY-NOT-A-MAPPING': (p) => ({
      message: `entry ${asText(p.index)} should be a mapping of "field: value" lines, but it is ${typeName(p.actual)}`,
      hint: 'Write each entry as "- date: 2023-04-08" with its other fields indented below it.',
    }),
    'E-UNKNOWN-PILLAR': (p) => ({
      message: `unknown pillar${quoted(p.value)}`,
      hint: `${didYouMean(p.suggestion)}Allowed: organization, talent, night-talk, ecology.`,
    }),
    'E-UNKNOWN-KIND': (p) => ({
      message: `unknown kind${quoted(p.value)}`,
      hint: `${didYouMean(p.suggestion)}Allowed: ${options(p.allowed)} (see docs/format.md).`,
    }),
    'E-KIND-PILLAR-MISMATCH': (p) => ({
      message: `the kind ${asText(p.kind)} belongs to ${asText(p.expectedPillar)} (${pillars[asText(p.expectedPillar) as Pillar] ?? ''}), not to ${asText(p.pillar)}`,
      hint: p.fromDefault
        ? `This entry takes pillar ${asText(p.pillar)} from the top of the file; write pillar: ${asText(p.expectedPillar)} in this entry.`
        : `Change pillar to ${asText(p.expectedPillar)}.`,
    }),
    'E-MISSING-FIELD': (p) => ({
      message: p.kind ? `the ${asText(p.kind)} entry lacks the required field ${asText(p.field)}` : `the required field ${asText(p.field)} is missing`,
      hint: fieldHints[asText(p.field)]?.(p) ?? (p.required ? `A ${asText(p.kind)} entry needs: ${list(p.required, ', ')}.` : undefined),
    }),
    'E-WRONG-TYPE': (p) => ({
      message: `the field ${asText(p.field)} should be ${typeName(p.expected)}, but it is ${typeName(p.actual)}${p.value === undefined ? '' : ` (${asText(p.value)})`}`,
      hint: typeHints[asText(p.expected)]?.(p),
    }),
    'E-OUT-OF-RANGE': (p) => ({
      message: `the field ${asText(p.field)} is ${asText(p.value)}, out of range: it must be ${boundWords[asText(p.bound)] ?? ''} ${asText(p.limit)}`,
      hint: 'Check for a missing or extra digit.',
    }),
    'E-EMPTY-VALUE': (p) => ({
      message: `the field ${asText(p.field)} must not be empty`,
      hint: 'Fill it in; a list needs at least one item.',
    }),
    'E-TOO-LONG': (p) => ({
      message: p.items
        ? `the field ${asText(p.field)} has ${asText(p.length)} items; at most ${asText(p.limit)} are allowed`
        : `the field ${asText(p.field)} is too long (${asText(p.length)} characters; at most ${asText(p.limit)})`,
      hint: 'A log line needs a short summary; keep long material in a document of its own.',
    }),
    'E-NOT-ALLOWED': (p) => ({
      message: `the field ${asText(p.field)} has a value that is not allowed:${quoted(p.value)}`,
      hint: `${didYouMean(p.suggestion)}Allowed: ${options(p.allowed)}.`,
    }),
    'E-DATE-FORMAT': (p) => ({
      message: `the date${quoted(p.value)} is not written in a way revitalize reads`,
      hint: 'Write 2023-04-08; 2023/4/8, 2023.4.8 and 2023年4月8日 are read too.',
    }),
    'E-DATE-IMPOSSIBLE': (p) => ({
      message: `the date ${asText(p.value)} does not exist`,
      hint: 'Check the month and day: April, June, September and November have 30 days; February has 28 (29 in leap years).',
    }),
    'E-DATE-OUT-OF-RANGE': (p) => ({
      message: `the date ${asText(p.value)} has a year outside ${asText(p.first)} to ${asText(p.last)}`,
      hint: 'Check the year for a missing or mistyped digit, such as 0223 for 2023; write the date as 2023-04-08 (year-month-day).',
    }),
    'E-UNKNOWN-VILLAGE': (p) => ({
      message: `the village${quoted(p.value)} is not in the villages list of revitalize.yaml`,
      hint: `${didYouMean(p.suggestion)}If it is a new village, add it to the villages list in revitalize.yaml first.`,
    }),
    'E-DUPLICATE-VILLAGE': (p) => ({
      message: `the village${quoted(p.value)} is listed twice in villages (item ${asText(p.first)} already lists it)`,
      hint: 'List each village once: delete this repeated item, or, if another village was meant, write its name here.',
    }),
    'E-DUPLICATE-SUGGESTION-ID': (p) => ({
      message: `the suggestion id ${asText(p.id)} is used twice; it is already used at ${asText(p.first)}`,
      hint: 'Suggestion ids must be unique in the workspace; choose another, e.g. YS-20230408-02.',
    }),
    'E-DANGLING-REF': (p) => ({
      message: `the resolution refers to a suggestion ${asText(p.ref)} that does not exist`,
      hint: `${didYouMean(p.suggestion)}ref must be exactly the id of a suggestion.`,
    }),
    'E-RESOLVED-TWICE': (p) => ({
      message: `the suggestion ${asText(p.id)} is resolved twice; it was already resolved at ${asText(p.first)}`,
      hint: 'A suggestion is resolved once: delete the extra resolution entry or resolved field.',
    }),
    'E-RESOLUTION-BEFORE-SUGGESTION': (p) => ({
      message: `the suggestion ${asText(p.id)} is resolved on ${asText(p.resolved)}, before it was made on ${asText(p.date)}`,
      hint: 'Check both dates.',
    }),
    'E-TARGET-BOUND': (p) => ({
      message: `the target ${asText(p.field)} needs either a lower bound atLeast or an upper bound atMost, and only one of them`,
      hint: 'For example, a resolution rate of at least 80%: metric: night-talk.resolution-rate with atLeast: 80%; at most 10 open suggestions: metric: night-talk.open with atMost: 10.',
    }),
    'E-TEMPLATE': (p) => ({
      message: templateMistakes[asText(p.reason)]?.(p) ?? `the report template is broken: ${asText(p.detail)}`,
      hint:
        p.reason === 'include'
          ? "A template can only include other templates from the workspace's templates folder (or the built-in ones)."
          : p.reason === 'limit'
            ? "Check the loops here: whether a for loop's range (such as (1..100000)) is too large, whether loops are nested in loops, whether the template includes itself; a monthly report needs nothing of that size. Or delete this template to use the built-in one."
            : 'The variables and filters templates can use are listed in docs/templates.md; or delete this template to use the built-in one.',
    }),
    'W-UNKNOWN-FIELD': (p) => ({
      message: `unknown field${quoted(p.field)}, ignored`,
      hint: `${didYouMean(p.suggestion)}${p.kind ? `A ${asText(p.kind)} entry may have` : 'Allowed here'}: ${options(p.allowed)}.`,
    }),
    'W-EMPTY-FILE': () => ({ message: 'the file is empty and was skipped', hint: 'Delete it if it is not needed.' }),
    'W-NO-ENTRIES': () => ({
      message: 'the file has no entries key',
      hint: 'Entries go under entries:, each starting with "- "; check the spelling of entries.',
    }),
    'W-GLOB-MATCHED-FOLDER': (p) => ({
      message: 'a glob in the logs setting of revitalize.yaml matched this folder, not a log file; it was skipped',
      hint: `To read the logs in this folder, write ${asText(p.folder)}/**/*.yaml in logs.`,
    }),
    'W-FILE-GB18030': () => ({
      message: 'the file is not UTF-8; it was read as GB18030 (GBK)',
      hint: 'Save it again as UTF-8, so that it reads the same on every computer.',
    }),
    'W-DATE-OUTSIDE-FOLDER': (p) => ({
      message: `the date ${asText(p.value)} is outside the month of its folder (${asText(p.folder)})`,
      hint: 'Check the date; if it is right, move the entry to a file in the folder of its month.',
    }),
    'W-DATE-IN-FUTURE': (p) => ({
      message: `the date ${asText(p.value)} is after today (${asText(p.today)})`,
      hint: 'Check the year and the month.',
    }),
    'W-MONTH-EMPTY': (p) => ({
      message: `there is no entry at all in ${monthName(asText(p.month))}: every figure of the report will be 0`,
      hint: `Check that --month is right, that the villages' logs are in the logs folder (e.g. logs/${asText(p.month).replace('-', '/')}/yongsheng.yaml), and that their dates are in ${monthName(asText(p.month))}.`,
    }),
    'W-VILLAGES-SILENT': (p) => ({
      message: `these villages have no entry in ${monthName(asText(p.month))}: ${list(p.villages, ', ')}`,
      hint: "Ask them for this month's logs; if they really did nothing, the report counts 0 for them.",
    }),
    'W-NO-RECIPIENT': () => ({
      message: 'No recipient (the office the report goes to): the report will not be addressed',
      hint: 'Add a line to revitalize.yaml naming the office the report goes to, e.g. recipient: District Organisation Department',
    }),
    'W-NO-ISSUER': (p) => ({
      message: `No issuer: the report is signed with the region, '${asText(p.region)}', where the signing office's name belongs`,
      hint: 'Add a line to revitalize.yaml with the full name of the office that issues the report, e.g. issuer: Riverside Township Party Committee',
    }),
    'W-NO-LOG-FILES': (p) => ({
      message: `no log files found (looked for ${list(p.patterns, ', ')})`,
      hint: 'Put logs in the logs folder (e.g. logs/2023/04/yongsheng.yaml), or set logs in revitalize.yaml.',
    }),
    'W-NOTES-MISSING': (p) => ({
      message: `there are no notes for ${p.month ? monthName(asText(p.month)) : 'this month'}: the report's own words (what was done and how, the causes of problems, the next steps) will be missing`,
      hint:
        "Create this file (plain text, UTF-8) with one heading per part, each on a line of its own, and the part's text under it: " +
        `${NOTE_SECTIONS.map((section) => `## ${noteSections[section]}`).join(', ')}. Next steps is required; leave out the parts you have nothing for.`,
    }),
    'W-NOTES-SECTION-MISSING': (p) =>
      p.section === 'problems'
        ? {
            message: "the logs show no problem to report this month, and the notes have no 'Problems': the report shows '[To be written: problems]' there",
            hint: "Under '## Problems', say what fell short this month and why.",
          }
        : p.empty
          ? {
              message: `the '${sectionName(p.section)}' heading has no text under it`,
              hint: "Write next month's plans under it, one by one: when, what, and who is responsible (text between <!-- and --> does not count).",
            }
          : {
              message: `the notes have no '${sectionName(p.section)}': every monthly report must say what is planned for next month`,
              hint: `Add a line "## ${sectionName(p.section)}" at the end of the file and write next month's plans under it, one by one: when, what, and who is responsible.`,
            },
    'W-NOTES-UNKNOWN-SECTION': (p) => ({
      message: `the heading '${asText(p.heading)}' is not a part of the notes; the text under it does not go into the report`,
      hint: `${didYouMean(p.suggestion ? sectionName(p.suggestion) : undefined)}The headings are: ${noteHeadingList} (a number such as "1." may come first). Start a sub-heading within a part with "### ".`,
    }),
    'W-NOTES-STRAY-TEXT': () => ({
      message: 'this text comes before the first heading, so it belongs to no part and does not go into the report',
      hint: 'Put the heading of its part above it, e.g. "## Overview"; a note to yourself can go between <!-- and -->.',
    }),
    'W-NOTES-BAD-NAME': (p) => ({
      message: `the file name '${asText(p.name)}' is not written year-month.md, so the file is not read`,
      hint: p.suggestion
        ? `Rename it to ${asText(p.suggestion)}.`
        : 'Notes are named by their month: a four-digit year (1900 to 9999), a hyphen and a two-digit month, e.g. 2023-04.md.',
    }),
    'E-FULLWIDTH-COLON': (p) => ({
      message: `a full-width colon "：" follows the field ${asText(p.key)}; YAML reads only the ASCII colon ":"`,
      hint: `Replace "：" with ":", with a space after it: ${asText(p.example)}. (Type the colon with the input method in English mode.)`,
    }),
    'E-FULLWIDTH-SPACE': (p) => fullwidthSpace[p.where](p),
    'E-FULLWIDTH-DASH': (p) => ({
      message: `a list item starts with "${asText(p.char)}"; YAML reads only the ASCII hyphen "-"`,
      hint: `Replace "${asText(p.char)}" with "-" followed by a space: ${asText(p.example)}. (Type the hyphen with the input method in English mode.)`,
    }),
    'E-FULLWIDTH-QUOTES': (p) => ({
      message: `the value ${asText(p.value)} of ${asText(p.field)} is in Chinese quotation marks`,
      hint: `This field takes no Chinese quotes; write ${asText(p.example)} (where quotes are needed, use ASCII quotes ").`,
    }),
    'W-FULLWIDTH-DIGITS': (p) => ({
      message: `the value '${asText(p.value)}' of ${asText(p.field)} has full-width digits or signs; read as ${asText(p.read)}`,
      hint: `Write it in ASCII digits: ${asText(p.field)}: ${asText(p.read)}. (Full-width digits come from the input method's full-width mode; Shift+Space switches most to half-width.)`,
    }),
    'W-NUMBER-GROUPING': (p) => ({
      message: `the value '${asText(p.value)}' of ${asText(p.field)} has thousands separators; read as ${asText(p.read)}`,
      hint: `Write numbers without commas: ${asText(p.field)}: ${asText(p.read)}.`,
    }),
    'E-SHEET-UNREADABLE': (p) => ({
      message:
        p.reason === 'file-type'
          ? `cannot import a '${asText(p.type)}' file: only .xlsx and .csv spreadsheets are read`
          : p.reason === 'not-xlsx'
            ? 'not a valid .xlsx workbook: the file is damaged, or another file renamed'
            : p.reason === 'unpacked'
              ? `the workbook unpacks to more than ${p.limit} MB: no village ledger does; it was not read`
              : 'the CSV file is in no encoding it could be (neither UTF-8 nor GBK/GB18030)',
      hint:
        p.reason === 'file-type'
          ? 'open it in WPS or Excel and "Save as" an .xlsx workbook; older formats (.xls, .et) cannot be imported as they are'
          : p.reason === 'encoding'
            ? 'open it in WPS or Excel and save it as .xlsx'
            : 'ask for the original workbook again, or send the village a new one made by revitalize sheet',
    }),
    'E-SHEET-TOO-LARGE': (p) => ({
      message:
        p.what === 'bytes'
          ? `the spreadsheet is ${p.found} MB, over the limit of ${p.limit} MB; it was not read`
          : p.what === 'rows'
            ? `the sheet has ${p.found} rows, over the limit of ${p.limit}; it was not read`
            : `the sheet has ${p.found} columns, over the limit of ${p.limit}; it was not read`,
      hint: "a village's month has tens of rows: delete empty and unrelated rows and columns, or split it into several files",
    }),
    'E-SHEET-NO-KIND': (p) => ({
      message: `the sheet '${asText(p.sheet)}' has data, but no kind: its name is no kind of entry, and it has no Kind column`,
      hint: `${p.suggestion ? `did you mean '${asText(p.suggestion)}'? ` : ''}name the sheet after a kind of entry (session, suggestion, ...) or add a Kind column; delete sheets not to import`,
    }),
    'E-SHEET-NO-HEADER': (p) => ({
      message: `the sheet '${asText(p.sheet)}' has no heading row: none of its first 10 rows names the columns of its kind`,
      hint: `the first row (under any title) holds the headings, such as: ${p.headings.map(asText).join(', ')}. Keep the headings revitalize sheet wrote`,
    }),
    'E-SHEET-FORMULA': (p) => ({
      message: `this cell is a formula (${asText(p.formula)}) saved without its value`,
      hint: 'import reads the value a cell shows and never computes a formula: type the value in, or open and save the file again in WPS or Excel',
    }),
    'E-IMPORT-ROW-CHANGED': (p) => ({
      message: `this row (${asText(p.source)}) was imported before as ${asText(p.first)}, and has changed since (${p.fields.map(asText).join(', ')})`,
      hint: `a change in the spreadsheet does not overwrite the log. If the spreadsheet is right, correct (or delete) the entry at ${asText(p.first)} and import again; if the log is right, change the row back`,
    }),
    'W-SHEET-EXTRA-COLUMN': (p) => ({
      message: `the column '${asText(p.heading)}' is no field of this kind: left out`,
      hint: `the columns of this sheet: ${p.allowed.map(asText).join(', ')}`,
    }),
    'E-ROLLUP-NOT-JSON': (p) => ({
      message: p.found ? `not a valid JSON file: '${asText(p.found)}' cannot stand here` : 'not a valid JSON file: it ends too early',
      hint: 'usually a comma missing or left over at the end of the item before, an unmatched quote, or a file not copied in full. rollup takes the reports written by revitalize report --format json as they are: do not edit them, and ask the township to make it again if need be',
    }),
    'E-ROLLUP-TOO-DEEP': (p) => ({
      message: `nested too deep: this bracket opens level ${p.limit + 1}, over the limit of ${asText(p.limit)} levels; the file was not read`,
      hint: 'A report made by revitalize nests only a few levels: this file is not one, or it is damaged. A rollup takes only reports made with revitalize report --format json.',
    }),
    'E-ROLLUP-NOT-A-REPORT': () => ({
      message: 'not a revitalize JSON report (it has no schemaVersion and metrics)',
      hint: "give the townships' reports written by revitalize report --format json, such as reports/2023-04.json; other JSON, such as the output of revitalize check --format json, cannot be rolled up",
    }),
    'E-ROLLUP-SCHEMA-VERSION': (p) =>
      p.newer === 'yes'
        ? {
            message: `the report's schemaVersion is ${asText(p.version)}, newer than the ${asText(p.expected)} this revitalize reads`,
            hint: 'update revitalize, then roll up again',
          }
        : {
            message: `the report's schemaVersion is ${asText(p.version)}, and a rollup needs ${asText(p.expected)}: older reports do not keep what their figures are made of (parts), so they cannot be merged exactly`,
            hint: "ask the township to make the month's report again with this revitalize: revitalize report --month MONTH --format json",
          },
    'E-ROLLUP-WRONG-SHAPE': (p) => ({
      message:
        (p.actual === 'missing'
          ? `the report has no ${asText(p.path)} (expected ${expectedJson(p)})`
          : `the report's ${asText(p.path) || 'whole file'} is wrong: expected ${expectedJson(p)}, found ${jsonTypes[asText(p.actual)] ?? asText(p.actual)}`) +
        (p.more ? ` (and ${asText(p.more)} more like it in this file)` : ''),
      hint: 'do not edit report files by hand; ask the township to make it again with revitalize report --format json',
    }),
    'E-ROLLUP-OTHER-MONTH': (p) => ({
      message: `this report is for ${monthName(asText(p.month))}, but ${asText(p.first)} is for ${monthName(asText(p.expected))}: only reports of one month can be rolled up`,
      hint: `give the township's report for ${monthName(asText(p.expected))} instead (usually named ${asText(p.expected)}.json)`,
    }),
    'E-ROLLUP-SAME-TOWNSHIP': (p) => ({
      message: `the report of '${asText(p.region)}' was already given in ${asText(p.first)}: a township cannot be rolled up twice`,
      hint: 'leave out the duplicate file; if these really are two townships, check the region in their revitalize.yaml files',
    }),
    'E-ROLLUP-SAME-VILLAGE': (p) => ({
      message: `${asText(p.village)} is also in the report of ${asText(p.first)}: a village belongs to one township only, or it would be counted twice`,
      hint: "check the villages lists in the two townships' revitalize.yaml, take the village out of the one it does not belong to, and make that report again",
    }),
  },
  noteSections,
  explain: {
    separator: ': ',
    comma: ', ',
    list: (items) => items.join(', '),
    aside: (main, detail) => `${main} (${detail})`,
    people: (count) => `${count} ${count === 1 ? 'person' : 'people'}`,
    score: (value) => `score ${value}`,
    amount: (value, unit) => formatFigure(value, unit, 'en'),
    source: (source) => ` (imported from ${source})`,
    suggestion: (id, topic, resolvedOn) => `suggestion ${id}${topic ? ` (${topic})` : ''}, ${resolvedOn === null ? 'open' : `resolved ${resolvedOn}`}`,
    heading: (label, key, windowLabel, monthLabel, figure) => `${label} (${key}), ${monthLabel}, ${windowLabel.toLowerCase()}: ${figure}`,
    numerator: (count) => `Numerator: resolved, ${count}`,
    denominator: (count) => `Denominator: suggestions made in the period, ${count}`,
    items: (count) => `${count} ${count === 1 ? 'entry' : 'entries'}`,
    total: (figure) => `Total ${figure}`,
    unknownMetric: (value, suggestion) =>
      `unknown metric '${value}'${suggestion ? `; did you mean '${suggestion}'?` : '.'} revitalize metrics lists every metric's key and name`,
    badWindow: (value, allowed) => `unknown window '${value}': choose from ${allowed.join(', ')}`,
  },
  metricList: {
    heading: (count) =>
      `The ${count} metrics: each one's key and name (unit), and below them how it is counted. Each is counted in every window (this month, last month, year to date, ...).`,
    nameWithUnit: (name, unit) => `${name} (${unit})`,
    footer: 'revitalize explain takes a key or a name, e.g. revitalize explain "resolution rate" or revitalize explain night-talk.resolution-rate.',
  },
  ledger: {
    columns: {
      id: 'ID',
      date: 'Made on',
      village: 'Village',
      topic: 'Topic',
      text: 'Suggestion',
      status: 'Status',
      resolvedOn: 'Resolved on',
      handling: 'How it was handled',
      daysOpen: 'Days',
      where: 'Where',
    },
    status: { open: 'open', resolved: 'resolved' },
    heading: (asOf, open, total) => `Suggestion ledger as of ${asOf}: ${total} in all, ${open} open`,
    none: '(no suggestions)',
  },
  summary: {
    heading: (region, monthLabel) => `${region}: four links, ${monthLabel}`,
    basis: (asOf, files, entries) => `Data as of ${asOf}: ${files} log ${files === 1 ? 'file' : 'files'}, ${entries} ${entries === 1 ? 'entry' : 'entries'}`,
    oldestOpen: (open, shown) => `Open suggestions: ${open}${open > shown ? `; the oldest ${shown}` : ''}:`,
    change: 'Change',
    noOpen: 'Every suggestion is resolved.',
    warnings: (count) => `Data notes: ${count} ${count === 1 ? 'warning' : 'warnings'}; run revitalize check to see them.`,
  },
  templates: {
    builtIn: 'built in',
    workspace: (file) => `workspace: ${file}`,
    copied: (file) => `copied ${file}`,
    kept: (file) => `${file} exists; left as it is`,
    afterEject:
      'Edit the templates in the templates folder to change the wording of the report, then run revitalize check. docs/templates.md lists the variables and filters.',
    inTheWay: (obstacles) =>
      `these paths are in the way, so no template was copied:\n${obstacles.map((line) => `  ${line}`).join('\n')}\n  move or rename them, then run revitalize templates eject again`,
    cannotWrite: (folder, reason) => `cannot write the templates to ${folder} (${reason}); no template was copied`,
  },
  init: {
    exists: (dir, found) => `${dir} already holds ${found}; an existing workspace is never overwritten. Choose another folder.`,
    emptyDir: 'the folder name is empty: to make the workspace in the current folder, write revitalize init .',
    inTheWay: (dir, obstacles) =>
      `cannot make a workspace in ${dir}: these paths are in the way, so nothing was written:\n${obstacles.map((line) => `  ${line}`).join('\n')}\n  move or rename them and run it again, or choose another folder`,
    cannotWrite: (dir, reason) => `cannot make a workspace in ${dir} (${reason}); nothing was written`,
    created: (dir, files) =>
      [
        `Workspace created in ${dir}:`,
        ...files.map((file) => `  ${file}`),
        '',
        'Next:',
        '  1. Open revitalize.yaml and fill in who reports (region) and the villages;',
        "  2. log the month's work after the sample file in logs (or run revitalize add);",
        "  3. at the month's end, write what was done, the causes of problems and the next steps in the notes file;",
        `  4. run revitalize check ${dir}, then revitalize report ${dir}.`,
      ].join('\n'),
  },
  add: {
    fieldLabels,
    pillar: 'Which pillar?',
    kind: 'What kind of entry?',
    date: 'Date (e.g. 2023-04-08)',
    village: 'Which village?',
    field: (label, field, required) => `${label} (${field})${required ? '' : ', optional: press Enter to skip'}`,
    listHint: ' (separate several with commas)',
    keyActions: { navigate: 'move', select: 'select', all: 'all', invert: 'invert', submit: 'done' },
    skip: '(none)',
    choices: {
      unit: { jin: 'jin', kg: 'kg', t: 't (tonnes)' },
      form: {
        集中畅谈: '集中畅谈 (open talk)',
        专题座谈: '专题座谈 (themed talk)',
        入户访谈: '入户访谈 (home visit)',
        定点接谈: '定点接谈 (set-place reception)',
      },
    },
    yesNo: { yes: 'Yes', no: 'No', error: (yes, no) => `Answer ${yes} or ${no} (y or n)` },
    pickOne: 'Pick at least one: Space ticks, Enter ends',
    confirm: (file) => `Write it to ${file}?`,
    cancelled: 'Cancelled; nothing was written.',
    added: (where, summary) => `added ${where}  ${summary}`,
    commandLine: '(command line)',
    needKind: 'no kind of entry given: name one with --kind (e.g. --kind suggestion), or run revitalize add in a terminal to be asked',
    unknownKind: (value, suggestion) =>
      `unknown kind '${value}'${suggestion ? `; did you mean ${suggestion} (${kinds[suggestion as keyof typeof kinds] ?? ''})?` : ''}` +
      ` Kinds: ${Object.entries(kinds)
        .map(([kind, label]) => `${kind} (${label})`)
        .join(', ')}`,
    badSet: (value) => `--set ${value} is not field=value, e.g. --set text="Street lights are out"`,
    repeatedSet: (field, given, list) =>
      `the field ${field} is given ${given.length} times (${given.map((pair) => `--set ${pair}`).join(', ')}): give each field with one --set` +
      (list ? `; several values go in that one, separated by commas, e.g. --set ${field}="Village A,Village B"` : ''),
    unknownField: (field, kind, allowed, suggestion) =>
      `a ${kind} has no field '${field}'${suggestion ? `; did you mean ${suggestion}?` : '.'} Fields: ${allowed.map((name) => `${name} (${fieldLabels[name] ?? name})`).join(', ')}`,
    missingVillage: (kind) => `the ${kind} has no village: give it with --village`,
    missingField: (kind, label, flag) => `the ${kind} needs '${label}': give it with ${flag}`,
    villageList: (names) => `the villages (villages in revitalize.yaml): ${names.join(', ')}`,
    jointInstead: (jointFile) =>
      `for an action of several villages, leave out --village and list them with --set villages=A,B: the first leads, and the entry goes to the month's ${jointFile}.yaml`,
    choicesHint: (choices) => `choose from ${choices.join(', ')}`,
    didYouMean: (value) => `Did you mean '${value}'? `,
    numberHint: (integer, example) => `write ${integer ? 'a whole number' : 'a plain number with no unit'}, e.g. ${example}`,
    duplicateIdHint: 'a suggestion id must be unique in the workspace: choose another, or leave out --set id=… and revitalize numbers it',
    alreadyResolvedHint: (first) => `it was already recorded as resolved at ${first}: nothing more is needed (if that entry is wrong, correct it there)`,
    resolvedBeforeHint: (date, flag) =>
      `a suggestion cannot be resolved before the day it was made, ${date}${flag ? `: give the day it was resolved with ${flag}` : ''}`,
    placeholder: (_label, field) => field.toUpperCase(),
    villageWord: 'village',
    runAgain: (command) => `Run it again with the missing values:\n  ${command}`,
    workspaceHasErrors: 'the logs have errors: fix them first (revitalize check shows them), then add entries.',
    outsideLogs: (file) =>
      `the new entry would go to ${file}, which the logs setting of revitalize.yaml does not read; change logs, or write the entry by hand`,
    appendFailed: (reason, file) =>
      ({
        'not-utf8': `${file} is not UTF-8; save it again as UTF-8, then add the entry`,
        'not-a-log': `${file} is not a log file (a mapping with an entries list); it was left as it is`,
        broken: `${file} has YAML syntax errors: fix them first (revitalize check shows them), then add the entry`,
        layout: `the entry could not be added to ${file} without changing what is already in it; it was left as it is: write the entry in by hand`,
      })[reason],
    jointFile: 'joint',
    notRecorded: (count) => `${count} ${count === 1 ? 'error' : 'errors'} found; nothing was written. Fix them and run again.`,
    unknownId: (id, suggestion) => `no suggestion has the id '${id}'${suggestion ? `; did you mean ${suggestion}?` : ''} (revitalize suggestions lists them)`,
    villageFileName: (village, fault, bytes) => ({
      message: `the village name '${village.replace(/[\r\n]/g, '↵')}' cannot be a log's file name: ${
        {
          separator: 'it holds / or \\, which would make a folder',
          control: 'it holds a line break or another control character',
          'reserved-character': 'it holds a character Windows does not allow in file names: < > : " | ? *',
          'reserved-name': 'CON, PRN, AUX, NUL, COM1 to COM9 and LPT1 to LPT9 are names Windows keeps for devices',
          'dot-or-space': 'a file whose name starts with a dot is hidden and not read, and Windows refuses a name ending in a dot or a space',
          'too-long': `the file name would be ${bytes} bytes, more than the 255 a file system allows`,
        }[fault]
      }`,
      hint: `each village's log is logs/YEAR/MONTH/VILLAGE.yaml, named by the village: use ${
        fault === 'too-long' ? 'a shorter name' : fault === 'separator' || fault === 'reserved-character' ? 'a name without these characters' : 'another name'
      } in the villages of revitalize.yaml and in --village`,
    }),
    readOnly: (file) =>
      `${file} is read-only, so it was left as it is: to add entries to it, make it writable first (clear "Read-only" in its properties on Windows, or run chmod u+w ${file})`,
    cannotWriteLog: (file, reason) => `cannot write ${file} (${reason}); the log is as it was`,
    workspaceBusy: (workspace, seconds, command) =>
      `another revitalize command (add or resolve) is writing to the workspace ${workspace} and has not finished after ${seconds} seconds; nothing was written: run ${command} again in a moment\n` +
      `  hint: if no other revitalize is running, delete the .revitalize-lock folder in ${workspace} and try again`,
    lockLost: (workspace, command) =>
      `lost the write lock of the workspace ${workspace} before writing (the program stalled too long, or .revitalize-lock was deleted); nothing was written: run ${command} again`,
    cannotLock: (workspace, reason) =>
      `cannot make the write lock .revitalize-lock in the workspace ${workspace} (${reason}); nothing was written: check that the folder is writable`,
  },
  sheet: {
    instructionsSheet: 'Instructions',
    openSheet: 'Open suggestions',
    headings: {
      date: 'Date',
      village: 'Village',
      villageName: 'Village name',
      kind: 'Kind',
      suggestionId: 'Suggestion ID',
      resolvedOn: 'Resolved on',
      outcome: 'How it was resolved',
      suggestedOn: 'Suggested on',
    },
    title: (region, village, month) => `${region}${village ? ` ${village}` : ''}: joint-work ledger${month ? ` of ${month}` : ''}`,
    instructions: (village, month) => [
      'How to fill this in',
      `1. Each sheet is one kind of entry, one row per entry${month ? ` (this workbook is for ${month})` : ''}. Columns marked * must be filled in; leave a whole sheet empty when there is nothing of its kind.`,
      `2. The Village column ${village ? `is filled in with ${village} and cannot be changed` : 'takes a village from its list'}; pick Form, Status, Unit and other columns with an arrow from their lists.`,
      '3. Dates as 2023-05-08 or 2023/5/8, or a date cell; numbers as digits only (35, not "35 people"). Investment in yuan: 3000000 for 3 million.',
      '4. Several people or villages go in one cell, separated by commas.',
      `5. A suggestion's ID may be left empty: it gets one on import. The ${'Open suggestions'} sheet lists suggestions still open: for one resolved, fill in its date and how it was resolved on its row.`,
      '6. Do not rename the sheets or change the headings, and do not merge cells; add rows as needed. Save as .xlsx and send it back.',
      '7. The township imports it with revitalize import, which points at the sheet and cell of any mistake; importing the same workbook twice adds nothing twice.',
    ],
    examplesHeading: 'Examples (one row of each kind)',
    exampleSheet: (sheet) => `sheet "${sheet}"`,
    examples: {
      'joint-org': { date: '2023-05-06', name: 'Yongsheng joint Party committee', villages: 'Yongsheng, Heping', note: 'founding meeting' },
      project: { date: '2023-05-10', village: 'Yongsheng', name: 'Cold-chain storage centre', investment: 8000000, status: 'landed' },
      sale: { date: '2023-05-12', village: 'Yongsheng', product: 'Walnuts', quantity: 500, unit: 'jin' },
      talent: { date: '2023-05-03', village: 'Yongsheng', name: 'Wang Xiaoming', role: 'grower' },
      returnee: { date: '2023-05-04', village: 'Yongsheng', name: 'Li Hua', note: 'started a business' },
      mentoring: { date: '2023-05-05', village: 'Yongsheng', mentor: 'Zhang Dashan', mentees: 'Zhao Liu, Qian Qi', mode: 'in the fields' },
      cooperative: { date: '2023-05-07', village: 'Yongsheng', name: 'Yongsheng Tea Cooperative' },
      'livelihood-project': { date: '2023-05-09', village: 'Yongsheng', name: 'Street lights' },
      training: { date: '2023-05-11', village: 'Yongsheng', topic: 'Pruning tea', attendees: 42 },
      education: { date: '2023-05-13', village: 'Yongsheng', name: 'Liu Fang', note: 'college diploma' },
      session: { date: '2023-05-08', village: 'Yongsheng', form: '集中畅谈', attendees: 35, location: 'village office', time: '19:30' },
      suggestion: { date: '2023-05-08', village: 'Yongsheng', text: 'The street light at the entrance is out', topic: 'environment' },
      team: { date: '2023-05-15', village: 'Yongsheng', name: 'River patrol', members: 12 },
      'joint-action': { date: '2023-05-20', village: 'Yongsheng', type: 'River clean-up', participants: 60, villages: 'Yongsheng, Heping' },
      evaluation: { date: '2023-05-31', village: 'Yongsheng', subject: 'Group 1', score: 92, stars: 4 },
    },
    pickPrompt: 'Pick from the list',
    pickError: 'Pick a value from the list',
    datePrompt: 'A date, such as 2023-05-08',
    dateError: 'Write a date, such as 2023-05-08',
    numberError: 'Digits only, such as 35',
    fileName: (village, month) => `${village ? `${village} ` : ''}ledger${month ? ` ${month}` : ''}`,
    written: (file, sheets, open, importCommand) =>
      `Wrote ${file} (${sheets} sheets${open > 0 ? `, listing ${open} open suggestions` : ''}). Send it to the village; import it when it comes back: ${importCommand}`,
    unknownVillage: (village, names) => `the village '${village}' is not in the villages of revitalize.yaml: ${names.join(', ')}`,
    notXlsx: (file) => `the output file '${file}' should end in .xlsx`,
    cannotWrite: (file, reason) => `cannot write ${file}: ${reason}`,
  },
  importing: {
    cell: {
      missing: (heading) => ({ message: `the column '${heading}' is empty in this row`, hint: 'Every column marked * must be filled in on each row.' }),
      wrongType: (heading, p) => ({
        message: `the column '${heading}' takes ${typeName(p.expected)}; here it has ${typeName(p.actual)}${p.value === undefined ? '' : ` ${asText(p.value)}`}`,
        hint:
          p.expected === 'integer' || p.expected === 'number'
            ? 'Write digits only, without units or words, e.g. 35; amounts in the unit the heading gives.'
            : p.expected === 'date'
              ? 'Write a date, e.g. 2023-05-08.'
              : 'Fill in the column as its heading asks.',
      }),
      notAllowed: (heading, p) => ({
        message: `'${asText(p.value)}' is not one of the choices of the column '${heading}'`,
        hint: `Pick from the column's drop-down list${p.suggestion === undefined ? '.' : `; did you mean '${asText(p.suggestion)}'?`}`,
      }),
      fullwidthDigits: (heading, p) => ({
        message: `the column '${heading}' has '${asText(p.value)}' in full-width digits, read as ${asText(p.read)}`,
        hint: 'Type half-width digits (full-width ones come from an input method in full-width mode; Shift+Space switches).',
      }),
    },
    needFile: 'no spreadsheet given: revitalize import <file.xlsx or .csv>...',
    notFound: (file) => `no such file: '${file}'`,
    cannotRead: (file, reason) => `cannot read ${file}: ${reason}`,
    addedTo: (file, count, kinds) => `${file}: ${count} added (${kinds})`,
    wouldAdd: (file, count, kinds) => `${file}: ${count} to add (${kinds})`,
    total: (count, files) => `${count} ${count === 1 ? 'entry' : 'entries'} imported into ${files} log ${files === 1 ? 'file' : 'files'}.`,
    dryRun: (count) => `Dry run (--dry-run): ${count} ${count === 1 ? 'entry' : 'entries'} could be imported; nothing was written.`,
    alreadyImported: (count) => `${count} more ${count === 1 ? 'row was' : 'rows were'} imported before, and skipped.`,
    nothingNew: (rows) => `Nothing new: all ${rows} rows were imported before; nothing was written.`,
    nothingFound: 'The spreadsheet has no entries filled in; nothing was written.',
    notImported: (errors) =>
      `${errors} ${errors === 1 ? 'error' : 'errors'} found; nothing was imported. Correct the spreadsheet as the hints say and run again.`,
    kindCount: (kind, count) => `${kind} ${count}`,
    listSeparator: ', ',
  },
  rollup: {
    jsonTypes,
    refused: (count) => `${count} ${count === 1 ? 'problem' : 'problems'} found; no rollup was written. Fix them and run again.`,
    needRegion: 'name who the rollup reports for with --region (e.g. --region "Riverside County"), or give a config with a region in --config',
    cannotRead: (file, reason) => `cannot read ${file} (${reason}): check the path`,
    notAFile: (file, type) => `cannot read ${file}: it is not an ordinary file but ${specialFiles[type] ?? specialFiles.other}`,
    tooLarge: (file, bytes, limit) => `cannot read ${file}: it is ${fileSize(bytes, { bytes: 'bytes' })}, over the limit of ${limit} MB`,
    outputIsInput: (file) => `refusing to write ${file}: it is one of the reports being rolled up; choose another output folder with -o`,
  },
  cli: {
    wrote: (path) => `wrote ${path}`,
    fixErrorsFirst: (count) => `the logs have ${count} ${count === 1 ? 'error' : 'errors'}; fix them first (revitalize check shows them), then run this again.`,
    errorsFound: (count) => `${count} ${count === 1 ? 'error' : 'errors'} found; no report was written. Fix them and run again.`,
    warningsFound: (count) => `${count} ${count === 1 ? 'warning' : 'warnings'} (data notes, kept out of the report).`,
    strictWarnings: (count) => `${count} ${count === 1 ? 'warning' : 'warnings'}: with --strict no report was written. Fix them and run again.`,
    badMonth: (value) => `cannot read the month '${value}': write it as 2023-04 (or 2023年4月), current or previous`,
    futureMonth: (monthLabel, todayLabel) =>
      `${monthLabel} has not come yet (today is ${todayLabel}), so there is nothing to report: check --month; to make it beforehand on purpose, add --allow-future`,
    badFormat: (value, allowed) => `unknown report format '${value}': choose from ${allowed.join(', ')}`,
    stdoutNeedsOneFormat: 'writing to standard output (-o -) takes exactly one format, e.g. --format md',
    noWorkspace: (path) => `no workspace folder at ${path}`,
    workspaceUnreadable: (path, reason) => `cannot open the workspace folder ${path} (${readFailures[reason] ?? reason}): check that you may read and enter it`,
    badGeneratedOn: (value) => `cannot read the --generated-on date '${value}': write it as 2023-05-01`,
    badSourceDateEpoch: (value) => `SOURCE_DATE_EPOCH is '${value}', not a number of seconds (a whole number of 0 or more)`,
    reading: 'Reading logs',
    watchNeedsFiles: '--watch rewrites the report files after each change; it cannot go with -o -',
    binaryNeedsFile: (format) => `a ${format} report is a binary file: it can only be written to a file, not to -o -; drop -o -, or give a folder with -o`,
    noChromium:
      'Printing a PDF needs a Chromium-based browser (Chrome, Edge or Chromium), and none was found.\n' +
      '  hint: Windows comes with Edge, which works as it is; on Debian or Ubuntu run sudo apt-get install chromium; ' +
      'for a browser installed elsewhere, give its path in the REVITALIZE_CHROMIUM environment variable. Or make the html or docx report and print it to PDF from a browser or Word.',
    printTimedOut: (browser, seconds) =>
      `${browser} did not finish printing the PDF within ${seconds} s; it was stopped and nothing was written\n  hint: try again when the computer is less busy, or make the html report and print it from a browser`,
    yearOutOfRange: (option, value, first, last) =>
      option === 'SOURCE_DATE_EPOCH'
        ? `SOURCE_DATE_EPOCH is '${value}', which is a day outside the years ${first} to ${last}`
        : `${option} '${value}' has a year outside ${first} to ${last}: check the year, such as 2023`,
    stdoutFailed: (code, report) =>
      `${report ? 'the report could not be written whole to standard output and was not delivered' : 'could not write to standard output; the output is incomplete'} (${stdoutFailures[code] ?? 'write error'}${code ? `, ${code}` : ''})`,
    badRegion: (shown) =>
      `--region '${shown}' cannot name an office: the name is one line of text, not blank, without line breaks, tabs or other control characters`,
    chromiumFailed: (browser, exitCode, whilePrinting) =>
      `printing the PDF with ${browser} failed: ${whilePrinting ? 'the browser failed while printing' : exitCode === undefined ? 'the browser could not be started' : `the browser ended as soon as it started (exit code ${exitCode})`}; nothing was written\n  hint: check that this browser starts, or name another one in REVITALIZE_CHROMIUM`,
    watching: (workspace) => `Watching the logs, config and templates of ${workspace}; the report is made again after each save. Ctrl+C ends.`,
    changed: (files) => `-- changed: ${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}; making the report again --`,
    badLocale: (value, allowed) => `unknown language '${value}': choose from ${allowed.join(', ')}`,
    checkSummary: (files, entries, errors, warnings) =>
      `Checked ${files} log ${files === 1 ? 'file' : 'files'} with ${entries} valid ${entries === 1 ? 'entry' : 'entries'}: ` +
      (errors + warnings === 0
        ? 'no problems found.'
        : `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.`),
    outputIsInput: (file) =>
      `refusing to write ${file}: it is the config, a log file (or would be read as one) or a month's notes; choose another output folder with -o`,
    cannotWrite: (folder, reason) =>
      `cannot write to the output folder ${folder} (${reason}): check that it is writable and the disk is not full, or choose another with -o`,
    writeFailure: (code) =>
      ({
        ENOSPC: 'the disk is full',
        EDQUOT: 'the disk quota is used up',
        EACCES: 'no permission to write there',
        EPERM: 'no permission to write there',
        EROFS: 'the disk or folder is read-only',
        ENAMETOOLONG: 'a file name or the path is too long',
        ENOTDIR: 'a file stands where a folder must be',
        EISDIR: 'a folder stands where the file must be',
      })[code] ?? code,
    pathInTheWay: (file, kind) =>
      `${file}: ${
        {
          'file-exists': 'a file of that name is already there',
          'folder-in-the-way': 'a file goes here, but a folder of that name is already there',
          'file-in-the-way': 'a folder goes here, but a file of that name is already there',
          'dangling-link': 'a link to a place that does not exist',
        }[kind]
      }`,
    internalError: (version) =>
      `revitalize ${version} internal error: this is a bug, not a problem with your data. Please send the command you ran and this message to the maintainers (--debug shows details).`,
    moreProblemsInFile: (count) =>
      `${count} more ${count === 1 ? 'problem' : 'problems'} in this file not shown (revitalize check --format json lists them all)`,
    hintLabel: 'hint',
    unknownOption: (option, suggestion) => `unknown option ${option}${suggestion ? `; did you mean ${suggestion}?` : ''}`,
    unknownCommand: (command, suggestion) => `unknown command ${command}${suggestion ? `; did you mean ${suggestion}?` : ''}`,
    optionMissingArgument: (option) => `the option ${option} needs a value`,
    tooManyArguments: (command) => `too many arguments for ${command} (give one workspace folder)`,
    missingArgument: (argument) => `the argument <${argument}> is missing`,
    seeHelp: (command) => `Run ${command} --help for usage.`,
  },
};
