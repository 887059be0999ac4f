// Every procedure of the app router, fed what its schema allows and what no schema should: text
// PostgreSQL cannot store, 100,000-character strings, deep nesting, `__proto__` and `constructor`
// keys, 100,000-item arrays, wrong types, 1e308. Whatever comes in, the answer is never a 5xx,
// never takes 10 s, and a refused call writes nothing (the audit rows are counted around it).
// Over real HTTP, on PGlite and, with ANC_TEST_PG_URL, on PostgreSQL. `FUZZ_RUNS` raises the
// number of generated inputs per procedure (default 30).
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInvalidTextError } from './trpc/errors.ts';
import { startTestServer, type TestServer } from './testing/http.ts';
import { routerProcedures } from './testing/procedures.ts';
import { auditRowsBesideFailures, buildWorld, callRaw, CASES, procedures, type ProcedureCase, type World } from './testing/procedure-cases.ts';
import { present } from './testing/raw.ts';
import { HOSTILE, leafPaths, replaced } from './testing/hostile.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const caseOf = (name: string): ProcedureCase => present(CASES[name], `a case for ${name}`);
const ALL = procedures();
let s: TestServer;
let w: World;

beforeAll(async () => {
  // The rate limit is not what is under test here: a walk of every procedure sends thousands of calls.
  s = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
  w = await buildWorld(s);
}, 120_000);
afterAll(async () => s.close());

// ---------------------------------------------------------------------------------------------
// Inputs from the schema: the procedure's zod input as JSON Schema, turned into an arbitrary.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface JsonSchema {
  type?: string | string[];
  enum?: Json[];
  const?: Json;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
}

function fromSchema(schema: JsonSchema): fc.Arbitrary<Json> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map(fromSchema));
  const [first] = schema.allOf ?? [];
  if (first) return fromSchema(first);
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => fromSchema({ ...schema, type })));
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: Math.ceil(schema.minimum ?? -1e9), max: Math.floor(schema.maximum ?? 1e9) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e12, max: schema.maximum ?? 1e12, noNaN: true, noDefaultInfinity: true });
    case 'string': {
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'date-time')
        return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.format === 'email') return fc.emailAddress();
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      return fc.string({ unit: 'binary', minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 300, 300) });
    }
    case 'array':
      return fc.array(schema.items ? fromSchema(schema.items) : fc.jsonValue(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 5),
      }) as fc.Arbitrary<Json>;
    case 'object': {
      const props = schema.properties ?? {};
      const arbs = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fromSchema(v)]));
      return fc.record(arbs, { requiredKeys: (schema.required ?? []).filter((k) => k in props) }) as fc.Arbitrary<Json>;
    }
    default:
      return fc.jsonValue() as fc.Arbitrary<Json>;
  }
}

function inputSchema(name: string): JsonSchema | null {
  const input = routerProcedures().find((p) => p.path === name)?.inputs[0] as z.ZodType | undefined;
  return input ? (z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : null;
}

// ---------------------------------------------------------------------------------------------
// Inputs from a valid one: one place in it replaced by something hostile, written as raw JSON
// text so `__proto__` survives as a key.

/** The valid input with a hostile key added beside the others (`__proto__` in an object). */
function withExtraKey(valid: unknown, raw: string): string {
  const text = JSON.stringify(valid ?? {});
  if (!text.startsWith('{')) return raw;
  return text === '{}' ? raw : `${raw.slice(0, -1)},${text.slice(1)}`;
}

// ---------------------------------------------------------------------------------------------

async function check(name: string, json: string | undefined): Promise<void> {
  const info = present(
    ALL.find((p) => p.name === name),
    name,
  );
  const kase = caseOf(name);
  const before = await auditRowsBesideFailures(s.t.db);
  const answer = await callRaw(w, name, info.type, kase.as, json).catch((err: unknown) => {
    throw new Error(`${name} did not answer within 10 s (or the connection broke): ${String(err)}\ninput: ${json?.slice(0, 300)}`);
  });
  if (answer.status >= 500) throw new Error(`${name} answered ${answer.status}: ${answer.body.slice(0, 500)}\ninput: ${json?.slice(0, 300)}`);
  if (answer.status >= 400) {
    const after = await auditRowsBesideFailures(s.t.db);
    if (after !== before)
      throw new Error(`${name} refused the input (${answer.status}) but wrote ${after - before} audit row(s)\ninput: ${json?.slice(0, 300)}`);
  } else if (name === 'auth.changePassword' && json) {
    // The fuzz changed the `self` account's password: the next valid input must know it.
    try {
      const sent = JSON.parse(json) as { newPassword?: unknown };
      if (typeof sent.newPassword === 'string') w.selfPassword = sent.newPassword;
    } catch {
      /* not JSON the server could have accepted */
    }
  }
}

describe('every procedure', () => {
  it('has a valid case in the walk, and the walk names no procedure that does not exist', () => {
    expect(ALL.length).toBeGreaterThan(50);
    expect(ALL.filter((p) => !CASES[p.name]).map((p) => p.name)).toEqual([]);
    expect(Object.keys(CASES).filter((n) => !ALL.some((p) => p.name === n))).toEqual([]);
  });

  // The walk is only as good as its valid inputs: each must be accepted, or the mutations of it
  // test nothing but the first refusal.
  it('accepts its valid case', async () => {
    const refused: string[] = [];
    for (const p of ALL) {
      const input = await caseOf(p.name).input(w);
      const answer = await callRaw(w, p.name, p.type, caseOf(p.name).as, input === undefined ? undefined : JSON.stringify(input));
      if (answer.status !== 200) refused.push(`${p.name}: ${answer.status} ${answer.body.slice(0, 200)}`);
    }
    expect(refused).toEqual([]);
  }, 120_000);
});

describe('text PostgreSQL cannot store', () => {
  it('is refused on the very field, in every string of every valid input, and writes nothing', async () => {
    const wrong: string[] = [];
    for (const p of ALL.filter((x) => x.hasInput)) {
      const valid = await caseOf(p.name).input(w);
      const strings = leafPaths(valid).filter((path) => {
        let v: unknown = valid;
        for (const k of path) v = (v as Record<string | number, unknown>)[k];
        return typeof v === 'string';
      });
      for (const path of strings) {
        for (const raw of [HOSTILE.nul, HOSTILE.loneHigh]) {
          const before = await auditRowsBesideFailures(s.t.db);
          const answer = await callRaw(w, p.name, p.type, caseOf(p.name).as, replaced(valid, path, raw));
          const field = path.join('.');
          const data = (JSON.parse(answer.body) as { error?: { data?: { fieldErrors?: Record<string, string[]> | null } } }).error?.data;
          if (answer.status !== 400 || !data?.fieldErrors?.[field]) wrong.push(`${p.name} ${field}: ${answer.status} ${answer.body.slice(0, 160)}`);
          if ((await auditRowsBesideFailures(s.t.db)) !== before) wrong.push(`${p.name} ${field}: wrote an audit row`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it('that reaches the database anyway is recognised as the caller’s error, not a 500', async () => {
    let failure: unknown;
    try {
      await s.t.db.execute(sql`select ${'a\u0000b'}::text as t`);
    } catch (err) {
      failure = err;
    }
    expect(failure).toBeDefined();
    expect(isInvalidTextError(failure)).toBe(true);
    expect(isInvalidTextError(new Error('other'))).toBe(false);
  });
});

describe.each(ALL.map((p) => [p.name] as const))('%s under fuzz', (name) => {
  it('never answers 5xx nor hangs, and a refused input writes nothing', async () => {
    const info = present(
      ALL.find((p) => p.name === name),
      name,
    );
    const schema = info.hasInput ? inputSchema(name) : null;
    const valid = await caseOf(name).input(w);
    const paths = leafPaths(valid ?? {});
    const hostileNames = Object.keys(HOSTILE) as (keyof typeof HOSTILE)[];
    const mutated = fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...hostileNames)).map(([path, h]) => replaced(valid ?? {}, path, HOSTILE[h]));
    const extraKey = fc.constantFrom(HOSTILE.proto, HOSTILE.ctor).map((raw) => withExtraKey(valid, raw));
    const generated = schema ? fromSchema(schema).map((v) => JSON.stringify(v)) : fc.jsonValue().map((v) => JSON.stringify(v));
    const anyJson = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v));
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ arbitrary: mutated, weight: 4 }, { arbitrary: generated, weight: 3 }, { arbitrary: extraKey, weight: 1 }, { arbitrary: anyJson, weight: 1 }),
        async (json) => {
          await check(name, json);
          checked += 1;
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(checked).toBe(RUNS);
  }, 180_000);
});
