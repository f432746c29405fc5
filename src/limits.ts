/**
 * The limits that keep a hostile or broken input from costing more than a
 * clear message: each is far above what a real workspace, report or
 * template needs, and each has a name here so that docs/format.md ("Limits")
 * and the code say the same. The size of a log file is the config's
 * `maxFileSizeMB`, not a constant.
 */

/** Deepest nesting of arrays and objects a rollup input may have; a report has six levels. */
export const MAX_JSON_DEPTH = 64;

/** Deepest nesting of mappings and lists a YAML file may have; a log has four levels. */
export const MAX_YAML_DEPTH = 100;

/**
 * Most paths one glob of `logs` may stand for once its braces are expanded
 * (`logs/{2022,2023}/{01..12}/*.yaml` stands for 24). The glob library
 * expands them all before it reads a folder, and ten `{a,…,j}` are 10^10.
 */
export const MAX_GLOB_EXPANSIONS = 1000;

/** Longest glob of `logs`, in characters. */
export const MAX_GLOB_LENGTH = 1000;

/** Problems printed per file in text; the rest are counted in one line (`--format json` lists them all). */
export const PROBLEMS_SHOWN_PER_FILE = 50;

/** Largest file of the workspace cache read back; a shard holds one log folder's outcomes, a few megabytes. */
export const MAX_CACHE_SHARD_MB = 512;

/** Largest township report a rollup reads; a county's report with its evidence is a few megabytes. */
export const MAX_ROLLUP_INPUT_MB = 200;

/** Largest template read from a workspace's `templates/` folder. */
export const MAX_TEMPLATE_MB = 1;

/** Largest spreadsheet (`.xlsx` or `.csv`) `revitalize import` reads; a village's month is a few kilobytes. */
export const MAX_SHEET_FILE_MB = 20;

/**
 * Most bytes an `.xlsx`'s parts may add up to once unpacked, as its zip's
 * directory declares them: checked before anything is unpacked, so that a
 * zip bomb (a few kilobytes that unpack to gigabytes) is refused unread.
 */
export const MAX_SHEET_UNPACKED_MB = 200;

/** Most rows `import` reads of one sheet or CSV file (a month of a village has tens); a 1,048,576-row sheet is refused. */
export const MAX_SHEET_ROWS = 10_000;

/** Most columns `import` reads of one sheet or CSV file; a kind has at most a dozen. */
export const MAX_SHEET_COLUMNS = 100;
