/**
 * A quick first check of an entry, for the common case of an entry with
 * nothing wrong: a county's year is 100,000 entries, and running each
 * through zod's safeParse costs about a third of what parsing its YAML
 * does.
 *
 * The check is compiled once per kind from that kind's zod schema (read
 * off the schema's definition, so there is no second copy of the rules to
 * drift), and it is deliberately narrow: it accepts an entry only when each
 * field is plainly right, and then gives exactly what zod's parse gives
 * (same fields, same order, same values). Anything it is unsure of (a
 * refused value, text with spaces around it, a field type it does not know)
 * makes it answer undefined, and the entry goes through zod as before, so
 * every problem and its wording still comes from zod. A test holds the two
 * in agreement (tests/unit/quick-entry-parse.test.ts).
 */
import type { z } from 'zod';
import type { Kind } from '../schema/log-schema.js';
import { ENTRY_SCHEMAS } from '../schema/log-schema.js';

/** A field's value as the schema gives it, or NOT_PLAIN when the quick check cannot vouch for it. */
type FieldCheck = (value: unknown) => unknown;

const NOT_PLAIN: unique symbol = Symbol('not plain');

interface CompiledField {
  key: string;
  optional: boolean;
  check: FieldCheck;
}

const compiled = new Map<Kind, CompiledField[]>();

/** The entry as zod would give it, when the quick check is sure of that; otherwise undefined (ask zod). */
export function quickEntryParse(kind: Kind, candidate: Record<string, unknown>): Record<string, unknown> | undefined {
  let fields = compiled.get(kind);
  if (!fields) {
    fields = compileEntry(ENTRY_SCHEMAS[kind]);
    compiled.set(kind, fields);
  }
  const data: Record<string, unknown> = {};
  for (const { key, optional, check } of fields) {
    // As zod's object: an optional field absent stays absent; present but undefined stays undefined.
    const present = key in candidate;
    const value = candidate[key];
    if (optional && (!present || value === undefined)) {
      if (present) data[key] = undefined;
      continue;
    }
    const checked = check(value);
    if (checked === NOT_PLAIN) return undefined;
    data[key] = checked;
  }
  return data;
}

/** One entry schema's fields, in its order; throws on a field it cannot check (a test makes sure none does). */
export function compileEntry(schema: z.ZodObject): CompiledField[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, field]) => {
    const def = defOf(field);
    return def.type === 'optional' ? { key, optional: true, check: compileField(def.innerType!) } : { key, optional: false, check: compileField(field) };
  });
}

// The parts of zod 4's schema definitions read here.
interface SchemaDef {
  type: string;
  format?: string;
  checks?: { _zod: { def: CheckDef } }[];
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
  transform?: (value: unknown) => unknown;
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  maximum?: number;
  minimum?: number;
  value?: number;
  inclusive?: boolean;
  tx?: (value: unknown) => unknown;
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

function checksOf(def: SchemaDef): CheckDef[] {
  return (def.checks ?? []).map((check) => check._zod.def);
}

function cannotCheck(what: string): never {
  throw new Error(`quick entry check: cannot check ${what}`);
}

function compileField(schema: z.ZodType): FieldCheck {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return compileString(checksOf(def));
    case 'number':
      return compileNumber(def.format, checksOf(def));
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (value) => (allowed.has(value) ? value : NOT_PLAIN);
    }
    case 'literal': {
      const allowed = new Set(def.values ?? []);
      return (value) => (allowed.has(value) ? value : NOT_PLAIN);
    }
    case 'array':
      return compileArray(compileField(def.element!), checksOf(def));
    case 'union': {
      // zod's union gives the first option that takes the value.
      const options = def.options!.map(compileField);
      return (value) => {
        for (const option of options) {
          const checked = option(value);
          if (checked !== NOT_PLAIN) return checked;
        }
        return NOT_PLAIN;
      };
    }
    case 'pipe': {
      const input = compileField(def.in!);
      const output = defOf(def.out!);
      // Only a transform of the value alone (one that may not report issues of its own).
      if (output.type !== 'transform' || !output.transform || output.transform.length > 1) return cannotCheck(`a pipe into ${output.type}`);
      const transform = output.transform;
      return (value) => {
        const checked = input(value);
        return checked === NOT_PLAIN ? NOT_PLAIN : transform(checked);
      };
    }
    default:
      return cannotCheck(`a field of type ${def.type}`);
  }
}

function compileString(checks: CheckDef[]): FieldCheck {
  const tests = checks.map((check): ((value: string) => boolean) => {
    switch (check.check) {
      case 'string_format': {
        const pattern = check.pattern;
        // A global or sticky pattern keeps state between tests.
        if (check.format !== 'regex' || !pattern || pattern.global || pattern.sticky) return cannotCheck(`text of format ${check.format}`);
        return (value) => pattern.test(value);
      }
      case 'max_length': {
        const maximum = check.maximum!;
        return (value) => value.length <= maximum;
      }
      case 'min_length': {
        const minimum = check.minimum!;
        return (value) => value.length >= minimum;
      }
      case 'overwrite': {
        // Text the overwrite (trim) would change is left to zod, for whom the order of checks and overwrite then matters.
        const tx = check.tx!;
        return (value) => tx(value) === value;
      }
      default:
        return cannotCheck(`the text check ${check.check}`);
    }
  });
  return (value) => {
    if (typeof value !== 'string') return NOT_PLAIN;
    for (const test of tests) if (!test(value)) return NOT_PLAIN;
    return value;
  };
}

function compileNumber(format: string | undefined, checks: CheckDef[]): FieldCheck {
  if (format !== undefined && format !== 'safeint') return cannotCheck(`numbers of format ${format}`);
  const whole = format === 'safeint';
  const tests = checks.map((check): ((value: number) => boolean) => {
    const bound = check.value!;
    if (check.check === 'greater_than') return check.inclusive ? (value) => value >= bound : (value) => value > bound;
    if (check.check === 'less_than') return check.inclusive ? (value) => value <= bound : (value) => value < bound;
    return cannotCheck(`the number check ${check.check}`);
  });
  return (value) => {
    // zod's numbers are finite; its whole numbers are safe integers.
    if (typeof value !== 'number' || !Number.isFinite(value) || (whole && !Number.isSafeInteger(value))) return NOT_PLAIN;
    for (const test of tests) if (!test(value)) return NOT_PLAIN;
    return value;
  };
}

function compileArray(element: FieldCheck, checks: CheckDef[]): FieldCheck {
  const tests = checks.map((check): ((length: number) => boolean) => {
    if (check.check === 'min_length') return (length) => length >= check.minimum!;
    if (check.check === 'max_length') return (length) => length <= check.maximum!;
    return cannotCheck(`the list check ${check.check}`);
  });
  return (value) => {
    if (!Array.isArray(value)) return NOT_PLAIN;
    for (const test of tests) if (!test(value.length)) return NOT_PLAIN;
    const items: unknown[] = [];
    for (const item of value) {
      const checked = element(item);
      if (checked === NOT_PLAIN) return NOT_PLAIN;
      items.push(checked);
    }
    return items;
  };
}
