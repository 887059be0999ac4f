import { replaceDesignation, writeAudit } from '@anc/db';
import { DomainError, mexicoCityDate, type DesignateInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildDirectoryEntry, toDesignationDto, type DirectoryEntryDto } from './directory-dto.ts';
import { editableEntryOr404 } from './directory-rules.ts';

/**
 * Designates a person to one of the three roles (staff for their own agency, admins for any): the
 * current holder, if any, goes to history. One transaction with its audit row.
 */
export async function designate(ctx: UseCaseContext, input: DesignateInput, policyEffectiveDate: string, now = new Date()): Promise<DirectoryEntryDto> {
  if (input.designatedAt > mexicoCityDate(now)) {
    throw new DomainError('BAD_REQUEST', 'date_in_future', { fieldErrors: { designatedAt: ['date_in_future'] } });
  }
  return ctx.db.transaction(async (tx) => {
    const agency = await editableEntryOr404(tx, ctx.actor, input.agencyId);
    const { agencyId, role, name, position, email, phone, designatedAt } = input;
    const { previous, current } = await replaceDesignation(
      tx,
      { agencyId, role, name, position, email, phone, designatedAt, recordedBy: ctx.actor.userId },
      now,
    );
    const fields = (d: typeof current | null) => (d ? (({ recordedAt: _r, ...rest }) => rest)(toDesignationDto(d)) : null);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'directory.designate',
      entityType: 'agency',
      entityId: agency.id,
      diff: { role, designation: [fields(previous), fields(current)] },
      origin: ctx.origin,
    });
    return buildDirectoryEntry(tx, agency, policyEffectiveDate, now);
  });
}
