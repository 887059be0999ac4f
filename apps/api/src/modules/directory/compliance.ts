import { currentDesignations, getDirectoryAgency, listDirectoryAgencies } from '@anc/db';
import { DIRECTORY_LIST_MAX, designationDueDate, type DesignationRole, type DesignationState } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildDirectoryList, clockOf } from './directory-dto.ts';

export interface DesignationCompliance {
  /** The last day to designate (Mexico City calendar day). */
  dueAt: string;
  /** Coordinators and admins: how many agencies are in each state (null for staff). */
  counts: Record<DesignationState, number> | null;
  /** Staff: their own agency's state and the roles it still lacks (null for the ANC). */
  own: { state: DesignationState; missingRoles: DesignationRole[] } | null;
}

/** The Panel's designation compliance (dashboard.summary `designations`): the same numbers directory.list gives. */
export async function designationCompliance(ctx: UseCaseContext, policyEffectiveDate: string, now = new Date()): Promise<DesignationCompliance> {
  const dueAt = designationDueDate(policyEffectiveDate);
  if (ctx.actor.role !== 'staff') {
    const items = await buildDirectoryList(ctx.db, await listDirectoryAgencies(ctx.db, DIRECTORY_LIST_MAX), policyEffectiveDate, now);
    const counts = { pending: 0, due_soon: 0, overdue: 0, complete: 0 };
    for (const i of items) counts[i.designationState] += 1;
    return { dueAt, counts, own: null };
  }
  const agency = await getDirectoryAgency(ctx.db, ctx.actor.agencyId);
  if (!agency) return { dueAt, counts: null, own: null };
  const roles = (await currentDesignations(ctx.db, [agency.id])).map((d) => d.role);
  const clock = clockOf(policyEffectiveDate, roles, now);
  return { dueAt, counts: null, own: { state: clock.designationState, missingRoles: clock.missingRoles } };
}
