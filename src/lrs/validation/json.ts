/**
 * Narrowing helpers for values that came out of JSON.parse. Objects are walked with for..in: JSON
 * objects have no inherited enumerable keys, and any that did would be reported as unknown.
 */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const MAX_SHOWN = 60;

/** Describes a value for an error message: its JSON type, and a short excerpt for scalars. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return value.length > MAX_SHOWN ? `the string ${JSON.stringify(value.slice(0, MAX_SHOWN))}…` : `the string ${JSON.stringify(value)}`;
    case 'number':
      return `the number ${String(value)}`;
    case 'boolean':
      return `the boolean ${String(value)}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** Quotes a string value for a message, shortened so a 400 body stays readable. */
export function quote(value: string): string {
  return JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value);
}
