import { describe, expect, it } from 'vitest';
import { fieldErrorsFromIssues, localizeIssue } from '../messages.ts';
import { CreateAgencyInput, UpdateAgencyInput } from './agencies.ts';
import { SignInInput } from './auth.ts';
import { ListInput, decodeCursor, encodeCursor, isStorableText } from './common.ts';
import { CreateUserInput, ListUsersInput } from './users.ts';

const agencyId = '0b0e8d5e-6c4e-4d4f-9c59-0c7a6f9c8e11';
const goodUser = { email: '  Ana.Perez@SEDENA.gob.mx ', name: 'Ana Pérez', role: 'staff', agencyId, password: 'cuervo-azul-del-norte-77' };

describe('CreateUserInput', () => {
  it('accepts a good user and normalises the e-mail', () => {
    const parsed = CreateUserInput.parse(goodUser);
    expect(parsed.email).toBe('ana.perez@sedena.gob.mx');
    expect(parsed.locale).toBe('es-MX');
  });

  it.each([
    ['a bad e-mail', { email: 'no-es-correo' }, 'email', 'invalid_email'],
    ['an empty e-mail', { email: '' }, 'email', 'required'],
    ['a short password', { password: 'corta' }, 'password', 'password_too_short'],
    ['an unknown role', { role: 'superuser' }, 'role', 'invalid_option'],
    ['a malformed agency id', { agencyId: '42' }, 'agencyId', 'invalid_id'],
    ['a one-letter name', { name: 'A' }, 'name', 'too_short'],
    ['an overlong name', { name: 'x'.repeat(121) }, 'name', 'too_long'],
  ])('refuses %s with a message on that field', (_label, patch, field, key) => {
    const r = CreateUserInput.safeParse({ ...goodUser, ...patch });
    expect(r.success).toBe(false);
    const issue = r.error?.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toBe(key);
  });

  it('turns issues into Spanish and English field errors', () => {
    const r = CreateUserInput.safeParse({ ...goodUser, email: 'x', password: 'y' });
    expect(r.success).toBe(false);
    const es = fieldErrorsFromIssues(r.error?.issues ?? [], 'es-MX');
    expect(es.email).toEqual(['Escribe un correo válido, por ejemplo nombre@dependencia.gob.mx.']);
    expect(es.password?.[0]).toMatch(/al menos 12 caracteres/);
    const en = fieldErrorsFromIssues(r.error?.issues ?? [], 'en');
    expect(en.password?.[0]).toMatch(/at least 12 characters/);
  });
});

describe('CreateAgencyInput', () => {
  const good = {
    code: 'sedena',
    name: 'Secretaría de la Defensa Nacional',
    nameEn: 'Ministry of National Defense',
    kind: 'federal_ministry',
    sector: 'defense',
  };
  it('upper-cases the code and defaults the sector to none', () => {
    expect(CreateAgencyInput.parse(good).code).toBe('SEDENA');
    expect(CreateAgencyInput.parse({ ...good, sector: undefined }).sector).toBeNull();
  });
  it.each([
    [{ code: '1ABC' }, 'code'],
    [{ code: 'A' }, 'code'],
    [{ code: 'CON ESPACIO' }, 'code'],
    [{ kind: 'ministry' }, 'kind'],
    [{ sector: 'space' }, 'sector'],
    [{ name: 'ab' }, 'name'],
  ])('refuses %o', (patch, field) => {
    const r = CreateAgencyInput.safeParse({ ...good, ...patch });
    expect(r.success).toBe(false);
    expect(r.error?.issues.some((i) => i.path[0] === field)).toBe(true);
  });
  it('leaves absent fields out of an update (no defaults)', () => {
    expect(UpdateAgencyInput.parse({ id: agencyId, nameEn: 'X agency' })).toEqual({ id: agencyId, nameEn: 'X agency' });
  });
  it('needs an id to update', () => {
    expect(UpdateAgencyInput.safeParse({ name: 'Nueva' }).success).toBe(false);
  });
});

describe('SignInInput and lists', () => {
  it('requires both fields', () => {
    const r = SignInInput.safeParse({ email: 'a@b.mx' });
    expect(r.error?.issues[0]?.path).toEqual(['password']);
  });
  it('bounds the page size', () => {
    expect(ListInput.parse({}).limit).toBe(25);
    expect(ListInput.safeParse({ limit: 0 }).success).toBe(false);
    expect(ListInput.safeParse({ limit: 101 }).success).toBe(false);
    expect(ListUsersInput.safeParse({ role: 'root' }).success).toBe(false);
  });
  it('round-trips cursors and refuses garbage', () => {
    const c = encodeCursor('2026-11-21T06:00:00.000Z', agencyId);
    expect(decodeCursor(c)).toEqual({ sortKey: '2026-11-21T06:00:00.000Z', id: agencyId });
    expect(decodeCursor('%%%')).toBeNull();
    expect(decodeCursor('eyJhIjoxfQ')).toBeNull();
  });
  it('localises built-in issues too', () => {
    expect(localizeIssue({ code: 'too_big', message: 'x', maximum: 100, origin: 'number' }, 'es-MX')).toBe('El valor máximo es 100.');
  });
});

describe('text PostgreSQL cannot store', () => {
  const bad = [
    ['a NUL', 'Ana\u0000 Pérez'],
    ['a lone high surrogate', 'Ana \uD83D Pérez'],
    ['a lone low surrogate', 'Ana \uDE00 Pérez'],
  ] as const;

  it.each(bad)('is refused in a name with %s, on that field', (_label, name) => {
    const r = CreateUserInput.safeParse({ ...goodUser, name });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['name', 'invalid_characters']]);
  });

  it.each(bad)('is refused in a list filter and an e-mail with %s', (_label, value) => {
    expect(ListUsersInput.safeParse({ q: value }).error?.issues[0]?.message).toBe('invalid_characters');
    expect(SignInInput.safeParse({ email: value, password: 'x' }).error?.issues[0]?.path).toEqual(['email']);
    expect(ListInput.safeParse({ cursor: value }).success).toBe(false);
  });

  it('accepts every well-formed character, surrogate pairs (emoji) included', () => {
    expect(isStorableText('Pérez 😀 ñ \u200d \uFFFD')).toBe(true);
    expect(CreateUserInput.parse({ ...goodUser, name: 'Ana 😀' }).name).toBe('Ana 😀');
  });

  it('has words for the refusal in both languages', () => {
    expect(localizeIssue({ code: 'custom', message: 'invalid_characters' }, 'es-MX')).toMatch(/caracteres/);
    expect(localizeIssue({ code: 'custom', message: 'invalid_characters' }, 'en')).toMatch(/characters/);
  });
});
