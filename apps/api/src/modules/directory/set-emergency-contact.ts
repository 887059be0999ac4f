import { upsertEmergencyContact, writeAudit } from '@anc/db';
import { auditDiff, type SetEmergencyContactInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildDirectoryEntry, type DirectoryEntryDto } from './directory-dto.ts';
import { editableEntryOr404 } from './directory-rules.ts';

/** Sets the agency's 24/7 emergency contact (a person or a desk); one transaction with its audit row. */
export async function setEmergencyContact(
  ctx: UseCaseContext,
  input: SetEmergencyContactInput,
  policyEffectiveDate: string,
  now = new Date(),
): Promise<DirectoryEntryDto> {
  return ctx.db.transaction(async (tx) => {
    const agency = await editableEntryOr404(tx, ctx.actor, input.agencyId);
    const { before, after } = await upsertEmergencyContact(
      tx,
      { agencyId: agency.id, name: input.name, phone: input.phone, email: input.email, updatedBy: ctx.actor.userId },
      now,
    );
    const fields = (c: typeof after | null) => (c ? { name: c.name, phone: c.phone, email: c.email } : null);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'directory.setEmergencyContact',
      entityType: 'agency',
      entityId: agency.id,
      diff: auditDiff(fields(before), fields(after)),
      origin: ctx.origin,
    });
    return buildDirectoryEntry(tx, agency, policyEffectiveDate, now);
  });
}
