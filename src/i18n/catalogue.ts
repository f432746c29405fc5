/**
 * Everything a person reads, in one place per language: problem messages,
 * labels of pillars, kinds and metrics, and the command's own messages.
 * A zh-CN workspace never shows English words of ours, and the reverse.
 */
import type { Change, ComparisonKey } from '../metrics/compare-figures.js';
import type { NoteSection } from '../notes/note-sections.js';
import type { MetricKey, MetricUnit } from '../metrics/metric-definitions.js';
import { METRICS } from '../metrics/metric-definitions.js';
import type { WindowKey, YearMonth } from '../metrics/report-period.js';
import type { ParamsOf, ProblemCode, Severity } from '../problems/problem.js';
import type { FileNameFault } from '../record/log-file-name.js';
import type { Kind, Pillar } from '../schema/log-schema.js';
import type { ObstacleKind } from '../write/find-obstacles.js';
import type { HelpText } from './help-text.js';
import type { TargetGoal, WriteProse } from './prose.js';
import type { Locale } from './locale.js';

/** How a report names a metric: its name, the unit its table rows give (万元, 人次, %), and a name short enough for a narrow column. */
export interface MetricTerm {
  name: string;
  unit: string;
  short: string;
}

export interface ProblemText {
  message: string;
  hint?: string;
}

export interface Catalogue {
  locale: Locale;
  help: HelpText;
  pillars: Record<Pillar, string>;
  kinds: Record<Kind, string>;
  /** Each metric's name, unit and short name (tables). */
  metricTerms: Record<MetricKey, MetricTerm>;
  /** Each metric's label where a listing shows it alone: 征求意见建议（条）, 项目总投资. */
  metrics: Record<MetricKey, string>;
  /** How each metric is counted, in a sentence (`revitalize metrics`; docs/format.md, "The metrics"). */
  metricCounting: Record<MetricKey, string>;
  windows: Record<WindowKey, string>;
  /** Column heading of the metric names in report tables. */
  metricColumn: string;
  severity: Record<Severity, string>;
  valueTypes: Record<string, string>;
  /** Each problem code's message and hint, from exactly the values the code has (problem-registry.ts). */
  problems: { [C in ProblemCode]: (params: ParamsOf<C>) => ProblemText };
  /** The heading of each section of a month's notes (notes/YYYY-MM.md), as hints name it. */
  noteSections: Record<NoteSection, string>;
  formatMonth: (month: YearMonth) => string;
  /** A day (YYYY-MM-DD) as the report writes it: 2023年5月1日, 1 May 2023. */
  formatDay: (day: string) => string;
  /** The report's heading from the config's region and optional title. */
  reportHeading: (region: string, title: string | undefined, monthLabel: string) => string;
  /** The report's sentences, written from its figures (prose.ts). */
  prose: WriteProse;
  /** A target as the report states it: 每村每月不少于1场. */
  targetGoal: TargetGoal;
  /** Words of the report beyond its templates: comparisons, charts, spreadsheets, evidence. */
  report: {
    comparisons: Record<ComparisonKey, string>;
    /** A change as a table cell: +50.0%, -2, +5.2个百分点, 持平; — when it cannot be said. */
    change: (change: Change, unit: MetricUnit) => string;
    stars: (count: number) => string;
    /** A month within its year, for chart axes: 4月, Apr. */
    shortMonth: (month: YearMonth) => string;
    village: string;
    total: string;
    /** The HTML report's charts: each chart's title says exactly what it draws. */
    charts: {
      /** A figure's caption, also its accessible name: 图1 …, Figure 1. … */
      caption: (number: number, title: string) => string;
      /** A pillar's metrics this month against last month; `leftOut` when metrics at 0 or without data in both were not drawn. */
      pillar: (pillar: string, monthLabel: string, leftOut: boolean) => string;
      /** Suggestions collected and resolved in each month, `from` to `to` (one year). */
      suggestions: (from: YearMonth, to: YearMonth) => string;
      /**
       * Per village: suggestions collected and resolved from `from` to `to`,
       * and open at the end of `to`; `limit` when only the villages with the
       * most suggestions are drawn.
       */
      villages: (from: YearMonth, to: YearMonth, limit: number | null) => string;
      /** The unit each metric is drawn in: 人次, 万元 (zh-CN charts draw money and weight in 万), %, 分. */
      units: Record<MetricKey, string>;
      /** A small panel's heading: the metric with its unit, 参训（人次）. */
      panelHeading: (label: string, unit: string) => string;
      /** The value axis's title, naming the unit its series share: 单位：条/件. */
      axisUnit: (units: readonly string[]) => string;
      /** Written under a period without a figure, so that its gap is not read as 0. */
      noData: string;
    };
    /** Column headings and sheet names of the CSV and XLSX reports. */
    sheet: {
      metrics: string;
      villages: string;
      overdue: string;
      scope: string;
      pillar: string;
      key: string;
      metric: string;
      unit: string;
      units: Record<MetricUnit, string>;
    };
    /** The HTML report's appendix of the entries behind each figure. */
    evidence: {
      heading: string;
      intro: string;
      /** A figure's line before it is opened: 办结率：本月 47.4%，本年累计 70.5%. */
      summary: (label: string, figures: readonly [window: string, figure: string][]) => string;
      /** The heading over one window's entries: 本月（38条）. */
      window: (window: string, count: number) => string;
      more: (count: number, command: string) => string;
      numerator: string;
      denominator: string;
      columns: { where: string; date: string; village: string; item: string };
      none: string;
    };
    chartsHeading: string;
    /** The titles of the document's attachments (附件). */
    attachments: {
      villages: string;
      targets: string;
      overdue: string;
      /** The cadence record, named by the kinds of its rules: 居民夜谈会按期开展情况. */
      cadence: (kinds: readonly string[]) => string;
      stars: string;
    };
    /** The data-check notes written beside a report (`<month>.check.txt`). */
    checkNotes: { heading: (monthLabel: string, count: number) => string; separator: string; hint: (hint: string) => string };
    /** Shown in place of a part only the clerk can write: 【待补充：下步工作打算】. */
    placeholder: (part: string) => string;
    /**
     * Words that mark the parts of the official document in the Markdown
     * report, so the HTML and Word renderers can lay each part out
     * (docs/templates.md, "The document's parts").
     */
    document: {
      /** Opens the 附件说明 paragraph: "附件：1. …". */
      attachmentLead: string;
      /** Opens a note under a table: "注：…". */
      noteLead: string;
      /** An attachment's label on its first page: 附件1. */
      attachmentLabel: (number: number) => string;
    };
  };
  /** Words for `explain` and other listings of entries. */
  explain: {
    separator: string;
    comma: string;
    list: (items: readonly string[]) => string;
    aside: (main: string, detail: string) => string;
    people: (count: number) => string;
    score: (value: number) => string;
    amount: (value: number, unit: MetricUnit) => string;
    suggestion: (id: string, topic: string | undefined, resolvedOn: string | null) => string;
    /** After an imported entry's summary: the spreadsheet row it came from (its `source`). */
    source: (source: string) => string;
    /** The heading line: the figure, its window and month. */
    heading: (label: string, key: string, windowLabel: string, monthLabel: string, figure: string) => string;
    numerator: (count: number) => string;
    denominator: (count: number) => string;
    items: (count: number) => string;
    total: (figure: string) => string;
    /** A metric that is no key or label of any language; `suggestion` is the nearest one, as it is typed. */
    unknownMetric: (value: string, suggestion: string | undefined) => string;
    badWindow: (value: string, allowed: readonly string[]) => string;
  };
  /** Words of `revitalize metrics`, the list of every metric. */
  metricList: {
    heading: (count: number) => string;
    /** A metric's name with its unit: 项目总投资（万元）. */
    nameWithUnit: (name: string, unit: string) => string;
    /** The last line: how to use what is listed. */
    footer: string;
  };
  /** Column headings and words of the suggestion ledger. */
  ledger: {
    columns: {
      id: string;
      date: string;
      village: string;
      topic: string;
      text: string;
      status: string;
      resolvedOn: string;
      handling: string;
      daysOpen: string;
      where: string;
    };
    status: { open: string; resolved: string };
    heading: (asOf: string, open: number, total: number) => string;
    none: string;
  };
  /** Words of the terminal dashboard. */
  summary: {
    heading: (region: string, monthLabel: string) => string;
    basis: (asOf: string, files: number, entries: number) => string;
    oldestOpen: (open: number, shown: number) => string;
    /** The heading of the column of ↑ ↓ = marks (this month against last month). */
    change: string;
    noOpen: string;
    warnings: (count: number) => string;
  };
  /** Words of `templates list` and `templates eject`. */
  templates: {
    builtIn: string;
    workspace: (file: string) => string;
    copied: (file: string) => string;
    kept: (file: string) => string;
    afterEject: string;
    /** Nothing was copied: each line names a path in the way (cli.pathInTheWay). */
    inTheWay: (obstacles: readonly string[]) => string;
    cannotWrite: (folder: string, reason: string) => string;
  };
  /** Words of `init`. */
  init: {
    exists: (dir: string, found: string) => string;
    /** `init ''`: an empty folder name, which would mean the current folder without saying so. */
    emptyDir: string;
    /** Nothing was written: each line names a path in the way (cli.pathInTheWay). */
    inTheWay: (dir: string, obstacles: readonly string[]) => string;
    cannotWrite: (dir: string, reason: string) => string;
    created: (dir: string, files: readonly string[]) => string;
  };
  /** Words of `add` and `resolve`. */
  add: {
    fieldLabels: Record<string, string>;
    pillar: string;
    kind: string;
    date: string;
    village: string;
    field: (label: string, field: string, required: boolean) => string;
    listHint: string;
    /** The key help under a choice, e.g. navigate → 移动. */
    keyActions: Record<string, string>;
    skip: string;
    /**
     * Choices offered in this language, by field, value → label (planned → 策划;
     * units: 斤, 公斤, 吨 in Chinese, jin, kg, t in English). A field not listed
     * offers its values as they are.
     */
    choices: Record<string, Record<string, string>>;
    /** The two answers of a yes-or-no question, and what is said when something else is typed. */
    yesNo: { yes: string; no: string; error: (yes: string, no: string) => string };
    /** A list question answered with nothing picked. */
    pickOne: string;
    confirm: (file: string) => string;
    cancelled: string;
    added: (where: string, summary: string) => string;
    commandLine: string;
    needKind: string;
    unknownKind: (value: string, suggestion: string | undefined) => string;
    badSet: (value: string) => string;
    /** One field given by two or more --set; `list`: a field of several values, which takes them in one --set, separated by commas. */
    repeatedSet: (field: string, given: readonly string[], list: boolean) => string;
    /** `kind` is the kind's label; `allowed` the fields' names. */
    unknownField: (field: string, kind: string, allowed: readonly string[], suggestion: string | undefined) => string;
    /** A value the entry needs, named as the flag that gives it (`--village`, `--set text=…`). */
    missingVillage: (kind: string) => string;
    missingField: (kind: string, label: string, flag: string) => string;
    /** Hints under a missing village: the config's villages; for an entry of several villages, the joint file instead. */
    villageList: (names: readonly string[]) => string;
    jointInstead: (jointFile: string) => string;
    choicesHint: (choices: readonly string[]) => string;
    didYouMean: (value: string) => string;
    /** Under a number typed wrong: the flag written right, e.g. --set attendees=35. */
    numberHint: (integer: boolean, example: string) => string;
    duplicateIdHint: string;
    alreadyResolvedHint: (first: string) => string;
    resolvedBeforeHint: (date: string, flag: string | undefined) => string;
    /** A value still to be typed in the command to run again: 〈村名〉. */
    placeholder: (label: string, field: string) => string;
    villageWord: string;
    /** After problems with missing values: the whole command to type. */
    runAgain: (command: string) => string;
    workspaceHasErrors: string;
    outsideLogs: (file: string) => string;
    appendFailed: (reason: 'not-utf8' | 'not-a-log' | 'broken' | 'layout', file: string) => string;
    jointFile: string;
    notRecorded: (count: number) => string;
    unknownId: (id: string, suggestion: string | undefined) => string;
    /** A village whose name cannot be its log's file name (log-file-name.ts); `bytes`, the file name's length, for too-long. */
    villageFileName: (village: string, fault: FileNameFault, bytes: number) => ProblemText;
    /** The log is marked read-only: left as it is. */
    readOnly: (file: string) => string;
    /** The log could not be written (cli.writeFailure says why); it is as it was. */
    cannotWriteLog: (file: string, reason: string) => string;
    /** Another writer kept the workspace's lock (.revitalize-lock) for all the time waited; `command` is the one to run again. */
    workspaceBusy: (workspace: string, seconds: number, command: string) => string;
    /** The lock was lost before the write (the process stalled, or the lock folder was deleted). */
    lockLost: (workspace: string, command: string) => string;
    /** The lock folder cannot be made (a read-only workspace). */
    cannotLock: (workspace: string, reason: string) => string;
  };
  /** Words of `revitalize sheet`, the fill-in workbook for villages, and of reading one back. */
  sheet: {
    instructionsSheet: string;
    /** The sheet of open suggestions, where resolutions are filled in. */
    openSheet: string;
    headings: {
      date: string;
      village: string;
      /** Another heading a village column may have. */
      villageName: string;
      kind: string;
      suggestionId: string;
      resolvedOn: string;
      outcome: string;
      suggestedOn: string;
    };
    /** The workbook's title: whose and which month. */
    title: (region: string, village: string | undefined, month: string | undefined) => string;
    /** The instructions sheet's lines, before the examples. */
    instructions: (village: string | undefined, month: string | undefined) => string[];
    examplesHeading: string;
    /** Which sheet an example belongs on. */
    exampleSheet: (sheet: string) => string;
    /** An example row of each kind, by field; dates as YYYY-MM-DD. */
    examples: Record<Exclude<Kind, 'resolution'>, Record<string, string | number>>;
    /** The prompt a cell with choices shows, and the error when something else is typed. */
    pickPrompt: string;
    pickError: string;
    datePrompt: string;
    dateError: string;
    numberError: string;
    /** The default file name (without .xlsx). */
    fileName: (village: string | undefined, month: string | undefined) => string;
    /** `importCommand`: how to import the workbook once it comes back, with the workspace when it is not the current folder. */
    written: (file: string, sheets: number, open: number, importCommand: string) => string;
    unknownVillage: (village: string, names: readonly string[]) => string;
    notXlsx: (file: string) => string;
    cannotWrite: (file: string, reason: string) => string;
  };
  /** Words of `revitalize import`. */
  importing: {
    /**
     * A cell's problem in the words of the sheet: its column's heading, as
     * the village sees it, instead of the log's field name and YAML (used
     * where the heading is known; other problems keep their own wording).
     */
    cell: {
      missing: (heading: string) => ProblemText;
      wrongType: (heading: string, params: ParamsOf<'E-WRONG-TYPE'>) => ProblemText;
      notAllowed: (heading: string, params: ParamsOf<'E-NOT-ALLOWED'>) => ProblemText;
      fullwidthDigits: (heading: string, params: ParamsOf<'W-FULLWIDTH-DIGITS'>) => ProblemText;
    };
    needFile: string;
    notFound: (file: string) => string;
    cannotRead: (file: string, reason: string) => string;
    /** A log file and what goes into it: `kinds` like 居民夜谈会 1、意见建议 2. */
    addedTo: (file: string, count: number, kinds: string) => string;
    wouldAdd: (file: string, count: number, kinds: string) => string;
    total: (count: number, files: number) => string;
    dryRun: (count: number) => string;
    alreadyImported: (count: number) => string;
    nothingNew: (rows: number) => string;
    nothingFound: string;
    notImported: (errors: number) => string;
    kindCount: (kind: string, count: number) => string;
    listSeparator: string;
  };
  /** Words of `rollup` around the township reports (why one is refused is a problem: E-ROLLUP-...). */
  rollup: {
    /** Kinds of JSON values (object, array, string, number, integer, boolean, null, missing), and `valid`. */
    jsonTypes: Record<string, string>;
    /** The last line when reports were refused. */
    refused: (count: number) => string;
    needRegion: string;
    cannotRead: (file: string, reason: string) => string;
    /** A file named on the command line that is a FIFO, a device, a folder... (the types of E-NOT-A-FILE). */
    notAFile: (file: string, type: string) => string;
    tooLarge: (file: string, bytes: number, limitMB: number) => string;
    outputIsInput: (file: string) => string;
  };
  cli: {
    wrote: (path: string) => string;
    errorsFound: (count: number) => string;
    /** Why a command that reads figures stopped: the logs have errors. */
    fixErrorsFirst: (count: number) => string;
    /** The count line after warnings, which are printed and written beside the report but never into it. */
    warningsFound: (count: number) => string;
    /** `report --strict` with warnings: nothing written. */
    strictWarnings: (count: number) => string;
    badMonth: (value: string) => string;
    /** A `--month` after the current month, without `--allow-future`. */
    futureMonth: (monthLabel: string, todayLabel: string) => string;
    badFormat: (value: string, allowed: readonly string[]) => string;
    stdoutNeedsOneFormat: string;
    noWorkspace: (path: string) => string;
    /** The workspace folder is there but may not be listed or entered; `reason` is the system's code (EACCES). */
    workspaceUnreadable: (path: string, reason: string) => string;
    badLocale: (value: string, allowed: readonly string[]) => string;
    watchNeedsFiles: string;
    binaryNeedsFile: (format: string) => string;
    /** No browser to print the PDF with, and how to get one. */
    noChromium: string;
    /** A date or month given on the command line (an option, or SOURCE_DATE_EPOCH) whose year is outside first to last. */
    yearOutOfRange: (option: string, value: string, first: number, last: number) => string;
    /** Standard output could not take what was written (its error code); `report`: a report sent there with -o -. */
    stdoutFailed: (code: string, report: boolean) => string;
    /** A --region that is blank or holds a line break or another control character (shown with visible escapes). */
    badRegion: (shown: string) => string;
    /** The browser could not be started (its exit code, when it started and ended at once), or failed while printing. */
    chromiumFailed: (browser: string, exitCode: number | undefined, whilePrinting?: boolean) => string;
    printTimedOut: (browser: string, seconds: number) => string;
    reading: string;
    watching: (workspace: string) => string;
    changed: (files: readonly string[]) => string;
    badGeneratedOn: (value: string) => string;
    badSourceDateEpoch: (value: string) => string;
    /** The last line of `check`: what was read and what was found. */
    checkSummary: (files: number, entries: number, errors: number, warnings: number) => string;
    cannotWrite: (folder: string, reason: string) => string;
    /** Why a write failed, from its error code (ENOSPC: the disk is full), or the code itself. */
    writeFailure: (code: string) => string;
    /** A path in the way of new files (find-obstacles.ts). */
    pathInTheWay: (file: string, kind: ObstacleKind) => string;
    outputIsInput: (file: string) => string;
    internalError: (version: string) => string;
    hintLabel: string;
    /** After the problems of a file printed in text, how many more it has (PROBLEMS_SHOWN_PER_FILE). */
    moreProblemsInFile: (count: number) => string;
    /** Mistakes in the command line itself, reported in place of the parser's English. */
    unknownOption: (option: string, suggestion: string | undefined) => string;
    unknownCommand: (command: string, suggestion: string | undefined) => string;
    optionMissingArgument: (option: string) => string;
    tooManyArguments: (command: string) => string;
    missingArgument: (argument: string) => string;
    /** Where to read the usage of the command in use: `revitalize check`, or `revitalize` when none is known. */
    seeHelp: (command: string) => string;
  };
}

/**
 * Labels from terms: the unit is added in brackets where the formatted
 * figure does not carry it (counts and scores: 12, 86.4), and left out where
 * it does (3050万元, 20万斤, 70.5%).
 */
export function metricLabels(terms: Record<MetricKey, MetricTerm>, withUnit: (term: MetricTerm) => string): Record<MetricKey, string> {
  return Object.fromEntries(
    METRICS.map((metric) => {
      const term = terms[metric.key];
      return [metric.key, metric.unit === 'count' || metric.unit === 'score' ? withUnit(term) : term.name];
    }),
  ) as Record<MetricKey, string>;
}

/** A problem's value as its message shows it: absent values as nothing rather than "undefined", lists joined by commas. */
export function asText(value: string | number | readonly string[] | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'object' ? value.join(', ') : String(value);
}

/** A file size for people: bytes, KB or MB, one decimal. */
export function fileSize(bytes: number, units: { bytes: string }): string {
  if (bytes < 1024) return `${bytes} ${units.bytes}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A problem's list of values, joined as the language joins them. */
export function list(values: readonly string[] | undefined, separator: string): string {
  return values === undefined ? '' : values.join(separator);
}
