// Evidence files over real HTTP (apps/api/src/modules/files/files.routes.ts): a multipart upload the
// way a browser's FormData sends it, a download, and what the storage holds.
import { createHash, randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { evidenceStorageCounts, insertEvidenceChunk, insertEvidenceFile, rowsOf, users, type Database } from '@anc/db';
import type { UploadedFileDto } from '@anc/domain';

export type FileParentPath = `incidents/${string}` | `tasks/${string}`;

export interface Credentials {
  /** A session cookie (sent with the portal's Origin) or an API client's token. */
  cookie?: string;
  authorization?: string;
  origin?: string | null;
}

export interface UploadAnswer {
  status: number;
  body: string;
  /** The parsed answer of a 2xx, else null. */
  file: UploadedFileDto | null;
  reason: string | null;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Bytes that no other call gives (so no two test files are duplicates by chance). */
export const uniqueBytes = (size: number): Buffer => randomBytes(size);

function headersOf(base: string, who: Credentials): Record<string, string> {
  const headers: Record<string, string> = { 'x-anc-locale': 'es-MX' };
  if (who.cookie) headers.cookie = who.cookie;
  if (who.authorization) headers.authorization = who.authorization;
  const origin = who.origin === undefined ? (who.cookie ? base : null) : who.origin;
  if (origin) headers.origin = origin;
  return headers;
}

const reasonOf = (text: string): string | null => {
  try {
    return (JSON.parse(text) as { error?: { reason?: string | null } }).error?.reason ?? null;
  } catch {
    return null;
  }
};

export async function uploadTo(
  base: string,
  parent: FileParentPath,
  who: Credentials,
  file: { bytes: Uint8Array; name: string; type?: string },
): Promise<UploadAnswer> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const res = await fetch(`${base}/files/${parent}`, { method: 'POST', headers: headersOf(base, who), body: form });
  const body = await res.text();
  return { status: res.status, body, file: res.ok ? (JSON.parse(body) as UploadedFileDto) : null, reason: reasonOf(body) };
}

export interface DownloadAnswer {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
  reason: string | null;
}

export async function downloadFrom(base: string, fileId: string, who: Credentials): Promise<DownloadAnswer> {
  const res = await fetch(`${base}/files/${encodeURIComponent(fileId)}`, { headers: headersOf(base, who) });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString('utf8');
  return { status: res.status, headers: res.headers, bytes, text, reason: res.ok ? null : reasonOf(text) };
}

export const storageCounts = (db: Database['db']) => evidenceStorageCounts(db);

/**
 * How many other connections of this PostgreSQL database hold an upload's transaction open (one
 * rolled back after its client went away drops out). On PGlite the test's own query waits for the
 * one connection's transaction to end anyway.
 */
export async function openTransactionsElsewhere(database: Database): Promise<number> {
  if (database.kind !== 'postgres') return 0;
  // Only those writing a file's chunks (a COPY into evidence_file_chunks, modules/files/upload-file.ts):
  // other short transactions (the audit sealer's, modules/audit/sealer.ts) may be open at that moment too.
  const rows = rowsOf<{ n: number }>(
    await database.db.execute(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null and query ilike '%evidence_file_chunks%'`,
    ),
  );
  return rows[0]?.n ?? 0;
}

/**
 * Sends the headers and the first `sendBytes` of a multipart upload of `declaredBytes` over a raw
 * socket, waits for `midway` (the server is inside the upload), then destroys the socket.
 */
export async function interruptedUpload(
  base: string,
  parent: FileParentPath,
  who: Credentials,
  options: { declaredBytes: number; sendBytes: number; midway: () => Promise<void> },
): Promise<void> {
  const url = new URL(`${base}/files/${parent}`);
  const boundary = `----anc${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="captura-interrumpida.pcap"\r\nContent-Type: application/vnd.tcpdump.pcap\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = head.length + options.declaredBytes + tail.length;
  const headers = { ...headersOf(base, who), host: url.host, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(length) };
  const socket = connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.on('error', () => {});
  const write = (b: Buffer) => new Promise<void>((resolve, reject) => socket.write(b, (err) => (err ? reject(err) : resolve())));
  await write(
    Buffer.from(
      `POST ${url.pathname} HTTP/1.1\r\n${Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n')}\r\n\r\n`,
    ),
  );
  await write(head);
  const piece = 256 * 1024;
  for (let sent = 0; sent < options.sendBytes; sent += piece) await write(uniqueBytes(Math.min(piece, options.sendBytes - sent)));
  await options.midway();
  socket.destroy();
}

/**
 * A stored file written straight into the tables (one row and one chunk), as `uploaderEmail`'s
 * upload would leave it: the access matrix and the procedure walk need one per call.
 */
export async function insertStoredFile(
  db: Database['db'],
  parent: { incidentId: string } | { taskId: string },
  uploader: { id: string; agencyId: string },
  bytes: Buffer = uniqueBytes(32),
): Promise<string> {
  const row = await insertEvidenceFile(db, {
    ...parent,
    name: 'evidencia-directa.bin',
    size: bytes.length,
    sha256: sha256Hex(bytes),
    declaredType: null,
    uploaderId: uploader.id,
    agencyId: uploader.agencyId,
  });
  await insertEvidenceChunk(db, row.id, 0, bytes);
  return row.id;
}

/** The account a stored file names as its uploader (a demo account: its id names no test fixture). */
export async function uploaderOf(db: Database['db'], email: string): Promise<{ id: string; agencyId: string }> {
  const [user] = await db.select({ id: users.id, agencyId: users.agencyId }).from(users).where(eq(users.email, email));
  if (!user?.agencyId) throw new Error(`no account ${email} in an agency`);
  return { id: user.id, agencyId: user.agencyId };
}
