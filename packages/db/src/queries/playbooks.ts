import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { incidentPlaybooks, playbooks } from '../schema/index.ts';

export type PlaybookRow = typeof playbooks.$inferSelect;
export type PlaybookInsert = typeof playbooks.$inferInsert;
export type IncidentPlaybookRow = typeof incidentPlaybooks.$inferSelect;

/** Every playbook, by RSIT class (at most one per class: a short list, no paging needed). */
export async function listPlaybooks(db: Db, filter: { rsitClass?: PlaybookRow['rsitClass'] } = {}): Promise<PlaybookRow[]> {
  const q = db.select().from(playbooks);
  return filter.rsitClass ? q.where(eq(playbooks.rsitClass, filter.rsitClass)).orderBy(asc(playbooks.rsitClass)) : q.orderBy(asc(playbooks.rsitClass));
}

export async function getPlaybook(db: Db, id: string, options: { forShare?: boolean } = {}): Promise<PlaybookRow | undefined> {
  const q = db.select().from(playbooks).where(eq(playbooks.id, id));
  const [row] = options.forShare ? await q.for('share') : await q;
  return row;
}

export async function getPlaybookOfClass(db: Db, rsitClass: PlaybookRow['rsitClass']): Promise<PlaybookRow | undefined> {
  const [row] = await db.select().from(playbooks).where(eq(playbooks.rsitClass, rsitClass));
  return row;
}

/**
 * Records that the playbook is applied to the incident. Null when it already was: the primary key
 * (incident, playbook) makes a concurrent second application wait for the first and then find it.
 */
export async function claimPlaybookApplication(tx: Db, values: typeof incidentPlaybooks.$inferInsert): Promise<IncidentPlaybookRow | null> {
  const [row] = await tx.insert(incidentPlaybooks).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** The playbooks applied to an incident, oldest first, with their titles. */
export async function appliedPlaybooksOf(db: Db, incidentId: string) {
  return db
    .select({
      playbookId: incidentPlaybooks.playbookId,
      title: playbooks.title,
      rsitClass: playbooks.rsitClass,
      playbookVersion: incidentPlaybooks.playbookVersion,
      appliedAt: incidentPlaybooks.appliedAt,
    })
    .from(incidentPlaybooks)
    .innerJoin(playbooks, eq(playbooks.id, incidentPlaybooks.playbookId))
    .where(and(eq(incidentPlaybooks.incidentId, incidentId)))
    .orderBy(asc(incidentPlaybooks.appliedAt));
}
