import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { assertProgressReporter, initiativeCapabilities } from './access.ts';

const LEAD = 'a0000000-0000-4000-8000-000000000001';
const PARTNER = 'a0000000-0000-4000-8000-000000000002';
const ANC = 'a0000000-0000-4000-8000-000000000009';
const actors = {
  admin: { role: 'admin' as const, agencyId: ANC },
  coordinator: { role: 'coordinator' as const, agencyId: ANC },
  leadStaff: { role: 'staff' as const, agencyId: LEAD },
  partnerStaff: { role: 'staff' as const, agencyId: PARTNER },
};

const codeOf = (f: () => void) => {
  try {
    f();
    return 'OK';
  } catch (e) {
    return e instanceof DomainError ? `${e.code}:${e.reason}` : 'THREW';
  }
};

describe('who reports an initiative’s progress', () => {
  it('admins and staff of the lead agency; not a participating agency, not a coordinator', () => {
    const active = { status: 'active' as const, leadAgencyId: LEAD };
    expect(codeOf(() => assertProgressReporter(actors.admin, active))).toBe('OK');
    expect(codeOf(() => assertProgressReporter(actors.leadStaff, active))).toBe('OK');
    expect(codeOf(() => assertProgressReporter(actors.partnerStaff, active))).toBe('FORBIDDEN:initiative_lead_agency_only');
    expect(codeOf(() => assertProgressReporter(actors.coordinator, active))).toBe('FORBIDDEN:initiative_lead_agency_only');
  });

  it('nobody once the initiative is completed or cancelled, and FORBIDDEN still comes first', () => {
    for (const status of ['completed', 'cancelled'] as const) {
      expect(codeOf(() => assertProgressReporter(actors.leadStaff, { status, leadAgencyId: LEAD }))).toBe('UNPROCESSABLE:initiative_closed');
      expect(codeOf(() => assertProgressReporter(actors.admin, { status, leadAgencyId: LEAD }))).toBe('UNPROCESSABLE:initiative_closed');
      expect(codeOf(() => assertProgressReporter(actors.partnerStaff, { status, leadAgencyId: LEAD }))).toBe('FORBIDDEN:initiative_lead_agency_only');
    }
  });
});

describe('capabilities offered on the detail page', () => {
  it('follow the role, the lead agency and the status', () => {
    const active = { status: 'active' as const, leadAgencyId: LEAD };
    expect(initiativeCapabilities(actors.admin, active)).toEqual({
      edit: true,
      transition: true,
      addMilestone: true,
      addKpi: true,
      completeMilestones: true,
      recordKpi: true,
    });
    expect(initiativeCapabilities(actors.leadStaff, active)).toEqual({
      edit: false,
      transition: false,
      addMilestone: false,
      addKpi: false,
      completeMilestones: true,
      recordKpi: true,
    });
    const none = { edit: false, transition: false, addMilestone: false, addKpi: false, completeMilestones: false, recordKpi: false };
    expect(initiativeCapabilities(actors.partnerStaff, active)).toEqual(none);
    expect(initiativeCapabilities(actors.coordinator, active)).toEqual(none);
    // A completed initiative: the admin may still correct its record, nothing else moves.
    expect(initiativeCapabilities(actors.admin, { status: 'completed', leadAgencyId: LEAD })).toEqual({ ...none, edit: true });
    expect(initiativeCapabilities(actors.leadStaff, { status: 'cancelled', leadAgencyId: LEAD })).toEqual(none);
  });
});
