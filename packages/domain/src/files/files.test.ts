import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  FALLBACK_FILE_NAME,
  MAX_FILE_BYTES,
  MAX_FILE_NAME_LENGTH,
  MAX_FILES_PER_PARENT,
  assertCanRemoveFile,
  assertFileSize,
  assertRoomForFile,
  asciiFileName,
  canRemoveFile,
  declaredContentType,
  storedFileName,
} from './files.ts';

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? `${e.code}:${e.reason}` : String(e);
  }
  return 'allowed';
};

describe('the name a file is stored under', () => {
  it('keeps accents and spaces, drops folders, control and bidirectional characters', () => {
    expect(storedFileName('Captura de la regla — año 2026.png')).toBe('Captura de la regla — año 2026.png');
    expect(storedFileName('C:\\Users\\soc\\nota de rescate.txt')).toBe('nota de rescate.txt');
    expect(storedFileName('../../etc/passwd')).toBe('passwd');
    expect(storedFileName('fact\u202Eura.exe')).toBe('factura.exe');
    expect(storedFileName('a\u0000b\r\nc.log')).toBe('abc.log');
    expect(storedFileName('"<x>|?*:.txt')).toBe('x.txt');
  });

  it('is NFC, never hidden, never empty', () => {
    expect(storedFileName('informe\u0301.pdf')).toBe('informé.pdf'.normalize('NFC'));
    expect(storedFileName('.htaccess')).toBe('htaccess');
    for (const empty of ['', '   ', '///', null, undefined, '\u0007']) expect(storedFileName(empty)).toBe(FALLBACK_FILE_NAME);
  });

  it('is cut to the maximum with its extension kept', () => {
    const long = `${'á'.repeat(500)}.pcap`;
    const stored = storedFileName(long);
    expect([...stored].length).toBe(MAX_FILE_NAME_LENGTH);
    expect(stored.endsWith('.pcap')).toBe(true);
  });
});

describe('the ASCII fallback of a name', () => {
  it('drops accents and replaces anything else outside printable ASCII', () => {
    expect(asciiFileName('Captura de la regla — año 2026.png')).toBe('Captura de la regla _ ano 2026.png');
    expect(asciiFileName('ЖУРНАЛ "x".log')).toBe('______ _x_.log');
  });
});

describe('the declared media type', () => {
  it('is the lower-case type/subtype, or null', () => {
    expect(declaredContentType('Text/HTML; charset=utf-8')).toBe('text/html');
    expect(declaredContentType('image/svg+xml')).toBe('image/svg+xml');
    expect(declaredContentType('nonsense')).toBeNull();
    expect(declaredContentType(undefined)).toBeNull();
  });
});

describe('the limits', () => {
  it('refuses the 51st file and a file over 25 MiB', () => {
    expect(refusal(() => assertRoomForFile(MAX_FILES_PER_PARENT - 1))).toBe('allowed');
    expect(refusal(() => assertRoomForFile(MAX_FILES_PER_PARENT))).toBe('UNPROCESSABLE:too_many_files');
    expect(refusal(() => assertFileSize(MAX_FILE_BYTES))).toBe('allowed');
    expect(refusal(() => assertFileSize(MAX_FILE_BYTES + 1))).toBe('PAYLOAD_TOO_LARGE:file_too_large');
  });
});

describe('who may remove a file', () => {
  const file = { agencyId: 'sedena' };
  it('a coordinator, or staff of the agency that uploaded it', () => {
    expect(canRemoveFile({ role: 'coordinator', agencyId: 'anc' }, file)).toBe(true);
    expect(canRemoveFile({ role: 'staff', agencyId: 'sedena' }, file)).toBe(true);
    expect(canRemoveFile({ role: 'staff', agencyId: 'semar' }, file)).toBe(false);
    expect(canRemoveFile({ role: 'admin', agencyId: 'anc' }, file)).toBe(false);
    expect(refusal(() => assertCanRemoveFile({ role: 'staff', agencyId: 'semar' }, file))).toBe('FORBIDDEN:file_remove_not_allowed');
  });
});
