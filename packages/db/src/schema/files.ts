import { sql } from 'drizzle-orm';
import { bigint, check, customType, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';
import { incidents } from './incidents.ts';
import { tasks } from './tasks.ts';
import { users } from './users.ts';

const ts = () => timestamp({ withTimezone: true, precision: 3 });

/** `bytea`: a Buffer in, a Buffer out (PGlite hands back a Uint8Array, wrapped here without a copy). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

/**
 * Evidence files (docs/API.md "Evidence files"): one row per file on an incident or a task. The
 * bytes are in `evidence_file_chunks`; the row and its chunks are written in the upload's own
 * transaction with its audit row, so a failed or cancelled upload leaves nothing. The same bytes
 * (SHA-256) are stored once per incident and once per task.
 */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid().primaryKey().defaultRandom(),
    incidentId: uuid().references(() => incidents.id),
    taskId: uuid().references(() => tasks.id),
    name: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    /** Hex SHA-256 of the bytes; null only while the upload is still streaming (inside its transaction). */
    sha256: text(),
    /** What the browser said it is (may be anything); kept as evidence, never served. */
    declaredType: text(),
    /** What the bytes are (file-type), or null when nothing was recognised. */
    sniffedType: text(),
    uploaderId: uuid()
      .notNull()
      .references(() => users.id),
    /** The uploader's agency when it uploaded: who may remove the file besides the ANC. */
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    check('evidence_files_one_parent', sql`(${t.incidentId} is null) <> (${t.taskId} is null)`),
    uniqueIndex('evidence_files_incident_sha256')
      .on(t.incidentId, t.sha256)
      .where(sql`${t.incidentId} is not null`),
    uniqueIndex('evidence_files_task_sha256')
      .on(t.taskId, t.sha256)
      .where(sql`${t.taskId} is not null`),
    index().on(t.incidentId, t.createdAt, t.id),
    index().on(t.taskId, t.createdAt, t.id),
  ],
);

/** The bytes of a file, in order, at most 256 KiB a row (packages/domain/src/files/files.ts `FILE_CHUNK_BYTES`). */
export const evidenceFileChunks = pgTable(
  'evidence_file_chunks',
  {
    fileId: uuid()
      .notNull()
      .references(() => evidenceFiles.id, { onDelete: 'cascade' }),
    seq: integer().notNull(),
    data: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);
