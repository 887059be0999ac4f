import { Blob } from 'node:buffer';
import type { Writable } from 'node:stream';
import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { agencies, evidenceFileChunks, evidenceFiles, users } from '../schema/index.ts';

export type EvidenceFileRow = typeof evidenceFiles.$inferSelect;
export type EvidenceFileInsert = typeof evidenceFiles.$inferInsert;

/** Whose file: exactly one of the two. */
export type FileParent = { incidentId: string; taskId?: undefined } | { taskId: string; incidentId?: undefined };

const parentIs = (parent: FileParent) =>
  parent.incidentId !== undefined ? eq(evidenceFiles.incidentId, parent.incidentId) : eq(evidenceFiles.taskId, parent.taskId);

/** The row an upload starts with, inside its transaction: size 0 and no hash until the bytes are in. */
export async function insertEvidenceFile(tx: Db, values: EvidenceFileInsert): Promise<EvidenceFileRow> {
  const [row] = await tx.insert(evidenceFiles).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * One chunk (at most `FILE_CHUNK_BYTES`) as an INSERT: for tests that write a stored file directly
 * (an upload streams its chunks through `openEvidenceChunkWriter`). The bytes travel as base64
 * text decoded by the database: PGlite's own bytea parameter conversion runs in JavaScript and was
 * 5× slower. `data` is read before this returns its promise: the caller may refill the buffer.
 */
export async function insertEvidenceChunk(tx: Db, fileId: string, seq: number, data: Buffer): Promise<void> {
  await tx.execute(sql`insert into ${evidenceFileChunks} (file_id, seq, data) values (${fileId}, ${seq}, decode(${data.toString('base64')}, 'base64'))`);
}

/** The header of PostgreSQL's binary COPY format (signature, flags, no extension). */
const COPY_HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
/** The end of a binary COPY: a tuple of -1 fields. */
const COPY_TRAILER = Buffer.from([0xff, 0xff]);

/** Writes a file's chunks in order, inside the upload's transaction. */
export interface EvidenceChunkWriter {
  /** Chunk `seq`, then the next. `data` is consumed when the promise settles: the caller may refill it. */
  write(data: Buffer): Promise<void>;
  /** Every chunk written: ends the stream (if any) and waits for the database to take it. */
  end(): Promise<void>;
  /** The upload failed: stops the stream so the transaction rolls back with nothing stored. */
  abort(error: unknown): Promise<void>;
}

/** postgres.js's transaction under a drizzle postgres-js transaction (drizzle-orm/postgres-js/session.js `session.client`). */
type CopySql = (strings: TemplateStringsArray, ...values: unknown[]) => { writable(): Promise<Writable> };
function postgresJsClient(tx: Db): CopySql | undefined {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return typeof client === 'function' && 'unsafe' in client && 'savepoint' in client ? (client as unknown as CopySql) : undefined;
}

/**
 * A Blob over bytes the writer reuses: PGlite reads a query's blob once, with `arrayBuffer()`, into
 * its `/dev/blob` (@electric-sql/pglite `_handleBlob`) before the COPY runs, and the writer refills
 * the bytes only after the query has answered. Held to that by the upload tests' bytes-in = bytes-out.
 */
class FrameBlob extends Blob {
  readonly #bytes: ArrayBuffer;
  constructor(bytes: ArrayBuffer) {
    super([]);
    this.#bytes = bytes;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#bytes);
  }
}

/** PGlite's transaction under a drizzle pglite transaction: its `query` takes a Blob for `COPY ... FROM '/dev/blob'`. */
type BlobQuery = { query(sql: string, params: unknown[], options: { blob: Blob }): Promise<unknown> };
function pgliteClient(tx: Db): BlobQuery | undefined {
  const client = (tx as unknown as { session?: { client?: { query?: unknown; exec?: unknown } } }).session?.client;
  return client && typeof client.query === 'function' && typeof client.exec === 'function' && !('unsafe' in client) ? (client as BlobQuery) : undefined;
}

/** The bytes of a tuple before its data: the field count, then each field's length and value (the data's length last). */
const TUPLE_HEAD_BYTES = 2 + 4 + 16 + 4 + 4 + 4;

/** One binary COPY tuple: 3 fields; file_id (uuid, 16 bytes), seq (int4), data (bytea, as it is). */
function tupleHead(uuid: Buffer, seq: number, length: number): Buffer {
  const head = Buffer.allocUnsafe(TUPLE_HEAD_BYTES);
  head.writeInt16BE(3, 0);
  head.writeInt32BE(16, 2);
  uuid.copy(head, 6);
  head.writeInt32BE(4, 22);
  head.writeInt32BE(seq, 26);
  head.writeInt32BE(length, 30);
  return head;
}

/**
 * The chunks of one upload. On PostgreSQL one binary `COPY ... FROM STDIN` for the whole file:
 * each chunk goes to the socket as the bytes it is (postgres.js copies it into a CopyData message),
 * with no text encoding and no round trip per chunk, and the next one waits until the socket took
 * it (backpressure). postgres.js only sends parameters as text, so an INSERT would turn each
 * 256 KiB chunk into a 350 KB base64 string held until the row is written: five uploads at once
 * promoted 100+ MiB of such strings to V8's old generation before a full collection reclaimed them
 * (apps/api/bench/files.ts, README "Evidence files"). On PGlite (in-process, no socket) one binary
 * COPY a chunk from a Blob (PGlite's `/dev/blob`), so the bytes never become text either.
 */
export async function openEvidenceChunkWriter(tx: Db, fileId: string): Promise<EvidenceChunkWriter> {
  let seq = 0;
  const uuid = Buffer.from(fileId.replaceAll('-', ''), 'hex');
  const client = postgresJsClient(tx);
  if (!client) {
    const pglite = pgliteClient(tx);
    if (!pglite) {
      return {
        write: (data) => insertEvidenceChunk(tx, fileId, seq++, data),
        end: async () => {},
        abort: async () => {},
      };
    }
    // PGlite: each chunk as one binary COPY from PGlite's `/dev/blob`: bytes, not text, framed in
    // one buffer per upload that every chunk reuses (a new Blob and its `arrayBuffer()` copy per
    // chunk left ~200 MiB of ArrayBuffers for the collector when five uploads ran at once).
    let frame: Uint8Array<ArrayBuffer> | undefined;
    return {
      async write(data) {
        const size = COPY_HEADER.length + TUPLE_HEAD_BYTES + data.length + COPY_TRAILER.length;
        // The first chunk is the largest (every chunk but the last is full): one frame serves them all.
        frame ??= new Uint8Array(new ArrayBuffer(size));
        frame.set(COPY_HEADER, 0);
        frame.set(tupleHead(uuid, seq++, data.length), COPY_HEADER.length);
        frame.set(data, COPY_HEADER.length + TUPLE_HEAD_BYTES);
        frame.set(COPY_TRAILER, size - COPY_TRAILER.length);
        const bytes = size === frame.byteLength ? frame.buffer : frame.buffer.slice(0, size);
        await pglite.query(`copy evidence_file_chunks (file_id, seq, data) from '/dev/blob' with (format binary)`, [], { blob: new FrameBlob(bytes) });
      },
      end: async () => {},
      abort: async () => {},
    };
  }
  const stream = await client`copy evidence_file_chunks (file_id, seq, data) from stdin with (format binary)`.writable();
  let failure: Error | undefined;
  const done = new Promise<void>((resolve, reject) => {
    stream.once('finish', resolve);
    stream.once('error', (error) => {
      failure = error;
      reject(error);
    });
  });
  done.catch(() => {}); // read by end(); an aborted COPY's own error is expected
  const put = (bytes: Buffer) =>
    new Promise<void>((resolve, reject) => {
      if (failure) return reject(failure);
      stream.write(bytes, (error) => (error ? reject(error) : resolve()));
    });
  await put(COPY_HEADER);
  return {
    async write(data) {
      await put(tupleHead(uuid, seq++, data.length));
      await put(data);
    },
    async end() {
      await put(COPY_TRAILER);
      stream.end();
      await done;
    },
    async abort(error) {
      if (!failure) stream.destroy(error instanceof Error ? error : new Error('upload aborted'));
      await done.catch(() => {});
    },
  };
}

/** The upload's last step: its size and hash. */
export async function completeEvidenceFile(tx: Db, id: string, set: { size: number; sha256: string; sniffedType: string | null }): Promise<EvidenceFileRow> {
  const [row] = await tx.update(evidenceFiles).set(set).where(eq(evidenceFiles.id, id)).returning();
  if (!row) throw new Error('file row vanished');
  return row;
}

/** Finished files on the incident or task (an upload in progress in another transaction is not seen). */
export async function countEvidenceFiles(db: Db, parent: FileParent): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(evidenceFiles)
    .where(and(parentIs(parent), isNotNull(evidenceFiles.sha256)));
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

/**
 * The chunk `seq` of a file, or undefined past its last. It comes back as hex text encoded by the
 * database: PGlite's own bytea result conversion runs in JavaScript and was 10× slower.
 */
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
  const [c] = await db.select({ n: count(), bytes: sql<string>`coalesce(sum(octet_length(${evidenceFileChunks.data})), 0)` }).from(evidenceFileChunks);
  return { files: f?.n ?? 0, chunks: c?.n ?? 0, bytes: Number(c?.bytes ?? 0) };
}
