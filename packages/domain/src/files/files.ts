import { z } from 'zod';
import { DomainError } from '../errors.ts';
import type { Actor } from '../actor.ts';
import { Id } from '../schemas/common.ts';

/**
 * Evidence files on incidents and tasks (docs/API.md "Evidence files"): the limits, the name a
 * file is stored under, who may remove one, and the shapes of the answers. The bytes live in
 * PostgreSQL in chunks (packages/db/src/schema/files.ts).
 */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
/** At most this many files on one incident (and on one task). */
export const MAX_FILES_PER_PARENT = 50;
/** The size of one stored chunk: the most of a file held in memory at once while it streams. */
export const FILE_CHUNK_BYTES = 256 * 1024;
/** The longest stored name, in characters (a longer one keeps its extension). */
export const MAX_FILE_NAME_LENGTH = 200;
/** What a file whose name says nothing is called. */
export const FALLBACK_FILE_NAME = 'evidencia';

export const FILE_PARENT_KINDS = ['incident', 'task'] as const;
export type FileParentKind = (typeof FILE_PARENT_KINDS)[number];

/** Control characters (C0, DEL, C1), bidirectional overrides, lone surrogates, and characters no file system takes. */
function unsafeInName(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    c <= 0x1f ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    '<>:"|?*'.includes(ch)
  );
}

/**
 * The name a file is kept and downloaded under: the last part of what the browser sent (no
 * folders), without control characters or characters file systems refuse, normalised to NFC, at
 * most `MAX_FILE_NAME_LENGTH` characters with its extension kept; `evidencia` when nothing is left.
 */
export function storedFileName(raw: string | undefined | null): string {
  const last = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = Array.from(last.normalize('NFC'))
    .filter((ch) => !unsafeInName(ch))
    .join('')
    .trim()
    .replace(/^\.+/, '');
  if (clean === '') return FALLBACK_FILE_NAME;
  const chars = Array.from(clean);
  if (chars.length <= MAX_FILE_NAME_LENGTH) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? Array.from(clean.slice(dot)).slice(0, 16) : [];
  return chars.slice(0, MAX_FILE_NAME_LENGTH - ext.length).join('') + ext.join('');
}

/**
 * The ASCII fallback of a download's name (RFC 6266 `filename=`, for clients without `filename*`):
 * accents dropped (año → ano), any other character outside printable ASCII as `_`.
 */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
}

/** The declared media type as stored: `type/subtype` in lower case, or null for anything else. */
export function declaredContentType(raw: string | undefined | null): string | null {
  const base = (raw ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(base) ? base : null;
}

/** UNPROCESSABLE `too_many_files` once the parent already holds the maximum. */
export function assertRoomForFile(filesAlready: number): void {
  if (filesAlready >= MAX_FILES_PER_PARENT) throw new DomainError('UNPROCESSABLE', 'too_many_files');
}

/** PAYLOAD_TOO_LARGE `file_too_large` past 25 MiB. */
export function assertFileSize(bytes: number): void {
  if (bytes > MAX_FILE_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', 'file_too_large');
}

/**
 * Who may remove a file (the caller already reads its incident or task): an ANC coordinator, or
 * staff of the agency that uploaded it.
 */
export function canRemoveFile(actor: Pick<Actor, 'role' | 'agencyId'>, file: { agencyId: string }): boolean {
  return actor.role === 'coordinator' || (actor.role === 'staff' && actor.agencyId === file.agencyId);
}

export function assertCanRemoveFile(actor: Pick<Actor, 'role' | 'agencyId'>, file: { agencyId: string }): void {
  if (!canRemoveFile(actor, file)) throw new DomainError('FORBIDDEN', 'file_remove_not_allowed');
}

export const RemoveAttachmentInput = z.object({ id: Id, attachmentId: Id });
export type RemoveAttachmentInput = z.infer<typeof RemoveAttachmentInput>;

/** The answer of an upload (201, or 200 when the same bytes were already on the incident or task). */
export const UploadedFileDto = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    size: z.int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    contentType: z.string().describe('Detected from the bytes; application/octet-stream when nothing was recognised'),
    createdAt: z.iso.datetime({ offset: true }),
    duplicate: z.boolean().describe('The same bytes were already there: this is the file stored then'),
  })
  .meta({ id: 'UploadedFile' });
export type UploadedFileDto = z.output<typeof UploadedFileDto>;

/** A file as an incident's or a task's detail lists it. */
export const AttachmentDto = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    size: z.int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    contentType: z.string(),
    declaredContentType: z.string().nullable(),
    uploadedBy: z.strictObject({ id: z.uuid(), name: z.string(), agencyCode: z.string() }),
    createdAt: z.iso.datetime({ offset: true }),
    canRemove: z.boolean(),
  })
  .meta({ id: 'Attachment' });
export type AttachmentDto = z.output<typeof AttachmentDto>;
