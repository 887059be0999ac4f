import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { fieldErrorsFromIssues } from '../messages.ts';
import { ApiClientDto, CreateApiClientInput, ListApiClientsInput, RevokeApiClientInput, apiClientStatus, expiryProblem } from './api-clients.ts';

const ID = '4b0d7f0e-4d7e-4f55-9f0e-0d2b1c3a4e5f';
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
const valid = { agencyId: ID, name: 'SIEM del SOC de SEDENA', scopes: ['incidents:write'] };

const errorsOf = (schema: z.ZodType, value: unknown, locale: 'en' | 'es-MX' = 'en') => {
  const r = schema.safeParse(value);
  return r.success ? {} : fieldErrorsFromIssues(r.error.issues, locale);
};

describe('API client schemas', () => {
  it('takes an agency, a trimmed name, scopes and an optional future expiry', () => {
    expect(CreateApiClientInput.parse({ ...valid, name: '  SOAR  ' })).toEqual({ ...valid, name: 'SOAR' });
    const expiresAt = inDays(30);
    expect(CreateApiClientInput.parse({ ...valid, scopes: ['incidents:read', 'indicators:read'], expiresAt })).toMatchObject({ expiresAt });
  });

  it('names every bad field at once, in the reader’s language', () => {
    expect(errorsOf(CreateApiClientInput, { agencyId: 'sedena', name: 'ab', scopes: [], expiresAt: inDays(-1) })).toEqual({
      agencyId: ['The identifier is not valid.'],
      name: ['It is too short.'],
      scopes: ['Choose at least one scope.'],
      expiresAt: ['The expiry date must be in the future.'],
    });
    expect(errorsOf(CreateApiClientInput, { ...valid, scopes: [] }, 'es-MX')).toEqual({ scopes: ['Elige al menos un permiso.'] });
    expect(errorsOf(CreateApiClientInput, { ...valid, name: 'x'.repeat(101) })).toEqual({ name: ['It is too long.'] });
    expect(CreateApiClientInput.safeParse({ ...valid, name: 'x'.repeat(100) }).success).toBe(true);
  });

  it('refuses a missing, unknown or repeated scope', () => {
    expect(errorsOf(CreateApiClientInput, { agencyId: ID, name: 'SOAR' })).toEqual({ scopes: ['Choose at least one scope.'] });
    expect(errorsOf(CreateApiClientInput, { ...valid, scopes: ['incidents:delete'] })).toEqual({ 'scopes.0': ['Choose one of the listed options.'] });
    expect(errorsOf(CreateApiClientInput, { ...valid, scopes: ['incidents:read', 'incidents:read'] })).toEqual({ scopes: ['Each scope is chosen only once.'] });
  });

  it('refuses text PostgreSQL cannot store and a malformed expiry', () => {
    expect(errorsOf(CreateApiClientInput, { ...valid, name: 'SIEM\u0000' })).toEqual({
      name: ['It contains characters that cannot be stored (a null character or a broken symbol); remove them.'],
    });
    expect(errorsOf(CreateApiClientInput, { ...valid, expiresAt: '31/12/2027' })).toEqual({ expiresAt: ['Enter a valid date and time.'] });
    expect(expiryProblem('31/12/2027')).toBeNull();
  });

  it('an expiry must lie strictly ahead', () => {
    const now = Date.parse('2026-12-02T12:00:00Z');
    expect(expiryProblem('2026-12-02T12:00:00Z', now)).toBe('expiry_in_past');
    expect(expiryProblem('2026-12-02T12:00:01Z', now)).toBeNull();
  });

  it('list and revoke take ids', () => {
    expect(ListApiClientsInput.parse({})).toEqual({});
    expect(errorsOf(ListApiClientsInput, { agencyId: 'x' })).toEqual({ agencyId: ['The identifier is not valid.'] });
    expect(errorsOf(RevokeApiClientInput, {})).toEqual({ id: ['This field is required or has the wrong type.'] });
  });

  it('a client is revoked, else expired, else active', () => {
    const now = Date.parse('2026-12-02T12:00:00Z');
    expect(apiClientStatus({ revokedAt: null, expiresAt: null }, now)).toBe('active');
    expect(apiClientStatus({ revokedAt: null, expiresAt: '2026-12-03T00:00:00Z' }, now)).toBe('active');
    expect(apiClientStatus({ revokedAt: null, expiresAt: '2026-12-02T12:00:00Z' }, now)).toBe('expired');
    expect(apiClientStatus({ revokedAt: new Date(now - 1), expiresAt: '2026-12-01T00:00:00Z' }, now)).toBe('revoked');
  });

  it('the DTO has no room for the token', () => {
    expect(Object.keys(ApiClientDto.shape)).not.toContain('token');
    expect(Object.keys(ApiClientDto.shape).some((k) => /hash/i.test(k))).toBe(false);
  });
});
