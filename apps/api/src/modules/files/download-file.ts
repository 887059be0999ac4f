import { getEvidenceChunk, getEvidenceFile, writeAudit, type EvidenceFileRow } from '@anc/db';
import { DomainError } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { parentRefOfRow, readableParentOr404 } from './file-parent.ts';

export interface FileDownload {
  file: EvidenceFileRow;
  /** The bytes, one stored chunk at a time. */
  chunks: AsyncGenerator<Buffer>;
}

/**
 * A file the caller may read (one on an incident or a task it reads; NOT_FOUND otherwise, the same
 * as a missing id), its download audited (who, which file, when) before the first byte goes out.
 */
export async function downloadFile(ctx: UseCaseContext, fileId: string): Promise<FileDownload> {
  const file = await getEvidenceFile(ctx.db, fileId);
  if (!file) throw new DomainError('NOT_FOUND', 'not_found');
  const ref = parentRefOfRow(file);
  await readableParentOr404(ctx.db, ctx.actor, ref);
  await writeAudit(ctx.db, {
    actorId: ctx.actor.userId,
    action: 'file.download',
    entityType: ref.kind,
    entityId: ref.id,
    diff: { file: [null, { id: file.id, name: file.name, sha256: file.sha256 }] },
    origin: ctx.origin,
  });
  ctx.sealer?.nudge();
  const db = ctx.db;
  const storedId = file.id;
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq++) {
      const data = await getEvidenceChunk(db, storedId, seq);
      if (!data) return;
      yield data;
    }
  }
  return { file, chunks: chunks() };
}
