import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMessageKey } from '../messages.ts';
import { VALIDATION_WORDS } from '../catalogue/validation.ts';
import {
  MAX_OBSERVABLE_LENGTH,
  MAX_OBSERVABLES,
  OBSERVABLE_TYPES,
  ObservableInput,
  ObservableList,
  detectObservableType,
  normalizeObservable,
  parseObservableLines,
  suspectedObservableType,
  type ObservableType,
} from './observables.ts';

const valueOf = (type: ObservableType, raw: string): string | null => {
  const r = normalizeObservable(type, raw);
  return r.ok ? r.value : null;
};
const errorOf = (type: ObservableType, raw: string): string | null => {
  const r = normalizeObservable(type, raw);
  return r.ok ? null : r.error;
};

// [input, canonical value] and [input, message key], per type.
const VALID: Record<ObservableType, [string, string][]> = {
  ipv4: [
    ['192.0.2.10', '192.0.2.10'],
    ['  0.0.0.0 ', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['192[.]0[.]2[.]1', '192.0.2.1'],
    ['198.51.100(.)7', '198.51.100.7'],
  ],
  ipv6: [
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:DB8:0:0:0:0:2:1', '2001:db8::2:1'],
    ['2001:db8::0:1', '2001:db8::1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['::ffff:C000:0280', '::ffff:192.0.2.128'],
    ['::ffff:192.0.2.1', '::ffff:192.0.2.1'],
    ['::', '::'],
    ['::1', '::1'],
    ['1::', '1::'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
    ['::192.0.2.1', '::c000:201'],
    ['64:ff9b::198.51.100.7', '64:ff9b::c633:6407'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['2001[:]db8[:][:]1', '2001:db8::1'],
  ],
  domain: [
    ['münchen.de', 'xn--mnchen-3ya.de'],
    ['EXAMPLE.COM.', 'example.com'],
    ['Ejemplo.GOB.MX', 'ejemplo.gob.mx'],
    ['evil[.]example[.]com', 'evil.example.com'],
    ['evil[dot]example(.)com', 'evil.example.com'],
    ['_dmarc.example.com', '_dmarc.example.com'],
    ['ｅｘａｍｐｌｅ.com', 'example.com'],
    ['xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
    [`${'a'.repeat(63)}.com`, `${'a'.repeat(63)}.com`],
    ['a-b.c-d.com', 'a-b.c-d.com'],
    ['1-2.example.com', '1-2.example.com'],
    // 253 characters in all: 63 + 1 + 63 + 1 + 63 + 1 + 57 + 1 + 3.
    [
      `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`,
      `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`,
    ],
  ],
  url: [
    ['HTTP://Example.COM:80/a/../b?q=1#f', 'http://example.com/b?q=1#f'],
    ['hxxps://evil[.]example[.]com/login', 'https://evil.example.com/login'],
    ['hXXp[://]evil[.]com', 'http://evil.com/'],
    ['https://münchen.de/straße', 'https://xn--mnchen-3ya.de/stra%C3%9Fe'],
    ['https://example.com:8443/x', 'https://example.com:8443/x'],
    ['ftp://files.example.com:21/pub', 'ftp://files.example.com/pub'],
    ['http://192.0.2.1/payload.bin', 'http://192.0.2.1/payload.bin'],
  ],
  email: [
    ['Juan.Perez@Example.COM', 'juan.perez@example.com'],
    ['phish[at]evil[.]com', 'phish@evil.com'],
    ['soporte[@]münchen.de', 'soporte@xn--mnchen-3ya.de'],
    ["o'brien+tag@example.org", "o'brien+tag@example.org"],
  ],
  md5: [['D41D8CD98F00B204E9800998ECF8427E', 'd41d8cd98f00b204e9800998ecf8427e']],
  sha1: [['da39a3ee5e6b4b0d3255bfef95601890afd80709', 'da39a3ee5e6b4b0d3255bfef95601890afd80709']],
  sha256: [[' E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855 ', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']],
  cve: [
    ['CVE-2024-3094', 'CVE-2024-3094'],
    ['cve-2014-0160', 'CVE-2014-0160'],
    ['CVE-2021-44228', 'CVE-2021-44228'],
    ['CVE–2024–3094', 'CVE-2024-3094'],
    ['CVE-1999-0001', 'CVE-1999-0001'],
  ],
  other: [
    ['  Invoice   2024.pdf.exe ', 'Invoice 2024.pdf.exe'],
    ['mutex\tGlobal\\xyz', 'mutex Global\\xyz'],
    ['evil[.]com', 'evil[.]com'],
  ],
};

const INVALID: Record<ObservableType, [string, string][]> = {
  ipv4: [
    ['256.1.1.1', 'invalid_ipv4'],
    ['010.1.1.1', 'invalid_ipv4'],
    ['1.2.3', 'invalid_ipv4'],
    ['1.2.3.4.5', 'invalid_ipv4'],
    ['192.0.2.0/24', 'invalid_ipv4'],
    ['0x7f.0.0.1', 'invalid_ipv4'],
    ['::1', 'invalid_ipv4'],
    ['', 'required'],
    ['   ', 'required'],
  ],
  ipv6: [
    ['2001:db8::1::1', 'invalid_ipv6'],
    ['1:2:3:4:5:6:7:8:9', 'invalid_ipv6'],
    ['1:2:3:4:5:6:7', 'invalid_ipv6'],
    ['1:2:3:4:5:6:7:8::', 'invalid_ipv6'],
    ['fe80::1%eth0', 'invalid_ipv6'],
    ['2001:db8::/32', 'invalid_ipv6'],
    ['12345::1', 'invalid_ipv6'],
    ['g::1', 'invalid_ipv6'],
    [':1:2:3:4:5:6:7', 'invalid_ipv6'],
    ['::ffff:256.0.0.1', 'invalid_ipv6'],
    ['1.2.3.4::', 'invalid_ipv6'],
    ['192.0.2.1', 'invalid_ipv6'],
  ],
  domain: [
    ['192.0.2.1', 'domain_is_ip'],
    ['2001:db8::1', 'domain_is_ip'],
    ['0x7f.1', 'domain_is_ip'],
    ['localhost', 'invalid_domain'],
    ['example.123', 'invalid_domain'],
    ['example..com', 'invalid_domain'],
    ['.example.com', 'invalid_domain'],
    ['example.com..', 'invalid_domain'],
    ['exa mple.com', 'invalid_domain'],
    ['example.com/path', 'invalid_domain'],
    ['user@example.com', 'invalid_domain'],
    ['example.com:8080', 'invalid_domain'],
    ['*.example.com', 'invalid_domain'],
    ['xn--zz.com', 'invalid_domain'],
    [`${'a'.repeat(64)}.com`, 'invalid_domain'],
    // Host name labels never start or end with a hyphen (RFC 1123 §2.1), the TLD neither.
    ['-example.com', 'invalid_domain'],
    ['example-.com', 'invalid_domain'],
    ['www.-example.com', 'invalid_domain'],
    ['example.com-', 'invalid_domain'],
    ['example.-com', 'invalid_domain'],
    ['-.com', 'invalid_domain'],
    [`${'a.'.repeat(126)}com`, 'invalid_domain'],
  ],
  url: [
    ['javascript:alert(1)', 'invalid_url'],
    ['mailto:a@example.com', 'invalid_url'],
    ['ssh://example.com', 'invalid_url'],
    ['example.com/path', 'invalid_url'],
    ['http:example.com', 'invalid_url'],
    ['http://', 'invalid_url'],
    ['https://exa mple.com/', 'invalid_url'],
    ['https://example.com/a b', 'invalid_url'],
    ['http://[::1', 'invalid_url'],
    [`https://example.com/${'ñ'.repeat(1000)}`, 'too_long'],
  ],
  email: [
    ['no-es-correo', 'invalid_email'],
    ['@example.com', 'invalid_email'],
    ['user@', 'invalid_email'],
    ['user@localhost', 'invalid_email'],
    ['user@192.0.2.1', 'invalid_email'],
    ['a..b@example.com', 'invalid_email'],
    ['.a@example.com', 'invalid_email'],
    ['a b@example.com', 'invalid_email'],
    ['"quoted"@example.com', 'invalid_email'],
    [`${'a'.repeat(65)}@example.com`, 'invalid_email'],
    [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`, 'too_long'],
  ],
  md5: [
    ['d41d8cd98f00b204e9800998ecf8427', 'md5_wrong_length'],
    ['da39a3ee5e6b4b0d3255bfef95601890afd80709', 'md5_wrong_length'],
    ['d41d8cd98f00b204e9800998ecf8427g', 'hash_not_hex'],
    ['0xd41d8cd98f00b204e9800998ecf842', 'hash_not_hex'],
  ],
  sha1: [
    ['d41d8cd98f00b204e9800998ecf8427e', 'sha1_wrong_length'],
    ['da39a3ee 5e6b4b0d3255bfef95601890afd80709', 'hash_not_hex'],
  ],
  sha256: [
    ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85', 'sha256_wrong_length'],
    ['z3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'hash_not_hex'],
  ],
  cve: [
    ['CVE-1998-0001', 'invalid_cve'],
    ['CVE-2024-123', 'invalid_cve'],
    ['CVE-2024-03094', 'invalid_cve'],
    ['CVE-24-3094', 'invalid_cve'],
    ['2024-3094', 'invalid_cve'],
    ['CVE 2024 3094', 'invalid_cve'],
  ],
  other: [
    ['', 'required'],
    ['x'.repeat(MAX_OBSERVABLE_LENGTH + 1), 'too_long'],
  ],
};

describe('normalizeObservable', () => {
  describe.each(OBSERVABLE_TYPES)('%s', (type) => {
    it.each(VALID[type])('accepts %j as %j', (raw, canonical) => {
      expect(normalizeObservable(type, raw)).toEqual({ ok: true, value: canonical });
    });
    it.each(INVALID[type])('refuses %j with %s', (raw, key) => {
      expect(normalizeObservable(type, raw)).toEqual({ ok: false, error: key });
      expect(isMessageKey(key)).toBe(true);
    });
  });

  it('refuses anything longer than MAX_OBSERVABLE_LENGTH before looking at it', () => {
    for (const type of OBSERVABLE_TYPES) expect(errorOf(type, 'a'.repeat(MAX_OBSERVABLE_LENGTH + 1))).toBe('too_long');
    expect(valueOf('other', 'a'.repeat(MAX_OBSERVABLE_LENGTH))).toHaveLength(MAX_OBSERVABLE_LENGTH);
  });
});

describe('detectObservableType', () => {
  it.each([
    ['CVE-2024-3094', 'cve'],
    ['cve-2014-0160', 'cve'],
    ['https://example.com/a', 'url'],
    ['hxxps://evil[.]com/x', 'url'],
    ['ssh://example.com', 'url'],
    ['http://user@example.com/', 'url'],
    ['phish@evil.com', 'email'],
    ['phish[at]evil[.]com', 'email'],
    ['192.0.2.1', 'ipv4'],
    ['192[.]0[.]2[.]1', 'ipv4'],
    ['300.1.1.1', 'ipv4'],
    ['192.0.2.0/24', 'ipv4'],
    ['2001:db8::1', 'ipv6'],
    ['::ffff:192.0.2.1', 'ipv6'],
    ['fe80::1%eth0', 'ipv6'],
    ['[::1]', 'ipv6'],
    ['d41d8cd98f00b204e9800998ecf8427e', 'md5'],
    ['DA39A3EE5E6B4B0D3255BFEF95601890AFD80709', 'sha1'],
    ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'sha256'],
    ['evil.example.com', 'domain'],
    ['münchen.de', 'domain'],
    ['EXAMPLE.COM.', 'domain'],
    ['evil[.]com', 'domain'],
    ['deadbeef', 'other'],
    ['1.2.3', 'other'],
    ['Global\\MutexName', 'other'],
    ['registry key HKLM\\Run', 'other'],
    ['host:8080', 'other'],
  ])('%j looks like %s', (raw, type) => {
    expect(detectObservableType(raw)).toBe(type);
  });
});

describe('suspectedObservableType', () => {
  it.each([
    ['http//roto', 'url'],
    ['hxxp//roto[.]example', 'url'],
    ['https:/evil.example/login', 'url'],
    ['https:evil.example', 'url'],
    ['http:\\\\evil.example', 'url'],
    ['www.evil.example/login', 'url'],
    ['evil.example.com/descarga.exe', 'url'],
    ['d41d8cd98f00b204e9800998ecf842', 'md5'],
    ['d41d8cd98f00b204e9800998ecf8427', 'md5'],
    ['d41d8cd98f00b204e9800998ecf8427ea', 'md5'],
    ['da39a3ee5e6b4b0d3255bfef95601890afd8070', 'sha1'],
    ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85', 'sha256'],
    ['CVE2024-3094', 'cve'],
    ['CVE 2024 3094', 'cve'],
    ['cve_2024_3094', 'cve'],
    ['192.168.1', 'ipv4'],
    ['192.168.1.1.1', 'ipv4'],
    ['192,168,1,1', 'ipv4'],
    ['juan.perez @ example.com', 'email'],
    ['evil . example . com', 'domain'],
    ['evil.example. com', 'domain'],
  ])('%j looks like a broken %s (and is detected as free text)', (raw, type) => {
    expect(detectObservableType(raw)).toBe('other');
    expect(suspectedObservableType(raw)).toBe(type);
  });

  it.each([
    'not a domain',
    'deadbeef',
    'Global\\MutexName',
    'registry key HKLM\\Run',
    'host:8080',
    'Trojan.GenericKD.46542187 detectado por el antivirus',
    'httpd',
    '',
  ])('%j is plain free text: no warning', (raw) => {
    expect(suspectedObservableType(raw)).toBeNull();
  });

  it('says nothing about a line detected as a known type, valid or not', () => {
    for (const raw of ['https://example.com/a', '300.1.1.1', 'example.com', '-example.com', 'd41d8cd98f00b204e9800998ecf8427e']) {
      expect(detectObservableType(raw)).not.toBe('other');
      expect(suspectedObservableType(raw)).toBeNull();
    }
  });
});

describe('parseObservableLines', () => {
  it('gives one entry per non-empty line, with the guessed type and value or error', () => {
    const paste = '  hxxps://evil[.]example[.]com/login \r\n\n   \n300.1.1.1\nCVE-2024-3094';
    expect(parseObservableLines(paste)).toEqual([
      {
        line: 1,
        raw: 'hxxps://evil[.]example[.]com/login',
        type: 'url',
        value: 'https://evil.example.com/login',
        error: null,
      },
      { line: 4, raw: '300.1.1.1', type: 'ipv4', value: null, error: 'invalid_ipv4' },
      { line: 5, raw: 'CVE-2024-3094', type: 'cve', value: 'CVE-2024-3094', error: null },
    ]);
  });

  it('returns nothing for an empty paste', () => {
    expect(parseObservableLines('')).toEqual([]);
    expect(parseObservableLines('\n \n\t\n')).toEqual([]);
  });
});

describe('ObservableInput and ObservableList', () => {
  it('trims, normalises and keeps the type', () => {
    expect(ObservableInput.parse({ type: 'domain', value: '  München.DE. ' })).toEqual({
      type: 'domain',
      value: 'xn--mnchen-3ya.de',
    });
  });

  it.each([
    ['an unknown type', { type: 'hostname', value: 'example.com' }, 'type', 'invalid_option'],
    ['a missing value', { type: 'domain' }, 'value', 'required'],
    ['a blank value', { type: 'domain', value: '   ' }, 'value', 'required'],
    ['an overlong value', { type: 'other', value: 'x'.repeat(MAX_OBSERVABLE_LENGTH + 1) }, 'value', 'too_long'],
    ['an invalid address', { type: 'ipv4', value: '010.0.0.1' }, 'value', 'invalid_ipv4'],
    ['a short hash', { type: 'sha256', value: 'abc123' }, 'value', 'sha256_wrong_length'],
  ])('refuses %s on that field', (_label, input, field, key) => {
    const r = ObservableInput.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([[field, key]]);
  });

  it(`accepts ${MAX_OBSERVABLES} observables and refuses ${MAX_OBSERVABLES + 1} with too_many_observables`, () => {
    const item = { type: 'ipv4', value: '192.0.2.1' };
    expect(ObservableList.safeParse(Array.from({ length: MAX_OBSERVABLES }, () => item)).success).toBe(true);
    const r = ObservableList.safeParse(Array.from({ length: MAX_OBSERVABLES + 1 }, () => item));
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['too_many_observables']);
    expect(VALIDATION_WORDS.too_many_observables.en).toContain(String(MAX_OBSERVABLES));
    expect(VALIDATION_WORDS.too_many_observables['es-MX']).toContain(String(MAX_OBSERVABLES));
  });

  it('reports a bad item by its index', () => {
    const r = ObservableList.safeParse([
      { type: 'cve', value: 'CVE-2024-3094' },
      { type: 'cve', value: 'CVE-1990-1' },
    ]);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['1.value', 'invalid_cve']]);
  });
});

// ------------------------------------------------------------------------------------------------
// Properties

const hexOf = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: length, maxLength: length });
const pad4 = (n: number) => String(n).padStart(4, '0');
const cveArb = fc
  .tuple(
    fc.constantFrom('CVE', 'cve', 'Cve'),
    fc.integer({ min: 1999, max: 2100 }),
    fc.oneof(fc.integer({ min: 0, max: 9999 }).map(pad4), fc.integer({ min: 10_000, max: 99_999_999 }).map(String)),
  )
  .map(([prefix, year, seq]) => `${prefix}-${year}-${seq}`);
// fc.ipV6() writes its groups in lower case; mix the case to exercise normalisation.
const ipv6Arb = fc.mixedCase(fc.ipV6());

/** Generators of values that must be accepted, per distinguishable type. */
const GENERATED: [ObservableType, fc.Arbitrary<string>][] = [
  ['ipv4', fc.ipV4()],
  ['ipv6', ipv6Arb],
  ['domain', fc.domain()],
  ['domain', fc.mixedCase(fc.domain())],
  [
    'url',
    fc.webUrl({
      validSchemes: ['http', 'https', 'ftp'],
      withQueryParameters: true,
      withFragments: true,
      authoritySettings: { withIPv4: true, withIPv6: true, withPort: true, withUserInfo: true },
    }),
  ],
  ['email', fc.emailAddress()],
  ['md5', hexOf(32)],
  ['sha1', hexOf(40)],
  ['sha256', hexOf(64)],
  ['cve', cveArb],
];

const defang = (s: string) => s.replaceAll('.', '[.]').replace(/^http/i, 'hxxp').replace('@', '[at]');

/** An IPv6 address as eight four-digit groups (a test oracle, independent of the parser's code). */
const expandIPv6 = (v: string): string[] => {
  const [head = '', tail = ''] = v.split('::');
  const h = ipv6Groups(head);
  const t = ipv6Groups(tail);
  return v.includes('::') ? [...h, ...Array<string>(8 - h.length - t.length).fill('0000'), ...t] : h;
};
function ipv6Groups(part: string): string[] {
  if (part === '') return [];
  return part.split(':').flatMap((g) => {
    if (!g.includes('.')) return [g.padStart(4, '0')];
    const [a = 0, b = 0, c = 0, d = 0] = g.split('.').map(Number);
    return [((a << 8) | b).toString(16).padStart(4, '0'), ((c << 8) | d).toString(16).padStart(4, '0')];
  });
}

describe('properties', () => {
  it.each(GENERATED)('accepts generated %s values, idempotently, and recognises the result', (type, arb) => {
    fc.assert(
      fc.property(arb, (raw) => {
        const first = normalizeObservable(type, raw);
        expect(first.ok).toBe(true);
        if (!first.ok) return;
        expect(normalizeObservable(type, first.value)).toEqual(first);
        expect(normalizeObservable(type, ` ${first.value}\t`)).toEqual(first);
        expect(detectObservableType(first.value)).toBe(type);
        expect(detectObservableType(raw)).toBe(type);
      }),
    );
  });

  it.each([
    ['ipv4', fc.ipV4()],
    ['domain', fc.domain()],
    // A "(.)" already in a path would itself be read as defanged.
    ['url', fc.webUrl().filter((u) => !u.includes('(.)'))],
    ['email', fc.emailAddress()],
  ] as const)('reads defanged %s values as the originals', (type, arb) => {
    fc.assert(
      fc.property(arb, (raw) => {
        expect(normalizeObservable(type, defang(raw))).toEqual(normalizeObservable(type, raw));
      }),
    );
  });

  it('reads every spelling of an IPv6 address as the same address', () => {
    fc.assert(
      fc.property(ipv6Arb, (raw) => {
        const canonical = valueOf('ipv6', raw) ?? '';
        expect(expandIPv6(canonical)).toEqual(expandIPv6(raw.toLowerCase()));
        expect(canonical).toBe(canonical.toLowerCase());
        expect(canonical).not.toMatch(/(?:^|:)0[0-9a-f]/); // no leading zeros
        expect(canonical.split('::').length).toBeLessThanOrEqual(2);
        // Without `::`, there was no run of two zero groups to collapse.
        expect(canonical.includes('::') || !/(?:^|:)0:0(?::|$)/.test(canonical)).toBe(true);
      }),
    );
  });

  it('normalises arbitrary strings without throwing, to an accepted value or a catalogued key', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OBSERVABLE_TYPES), fc.string({ unit: 'binary', maxLength: 80 }), (type, raw) => {
        const first = normalizeObservable(type, raw);
        expect(first.ok ? normalizeObservable(type, first.value) : first).toEqual(first);
        expect(first.ok || isMessageKey(first.error)).toBe(true);
      }),
    );
  });

  it('refuses an IPv4 address with an octet above 255', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(255), { minLength: 3, maxLength: 3 }), fc.integer({ min: 256, max: 999 }), fc.nat(3), (octets, big, at) => {
        const parts = octets.map(String);
        parts.splice(at, 0, String(big));
        expect(errorOf('ipv4', parts.join('.'))).toBe('invalid_ipv4');
      }),
    );
  });

  it('refuses an IPv4 address with a leading zero', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.nat(3), (ip, at) => {
        const parts = ip.split('.');
        parts[at] = `0${parts[at] ?? ''}`;
        expect(errorOf('ipv4', parts.join('.'))).toBe('invalid_ipv4');
      }),
    );
  });

  it.each([
    ['md5', 32],
    ['sha1', 40],
    ['sha256', 64],
  ] as const)('refuses a %s of the wrong length, and one with a non-hex character', (type, length) => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 130 })
          .filter((n) => n !== length)
          .chain(hexOf),
        (raw) => {
          expect(errorOf(type, raw)).toBe(`${type}_wrong_length`);
        },
      ),
    );
    fc.assert(
      fc.property(hexOf(length), fc.nat(length - 1), fc.constantFrom(...'gxzGXZ-_.:'), (hex, at, bad) => {
        expect(errorOf(type, hex.slice(0, at) + bad + hex.slice(at + 1))).toBe('hash_not_hex');
      }),
    );
  });

  it('refuses CVE identifiers from before 1999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 1998 }), fc.integer({ min: 1000, max: 9999 }), (year, seq) => {
        expect(errorOf('cve', `CVE-${year}-${seq}`)).toBe('invalid_cve');
      }),
    );
  });

  it('refuses text that is not of the chosen shape with that type’s key', () => {
    // Words without dots or digits: never an address, a host name with a TLD, a hash or a CVE.
    const word = fc.string({ unit: fc.constantFrom(...'ghijklmnopqrstuvwxyz '), minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '');
    const expected: Partial<Record<ObservableType, string>> = {
      ipv4: 'invalid_ipv4',
      ipv6: 'invalid_ipv6',
      domain: 'invalid_domain',
      url: 'invalid_url',
      email: 'invalid_email',
      md5: 'hash_not_hex',
      sha1: 'hash_not_hex',
      sha256: 'hash_not_hex',
      cve: 'invalid_cve',
    };
    fc.assert(
      fc.property(word, (raw) => {
        for (const [type, key] of Object.entries(expected)) expect(errorOf(type as ObservableType, raw)).toBe(key);
        expect(detectObservableType(raw)).toBe('other');
      }),
    );
  });

  it('collapses the inner whitespace of free text, idempotently', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== ''),
        (raw) => {
          const value = valueOf('other', raw) ?? '';
          expect(value).not.toMatch(/\s\s|^\s|\s$/);
          expect(valueOf('other', value)).toBe(value);
        },
      ),
    );
  });
});
