import { listEvidenceFiles, type Db } from '@anc/db';
import { canRemoveFile, type Actor, type AttachmentDto } from '@anc/domain';
import { fileParentOf, type ParentRef } from './file-parent.ts';

/** The files of an incident or task the caller already reads, as its detail lists them. */
export async function listAttachments(db: Db, actor: Actor, ref: ParentRef): Promise<AttachmentDto[]> {
  const rows = await listEvidenceFiles(db, fileParentOf(ref));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    size: r.size,
    sha256: r.sha256,
    contentType: r.sniffedType ?? 'application/octet-stream',
    declaredContentType: r.declaredType,
    uploadedBy: { id: r.uploaderId, name: r.uploaderName, agencyCode: r.agencyCode },
    createdAt: r.createdAt.toISOString(),
    canRemove: canRemoveFile(actor, r),
  }));
}
