// Helpers for the incident API tests: a valid report to start from, and small lookups in the
// test database that the tests use to set up and to check what was (not) written.
import { and, count, eq } from 'drizzle-orm';
import { agencies, auditEvents, incidentEvents, incidentObservables, incidentShares, incidents, notifications, users, type Db } from '@anc/db';
import type { CreateIncidentInput } from '@anc/domain';
import type { httpClient } from './http.ts';

export type Client = ReturnType<typeof httpClient>;

const HOUR = 3_600_000;

/** An instant `hours` before now, as the ISO 8601 string the API takes. */
export const hoursAgo = (hours: number, from: number = Date.now()): string => new Date(from - hours * HOUR).toISOString();

/** A report that passes every rule: dates in the past, a type of its class, no observables. */
export function validIncident(overrides: Partial<CreateIncidentInput> = {}): CreateIncidentInput {
  return {
    title: 'Acceso no autorizado al servidor de correo institucional',
    description: 'Se detectaron inicios de sesión desde direcciones externas con credenciales de un administrador.',
    rsitClass: 'intrusions',
    rsitType: 'privileged-account-compromise',
    severity: 2,
    tlp: 'AMBER',
    detectedAt: hoursAgo(3),
    awareAt: hoursAgo(2),
    affectedSystems: 'Servidor de correo',
    impact: { personalData: false, criticalService: false, crossBorder: false },
    ...overrides,
  };
}

/** Input the type system would refuse, sent anyway (to test what the server does with it). */
export const unchecked = <T>(input: Record<string, unknown>): T => input as T;

export async function agencyIdOf(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code));
  if (!row) throw new Error(`no agency ${code}`);
  return row.id;
}

export async function userIdOf(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

export async function incidentRow(db: Db, id: string) {
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id));
  if (!row) throw new Error(`no incident ${id}`);
  return row;
}

/** Rows in the tables an incident mutation writes to (its notifications too): what "nothing written" is checked against. */
export async function writtenRows(db: Db) {
  const n = async (
    table: typeof incidents | typeof incidentObservables | typeof incidentEvents | typeof incidentShares | typeof auditEvents | typeof notifications,
  ) => (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return {
    incidents: await n(incidents),
    observables: await n(incidentObservables),
    events: await n(incidentEvents),
    shares: await n(incidentShares),
    audit: await n(auditEvents),
    notifications: await n(notifications),
  };
}

export async function auditCount(db: Db): Promise<number> {
  return (await db.select({ n: count() }).from(auditEvents))[0]?.n ?? 0;
}

/** Audit rows of one action about one entity. */
export async function auditCountFor(db: Db, action: string, entityId: string): Promise<number> {
  return (
    (
      await db
        .select({ n: count() })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
    )[0]?.n ?? 0
  );
}

/** Every page of `incidents.list` for these filters, fetched `limit` at a time; `between` runs after each page. */
export async function walkList(
  client: Client,
  input: Omit<Parameters<Client['trpc']['incidents']['list']['query']>[0], 'cursor'>,
  between: (page: number) => Promise<void> = async () => {},
) {
  const items: Awaited<ReturnType<Client['trpc']['incidents']['list']['query']>>['items'] = [];
  let cursor: string | undefined;
  for (let page = 0; ; page++) {
    if (page > 1000) throw new Error('the list never ended: its cursor does not advance');
    const res = await client.trpc.incidents.list.query({ ...input, ...(cursor ? { cursor } : {}) });
    items.push(...res.items);
    if (!res.nextCursor) return items;
    cursor = res.nextCursor;
    await between(page);
  }
}
