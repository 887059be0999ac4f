import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { incidentCapabilities, assertIncidentCapability } from './access.ts';
import { searchedIndicator } from './observables.ts';
import { checkOwnerCandidate, ownerIsToldOfAssignment } from './owner.ts';

const incident = { agencyId: 'a1', tlp: 'AMBER' as const, status: 'triaged' as const };

describe('incident owner', () => {
  it('only coordinators set the owner, and not once the incident is gone', () => {
    expect(incidentCapabilities({ role: 'coordinator', agencyId: 'anc' }, incident).setOwner).toBe(true);
    expect(incidentCapabilities({ role: 'staff', agencyId: 'a1' }, incident).setOwner).toBe(false);
    expect(incidentCapabilities({ role: 'admin', agencyId: 'anc' }, incident).setOwner).toBe(false);
    expect(() => assertIncidentCapability({ role: 'staff', agencyId: 'a1' }, incident, 'setOwner')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => assertIncidentCapability({ role: 'coordinator', agencyId: 'anc' }, { ...incident, status: 'merged' }, 'setOwner')).toThrow(
      expect.objectContaining({ code: 'UNPROCESSABLE', reason: 'incident_gone' }),
    );
  });

  it('the owner must be an active coordinator (a field error otherwise)', () => {
    expect(() => checkOwnerCandidate({ id: 'u', role: 'coordinator', active: true })).not.toThrow();
    for (const candidate of [
      undefined,
      { id: 'u', role: 'staff' as const, active: true },
      { id: 'u', role: 'admin' as const, active: true },
      { id: 'u', role: 'coordinator' as const, active: false },
    ]) {
      const error = (() => {
        try {
          checkOwnerCandidate(candidate);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { ownerId: ['owner_not_coordinator'] } });
    }
  });

  it('the new owner is told only when someone else gave them the incident', () => {
    expect(ownerIsToldOfAssignment('me', 'other', null)).toBe(true);
    expect(ownerIsToldOfAssignment('me', 'me', null)).toBe(false);
    expect(ownerIsToldOfAssignment('me', null, 'other')).toBe(false);
    expect(ownerIsToldOfAssignment('me', 'other', 'other')).toBe(false);
  });
});

describe('searchedIndicator', () => {
  it('recognises indicators in their canonical spelling', () => {
    expect(searchedIndicator('192.0.2.77')).toEqual({ type: 'ipv4', value: '192.0.2.77' });
    expect(searchedIndicator('192[.]0[.]2[.]77')).toEqual({ type: 'ipv4', value: '192.0.2.77' });
    expect(searchedIndicator('hxxps://Malo[.]example[.]com/login')).toEqual({ type: 'url', value: 'https://malo.example.com/login' });
    expect(searchedIndicator('EXAMPLE[.]com')).toEqual({ type: 'domain', value: 'example.com' });
    expect(searchedIndicator('D41D8CD98F00B204E9800998ECF8427E')).toEqual({ type: 'md5', value: 'd41d8cd98f00b204e9800998ecf8427e' });
    expect(searchedIndicator('cve-2024-3094')).toEqual({ type: 'cve', value: 'CVE-2024-3094' });
    expect(searchedIndicator('2001:DB8:0:0:0:0:0:1')).toEqual({ type: 'ipv6', value: '2001:db8::1' });
  });

  it('leaves free text and refused values to the text search', () => {
    expect(searchedIndicator('fuga de correos')).toBeNull();
    expect(searchedIndicator('ransomware')).toBeNull();
    expect(searchedIndicator('999.1.1.1')).toBeNull();
    expect(searchedIndicator('INC-2026-000001')).toBeNull();
  });
});
