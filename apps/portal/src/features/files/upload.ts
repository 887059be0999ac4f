/**
 * One evidence upload from the browser: multipart over XMLHttpRequest (fetch has no upload
 * progress), to the API's POST /files/{incidents|tasks}/{id} (apps/api/src/modules/files/files.routes.ts).
 * The session cookie goes with it; the browser adds the Origin header the API checks.
 */
import type { Locale } from '@anc/domain';

export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  sha256: string;
  contentType: string;
  createdAt: string;
  duplicate: boolean;
}

export type UploadResult =
  | { kind: 'stored'; file: UploadedFile }
  | { kind: 'refused'; status: number; reason: string | null; message: string | null }
  | { kind: 'network' }
  | { kind: 'aborted' };

export interface UploadHandle {
  done: Promise<UploadResult>;
  abort(): void;
}

export type FileParent = { kind: 'incident' | 'task'; id: string };

export const uploadUrl = (parent: FileParent) => `/files/${parent.kind === 'incident' ? 'incidents' : 'tasks'}/${encodeURIComponent(parent.id)}`;
export const downloadUrl = (fileId: string) => `/files/${encodeURIComponent(fileId)}`;

export function uploadEvidence(parent: FileParent, file: File, locale: Locale, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadResult>((resolve) => {
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 200 || xhr.status === 201) {
        resolve({ kind: 'stored', file: body as UploadedFile });
        return;
      }
      const error = (body as { error?: { reason?: string | null; message?: string } } | null)?.error;
      resolve({ kind: 'refused', status: xhr.status, reason: error?.reason ?? null, message: error?.message ?? null });
    });
    xhr.addEventListener('error', () => resolve({ kind: 'network' }));
    xhr.addEventListener('timeout', () => resolve({ kind: 'network' }));
    xhr.addEventListener('abort', () => resolve({ kind: 'aborted' }));
  });
  const form = new FormData();
  form.append('file', file, file.name);
  xhr.open('POST', uploadUrl(parent));
  xhr.withCredentials = true;
  xhr.setRequestHeader('x-anc-locale', locale);
  xhr.send(form);
  return { done, abort: () => xhr.abort() };
}

/** 0 B, 812 B, 14.2 KiB, 25 MiB, in the reader's number format. */
export function formatBytes(bytes: number, locale: Locale, units: { B: string; KiB: string; MiB: string }): string {
  const nf = (digits: number) => new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'es-MX', { maximumFractionDigits: digits });
  if (bytes < 1024) return `${nf(0).format(bytes)} ${units.B}`;
  if (bytes < 1024 * 1024) return `${nf(1).format(bytes / 1024)} ${units.KiB}`;
  return `${nf(1).format(bytes / (1024 * 1024))} ${units.MiB}`;
}
