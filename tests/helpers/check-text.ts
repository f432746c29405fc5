import { parseYaml } from '../../src/load/parse-yaml.js';
import type { Problem, ProblemParams } from '../../src/problems/problem.js';
import { sortProblems } from '../../src/problems/problem.js';
import { futureDates, validateLogFile, villageRoster } from '../../src/validate/validate-log-file.js';

/** Parses and validates one log file's text, as the loader does. */
export function checkText(text: string, villages?: string[], file = 'log.yaml', today?: string) {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return { entries: [], problems: parsed.problems, refusedSuggestions: [] };
  const roster = villages && villageRoster(villages);
  const result = validateLogFile(parsed.document, { roster });
  return today ? { ...result, problems: sortProblems([...result.problems, ...futureDates(result.entries, today)]) } : result;
}

/** Problems reduced to what a test asserts: code, position and the params named. */
export function brief(problems: Problem[], ...params: string[]) {
  return problems.map((p) => ({
    code: p.code,
    at: `${p.line}:${p.col}`,
    ...Object.fromEntries(params.filter((name) => (p.params as ProblemParams)[name] !== undefined).map((name) => [name, (p.params as ProblemParams)[name]])),
  }));
}
