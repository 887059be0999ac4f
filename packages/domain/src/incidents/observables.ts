import { z } from 'zod';
import { Str } from '../schemas/common.ts';
import type { MessageKey } from '../catalogue/validation.ts';

/**
 * Incident observables (indicators of compromise): what a person pastes into an incident
 * report — addresses, names, links, hashes, CVE identifiers — checked and brought to one
 * canonical spelling each, so that the same indicator reported twice, by two agencies, in two
 * spellings, is recognised as the same. Pure: no I/O; the only platform API used is the global
 * WHATWG `URL` (browsers and Node both have it) for IDNA/punycode and URL serialisation.
 *
 * Errors are message keys of the catalogue (`MessageKey`, catalogue/validation.ts), like the zod
 * schemas elsewhere.
 */

export const OBSERVABLE_TYPES = ['ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'cve', 'other'] as const;
export type ObservableType = (typeof OBSERVABLE_TYPES)[number];

export const MAX_OBSERVABLES = 500;
export const MAX_OBSERVABLE_LENGTH = 2048;

export type NormalizeResult = { ok: true; value: string } | { ok: false; error: MessageKey };

const ok = (value: string): NormalizeResult => ({ ok: true, value });
const fail = (error: MessageKey): NormalizeResult => ({ ok: false, error });

/**
 * Undo the usual "defanging" analysts apply so that indicators are not clickable in reports:
 * `hxxp://` / `hxxps://`, `[.]`, `(.)`, `[dot]`, `(dot)`, `[:]`, `[://]`, `[@]`, `[at]`, `(at)`.
 * Applied to the network types only (IP, domain, URL, e-mail); free text ("other") is kept as typed.
 */
function refang(value: string): string {
  return value
    .replace(/^hxxp(s?)(?=:|\[:)/i, 'http$1')
    .replace(/\[:\/\/\]/g, '://')
    .replace(/\[\.\]|\(\.\)|\[dot\]|\(dot\)/gi, '.')
    .replace(/\[:\]/g, ':')
    .replace(/\[@\]|\[at\]|\(at\)/gi, '@');
}

// ---------------------------------------------------------------------------------------------
// IPv4

/**
 * Strict dotted quad: four decimal numbers 0–255, no leading zeros, no mask.
 * Leading zeros are refused rather than stripped because they are ambiguous: `inet_aton`, many
 * tools and the WHATWG URL parser read `010.1.1.1` as octal (8.1.1.1), others as decimal
 * (10.1.1.1). Guessing would silently record the wrong address; asking costs the reporter a second.
 */
function parseIPv4(s: string): [number, number, number, number] | null {
  const m = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/.exec(s);
  if (!m) return null;
  const octets = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
  return octets.every((o) => o <= 255) ? octets : null;
}

function normalizeIPv4(s: string): NormalizeResult {
  const octets = parseIPv4(s);
  return octets ? ok(octets.join('.')) : fail('invalid_ipv4');
}

// ---------------------------------------------------------------------------------------------
// IPv6 (RFC 4291 text forms in, RFC 5952 canonical form out)

/** The groups of one side of `::` (or of a whole address without it); an IPv4 tail counts as two. */
function parseIPv6Groups(part: string, ipv4TailAllowed: boolean): number[] | null {
  if (part === '') return [];
  const pieces = part.split(':');
  const groups: number[] = [];
  for (const [i, piece] of pieces.entries()) {
    if (ipv4TailAllowed && i === pieces.length - 1 && piece.includes('.')) {
      const v4 = parseIPv4(piece);
      if (!v4) return null;
      groups.push(v4[0] * 256 + v4[1], v4[2] * 256 + v4[3]);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
      groups.push(Number.parseInt(piece, 16));
    } else {
      return null;
    }
  }
  return groups;
}

/** Eight 16-bit groups, or null. Accepts `::` and an IPv4 tail; refuses zone ids (`%eth0`) and masks. */
function parseIPv6(input: string): number[] | null {
  const s = input.startsWith('[') && input.endsWith(']') ? input.slice(1, -1) : input;
  if (!/^[0-9a-fA-F:.]+$/.test(s)) return null;
  const halves = s.split('::');
  if (halves.length > 2) return null;
  if (halves.length === 1) {
    const groups = parseIPv6Groups(s, true);
    return groups?.length === 8 ? groups : null;
  }
  const head = parseIPv6Groups(halves[0] ?? '', false);
  const tail = parseIPv6Groups(halves[1] ?? '', true);
  // `::` stands for at least one zero group.
  if (!head || !tail || head.length + tail.length > 7) return null;
  return [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/** RFC 5952 §4–5: lower case, no leading zeros, longest run (≥ 2, first on a tie) of zero groups as `::`. */
function formatIPv6(g: number[]): string {
  const at = (i: number) => g[i] ?? 0;
  if ([0, 1, 2, 3, 4].every((i) => at(i) === 0) && at(5) === 0xffff) {
    return `::ffff:${at(6) >> 8}.${at(6) & 255}.${at(7) >> 8}.${at(7) & 255}`;
  }
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8;) {
    if (at(i) !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && at(j) === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = g.map((n) => n.toString(16));
  if (bestLength < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

function normalizeIPv6(s: string): NormalizeResult {
  const groups = parseIPv6(s);
  return groups ? ok(formatIPv6(groups)) : fail('invalid_ipv6');
}

// ---------------------------------------------------------------------------------------------
// Domain names

// Characters that end or change a URL host, or never belong in a host name.
const NOT_IN_HOSTNAME = /[\p{Cc}\s/\\@:?#%[\]<>^|"'`{}]/u;
// 1–63 characters, no hyphen first or last (RFC 952 / RFC 1123 §2.1 host name labels).
const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;
const TLD = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * Lower case, without the root's trailing dot, internationalised names in punycode (IDNA via the
 * WHATWG URL parser, as browsers resolve them). Labels of letters, digits, `-` and `_` (the last is
 * common in real subdomains), 1–63 characters, never starting or ending with `-`, at most 253 in all, at least two labels, and a TLD
 * that starts with a letter (so never an IP address in disguise).
 */
function normalizeDomain(s: string): NormalizeResult {
  if (parseIPv4(s) || parseIPv6(s)) return fail('domain_is_ip');
  if (NOT_IN_HOSTNAME.test(s)) return fail('invalid_domain');
  let host: string;
  try {
    host = new URL(`http://${s}`).hostname;
  } catch {
    return fail('invalid_domain');
  }
  // The URL parser turns numeric-looking names (`0x7f.1`) into IPv4 addresses.
  if (parseIPv4(host)) return fail('domain_is_ip');
  if (host.endsWith('.')) host = host.slice(0, -1);
  const labels = host.split('.');
  const tld = labels.at(-1) ?? '';
  if (host.length > 253 || labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TLD.test(tld)) {
    return fail('invalid_domain');
  }
  return ok(host);
}

// ---------------------------------------------------------------------------------------------
// URLs

const URL_SCHEMES = new Set(['http:', 'https:', 'ftp:']);

/** http, https or ftp with a host; WHATWG serialisation (lower-case scheme and host, punycode, no default port). */
function normalizeUrl(s: string): NormalizeResult {
  // A space inside a pasted "URL" means two things were pasted, or text; the parser would quietly
  // percent-encode it (or drop tabs and newlines), so refuse instead.
  if (/\s/.test(s) || !/^(?:https?|ftp):\/\//i.test(s)) return fail('invalid_url');
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return fail('invalid_url');
  }
  if (!URL_SCHEMES.has(url.protocol) || url.hostname === '') return fail('invalid_url');
  // Percent-encoding can make the serialisation longer than what was typed.
  return url.href.length > MAX_OBSERVABLE_LENGTH ? fail('too_long') : ok(url.href);
}

// ---------------------------------------------------------------------------------------------
// E-mail addresses

// RFC 5322 dot-atom local part (no quoted strings, no comments); non-ASCII letters allowed (RFC 6531).
const ATEXT = String.raw`[\p{L}\p{M}\p{N}!#$%&'*+/=?^_\x60{|}~-]+`;
const LOCAL_PART = new RegExp(`^${ATEXT}(?:\\.${ATEXT})*$`, 'u');

/**
 * local@domain, the domain normalised as a domain name. The whole address is lower-cased: strictly
 * the local part may be case-sensitive, but no mail provider in practice treats it so, and
 * indicators are only useful if `Juan.Perez@x.mx` and `juan.perez@x.mx` correlate.
 */
function normalizeEmail(s: string): NormalizeResult {
  const at = s.lastIndexOf('@');
  if (at <= 0) return fail('invalid_email');
  const local = s.slice(0, at);
  if (local.length > 64 || !LOCAL_PART.test(local)) return fail('invalid_email');
  const domain = normalizeDomain(s.slice(at + 1));
  if (!domain.ok) return fail('invalid_email');
  const address = `${local}@${domain.value}`.toLowerCase();
  return address.length > 254 ? fail('too_long') : ok(address);
}

// ---------------------------------------------------------------------------------------------
// Hashes and CVE identifiers

const HASH_LENGTHS = { md5: 32, sha1: 40, sha256: 64 } as const;

function normalizeHash(type: keyof typeof HASH_LENGTHS, s: string): NormalizeResult {
  if (!/^[0-9a-fA-F]+$/.test(s)) return fail('hash_not_hex');
  if (s.length !== HASH_LENGTHS[type]) return fail(`${type}_wrong_length`);
  return ok(s.toLowerCase());
}

// Hyphens as typed, and as word processors turn them into (‐ ‑ ‒ – — ―).
const CVE = /^cve[-\u2010-\u2015](\d{4})[-\u2010-\u2015](\d{4,})$/i;

/** CVE-YYYY-NNNN…: year from 1999 (the first CVEs); four digits, or more without a leading zero (CVE ID syntax, 2014). */
function normalizeCve(s: string): NormalizeResult {
  const m = CVE.exec(s);
  const year = m?.[1] ?? '';
  const sequence = m?.[2] ?? '';
  if (!m || Number(year) < 1999 || (sequence.length > 4 && sequence.startsWith('0'))) return fail('invalid_cve');
  return ok(`CVE-${year}-${sequence}`);
}

// ---------------------------------------------------------------------------------------------

/** Check one value as the given type and return its canonical spelling, or a message key. */
export function normalizeObservable(type: ObservableType, raw: string): NormalizeResult {
  const value = raw.trim();
  if (value === '') return fail('required');
  if (value.length > MAX_OBSERVABLE_LENGTH) return fail('too_long');
  switch (type) {
    case 'ipv4':
      return normalizeIPv4(refang(value));
    case 'ipv6':
      return normalizeIPv6(refang(value));
    case 'domain':
      return normalizeDomain(refang(value));
    case 'url':
      return normalizeUrl(refang(value));
    case 'email':
      return normalizeEmail(refang(value));
    case 'md5':
    case 'sha1':
    case 'sha256':
      return normalizeHash(type, value);
    case 'cve':
      return normalizeCve(value);
    case 'other':
      return ok(value.replace(/\s+/g, ' '));
    default:
      return fail('invalid_option');
  }
}

/**
 * The most likely type of a pasted line, by shape only (a value of the guessed type may still be
 * refused by `normalizeObservable`, which then says why). Order: CVE, URL (`scheme://`), e-mail,
 * IPv4, IPv6, hashes by length, domain, otherwise "other".
 */
export function detectObservableType(raw: string): ObservableType {
  const s = refang(raw.trim());
  if (CVE.test(s)) return 'cve';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return 'url';
  if (/^[^\s@]+@[^\s@]+$/.test(s)) return 'email';
  // With a mask or a zone id too, so that the refusal explains that those are not accepted.
  if (/^\d{1,3}(?:\.\d{1,3}){3}(?:\/\d+)?$/.test(s)) return 'ipv4';
  if (/^\[?[0-9a-f]*:[0-9a-f]*:[0-9a-f:.]*(?:%[^\s\]]*)?\]?(?:\/\d+)?$/i.test(s)) return 'ipv6';
  if (/^[0-9a-f]+$/i.test(s)) {
    if (s.length === 32) return 'md5';
    if (s.length === 40) return 'sha1';
    if (s.length === 64) return 'sha256';
  }
  // Something.with.dots whose last label is not a number (that would be a broken IP).
  if (/^[^\s/\\@:?#]+\.[^\s/\\@:?#.]*[^\s/\\@:?#.\d][^\s/\\@:?#.]*\.?$/u.test(s)) return 'domain';
  return 'other';
}

const HASH_TYPES = ['md5', 'sha1', 'sha256'] as const;

/**
 * The known type a line detected as free text ("other") looks like a broken spelling of, or null:
 * a link whose `://` is damaged (`http//roto`, `https:/x`) or that lost its scheme
 * (`www.example.com/login`), hex digits a few short or long of a hash (31 → MD5), a CVE without
 * its hyphens, an IPv4 address with too few or too many parts, an address with spaces around its
 * `@` or dots. Free text is a legitimate type, so this only warns: plain words ("not a domain", a
 * mutex name, a registry key) and short hex (`deadbeef`) give null.
 */
export function suspectedObservableType(raw: string): ObservableType | null {
  const s = refang(raw.trim());
  if (s === '' || detectObservableType(s) !== 'other') return null;
  if (/^(?:h[tx]{2}ps?|ftp)(?::\/?(?!\/)|\/\/?|:\\|;\/\/)/i.test(s)) return 'url';
  if (/^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/\S*$/i.test(s)) return 'url';
  if (/^[0-9a-f]{24,72}$/i.test(s)) {
    // The nearest hash length (a tie goes to the shorter).
    return HASH_TYPES.reduce((best, type) => (Math.abs(s.length - HASH_LENGTHS[type]) < Math.abs(s.length - HASH_LENGTHS[best]) ? type : best));
  }
  if (/^cve[\s_.:\u2010-\u2015-]*\d{4}[\s_.:\u2010-\u2015-]*\d{3,}$/i.test(s)) return 'cve';
  if (/^\d{1,3}(?:[.,]\d{1,3}){2,4}$/.test(s)) return 'ipv4';
  if (/^[^\s@]+(?:\s+[^\s@]+)?\s*@\s*[^\s@]+\.[^\s@]+$/.test(s)) return 'email';
  if (/^[a-z0-9-]+(?:\s*\.\s*[a-z0-9-]+)*\s*\.\s*[a-z]{2,}$/i.test(s) && /\s/.test(s)) return 'domain';
  return null;
}

export interface ParsedObservableLine {
  /** 1-based line number in the pasted text. */
  line: number;
  /** The line, trimmed. */
  raw: string;
  type: ObservableType;
  value: string | null;
  error: MessageKey | null;
}

/** One entry per non-empty line of a paste: the guessed type, and the canonical value or the reason it was refused. */
export function parseObservableLines(text: string): ParsedObservableLine[] {
  const out: ParsedObservableLine[] = [];
  for (const [i, line] of text.split(/\r\n|\r|\n/).entries()) {
    const raw = line.trim();
    if (raw === '') continue;
    const type = detectObservableType(raw);
    const result = normalizeObservable(type, raw);
    out.push(result.ok ? { line: i + 1, raw, type, value: result.value, error: null } : { line: i + 1, raw, type, value: null, error: result.error });
  }
  return out;
}

export const ObservableInput = z
  .object({
    type: z.enum(OBSERVABLE_TYPES, { error: 'invalid_option' }),
    value: Str().trim().min(1, { error: 'required' }).max(MAX_OBSERVABLE_LENGTH, { error: 'too_long' }),
  })
  .transform(({ type, value }, ctx) => {
    const result = normalizeObservable(type, value);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.error, path: ['value'], input: value });
      return z.NEVER;
    }
    return { type, value: result.value };
  });
export type ObservableInput = z.infer<typeof ObservableInput>;

export const ObservableList = z.array(ObservableInput).max(MAX_OBSERVABLES, { error: 'too_many_observables' });

/**
 * The indicator a list search looks like (issue 14): an IP address, domain, URL, e-mail, hash or
 * CVE typed into the incidents list's `q`, in the canonical spelling the observables are stored in
 * (defanged forms refanged, hashes in lower case, CVEs in upper case), or null for anything else
 * — free text and values refused by `normalizeObservable` are searched as text only.
 */
export function searchedIndicator(q: string): { type: Exclude<ObservableType, 'other'>; value: string } | null {
  const type = detectObservableType(q);
  if (type === 'other') return null;
  const result = normalizeObservable(type, q);
  return result.ok ? { type, value: result.value } : null;
}
