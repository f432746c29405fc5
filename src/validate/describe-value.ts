/** What kind of YAML value was written, in words a message can use. */
export type ValueType = 'empty' | 'boolean' | 'number' | 'text' | 'list' | 'mapping';

export function valueType(value: unknown): ValueType {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'text';
  if (Array.isArray(value)) return 'list';
  return 'mapping';
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short rendering of a scalar for a message; collections are not shown. */
export function shownValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 40 ? `${value.slice(0, 40)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
