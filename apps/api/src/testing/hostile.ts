// What no schema should accept, as raw JSON text (so a `__proto__` key survives), and the way to
// put it in one place of a valid input: shared by the fuzz of the procedures
// (apps/api/src/input-fuzz.test.ts) and of the plain-HTTP routes (apps/api/src/http-routes-fuzz.test.ts).
import { present } from './raw.ts';

const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
export const HOSTILE = {
  nul: JSON.stringify('antes\u0000después'),
  loneHigh: JSON.stringify('roto \uD800 aquí'),
  loneLow: JSON.stringify('\uDFFF'),
  huge: JSON.stringify('x'.repeat(100_000)),
  deep: deep(5_000),
  proto: '{"__proto__":{"role":"admin","isAdmin":true}}',
  ctor: '{"constructor":{"prototype":{"role":"admin"}}}',
  bigArray: JSON.stringify(Array.from({ length: 100_000 }, (_, i) => String(i))),
  number: '1e308',
  negative: '-1e308',
  fraction: '0.5',
  unsafe: '9007199254740993',
  true: 'true',
  null: 'null',
  object: '{}',
  array: '[]',
  emptyString: '""',
};

export type Path = (string | number)[];
export function leafPaths(value: unknown, path: Path = []): Path[] {
  const out: Path[] = [path];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...leafPaths(v, [...path, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...leafPaths(v, [...path, k]));
  return out;
}

const MARK = '\u0001HOSTILE\u0001';
/** The valid input as JSON text with the value at `path` replaced by raw JSON `raw`. */
export function replaced(valid: unknown, path: Path, raw: string): string {
  if (path.length === 0) return raw;
  const copy = structuredClone(valid) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[present(path.at(-1), 'a path')] = MARK;
  return JSON.stringify(copy).replace(JSON.stringify(MARK), raw);
}
