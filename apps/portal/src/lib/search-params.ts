/**
 * Reading a page's filters from the address: whatever a person or an old bookmark typed there is
 * kept only when it is one of the known values, so a page never sends the API a malformed filter.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value]);

/** The known values among `value` (one or many), in the vocabulary's order; undefined when none. */
export function pickAll<T extends string | number>(value: unknown, allowed: readonly T[]): T[] | undefined {
  const given = asList(value).map((v) => (typeof allowed[0] === 'number' && typeof v === 'string' ? Number(v) : v));
  const out = allowed.filter((a) => given.includes(a));
  return out.length ? out : undefined;
}

/** Trimmed text of at most `max` characters; blank → undefined. */
export const text = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined;

/** An id (lower-cased), or undefined when it is not one. */
export const uuid = (value: unknown): string | undefined => {
  const v = text(value, 36);
  return v && isUuid(v) ? v.toLowerCase() : undefined;
};

export const isTrue = (value: unknown): boolean => value === true || value === 'true' || value === '1';

/** The filters that are set, as the API takes them (no `undefined` members). */
export const definedOnly = <T extends object>(filters: T): T => Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as T;

/** A multi-select's choice as a filter: none chosen → no filter. */
export const many = <T>(values: T[]): T[] | undefined => (values.length ? values : undefined);
