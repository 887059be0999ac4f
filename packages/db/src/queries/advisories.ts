import { and, asc, desc, eq, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import { createdAtCursor, encodeCursor, type Actor, type AdvisoryResponseStatus, type AdvisoryStatus } from '@anc/domain';
import type { Db } from '../client.ts';
import { advisories, advisoryAgencies, advisoryResponses, agencies, incidentObservables, users } from '../schema/index.ts';

export type AdvisoryRow = typeof advisories.$inferSelect;
export type AdvisoryInsert = typeof advisories.$inferInsert;

export interface AdvisoryAgencyRef {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}
const agencyRef = { id: agencies.id, code: agencies.code, name: agencies.name, nameEn: agencies.nameEn };

// ---------------------------------------------------------------------------------------------
// Writes

export async function insertAdvisory(tx: Db, values: AdvisoryInsert): Promise<AdvisoryRow> {
  const [row] = await tx.insert(advisories).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Optimistic concurrency: applies only if the row still has the version the caller read; null otherwise. */
export async function updateAdvisoryVersioned(tx: Db, id: string, version: number, set: Partial<AdvisoryInsert>): Promise<AdvisoryRow | null> {
  const [row] = await tx
    .update(advisories)
    .set({ ...set, version: sql`${advisories.version} + 1`, updatedAt: new Date() })
    .where(and(eq(advisories.id, id), eq(advisories.version, version)))
    .returning();
  return row ?? null;
}

/** The advisory, optionally row-locked (`update`: edits and steps; `share`: an answer, which must not cross a close). */
export async function getAdvisoryRow(db: Db, id: string, options: { lock?: 'update' | 'share' } = {}): Promise<AdvisoryRow | undefined> {
  const q = db.select().from(advisories).where(eq(advisories.id, id));
  const [row] = options.lock === 'update' ? await q.for('update') : options.lock === 'share' ? await q.for('share') : await q;
  return row;
}

/** Replaces a draft's named agencies. */
export async function setAdvisoryAgencies(tx: Db, advisoryId: string, agencyIds: readonly string[]): Promise<void> {
  await tx.delete(advisoryAgencies).where(eq(advisoryAgencies.advisoryId, advisoryId));
  if (agencyIds.length) await tx.insert(advisoryAgencies).values([...new Set(agencyIds)].map((agencyId) => ({ advisoryId, agencyId })));
}

/** An advisory to every agency is addressed, at publication, to every active agency but the ANC itself. */
export async function addressEveryAgency(tx: Db, advisoryId: string): Promise<void> {
  const rows = await tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.active, true), ne(agencies.kind, 'national_agency')));
  if (rows.length)
    await tx
      .insert(advisoryAgencies)
      .values(rows.map((r) => ({ advisoryId, agencyId: r.id })))
      .onConflictDoNothing();
}

export async function listAdvisoryAgencyIds(db: Db, advisoryId: string): Promise<string[]> {
  const rows = await db.select({ id: advisoryAgencies.agencyId }).from(advisoryAgencies).where(eq(advisoryAgencies.advisoryId, advisoryId));
  return rows.map((r) => r.id);
}

/**
 * The agency's place in the audience, row-locked: answers of one agency take turns here, so the
 * newest row of `advisory_responses` and the latest answer kept on this row always agree.
 */
export async function lockAdvisoryAgency(tx: Db, advisoryId: string, agencyId: string) {
  const [row] = await tx
    .select()
    .from(advisoryAgencies)
    .where(and(eq(advisoryAgencies.advisoryId, advisoryId), eq(advisoryAgencies.agencyId, agencyId)))
    .for('update');
  return row;
}

export async function insertAdvisoryResponse(
  tx: Db,
  values: { advisoryId: string; agencyId: string; userId: string; status: AdvisoryResponseStatus; comment: string | null; respondedAt: Date },
) {
  const [row] = await tx.insert(advisoryResponses).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  await tx
    .update(advisoryAgencies)
    .set({ latestStatus: values.status, latestAt: values.respondedAt })
    .where(and(eq(advisoryAgencies.advisoryId, values.advisoryId), eq(advisoryAgencies.agencyId, values.agencyId)));
  return row;
}

// ---------------------------------------------------------------------------------------------
// Reads

export interface AdvisoryMatrixRow {
  agency: AdvisoryAgencyRef;
  latestStatus: AdvisoryResponseStatus | null;
  latestAt: Date | null;
}

/** The answer matrix: every addressed agency with its latest answer, by agency code. */
export async function listAdvisoryMatrix(db: Db, advisoryId: string): Promise<AdvisoryMatrixRow[]> {
  const rows = await db
    .select({ agency: agencyRef, latestStatus: advisoryAgencies.latestStatus, latestAt: advisoryAgencies.latestAt })
    .from(advisoryAgencies)
    .innerJoin(agencies, eq(agencies.id, advisoryAgencies.agencyId))
    .where(eq(advisoryAgencies.advisoryId, advisoryId))
    .orderBy(asc(agencies.code));
  return rows;
}

/** Answers, newest first: one agency's (staff) or every one (coordinators). */
export async function listAdvisoryResponses(db: Db, advisoryId: string, agencyId?: string) {
  return db
    .select({
      id: advisoryResponses.id,
      agency: agencyRef,
      status: advisoryResponses.status,
      comment: advisoryResponses.comment,
      respondedAt: advisoryResponses.respondedAt,
      by: { id: users.id, name: users.name },
    })
    .from(advisoryResponses)
    .innerJoin(agencies, eq(agencies.id, advisoryResponses.agencyId))
    .innerJoin(users, eq(users.id, advisoryResponses.userId))
    .where(and(eq(advisoryResponses.advisoryId, advisoryId), agencyId ? eq(advisoryResponses.agencyId, agencyId) : undefined))
    .orderBy(desc(advisoryResponses.id))
    .limit(500);
}

export async function getAdvisoryCreator(db: Db, userId: string): Promise<{ id: string; name: string }> {
  const [row] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId));
  return row ?? { id: userId, name: '' };
}

export interface AdvisorySummaryRow extends AdvisoryRow {
  addressed: number;
  answered: number;
  /** Staff: their agency's latest answer. */
  ownStatus: AdvisoryResponseStatus | null;
  ownAt: Date | null;
}

/**
 * Newest first, keyset on (created_at, id). Coordinators and admins: every advisory, optionally in
 * some states. Staff: published and closed advisories addressed to their agency (never a draft),
 * each with their agency's latest answer.
 */
export async function listAdvisorySummaries(
  db: Db,
  actor: Pick<Actor, 'role' | 'agencyId'>,
  input: { cursor?: string | undefined; limit: number; status?: AdvisoryStatus[] | undefined; awaitingAnswer?: boolean },
): Promise<{ rows: AdvisorySummaryRow[]; nextCursor: string | null }> {
  const after = input.cursor ? createdAtCursor(input.cursor) : null;
  const staff = actor.role === 'staff';
  const own = db
    .$with('own')
    .as(
      db
        .select({ advisoryId: advisoryAgencies.advisoryId, ownStatus: advisoryAgencies.latestStatus, ownAt: advisoryAgencies.latestAt })
        .from(advisoryAgencies)
        .where(eq(advisoryAgencies.agencyId, actor.agencyId)),
    );
  const statuses = staff ? (input.status ?? ['published', 'closed']).filter((s) => s !== 'draft') : input.status;
  const conditions: (SQL | undefined)[] = [
    statuses?.length ? inArray(advisories.status, statuses) : undefined,
    staff ? sql`${own.advisoryId} is not null` : undefined,
    input.awaitingAnswer ? isNull(own.ownAt) : undefined,
    after ? sql`(${advisories.createdAt}, ${advisories.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
  ];
  const rows = await db
    .with(own)
    .select({
      advisory: advisories,
      addressed: sql<number>`(select count(*)::int from ${advisoryAgencies} aa where aa.advisory_id = ${advisories.id})`,
      answered: sql<number>`(select count(*)::int from ${advisoryAgencies} aa where aa.advisory_id = ${advisories.id} and aa.latest_at is not null)`,
      ownStatus: own.ownStatus,
      ownAt: own.ownAt,
    })
    .from(advisories)
    .leftJoin(own, eq(own.advisoryId, advisories.id))
    .where(and(...conditions))
    .orderBy(desc(advisories.createdAt), desc(advisories.id))
    .limit(input.limit + 1);
  const mapped = rows.map((r) => ({
    ...r.advisory,
    addressed: Number(r.addressed),
    answered: Number(r.answered),
    ownStatus: r.ownStatus ?? null,
    ownAt: r.ownAt ? new Date(r.ownAt) : null,
  }));
  const page = mapped.slice(0, input.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: mapped.length > input.limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null };
}

export interface AdvisoryReminderClaim {
  advisoryId: string;
  agencyId: string;
  reference: string;
  title: string;
  tlp: AdvisoryRow['tlp'];
  respondBy: Date;
}

/**
 * Claims up to `limit` (advisory, agency) pairs owed a reminder at `now`: published, past
 * respondBy, no answer, not reminded yet. Rows another process holds are skipped; the claim
 * (`reminded_at`) commits with the reminders, so each pair is reminded once.
 */
export async function claimAdvisoryReminders(tx: Db, now: Date, limit: number): Promise<AdvisoryReminderClaim[]> {
  const candidates = await tx
    .select({
      advisoryId: advisoryAgencies.advisoryId,
      agencyId: advisoryAgencies.agencyId,
      reference: advisories.reference,
      title: advisories.title,
      tlp: advisories.tlp,
      respondBy: advisories.respondBy,
    })
    .from(advisoryAgencies)
    .innerJoin(advisories, eq(advisories.id, advisoryAgencies.advisoryId))
    .where(and(eq(advisories.status, 'published'), lt(advisories.respondBy, now), isNull(advisoryAgencies.latestAt), isNull(advisoryAgencies.remindedAt)))
    .limit(limit)
    .for('update', { of: advisoryAgencies, skipLocked: true });
  for (const c of candidates) {
    await tx
      .update(advisoryAgencies)
      .set({ remindedAt: now })
      .where(and(eq(advisoryAgencies.advisoryId, c.advisoryId), eq(advisoryAgencies.agencyId, c.agencyId)));
  }
  return candidates;
}

/** An incident's indicators, as an advisory drafted from it carries them (every reader of the incident reads them all). */
export async function incidentObservablesForAdvisory(db: Db, incidentId: string) {
  return db
    .select({ type: incidentObservables.type, value: incidentObservables.value })
    .from(incidentObservables)
    .where(eq(incidentObservables.incidentId, incidentId))
    .orderBy(asc(incidentObservables.type), asc(incidentObservables.value))
    .limit(200);
}
