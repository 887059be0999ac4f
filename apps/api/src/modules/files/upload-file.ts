import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import {
  completeEvidenceFile,
  countEvidenceFiles,
  findEvidenceFileBySha,
  insertEvidenceFile,
  openEvidenceChunkWriter,
  writeAudit,
  type EvidenceFileRow,
} from '@anc/db';
import { FILE_CHUNK_BYTES, MAX_FILE_BYTES, assertFileSize, assertRoomForFile, type UploadedFileDto } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { assertMayUpload, fileParentOf, readableParentOr404, type ParentRef } from './file-parent.ts';

/** How many leading bytes the type is sniffed from (file-type reads at most this many). */
const SNIFF_BYTES = 4100;

export interface IncomingFile {
  /** Already cleaned (packages/domain/src/files/files.ts `storedFileName`). */
  name: string;
  declaredType: string | null;
  /** The bytes as they arrive; an error (a dropped connection, a size limit) ends the upload with nothing stored. */
  bytes: AsyncIterable<Buffer>;
  /** Whether the bytes were cut at the size limit (the multipart parser's own count). */
  truncated?: () => boolean;
}

export interface UploadOutcome {
  file: UploadedFileDto;
  /** False when the same bytes were already on the incident or task: `file` is the one stored then. */
  created: boolean;
}

/** The same bytes were already there: the transaction is rolled back and the stored file answered. */
class AlreadyStored extends Error {
  constructor(readonly existing: EvidenceFileRow) {
    super('already stored');
  }
}

export const uploadedFileDto = (row: EvidenceFileRow, duplicate: boolean): UploadedFileDto => ({
  id: row.id,
  name: row.name,
  size: row.size,
  sha256: row.sha256 ?? '',
  contentType: row.sniffedType ?? 'application/octet-stream',
  createdAt: row.createdAt.toISOString(),
  duplicate,
});

/**
 * Stores an evidence file, streamed: its bytes are hashed and written in 256 KiB rows as they
 * arrive, inside one transaction with the file's row and its audit row, so one chunk buffer is
 * all an upload holds and an upload that fails or is cut off leaves nothing. The parent is read (and
 * the 50-file limit checked) before the first byte, then locked and checked again at the end, so
 * two uploads at once cannot pass the limit nor store the same bytes twice.
 */
export async function uploadFile(ctx: UseCaseContext, ref: ParentRef, incoming: IncomingFile): Promise<UploadOutcome> {
  const parent = fileParentOf(ref);
  const before = await readableParentOr404(ctx.db, ctx.actor, ref);
  assertMayUpload(ctx.actor, before);
  assertRoomForFile(await countEvidenceFiles(ctx.db, parent));
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const started = await insertEvidenceFile(tx, {
        ...parent,
        name: incoming.name,
        size: 0,
        declaredType: incoming.declaredType,
        uploaderId: ctx.actor.userId,
        agencyId: ctx.actor.agencyId,
      });
      const hash = createHash('sha256');
      let size = 0;
      // One chunk buffer for the whole upload, refilled once each write is awaited: the stream is
      // not read while a chunk is being written (real backpressure: the socket pauses), and no
      // per-chunk Buffer.concat copies pile up for the collector.
      const chunk = Buffer.allocUnsafe(FILE_CHUNK_BYTES);
      let filled = 0;
      let head = Buffer.alloc(0);
      const writer = await openEvidenceChunkWriter(tx, started.id);
      try {
        for await (const piece of incoming.bytes) {
          size += piece.length;
          assertFileSize(size);
          hash.update(piece);
          if (head.length < SNIFF_BYTES) head = Buffer.concat([head, piece.subarray(0, SNIFF_BYTES - head.length)]);
          for (let at = 0; at < piece.length;) {
            const copied = piece.copy(chunk, filled, at);
            filled += copied;
            at += copied;
            if (filled === FILE_CHUNK_BYTES) {
              await writer.write(chunk);
              filled = 0;
            }
          }
        }
        // @fastify/multipart stops the stream at the limit and marks it truncated.
        if (incoming.truncated?.()) assertFileSize(MAX_FILE_BYTES + 1);
        if (filled > 0) await writer.write(chunk.subarray(0, filled));
        await writer.end();
      } catch (error) {
        await writer.abort(error);
        throw error;
      }
      const sha256 = hash.digest('hex');
      const sniffed = head.length ? ((await fileTypeFromBuffer(head))?.mime ?? null) : null;

      // Locked to the end of the transaction: the limit and the duplicate check hold for uploads at once.
      const now = await readableParentOr404(tx, ctx.actor, ref, { forUpdate: true });
      assertMayUpload(ctx.actor, now);
      const existing = await findEvidenceFileBySha(tx, parent, sha256);
      if (existing) throw new AlreadyStored(existing);
      assertRoomForFile(await countEvidenceFiles(tx, parent));
      const done = await completeEvidenceFile(tx, started.id, { size, sha256, sniffedType: sniffed });
      await writeAudit(tx, {
        actorId: ctx.actor.userId,
        action: `${ref.kind}.uploadFile`,
        entityType: ref.kind,
        entityId: ref.id,
        diff: { file: [null, { id: done.id, name: done.name, size, sha256, declaredType: done.declaredType, sniffedType: sniffed }] },
        origin: ctx.origin,
      });
      return done;
    });
    return { file: uploadedFileDto(row, false), created: true };
  } catch (error) {
    if (error instanceof AlreadyStored) return { file: uploadedFileDto(error.existing, true), created: false };
    throw error;
  }
}
