// The floor: the SQL each API call issues, sent straight through the driver at the same
// concurrency — no HTTP, tRPC, session lookup, validation or drizzle mapping. Reads replay the
// exact statements the API's query functions produce (captured through drizzle's logger); the
// create mirrors file-incident.ts statement by statement.
import { randomUUID } from 'node:crypto';
import { listIncidentSummaries, listIndicatorPage, newPglite, sealAllAudit, type Db } from '@anc/db';
import { auditDiff, formatReference, mexicoCityYear, type Actor } from '@anc/domain';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { buildIncidentDetail } from '../src/modules/incidents/incident-dto.ts';
import { nextObligationColumns, readableOr404 } from '../src/modules/incidents/incident-rules.ts';
import { TAXII_PAGE_LIMIT, createInput, type Fixtures, type Scenario } from './fixtures.ts';
import type { Operation } from './load.ts';

/** The API opens its PostgreSQL pool with createDb's default size; the floor gets the same. */
export const API_POOL_SIZE = 10;

type Row = Record<string, unknown>;
export type Query = (text: string, params?: readonly unknown[]) => Promise<Row[]>;

export interface Statement {
  text: string;
  params: unknown[];
}

export interface FloorDriver {
  kind: 'postgres' | 'pglite';
  query: Query;
  transaction<T>(fn: (q: Query) => Promise<T>): Promise<T>;
  /** A drizzle database over the same connection that records every statement it runs. */
  capturing(into: Statement[]): Db;
  close(): Promise<void>;
}

const capture = (into: Statement[]): Logger => ({ logQuery: (text, params) => void into.push({ text, params: [...params] }) });

// Unnamed statements, as drizzle sends them (prepare: false for queries without a name).
const on =
  (c: postgres.Sql | postgres.TransactionSql): Query =>
  async (text, params = []) =>
    (await c.unsafe(text, params as never[], { prepare: false })) as unknown as Row[];

export function postgresFloor(url: string): FloorDriver {
  const client = postgres(url, { max: API_POOL_SIZE, onnotice: () => {} });
  // drizzle configures the client it wraps (timestamps cross as strings, unparsed): the API's
  // client is configured so, and the floor's must be too, for the same driver work per row.
  drizzlePostgres(client, { casing: 'snake_case' });
  return {
    kind: 'postgres',
    query: on(client),
    transaction: async (fn) => (await client.begin((tx) => fn(on(tx)))) as Awaited<ReturnType<typeof fn>>,
    capturing: (into) => drizzlePostgres(client, { casing: 'snake_case', logger: capture(into) }) as unknown as Db,
    close: () => client.end({ timeout: 5 }),
  };
}

export async function pgliteFloor(dir: string): Promise<FloorDriver> {
  const pg = newPglite(dir);
  await pg.waitReady;
  return {
    kind: 'pglite',
    query: async (text, params = []) => (await pg.query<Row>(text, [...params])).rows,
    transaction: (fn) => pg.transaction((tx) => fn(async (text, params = []) => (await tx.query<Row>(text, [...params])).rows)),
    capturing: (into) => drizzlePglite(pg, { casing: 'snake_case', logger: capture(into) }) as unknown as Db,
    close: () => pg.close(),
  };
}

/** The statement `listIncidentSummaries` sends for this actor and input. */
export async function captureList(driver: FloorDriver, actor: Actor, input: NonNullable<Scenario['listInput']>): Promise<Statement> {
  const statements: Statement[] = [];
  await listIncidentSummaries(driver.capturing(statements), actor, input);
  const [only] = statements;
  if (!only || statements.length !== 1) throw new Error(`expected one list statement, captured ${statements.length}`);
  return only;
}

/** The statement of the TAXII page `taxii.objects` reads (one more row than the page, to know if another follows). */
export async function captureIndicatorPage(driver: FloorDriver, actor: Actor): Promise<Statement> {
  const statements: Statement[] = [];
  await listIndicatorPage(driver.capturing(statements), actor, { limit: TAXII_PAGE_LIMIT + 1 });
  const [only] = statements;
  if (!only || statements.length !== 1) throw new Error(`expected one indicator page statement, captured ${statements.length}`);
  return only;
}

/** The statements of `incidents.get`: the scoped read, then the detail's reads issued together. */
async function captureGet(driver: FloorDriver, actor: Actor, id: string) {
  const read: Statement[] = [];
  const row = await readableOr404(driver.capturing(read), actor, id);
  const detail: Statement[] = [];
  await buildIncidentDetail(driver.capturing(detail), actor, row);
  const [first] = read;
  if (!first || read.length !== 1 || detail.length === 0) throw new Error('unexpected statements captured for incidents.get');
  const withId = (s: Statement, next: string): Statement => ({ text: s.text, params: s.params.map((p) => (p === id ? next : p)) });
  return { read: first, detail, withId, statements: 1 + detail.length };
}

// file-incident.ts, statement by statement (the SQL drizzle generates for nextReferenceNumber,
// insertIncident, insertObservables, insertIncidentEvent and writeAudit).
const COUNTER_SQL = `insert into "reference_counters" ("scope", "year", "last") values ($1, $2, $3)
  on conflict ("scope", "year") do update set "last" = "reference_counters"."last" + 1 returning "last"`;
const INCIDENT_COLUMNS = [
  'reference',
  'agency_id',
  'reporter_id',
  'title',
  'description',
  'rsit_class',
  'rsit_type',
  'severity',
  'tlp',
  'status',
  'detected_at',
  'aware_at',
  'affected_systems',
  'personal_data',
  'records',
  'critical_service',
  'cross_border',
  'estimated_loss_mxn',
  'next_obligation_kind',
  'next_obligation_due_at',
  'next_obligation_soon_at',
  'created_at',
  'updated_at',
];
const INCIDENT_SQL = `insert into "incidents" (${INCIDENT_COLUMNS.map((c) => `"${c}"`).join(', ')})
  values (${INCIDENT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) returning *`;
const OBSERVABLES_SQL = `insert into "incident_observables" ("incident_id", "type", "value", "added_by")
  values ($1, $2, $3, $4), ($5, $6, $7, $8) on conflict do nothing returning "id", "type", "value"`;
const EVENT_SQL = `insert into "incident_events" ("incident_id", "actor_id", "kind", "body", "data") values ($1, $2, $3, $4, $5)`;
const AUDIT_SQL = `insert into "audit_events" ("occurred_at", "actor_id", "action", "entity_type", "entity_id", "diff", "origin")
  values ($1, $2, $3, $4, $5, $6, $7)`;

export interface CounterLockStats {
  /** Mean time the counter upsert took, waiting for the row lock included (ms). */
  meanWaitMs: number;
  /** Mean time the counter row stays locked: from the upsert's answer to the commit's (ms). */
  meanHoldMs: number;
  samples: number;
}

export interface FloorScenario {
  operation: Operation;
  /** Statements per call (transaction control included for the create). */
  statements: number;
  counterLock?: () => CounterLockStats;
}

export async function floorScenario(driver: FloorDriver, scenario: Scenario, fixtures: Fixtures): Promise<FloorScenario> {
  const user = scenario.as === 'staff' ? fixtures.staff : fixtures.coordinator;
  if (scenario.procedure === 'incidents.list') {
    if (!scenario.listInput) throw new Error(`${scenario.key}: no list input`);
    const statement = await captureList(driver, user.actor, scenario.listInput);
    return { operation: async () => void (await driver.query(statement.text, statement.params)), statements: 1 };
  }
  if (scenario.procedure === 'taxii.objects') {
    const statement = await captureIndicatorPage(driver, user.actor);
    return { operation: async () => void (await driver.query(statement.text, statement.params)), statements: 1 };
  }
  if (scenario.procedure === 'incidents.get') {
    const firstId = fixtures.getIds[0];
    if (!firstId) throw new Error('no incident ids to read');
    const get = await captureGet(driver, user.actor, firstId);
    return {
      operation: async (n) => {
        const id = fixtures.getIds[n % fixtures.getIds.length] ?? firstId;
        const read = get.withId(get.read, id);
        const [row] = await driver.query(read.text, read.params);
        if (!row) throw new Error(`incident ${id} not readable`);
        await Promise.all(get.detail.map((s) => get.withId(s, id)).map((s) => driver.query(s.text, s.params)));
      },
      statements: get.statements,
    };
  }

  const actor = user.actor;
  let wait = 0;
  let hold = 0;
  let samples = 0;
  return {
    statements: 7, // begin, 5 inserts, commit
    counterLock: () => ({ meanWaitMs: samples ? wait / samples : 0, meanHoldMs: samples ? hold / samples : 0, samples }),
    operation: async (n) => {
      const input = createInput(n);
      const now = new Date();
      const year = mexicoCityYear(now);
      const awareAt = new Date(input.awareAt);
      const next = nextObligationColumns({ awareAt, createdAt: now, notificationSubmittedAt: null, finalReportSubmittedAt: null, status: 'submitted' }, now);
      let locked = 0;
      let asked = 0;
      await driver.transaction(async (q) => {
        asked = performance.now();
        const [counter] = await q(COUNTER_SQL, ['INC', year, 1]);
        locked = performance.now();
        const reference = formatReference('INC', year, Number(counter?.last));
        // Timestamps as ISO strings, as drizzle's timestamp columns hand them to the driver.
        const values = [
          reference,
          actor.agencyId,
          actor.userId,
          input.title,
          input.description,
          input.rsitClass,
          input.rsitType ?? null,
          input.severity,
          input.tlp,
          'submitted',
          new Date(input.detectedAt).toISOString(),
          awareAt.toISOString(),
          input.affectedSystems ?? '',
          input.impact.personalData,
          input.impact.records ?? null,
          input.impact.criticalService,
          input.impact.crossBorder,
          input.impact.estimatedLossMxn ?? null,
          next.nextObligationKind,
          next.nextObligationDueAt?.toISOString() ?? null,
          next.nextObligationSoonAt?.toISOString() ?? null,
          now.toISOString(),
          now.toISOString(),
        ];
        const [incident] = await q(INCIDENT_SQL, values);
        const id = String(incident?.id);
        const observables = input.observables ?? [];
        const added = await q(
          OBSERVABLES_SQL,
          observables.flatMap((o) => [id, o.type, o.value, actor.userId]),
        );
        await q(EVENT_SQL, [id, actor.userId, 'created', null, JSON.stringify({ reference, observables: added.length })]);
        const fields = Object.fromEntries(INCIDENT_COLUMNS.slice(0, 18).map((c, i) => [c, values[i]]));
        const diff = auditDiff(null, { ...fields, observables: added.map((o) => `${String(o.type)}:${String(o.value)}`) });
        await q(AUDIT_SQL, [
          new Date().toISOString(),
          actor.userId,
          'incident.create',
          'incident',
          id,
          JSON.stringify(diff),
          JSON.stringify({ requestId: randomUUID(), ip: '127.0.0.1', userAgent: 'anc-bench' }),
        ]);
      });
      wait += locked - asked;
      hold += performance.now() - locked;
      samples++;
    },
  };
}

/** Seals the audit rows the floor's creates wrote, as the API's sealer would have. */
export async function sealFloorAudit(driver: FloorDriver): Promise<number> {
  return sealAllAudit(driver.capturing([]));
}
