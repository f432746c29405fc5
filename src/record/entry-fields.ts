/**
 * What kind of value each field of an entry takes, read off the schemas, so
 * that `add` can ask for it the right way (a choice, a list, a number) and
 * turn what was typed into the value to write.
 */
import type { z } from 'zod';
import { ZodOptional } from 'zod';
import type { Kind } from '../schema/log-schema.js';
import { COMMON_FIELDS, ENTRY_SCHEMAS, fieldsOfKind } from '../schema/log-schema.js';

export type FieldType = 'text' | 'integer' | 'number' | 'list' | 'choice' | 'date';

export interface FieldFacts {
  name: string;
  type: FieldType;
  required: boolean;
  /** The allowed values of a choice. */
  choices?: readonly string[];
}

const DATE_FIELDS = new Set(['date', 'resolved']);

/** The schema inside an optional one. */
function unwrap(schema: z.ZodType): z.ZodType {
  return schema instanceof ZodOptional ? unwrap(schema.unwrap() as z.ZodType) : schema;
}

/** The fields a clerk fills in for a kind, in the format's order: its own, then the note. */
export function fieldsToAsk(kind: Kind): FieldFacts[] {
  const shape = ENTRY_SCHEMAS[kind].shape as Record<string, z.ZodType>;
  const { required, integer } = fieldsOfKind(kind);
  const own = Object.keys(shape).filter((field) => !(COMMON_FIELDS as readonly string[]).includes(field));
  return [...own, 'note'].map((name) => {
    const schema = unwrap(shape[name]!);
    const choices = (schema as unknown as { options?: readonly string[] }).options;
    const type: FieldType = DATE_FIELDS.has(name)
      ? 'date'
      : choices
        ? 'choice'
        : schema.safeParse(['x']).success
          ? 'list'
          : integer.has(name)
            ? 'integer'
            : schema.safeParse(1.5).success && !schema.safeParse('x').success
              ? 'number'
              : 'text';
    return { name, type, required: required.includes(name), ...(choices ? { choices } : {}) };
  });
}

/** What was typed, as the value to check and write: numbers as numbers, lists split on commas. */
export function typedValue(field: FieldFacts, typed: string): unknown {
  const text = typed.trim();
  switch (field.type) {
    case 'list':
      return text
        .split(/[,，、]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
    case 'integer':
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    default:
      return text;
  }
}
