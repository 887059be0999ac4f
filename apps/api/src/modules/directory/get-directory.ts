import type { AgencyIdInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildDirectoryEntry, type DirectoryEntryDto } from './directory-dto.ts';
import { readableEntryOr404 } from './directory-rules.ts';

/** One agency's entry: its three designations, their history, the 24/7 contact and the clock. */
export async function getDirectoryEntry(ctx: UseCaseContext, input: AgencyIdInput, policyEffectiveDate: string, now = new Date()): Promise<DirectoryEntryDto> {
  const agency = await readableEntryOr404(ctx.db, ctx.actor, input.agencyId);
  return buildDirectoryEntry(ctx.db, agency, policyEffectiveDate, now);
}
