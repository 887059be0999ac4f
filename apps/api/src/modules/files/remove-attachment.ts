import { deleteEvidenceFile, getEvidenceFile, writeAudit } from '@anc/db';
import { DomainError, assertCanRemoveFile, type RemoveAttachmentInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { parentRefOfRow, readableParentOr404, type ParentRef } from './file-parent.ts';

/**
 * Removes a file of the incident or task `input.id` (`incidents.removeAttachment`,
 * `tasks.removeAttachment`): by the agency that uploaded it or a coordinator, audited; its bytes
 * go with it. A file of another parent, or one already removed, is NOT_FOUND.
 */
export async function removeAttachment(ctx: UseCaseContext, kind: ParentRef['kind'], input: RemoveAttachmentInput) {
  await ctx.db.transaction(async (tx) => {
    await readableParentOr404(tx, ctx.actor, { kind, id: input.id }, { forUpdate: true });
    const file = await getEvidenceFile(tx, input.attachmentId);
    const ref = file ? parentRefOfRow(file) : null;
    if (!file || ref?.kind !== kind || ref.id !== input.id) throw new DomainError('NOT_FOUND', 'not_found');
    assertCanRemoveFile(ctx.actor, file);
    await deleteEvidenceFile(tx, file.id);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: `${kind}.removeAttachment`,
      entityType: kind,
      entityId: input.id,
      diff: { file: [{ id: file.id, name: file.name, size: file.size, sha256: file.sha256 }, null] },
      origin: ctx.origin,
    });
  });
  return { ok: true as const };
}
