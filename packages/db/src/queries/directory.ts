// The institutional directory (packages/domain/src/directory/; apps/api/src/modules/directory).
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import type { DesignationRole } from '@anc/domain';
import type { Db } from '../client.ts';
import { agencies, agencyDesignations, agencyEmergencyContacts } from '../schema/index.ts';

export type DesignationRow = typeof agencyDesignations.$inferSelect;
export type EmergencyContactRow = typeof agencyEmergencyContacts.$inferSelect;

/** Past holders kept per agency in an answer (newest first); the table keeps them all. */
export const DESIGNATION_HISTORY_LIMIT = 50;

/** An active agency the directory covers: every active body but the ANC itself (which coordinates it). */
export async function getDirectoryAgency(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select()
    .from(agencies)
    .where(and(eq(agencies.id, id), eq(agencies.active, true), ne(agencies.kind, 'national_agency')));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** Active agencies the directory covers, by code (at most `limit`: there are a few hundred bodies at most). */
export async function listDirectoryAgencies(db: Db, limit: number) {
  return db
    .select()
    .from(agencies)
    .where(and(eq(agencies.active, true), ne(agencies.kind, 'national_agency')))
    .orderBy(asc(agencies.code))
    .limit(limit);
}

/** The current holders of these agencies' roles. */
export async function currentDesignations(db: Db, agencyIds: readonly string[]): Promise<DesignationRow[]> {
  if (agencyIds.length === 0) return [];
  return db
    .select()
    .from(agencyDesignations)
    .where(and(inArray(agencyDesignations.agencyId, [...agencyIds]), isNull(agencyDesignations.replacedAt)));
}

/** Past holders of an agency's roles, the most recently replaced first. */
export async function designationHistory(db: Db, agencyId: string, limit = DESIGNATION_HISTORY_LIMIT): Promise<DesignationRow[]> {
  return db
    .select()
    .from(agencyDesignations)
    .where(and(eq(agencyDesignations.agencyId, agencyId), isNotNull(agencyDesignations.replacedAt)))
    .orderBy(desc(agencyDesignations.replacedAt), desc(agencyDesignations.recordedAt))
    .limit(limit);
}

export interface DesignationValues {
  agencyId: string;
  role: DesignationRole;
  name: string;
  position: string;
  email: string;
  phone: string;
  designatedAt: string;
  recordedBy: string | null;
}

/**
 * A new holder of a role: the current one (if any) becomes history. Run it in a transaction that
 * locked the agency row (`getDirectoryAgency(tx, id, { forUpdate: true })`), so two designations of
 * the same role follow one another instead of both replacing the same holder.
 */
export async function replaceDesignation(tx: Db, values: DesignationValues, now = new Date()) {
  const [previous] = await tx
    .update(agencyDesignations)
    .set({ replacedAt: now })
    .where(and(eq(agencyDesignations.agencyId, values.agencyId), eq(agencyDesignations.role, values.role), isNull(agencyDesignations.replacedAt)))
    .returning();
  const [current] = await tx
    .insert(agencyDesignations)
    .values({ ...values, recordedAt: now })
    .returning();
  if (!current) throw new Error('insert returned no row');
  return { previous: previous ?? null, current };
}

export async function emergencyContacts(db: Db, agencyIds: readonly string[]): Promise<EmergencyContactRow[]> {
  if (agencyIds.length === 0) return [];
  return db
    .select()
    .from(agencyEmergencyContacts)
    .where(inArray(agencyEmergencyContacts.agencyId, [...agencyIds]));
}

export async function upsertEmergencyContact(
  tx: Db,
  values: { agencyId: string; name: string; phone: string; email: string; updatedBy: string | null },
  now = new Date(),
) {
  const [before] = await tx.select().from(agencyEmergencyContacts).where(eq(agencyEmergencyContacts.agencyId, values.agencyId));
  const [after] = await tx
    .insert(agencyEmergencyContacts)
    .values({ ...values, updatedAt: now })
    .onConflictDoUpdate({
      target: agencyEmergencyContacts.agencyId,
      set: { name: values.name, phone: values.phone, email: values.email, updatedBy: values.updatedBy, updatedAt: now },
    })
    .returning();
  if (!after) throw new Error('upsert returned no row');
  return { before: before ?? null, after };
}
