import { describe, expect, it } from 'vitest';
import { downloadUrl, formatBytes, uploadUrl } from './upload.ts';

const units = { B: 'B', KiB: 'KiB', MiB: 'MiB' };

describe('file sizes', () => {
  it('read in B, KiB or MiB in the reader’s format', () => {
    expect(formatBytes(0, 'es-MX', units)).toBe('0 B');
    expect(formatBytes(812, 'en', units)).toBe('812 B');
    expect(formatBytes(14_540, 'en', units)).toBe('14.2 KiB');
    expect(formatBytes(25 * 1024 * 1024, 'es-MX', units)).toBe('25 MiB');
    expect(formatBytes(1_610_612, 'es-MX', units)).toBe('1.5 MiB');
  });
});

describe('file routes', () => {
  it('point at the API’s upload and download', () => {
    expect(uploadUrl({ kind: 'incident', id: 'abc' })).toBe('/files/incidents/abc');
    expect(uploadUrl({ kind: 'task', id: 'abc' })).toBe('/files/tasks/abc');
    expect(downloadUrl('x/y')).toBe('/files/x%2Fy');
  });
});
