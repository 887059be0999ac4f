import { and, asc, count, eq, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import {
  AUDIT_GENESIS_HASH,
  AUDIT_UNSEALED_GRACE_MS,
  decodeCursor,
  encodeCursor,
  firstBrokenLink,
  auditRowHash,
  type AuditAction,
  type AuditEntityType,
  type AuditListInput,
} from '@anc/domain';
import { rowsOf, type Db } from '../client.ts';
import { advisories, agencies, apiClients, auditChainHead, auditEvents, incidents, initiatives, playbooks, tasks, users } from '../schema/index.ts';

export interface AuditOrigin {
  requestId?: string | undefined;
  ip?: string | undefined;
  userAgent?: string | undefined;
  source?: string | undefined;
}

/** One row to write: its action and entity type are the domain's catalogue's (packages/domain/src/audit-catalogue.ts). */
export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  diff: unknown;
  origin: AuditOrigin;
}

/** The stored row of an entry, stamped at `occurredAt`. */
function auditRow(entry: AuditEntry, occurredAt: Date) {
  return {
    occurredAt,
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    diff: entry.diff ?? {},
    // jsonb drops undefined keys; strip them now so the hashed value equals the stored one.
    origin: JSON.parse(JSON.stringify(entry.origin)) as AuditOrigin,
  };
}

/** Writes one unsealed audit row; call it inside the mutation's transaction. */
export async function writeAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values(auditRow(entry, new Date()));
}

/**
 * Writes several unsealed audit rows in one statement, each stamped with its own `occurredAt`
 * (the API's batched `apiClient.call` rows: apps/api/src/http/call-audit.ts). Not for a mutation's
 * own row, which belongs in the mutation's transaction (`writeAudit`).
 */
export async function writeAuditRows(db: Db, entries: readonly (AuditEntry & { occurredAt: Date })[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(auditEvents).values(entries.map((entry) => auditRow(entry, entry.occurredAt)));
}

/** Same key in every process: only one sealer runs at a time across the deployment. */
export const SEAL_LOCK_KEY = 724_310_002;

/**
 * Seals committed unsealed rows, oldest id first, extending the chain from the stored head.
 * Returns how many rows it sealed (0 also when another process holds the sealer lock).
 */
export async function sealAuditBatch(db: Db, batchSize = 500): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${SEAL_LOCK_KEY}) as locked`));
    if (!lock?.locked) return 0;
    const rows = await tx.select().from(auditEvents).where(isNull(auditEvents.seq)).orderBy(asc(auditEvents.id)).limit(batchSize);
    if (rows.length === 0) return 0;
    const [head] = await tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1));
    let seq = head?.seq ?? 0;
    let prevHash = head?.hash ?? AUDIT_GENESIS_HASH;
    const sealedAt = new Date();
    const seals: SQL[] = [];
    for (const row of rows) {
      seq += 1;
      const hash = auditRowHash(prevHash, { ...row, seq });
      seals.push(sql`(${row.id}::bigint, ${seq}::bigint, ${prevHash}::text, ${hash}::text)`);
      prevHash = hash;
    }
    // One statement seals the whole batch (a round trip per row was most of an audited write's cost).
    await tx.execute(sql`update audit_events a set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash, sealed_at = ${sealedAt.toISOString()}::timestamptz
      from (values ${sql.join(seals, sql`, `)}) as v(id, seq, prev_hash, hash) where a.id = v.id`);
    await tx
      .insert(auditChainHead)
      .values({ id: 1, seq, hash: prevHash, updatedAt: sealedAt })
      .onConflictDoUpdate({ target: auditChainHead.id, set: { seq, hash: prevHash, updatedAt: sealedAt } });
    return rows.length;
  });
}

/** Seals until nothing unsealed is left (or another process is sealing). */
export async function sealAllAudit(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await sealAuditBatch(db);
    total += n;
    if (n === 0) return total;
  }
}

/**
 * Walks the sealed chain in seq order, page by page, recomputing every hash, and checks that it
 * ends at the recorded head (so a removed tail row is caught too). Also counts rows left
 * unsealed for longer than the grace period.
 */
export async function verifyAuditChain(db: Db, now = new Date()) {
  const pageSize = 2000;
  let cursor = { expectedSeq: 1, expectedPrev: AUDIT_GENESIS_HASH };
  let checked = 0;
  let firstBrokenSeq: number | null = null;
  let lastSeq = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(isNotNull(auditEvents.seq), sql`${auditEvents.seq} > ${lastSeq}`))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    if (rows.length === 0) break;
    const page = rows.map((r) => ({ ...r, seq: r.seq ?? 0, prevHash: r.prevHash ?? '', hash: r.hash ?? '' }));
    const result = firstBrokenLink(page, cursor);
    if (result.brokenSeq !== null) {
      firstBrokenSeq = result.brokenSeq;
      checked += page.findIndex((r) => r.seq >= (result.brokenSeq ?? 0));
      break;
    }
    checked += page.length;
    cursor = result.next;
    lastSeq = page[page.length - 1]?.seq ?? lastSeq;
  }
  if (firstBrokenSeq === null) {
    const [head] = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1));
    const headSeq = head?.seq ?? 0;
    if (headSeq !== cursor.expectedSeq - 1 || (head && head.hash !== cursor.expectedPrev)) {
      firstBrokenSeq = Math.min(cursor.expectedSeq, headSeq);
    }
  }
  const [stale] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(isNull(auditEvents.seq), lt(auditEvents.occurredAt, new Date(now.getTime() - AUDIT_UNSEALED_GRACE_MS))));
  const unsealed = stale?.n ?? 0;
  return { ok: firstBrokenSeq === null && unsealed === 0, checked, unsealed, firstBrokenSeq };
}

/** Newest first, keyset on id. */
export async function listAudit(db: Db, input: AuditListInput) {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await db
    .select({ event: auditEvents, actor: { id: users.id, name: users.name, email: users.email } })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        input.entityType ? eq(auditEvents.entityType, input.entityType) : undefined,
        input.entityId ? eq(auditEvents.entityId, input.entityId) : undefined,
        input.actorId ? eq(auditEvents.actorId, input.actorId) : undefined,
        after ? lt(auditEvents.id, Number(after.id)) : undefined,
      ),
    )
    // Matches the indexes' `id DESC NULLS LAST` (plain DESC means NULLS FIRST and could not use them).
    .orderBy(sql`${auditEvents.id} desc nulls last`)
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor: rows.length > input.limit && last ? encodeCursor('', String(last.event.id)) : null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key of an entity in the map `auditEntityNames` answers. */
export const auditEntityKey = (entityType: string, entityId: string) => `${entityType}:${entityId}`;

/**
 * How people name the entities of a page of the audit log (an incident's or a task's reference,
 * an initiative's or an agency's code, a person's or a playbook's name), one query per type on
 * the page, keyed by `auditEntityKey`. An entity that no longer exists has no name.
 */
export async function auditEntityNames(db: Db, refs: readonly { entityType: string; entityId: string }[]): Promise<Map<string, string>> {
  const idsOf = (type: AuditEntityType) => [...new Set(refs.filter((r) => r.entityType === type && UUID.test(r.entityId)).map((r) => r.entityId))];
  const lookups: { type: AuditEntityType; read: (ids: string[]) => Promise<{ id: string; name: string }[]> }[] = [
    { type: 'incident', read: (ids) => db.select({ id: incidents.id, name: incidents.reference }).from(incidents).where(inArray(incidents.id, ids)) },
    { type: 'task', read: (ids) => db.select({ id: tasks.id, name: tasks.reference }).from(tasks).where(inArray(tasks.id, ids)) },
    { type: 'initiative', read: (ids) => db.select({ id: initiatives.id, name: initiatives.code }).from(initiatives).where(inArray(initiatives.id, ids)) },
    { type: 'advisory', read: (ids) => db.select({ id: advisories.id, name: advisories.reference }).from(advisories).where(inArray(advisories.id, ids)) },
    { type: 'playbook', read: (ids) => db.select({ id: playbooks.id, name: playbooks.title }).from(playbooks).where(inArray(playbooks.id, ids)) },
    { type: 'agency', read: (ids) => db.select({ id: agencies.id, name: agencies.code }).from(agencies).where(inArray(agencies.id, ids)) },
    { type: 'user', read: (ids) => db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)) },
    { type: 'api_client', read: (ids) => db.select({ id: apiClients.id, name: apiClients.name }).from(apiClients).where(inArray(apiClients.id, ids)) },
  ];
  const names = new Map<string, string>();
  for (const { type, read } of lookups) {
    const ids = idsOf(type);
    if (ids.length === 0) continue;
    for (const row of await read(ids)) names.set(auditEntityKey(type, row.id), row.name);
  }
  return names;
}
