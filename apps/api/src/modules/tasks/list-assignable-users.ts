import { getAgency, listAssignableUsers } from '@anc/db';
import { DomainError, type AssignableUsersInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';

/** The active staff of an agency a coordinator may name as assignee of a task for it. */
export async function assignableUsers(ctx: UseCaseContext, input: AssignableUsersInput) {
  const agency = await getAgency(ctx.db, input.agencyId);
  if (!agency?.active) throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { agencyId: ['unknown_agency'] } });
  return { items: await listAssignableUsers(ctx.db, agency.id) };
}
