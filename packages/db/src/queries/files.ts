import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { agencies, evidenceFileChunks, evidenceFiles, users } from '../schema/index.ts';

export type EvidenceFileRow = typeof evidenceFiles.$inferSelect;
export type EvidenceFileInsert = typeof evidenceFiles.$inferInsert;

/** Whose file: exactly one of the two. */
export type FileParent = { incidentId: string; taskId?: undefined } | { taskId: string; incidentId?: undefined };

const parentIs = (parent: FileParent) => (parent.incidentId !== undefined ? eq(evidenceFiles.incidentId, parent.incidentId) : eq(evidenceFiles.taskId, parent.taskId));

/** The row an upload starts with, inside its transaction: size 0 and no hash until the bytes are in. */
export async function insertEvidenceFile(tx: Db, values: EvidenceFileInsert): Promise<EvidenceFileRow> {
  const [row] = await tx.insert(evidenceFiles).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * The bytes travel as base64 text decoded by the database, and come back as hex text encoded by
 * it: PGlite's own bytea parameter and result conversion runs in JavaScript and was 5× (writes)
 * and 10× (reads) slower; postgres.js sends a Buffer as hex text anyway. Same SQL on both.
 */
export async function insertEvidenceChunk(tx: Db, fileId: string, seq: number, data: Buffer): Promise<void> {
  await tx.execute(sql`insert into ${evidenceFileChunks} (file_id, seq, data) values (${fileId}, ${seq}, decode(${data.toString('base64')}, 'base64'))`);
}

/** The upload's last step: its size and hash. */
export async function completeEvidenceFile(tx: Db, id: string, set: { size: number; sha256: string; sniffedType: string | null }): Promise<EvidenceFileRow> {
  const [row] = await tx.update(evidenceFiles).set(set).where(eq(evidenceFiles.id, id)).returning();
  if (!row) throw new Error('file row vanished');
  return row;
}

/** Finished files on the incident or task (an upload in progress in another transaction is not seen). */
export async function countEvidenceFiles(db: Db, parent: FileParent): Promise<number> {
  const [row] = await db.select({ n: count() }).from(evidenceFiles).where(and(parentIs(parent), isNotNull(evidenceFiles.sha256)));
  return row?.n ?? 0;
}

export async function findEvidenceFileBySha(db: Db, parent: FileParent, sha256: string): Promise<EvidenceFileRow | undefined> {
  const [row] = await db
    .select()
    .from(evidenceFiles)
    .where(and(parentIs(parent), eq(evidenceFiles.sha256, sha256)));
  return row;
}

/** One finished file by id, whoever asks: the caller checks that the asker reads its incident or task. */
export async function getEvidenceFile(db: Db, id: string): Promise<EvidenceFileRow | undefined> {
  const [row] = await db
    .select()
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.id, id), isNotNull(evidenceFiles.sha256)));
  return row;
}

/** The chunk `seq` of a file, or undefined past its last. */
export async function getEvidenceChunk(db: Db, fileId: string, seq: number): Promise<Buffer | undefined> {
  const [row] = await db
    .select({ hex: sql<string>`encode(${evidenceFileChunks.data}, 'hex')` })
    .from(evidenceFileChunks)
    .where(and(eq(evidenceFileChunks.fileId, fileId), eq(evidenceFileChunks.seq, seq)));
  return row ? Buffer.from(row.hex, 'hex') : undefined;
}

/** The file and its bytes (the chunks go with it: ON DELETE CASCADE). */
export async function deleteEvidenceFile(tx: Db, id: string): Promise<boolean> {
  const deleted = await tx.delete(evidenceFiles).where(eq(evidenceFiles.id, id)).returning({ id: evidenceFiles.id });
  return deleted.length > 0;
}

export interface AttachmentRow {
  id: string;
  name: string;
  size: number;
  sha256: string;
  declaredType: string | null;
  sniffedType: string | null;
  agencyId: string;
  agencyCode: string;
  uploaderId: string;
  uploaderName: string;
  createdAt: Date;
}

/** The finished files of an incident or a task, oldest first (at most 50: no paging). */
export async function listEvidenceFiles(db: Db, parent: FileParent): Promise<AttachmentRow[]> {
  const rows = await db
    .select({
      id: evidenceFiles.id,
      name: evidenceFiles.name,
      size: evidenceFiles.size,
      sha256: evidenceFiles.sha256,
      declaredType: evidenceFiles.declaredType,
      sniffedType: evidenceFiles.sniffedType,
      agencyId: evidenceFiles.agencyId,
      agencyCode: agencies.code,
      uploaderId: evidenceFiles.uploaderId,
      uploaderName: users.name,
      createdAt: evidenceFiles.createdAt,
    })
    .from(evidenceFiles)
    .innerJoin(users, eq(users.id, evidenceFiles.uploaderId))
    .innerJoin(agencies, eq(agencies.id, evidenceFiles.agencyId))
    .where(and(parentIs(parent), isNotNull(evidenceFiles.sha256)))
    .orderBy(asc(evidenceFiles.createdAt), asc(evidenceFiles.id));
  return rows.map((r) => ({ ...r, sha256: r.sha256 ?? '' }));
}

/** Rows and stored bytes of files (all, or one incident's): what tests and the benchmark check. */
export async function evidenceStorageCounts(db: Db): Promise<{ files: number; chunks: number; bytes: number }> {
  const [f] = await db.select({ n: count() }).from(evidenceFiles);
  const [c] = await db
    .select({ n: count(), bytes: sql<string>`coalesce(sum(octet_length(${evidenceFileChunks.data})), 0)` })
    .from(evidenceFileChunks);
  return { files: f?.n ?? 0, chunks: c?.n ?? 0, bytes: Number(c?.bytes ?? 0) };
}
