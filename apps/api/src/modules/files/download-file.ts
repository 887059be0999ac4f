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
 * A finished file the caller may read (one on an incident or a task it reads), without its bytes
 * and without an audit row: what a `HEAD /files/{id}` answers, which transfers no bytes and so is
 * no download. NOT_FOUND otherwise, the same as a missing id.
 */
export async function readableFile(ctx: UseCaseContext, fileId: string): Promise<EvidenceFileRow> {
  const file = await getEvidenceFile(ctx.db, fileId);
  if (!file) throw new DomainError('NOT_FOUND', 'not_found');
  await readableParentOr404(ctx.db, ctx.actor, parentRefOfRow(file));
  return file;
}

/**
 * A file the caller may read (`readableFile`), its download audited (who, which file, when) before
 * the first byte goes out.
 */
export async function downloadFile(ctx: UseCaseContext, fileId: string): Promise<FileDownload> {
  const file = await readableFile(ctx, fileId);
  const ref = parentRefOfRow(file);
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
