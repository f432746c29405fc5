/**
 * The layers of src/, lowest first. A module may import its own layer and
 * the layers below it, never one above: a stage of the pipeline does not
 * know the stages that use it. `npm run lint:layers` (part of `npm test`)
 * checks every import of src/, type-only imports included, against these
 * rules (scripts/check-layers.mjs).
 *
 * A layer is mostly a folder; where one file sits at another level than its
 * folder, it is named here with the reason.
 */
const LAYERS = [
  // Leaf facts and small tools that import nothing of ours. i18n/locale.ts
  // is only the list of locales, which the config schema checks.
  // validate/nearest-name.ts is a distance between names, used from the schema layer up.
  ['base', ['^src/(limits|printable-text|compare-text|temporary-files|version|source-location)\\.ts$', '^src/i18n/locale\\.ts$', '^src/validate/nearest-name\\.ts$']],
  // The log and config formats, the metric keys, kind names. metrics/report-period.ts
  // (report months and date windows) imports only the log schema and is read by the loaders;
  // notes/note-sections.ts (the notes' section names) only the pillars.
  ['schema', ['^src/schema/(?!report-schema\\.ts$)', '^src/metrics/report-period\\.ts$', '^src/notes/note-sections\\.ts$']],
  // Problems as data, not yet worded: the registry's values name pillars and note sections.
  ['problems', ['^src/problems/(problem|problem-registry|excerpt)\\.ts$']],
  // Reading and checking the workspace: load and validate call each other (a
  // file is parsed, then checked), and load reads the month notes.
  ['read', ['^src/(load|validate|notes)/']],
  ['metrics', ['^src/metrics/']],
  // Numbers as a report writes them.
  ['figures', ['^src/figures/']],
  // Words: the message catalogues and prose, and describe-problem.ts, which
  // words a problem with a catalogue.
  ['words', ['^src/i18n/', '^src/problems/describe-problem\\.ts$']],
  // The report model, and its JSON schema (which lists the metrics).
  ['report', ['^src/report/', '^src/schema/report-schema\\.ts$']],
  ['render', ['^src/render/']],
  // The stages that write or combine: record an entry, write files, set up a workspace, roll reports up, village spreadsheets out and in.
  ['apply', ['^src/(record|write|init|rollup|sheet)/']],
  // The library's entry points.
  ['pipeline', ['^src/(make-report|make-rollup|index)\\.ts$']],
  ['cli', ['^src/cli/']],
];

/**
 * Imports that point up, each for a reason: [importer, what it may import
 * above its layer]. The catalogue words the problems of every stage, so it
 * names the types of their reasons (a file-name fault, an obstacle to
 * writing); the words stay in one file per language.
 */
const ALLOWED_UPWARD = [
  ['words', '^src/i18n/catalogue\\.ts$', '^src/(record/log-file-name|write/find-obstacles)\\.ts$'],
];

/** For each layer: none of its modules imports a layer above (a file named in a lower layer is not of its folder's). */
function upwardRules() {
  return LAYERS.slice(0, -1).map(([name, paths], index) => {
    const below = LAYERS.slice(0, index).flatMap(([, lower]) => lower);
    const above = LAYERS.slice(index + 1).flatMap(([, higher]) => higher);
    const rule = (from, allowed) => ({
      name: `layer-${name}-imports-only-below`,
      comment: `A module of the ${name} layer imports a layer above it.`,
      severity: 'error',
      from,
      to: { path: above, pathNot: [...below, ...paths, ...allowed] },
    });
    const exceptions = ALLOWED_UPWARD.filter(([layer]) => layer === name);
    return [
      rule({ path: paths, pathNot: [...below, ...exceptions.map(([, from]) => from)] }, []),
      ...exceptions.map(([, from, to]) => rule({ path: from }, [to])),
    ];
  }).flat();
}

module.exports = {
  LAYERS,
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules that import each other have no order to read or test them in.',
      severity: 'error',
      // Except one cycle of types alone: a catalogue's type names the prose it
      // holds, and the prose's type takes a catalogue (erased at build).
      from: { pathNot: '^src/i18n/(catalogue|prose)\\.ts$' },
      to: { circular: true },
    },
    {
      name: 'no-command-imports-a-command',
      comment:
        'A command is a leaf of the CLI; what two commands share lives in src/cli/ (record-entry.ts) or below. ' +
        "add-prompts.ts and draft-from-flags.ts are add's own parts.",
      severity: 'error',
      from: { path: '^src/cli/commands/' },
      to: { path: '^src/cli/commands/', pathNot: '^src/cli/commands/(add-prompts|draft-from-flags)\\.ts$' },
    },
    {
      name: 'no-unlayered-module',
      comment: 'Every module of src/ belongs to a layer above; a new folder is given its place in LAYERS.',
      severity: 'error',
      from: { pathNot: LAYERS.flatMap(([, paths]) => paths) },
      to: {},
    },
    ...upwardRules(),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  },
};
