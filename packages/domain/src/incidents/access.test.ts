import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { INCIDENT_STATUSES } from './status.ts';
import { TLP_LEVELS } from './taxonomy.ts';
import { assertIncidentCapability, canReadIncident, checkShare, incidentCapabilities, shareGrantsRead } from './access.ts';

const OWN = 'agency-own';
const OTHER = 'agency-other';
const staff = { role: 'staff' as const, agencyId: OWN };
const coordinator = { role: 'coordinator' as const, agencyId: 'anc' };
const admin = { role: 'admin' as const, agencyId: 'anc' };
const none = { named: false, all: false };

const errorOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? `${e.code}:${e.reason}` : 'other';
  }
};

describe('who may read an incident', () => {
  for (const tlp of TLP_LEVELS) {
    it(`TLP:${tlp}: coordinators and admins read all; staff read their own`, () => {
      const incident = { agencyId: OTHER, tlp, status: 'submitted' as const };
      expect(canReadIncident(coordinator, incident, none)).toBe(true);
      expect(canReadIncident(admin, incident, none)).toBe(true);
      expect(canReadIncident(staff, incident, none)).toBe(false);
      expect(canReadIncident(staff, { ...incident, agencyId: OWN }, none)).toBe(true);
    });
  }

  it('a named share grants a read for every TLP but RED', () => {
    expect(TLP_LEVELS.filter((tlp) => shareGrantsRead(tlp, { named: true, all: false }))).toEqual(['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT']);
  });

  it('a share with all grants a read only for CLEAR and GREEN', () => {
    expect(TLP_LEVELS.filter((tlp) => shareGrantsRead(tlp, { named: false, all: true }))).toEqual(['CLEAR', 'GREEN']);
  });

  it('raising the TLP to RED narrows the readers to the reporting body even with shares recorded', () => {
    const incident = { agencyId: OTHER, tlp: 'RED' as const, status: 'triaged' as const };
    expect(canReadIncident(staff, incident, { named: true, all: true })).toBe(false);
  });
});

describe('sharing honours TLP 2.0', () => {
  it('refuses RED whatever the audience', () => {
    expect(errorOf(() => checkShare('RED', { allAgencies: false, agencyCount: 1 }))).toBe('UNPROCESSABLE:tlp_red_not_shareable');
    expect(errorOf(() => checkShare('RED', { allAgencies: true, agencyCount: 0 }))).toBe('UNPROCESSABLE:tlp_red_not_shareable');
  });
  it('shares AMBER and AMBER+STRICT only by name', () => {
    for (const tlp of ['AMBER', 'AMBER+STRICT'] as const) {
      expect(errorOf(() => checkShare(tlp, { allAgencies: false, agencyCount: 2 }))).toBeNull();
      expect(errorOf(() => checkShare(tlp, { allAgencies: true, agencyCount: 0 }))).toBe('UNPROCESSABLE:tlp_amber_named_only');
    }
  });
  it('shares GREEN and CLEAR by name or with all', () => {
    for (const tlp of ['GREEN', 'CLEAR'] as const) {
      expect(errorOf(() => checkShare(tlp, { allAgencies: true, agencyCount: 0 }))).toBeNull();
      expect(errorOf(() => checkShare(tlp, { allAgencies: false, agencyCount: 1 }))).toBeNull();
    }
  });
  it('asks for an audience', () => {
    expect(errorOf(() => checkShare('GREEN', { allAgencies: false, agencyCount: 0 }))).toBe('BAD_REQUEST:invalid_input');
  });
});

describe('what each party may do', () => {
  it('the reporting body edits only while submitted; coordinators until rejected or merged', () => {
    for (const status of INCIDENT_STATUSES) {
      const own = { agencyId: OWN, tlp: 'AMBER' as const, status };
      expect(incidentCapabilities(staff, own).edit).toBe(status === 'submitted');
      expect(incidentCapabilities(coordinator, own).edit).toBe(status !== 'rejected' && status !== 'merged');
      expect(incidentCapabilities(admin, own).edit).toBe(false);
    }
  });

  it('staff of a body it was shared with may comment but not edit, report or manage indicators', () => {
    const shared = { agencyId: OTHER, tlp: 'GREEN' as const, status: 'investigating' as const };
    expect(incidentCapabilities(staff, shared)).toEqual({
      edit: false,
      comment: true,
      manageObservables: false,
      submitReport: false,
      share: false,
      setOwner: false,
    });
    expect(errorOf(() => assertIncidentCapability(staff, shared, 'edit'))).toBe('FORBIDDEN:role_not_allowed');
  });

  it('answers UNPROCESSABLE with the rule when the state is what forbids', () => {
    const triaged = { agencyId: OWN, tlp: 'AMBER' as const, status: 'triaged' as const };
    expect(errorOf(() => assertIncidentCapability(staff, triaged, 'edit'))).toBe('UNPROCESSABLE:incident_edit_after_triage');
    const closed = { ...triaged, status: 'closed' as const };
    expect(errorOf(() => assertIncidentCapability(staff, closed, 'comment'))).toBe('UNPROCESSABLE:incident_finished');
    expect(errorOf(() => assertIncidentCapability(coordinator, closed, 'comment'))).toBeNull();
    const red = { ...triaged, tlp: 'RED' as const };
    expect(errorOf(() => assertIncidentCapability(coordinator, red, 'share'))).toBe('UNPROCESSABLE:tlp_red_not_shareable');
    expect(incidentCapabilities(coordinator, red).share).toBe(false);
  });

  it('only the reporting body submits the follow-up reports, until rejected or merged', () => {
    expect(incidentCapabilities(staff, { agencyId: OWN, tlp: 'RED', status: 'closed' }).submitReport).toBe(true);
    expect(incidentCapabilities(staff, { agencyId: OWN, tlp: 'RED', status: 'merged' }).submitReport).toBe(false);
    expect(incidentCapabilities(coordinator, { agencyId: OWN, tlp: 'RED', status: 'triaged' }).submitReport).toBe(false);
  });
});
