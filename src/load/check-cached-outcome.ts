/**
 * Whether a value read back from the workspace cache has the shape of a log
 * file's outcome, so that nothing later dereferences what is not there:
 * every entry a known kind of its pillar with a date, a village and a
 * place, and only its kind's fields, each of the type the schema gives it;
 * every problem a known code with a place and plain values; every refused
 * suggestion an id with places. It checks types, not ranges: the cache is
 * bound to the text it was computed from (workspace-cache.ts), and this
 * only stops a shard that deserialises to something else from crashing a
 * run. Linear and cheap: no schema is run again.
 */
import { isProblemCode } from '../problems/problem.js';
import type { Kind } from '../schema/log-schema.js';
import { KIND_PILLAR, fieldsOfKind, isKind } from '../schema/log-schema.js';
import type { LogFileOutcome } from './parse-log-file.js';

type Fields = Record<string, unknown>;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const COMMON = new Set(['date', 'pillar', 'kind', 'village', 'note', 'at', 'fieldAt']);

export function isLogFileOutcome(value: unknown): value is LogFileOutcome {
  if (!isRecord(value)) return false;
  const { entries, problems, refusedSuggestions } = value;
  return (
    Array.isArray(entries) &&
    Array.isArray(problems) &&
    Array.isArray(refusedSuggestions) &&
    entries.every(isEntry) &&
    problems.every(isProblem) &&
    refusedSuggestions.every(isRefusedSuggestion)
  );
}

function isEntry(value: unknown): boolean {
  if (!isRecord(value) || !isKind(value.kind) || value.pillar !== KIND_PILLAR[value.kind]) return false;
  if (!isDay(value.date) || !isLocation(value.at)) return false;
  if (!(typeof value.village === 'string' || (value.village === undefined && value.kind === 'joint-org'))) return false;
  if (!(value.note === undefined || typeof value.note === 'string')) return false;
  if (value.fieldAt !== undefined && !(isRecord(value.fieldAt) && Object.values(value.fieldAt).every(isLocation))) return false;
  const kind = value.kind;
  for (const key of Object.keys(value)) {
    if (!COMMON.has(key) && !isFieldValue(kind, key, value[key])) return false;
  }
  return true;
}

/** A field of the kind, holding what the schema gives it: a number, a day, a list of names, or text. */
function isFieldValue(kind: Kind, field: string, value: unknown): boolean {
  const fields = fieldsOfKind(kind);
  if (!fields.known.has(field)) return false;
  if (value === undefined) return true;
  if (fields.number.has(field)) return typeof value === 'number' && Number.isFinite(value);
  if (fields.date.has(field)) return isDay(value);
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string');
  return typeof value === 'string';
}

function isProblem(value: unknown): boolean {
  if (!isRecord(value) || typeof value.code !== 'string' || !isProblemCode(value.code)) return false;
  if (value.severity !== (value.code.startsWith('W-') ? 'warning' : 'error')) return false;
  if (!isLocation(value) || !isRecord(value.params)) return false;
  return Object.values(value.params).every(
    (param) =>
      param === undefined ||
      typeof param === 'string' ||
      typeof param === 'number' ||
      (Array.isArray(param) && param.every((item) => typeof item === 'string')),
  );
}

function isRefusedSuggestion(value: unknown): boolean {
  if (!isRecord(value) || typeof value.id !== 'string' || !isLocation(value.at) || !isRecord(value.fieldAt)) return false;
  const optionalText = (field: unknown) => field === undefined || typeof field === 'string';
  const { id, date, resolved } = value.fieldAt;
  return (
    optionalText(value.date) &&
    optionalText(value.village) &&
    optionalText(value.resolved) &&
    isLocation(id) &&
    isLocation(date) &&
    (resolved === undefined || isLocation(resolved))
  );
}

function isLocation(value: unknown): boolean {
  return isRecord(value) && typeof value.file === 'string' && isCount(value.line) && isCount(value.col);
}

function isCount(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isDay(value: unknown): boolean {
  return typeof value === 'string' && ISO_DAY.test(value);
}

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
