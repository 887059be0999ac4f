// Helpers for the task API tests: a valid task to start from, accounts beyond the demo ones, and
// small lookups in the test database to set up and to check what was (not) written.
import { count, eq, sql } from 'drizzle-orm';
import { auditEvents, incidentEvents, mailOutbox, notifications, referenceCounters, rowsOf, taskEvents, tasks, type Db } from '@anc/db';
import type { CreateTaskInput, Role } from '@anc/domain';
import { DEMO_PASSWORD, signedIn } from './http.ts';
import type { Client } from './incidents.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** An instant `ms` from now, as the ISO 8601 string the API takes. */
export const fromNow = (ms: number): string => new Date(Date.now() + ms).toISOString();

/** A task that passes every rule: due in five days, no link, no named assignee. */
export function validTask(assigneeAgencyId: string, overrides: Partial<CreateTaskInput> = {}): CreateTaskInput {
  return {
    title: 'Aplicar el parche crítico del servidor de correo',
    description: 'Instalar la actualización publicada por el fabricante y confirmar la versión en el reporte.',
    priority: 'high',
    dueAt: fromNow(5 * DAY),
    assigneeAgencyId,
    ...overrides,
  };
}

export async function taskRow(db: Db, id: string) {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
  if (!row) throw new Error(`no task ${id}`);
  return row;
}

/** Moves a task's clock facts straight in the table (a due date in the past cannot be set through the API). */
export async function setTaskDueAt(db: Db, id: string, dueAt: Date): Promise<void> {
  await db.update(tasks).set({ dueAt }).where(eq(tasks.id, id));
}

/** Rows in every table a task mutation writes to (the e-mail outbox included): what "nothing written" is checked against. */
export async function taskWrittenRows(db: Db) {
  const n = async (table: typeof tasks | typeof taskEvents | typeof notifications | typeof mailOutbox | typeof auditEvents | typeof incidentEvents) =>
    (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  const [counter] = rowsOf<{ last: number | null }>(await db.execute(sql`select sum(last)::int as last from ${referenceCounters} where scope = 'TSK'`));
  return {
    tasks: await n(tasks),
    taskEvents: await n(taskEvents),
    notifications: await n(notifications),
    mail: await n(mailOutbox),
    audit: await n(auditEvents),
    incidentEvents: await n(incidentEvents),
    tskCounter: counter?.last ?? 0,
  };
}

export async function notificationsOfTask(db: Db, taskId: string) {
  return db.select().from(notifications).where(eq(notifications.taskId, taskId));
}

export async function taskEventsOf(db: Db, taskId: string) {
  return db.select().from(taskEvents).where(eq(taskEvents.taskId, taskId)).orderBy(taskEvents.id);
}

let accountSerial = 0;

/**
 * One more account created by the admin through the API (the way a deployment gets them), with
 * the demo password; signed in unless it is deactivated right after.
 */
export async function addAccount(
  baseUrl: string,
  admin: Client,
  options: { agencyId: string; role?: Role; active?: boolean; label?: string },
): Promise<{ id: string; email: string; client: Client | null }> {
  accountSerial += 1;
  const label = options.label ?? 'enlace';
  const email = `${label}.${accountSerial}.${Date.now().toString(36)}@prueba.gob.mx`;
  const user = await admin.trpc.admin.users.create.mutate({
    email,
    name: `Cuenta de prueba ${accountSerial}`,
    role: options.role ?? 'staff',
    agencyId: options.agencyId,
    password: DEMO_PASSWORD,
  });
  if (options.active === false) {
    await admin.trpc.admin.users.setActive.mutate({ id: user.id, active: false });
    return { id: user.id, email, client: null };
  }
  return { id: user.id, email, client: await signedIn(baseUrl, email) };
}

type ListInput = Omit<Parameters<Client['trpc']['tasks']['list']['query']>[0], 'cursor'>;
type Listed = Awaited<ReturnType<Client['trpc']['tasks']['list']['query']>>['items'];

/** Every page of `tasks.list` for these filters, fetched `limit` at a time; `between` runs after each page. */
export async function walkTasks(client: Client, input: ListInput, between: (page: number) => Promise<void> = async () => {}): Promise<Listed> {
  const items: Listed = [];
  let cursor: string | undefined;
  for (let page = 0; ; page++) {
    if (page > 1000) throw new Error('the list never ended: its cursor does not advance');
    const res = await client.trpc.tasks.list.query({ ...input, ...(cursor ? { cursor } : {}) });
    items.push(...res.items);
    if (!res.nextCursor) return items;
    cursor = res.nextCursor;
    await between(page);
  }
}
