/**
 * The problems of an entry being added, worded for the way it was given.
 * The validator words its problems for log files ("写 village: 村名", "attendees:
 * 35"); an entry typed as flags is fixed with flags, so each problem points
 * at the flag that gave the value (`--set attendees=很多`), a missing value
 * is named as the flag to add (`--village`, `--set text=…`), and the whole
 * command is given back with the missing values to fill in. The validator's
 * own wording is kept where it does not mislead.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import { describeProblem } from '../problems/describe-problem.js';
import type { Problem } from '../problems/problem.js';
import { fieldsToAsk } from '../record/entry-fields.js';
import type { EntryDraft } from '../record/new-entry.js';
import { CROSS_VILLAGE_KINDS } from '../record/new-entry.js';
import type { VillageRoster } from '../validate/validate-log-file.js';
import type { WordedProblem } from './print-problems.js';
import { shellWord } from './shell-word.js';

/** How an entry was given on the command line, so that its problems can name the flags. */
export interface EntrySource {
  /** The argument that gave each field, as typed: date → `--date 2023-02-30`, text → `--set text=路灯`. */
  given: ReadonlyMap<string, string>;
  /** The flag that gives a field: village → `--village`, text → `--set text=`. */
  flag: (field: string) => string;
  /** The command as typed (`revitalize add --kind suggestion ...`), to give back with the missing values added. */
  command: readonly string[];
  /** Fields the command fills in itself (a suggestion's id): missing only because of another problem. */
  assigned: ReadonlySet<string>;
}

export interface EntryWording {
  catalogue: Catalogue;
  roster: VillageRoster | undefined;
  /** The name of the month's joint file, without `.yaml`. */
  jointFile: string;
  /** Absent for an entry answered at the prompts, where the validator's words serve. */
  source: EntrySource | undefined;
}

export interface WordedEntryProblems {
  problems: WordedProblem[];
  /** The command to type again, with the missing values as placeholders; absent when nothing was missing. */
  runAgain: string | undefined;
}

export function wordEntryProblems(found: readonly Problem[], draft: EntryDraft, { catalogue, roster, jointFile, source }: EntryWording): WordedEntryProblems {
  const words = catalogue.add;
  const kind = catalogue.kinds[draft.kind];
  const missing: string[] = [];
  const problems: WordedProblem[] = [];
  for (const problem of found) {
    const field = fieldOf(problem, draft);
    const place = { file: (field && source?.given.get(field)) ?? words.commandLine, line: 0, col: 0, severity: problem.severity };
    const worded = describeProblem(problem, catalogue);
    if (!source) {
      problems.push({ ...place, ...worded, ...(problem.code === 'E-RESOLVED-TWICE' ? { hint: words.alreadyResolvedHint(String(problem.params.first)) } : {}) });
      continue;
    }
    const flag = field === undefined ? undefined : source.flag(field);
    // A choice not given at all is, to the schema, a value not among the choices; to the clerk, a flag left out.
    const leftOut = problem.code === 'E-MISSING-FIELD' || (problem.code === 'E-NOT-ALLOWED' && problem.params.value === undefined);
    if (leftOut && field !== undefined && flag !== undefined) {
      if (source.assigned.has(field)) continue;
      const label = field === 'village' ? words.villageWord : (words.fieldLabels[field] ?? field);
      missing.push(withValue(flag, shellWord(words.placeholder(label, field))));
      if (field === 'village') {
        const hints = [...(roster ? [words.villageList(roster.names)] : []), ...(CROSS_VILLAGE_KINDS.has(draft.kind) ? [words.jointInstead(jointFile)] : [])];
        problems.push({ ...place, message: words.missingVillage(kind), ...(hints.length > 0 ? { hint: hints.join('\n') } : {}) });
      } else {
        const choices = choicesOf(draft, field, catalogue);
        problems.push({
          ...place,
          message: words.missingField(kind, label, flag.endsWith('=') ? `${flag}…` : flag),
          ...(choices ? { hint: words.choicesHint(choices) } : {}),
        });
      }
      continue;
    }
    if (!leftOut)
      switch (problem.code) {
        case 'E-WRONG-TYPE': {
          const expected = problem.params.expected;
          // The validator's hint for 万 (300万 → 3000000) already says what to type.
          if ((expected === 'integer' || expected === 'number') && flag && !String(problem.params.value ?? '').includes('万')) {
            problems.push({
              ...place,
              message: worded.message,
              hint: words.numberHint(expected === 'integer', withValue(flag, expected === 'integer' ? '35' : '100')),
            });
            continue;
          }
          break;
        }
        case 'E-NOT-ALLOWED': {
          // The choices with their names in this language: planned（策划）.
          const choices = field === undefined ? undefined : choicesOf(draft, field, catalogue);
          const suggestion = problem.params.suggestion;
          if (choices && field && words.choices[field]) {
            const hint = words.choicesHint(choices);
            problems.push({ ...place, message: worded.message, hint: suggestion ? `${words.didYouMean(String(suggestion))}${hint}` : hint });
            continue;
          }
          break;
        }
        case 'E-DUPLICATE-SUGGESTION-ID':
          problems.push({ ...place, message: worded.message, hint: words.duplicateIdHint });
          continue;
        case 'E-RESOLVED-TWICE':
          problems.push({ ...place, message: worded.message, hint: words.alreadyResolvedHint(String(problem.params.first)) });
          continue;
        case 'E-RESOLUTION-BEFORE-SUGGESTION':
          problems.push({ ...place, message: worded.message, hint: words.resolvedBeforeHint(String(problem.params.date), flag) });
          continue;
        default:
          break;
      }
    problems.push({ ...place, ...worded });
  }
  const runAgain = source && missing.length > 0 ? [...source.command.map(shellWord), ...missing].join(' ') : undefined;
  return { problems, runAgain };
}

/** A choice field's values, each with its name in this language where that says more: planned（策划）, 斤. */
function choicesOf(draft: EntryDraft, field: string, catalogue: Catalogue): string[] | undefined {
  const choices = fieldsToAsk(draft.kind).find((f) => f.name === field)?.choices;
  if (!choices) return undefined;
  const labels = catalogue.add.choices[field];
  if (!labels) return [...choices];
  return Object.entries(labels)
    .filter(([value]) => choices.includes(value))
    .map(([value, label]) => (label.includes(value) ? label : catalogue.explain.aside(value, label)));
}

/** The field of the entry a problem is about, if any. */
function fieldOf(problem: Problem, draft: EntryDraft): string | undefined {
  const field = 'field' in problem.params ? problem.params.field : undefined;
  if (typeof field === 'string' && field !== '') return field.split(/[.[]/)[0];
  switch (problem.code) {
    case 'E-UNKNOWN-VILLAGE':
      return problem.params.value === draft.village && !draft.joint ? 'village' : 'villages';
    case 'E-DUPLICATE-SUGGESTION-ID':
      return 'id';
    case 'E-DANGLING-REF':
      return 'ref';
    case 'E-RESOLVED-TWICE':
      return draft.kind === 'resolution' ? 'ref' : 'resolved';
    case 'E-RESOLUTION-BEFORE-SUGGESTION':
      return draft.kind === 'resolution' ? 'date' : 'resolved';
    default:
      return undefined;
  }
}

/** A flag with its value: `--village 永胜村`, `--set text=路灯`. */
function withValue(flag: string, value: string): string {
  return flag.endsWith('=') ? `${flag}${value}` : `${flag} ${value}`;
}
