import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  addresses,
  allowedAdvisorySteps,
  answerState,
  assertMayRespond,
  audienceProblems,
  canReadAdvisory,
  checkAdvisoryTransition,
  countAnswerStates,
  isResponseOverdue,
  advisoryDraftFromIncident,
  sourceIncidentProblems,
} from './status.ts';
import { CreateAdvisoryInput, RespondAdvisoryInput } from '../schemas/advisories.ts';

const coordinator = { role: 'coordinator', agencyId: 'anc' } as const;
const admin = { role: 'admin', agencyId: 'anc' } as const;
const sedena = { role: 'staff', agencyId: 'sedena' } as const;
const sspc = { role: 'staff', agencyId: 'sspc' } as const;
const named = { allAgencies: false, agencyIds: ['sedena', 'semar'] };

const code = (f: () => unknown) => {
  try {
    f();
    return 'none';
  } catch (e) {
    return e instanceof DomainError ? `${e.code}:${e.reason}` : 'other';
  }
};

describe('advisory state machine', () => {
  it('goes draft → published → closed, by coordinators only', () => {
    expect(checkAdvisoryTransition(coordinator, 'draft', 'published')).toBe('publish');
    expect(checkAdvisoryTransition(coordinator, 'published', 'closed')).toBe('close');
    expect(code(() => checkAdvisoryTransition(coordinator, 'draft', 'closed'))).toBe('INVALID_TRANSITION:advisory_transition_not_allowed');
    expect(code(() => checkAdvisoryTransition(coordinator, 'closed', 'published'))).toBe('INVALID_TRANSITION:advisory_transition_not_allowed');
    expect(code(() => checkAdvisoryTransition(coordinator, 'published', 'published'))).toBe('INVALID_TRANSITION:advisory_transition_not_allowed');
    expect(code(() => checkAdvisoryTransition(admin, 'draft', 'published'))).toBe('FORBIDDEN:role_not_allowed');
    expect(code(() => checkAdvisoryTransition(sedena, 'draft', 'published'))).toBe('FORBIDDEN:role_not_allowed');
  });

  it('offers the steps that exist from here, to coordinators only', () => {
    expect(allowedAdvisorySteps(coordinator, 'draft')).toEqual(['publish']);
    expect(allowedAdvisorySteps(coordinator, 'published')).toEqual(['close']);
    expect(allowedAdvisorySteps(coordinator, 'closed')).toEqual([]);
    expect(allowedAdvisorySteps(admin, 'draft')).toEqual([]);
    expect(allowedAdvisorySteps(sedena, 'published')).toEqual([]);
  });
});

describe('audience rule (TLP 2.0)', () => {
  it('lets CLEAR and GREEN go to every agency', () => {
    expect(audienceProblems('CLEAR', { allAgencies: true, agencyIds: [] })).toEqual({});
    expect(audienceProblems('GREEN', { allAgencies: true, agencyIds: [] })).toEqual({});
  });

  it('sends AMBER, AMBER+STRICT and RED only to named agencies', () => {
    for (const tlp of ['AMBER', 'AMBER+STRICT', 'RED'] as const) {
      expect(audienceProblems(tlp, { allAgencies: true, agencyIds: [] })).toEqual({ allAgencies: ['advisory_tlp_named_only'] });
      expect(audienceProblems(tlp, named)).toEqual({});
    }
  });

  it('needs an audience, and only one kind of it', () => {
    expect(audienceProblems('GREEN', { allAgencies: false, agencyIds: [] })).toEqual({ agencyIds: ['advisory_audience_required'] });
    expect(audienceProblems('GREEN', { allAgencies: true, agencyIds: ['sedena'] })).toEqual({ agencyIds: ['advisory_audience_both'] });
  });

  it('addresses the named agencies, or every one', () => {
    expect(addresses(named, 'sedena')).toBe(true);
    expect(addresses(named, 'sspc')).toBe(false);
    expect(addresses({ allAgencies: true, agencyIds: [] }, 'sspc')).toBe(true);
  });
});

describe('who reads and answers', () => {
  it('hides drafts from staff and advisories from agencies outside the audience', () => {
    expect(canReadAdvisory(sedena, { ...named, status: 'draft' })).toBe(false);
    expect(canReadAdvisory(sedena, { ...named, status: 'published' })).toBe(true);
    expect(canReadAdvisory(sedena, { ...named, status: 'closed' })).toBe(true);
    expect(canReadAdvisory(sspc, { ...named, status: 'published' })).toBe(false);
    expect(canReadAdvisory(coordinator, { ...named, status: 'draft' })).toBe(true);
    expect(canReadAdvisory(admin, { ...named, status: 'draft' })).toBe(true);
  });

  it('takes answers from staff while published', () => {
    expect(code(() => assertMayRespond(sedena, { ...named, status: 'published' }))).toBe('none');
    expect(code(() => assertMayRespond(sedena, { ...named, status: 'closed' }))).toBe('UNPROCESSABLE:advisory_not_published');
    expect(code(() => assertMayRespond(coordinator, { ...named, status: 'published' }))).toBe('FORBIDDEN:role_not_allowed');
  });
});

describe('overdue', () => {
  const respondBy = new Date('2026-12-04T23:59:00.000Z');
  const justAfter = new Date(respondBy.getTime() + 1);

  it('starts the millisecond after respondBy, for an agency that has not answered', () => {
    expect(isResponseOverdue(respondBy, null, new Date(respondBy.getTime() - 1))).toBe(false);
    expect(isResponseOverdue(respondBy, null, respondBy)).toBe(false);
    expect(isResponseOverdue(respondBy, null, justAfter)).toBe(true);
  });

  it('ends with any answer, a late one too', () => {
    expect(isResponseOverdue(respondBy, new Date(respondBy.getTime() - 60_000), justAfter)).toBe(false);
    expect(isResponseOverdue(respondBy, justAfter, new Date(justAfter.getTime() + 1))).toBe(false);
  });

  it('counts answered, overdue and pending agencies', () => {
    const states = [answerState(respondBy, justAfter, justAfter), answerState(respondBy, null, justAfter), answerState(respondBy, null, respondBy)];
    expect(states).toEqual(['answered', 'overdue', 'pending']);
    expect(countAnswerStates(states)).toEqual({ answered: 1, overdue: 1, pending: 1 });
  });
});

describe('advisory input', () => {
  const valid = {
    title: 'Vulnerabilidad crítica en FortiOS SSL-VPN',
    summary: 'Explotación activa de CVE-2024-21762.',
    body: 'Detalles técnicos.',
    severity: 4,
    tlp: 'AMBER',
    cves: ['cve-2024-21762', 'CVE‐2024‐21762'],
    actionRequired: 'Actualizar FortiOS a 7.4.3 o posterior.',
    respondBy: new Date(Date.now() + 86_400_000).toISOString(),
    agencyIds: ['0b6f2a4e-8c1d-4d7e-9a3b-2f5c6d7e8f90'],
  };

  it('spells CVEs canonically, once each', () => {
    expect(CreateAdvisoryInput.parse(valid).cves).toEqual(['CVE-2024-21762']);
  });

  it('reports every bad field at once', () => {
    const r = CreateAdvisoryInput.safeParse({ ...valid, cves: ['CVE-24-1'], severity: 7, allAgencies: true, agencyIds: [], respondBy: '2020-01-01T00:00:00Z' });
    expect(r.success).toBe(false);
    const paths = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(paths).toMatchObject({ 'cves.0': 'invalid_cve', severity: 'invalid_severity', respondBy: 'due_in_past' });
  });

  it('refuses an AMBER advisory to every agency', () => {
    const r = CreateAdvisoryInput.safeParse({ ...valid, allAgencies: true, agencyIds: [] });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['allAgencies', 'advisory_tlp_named_only']]);
  });

  it('takes the four answers only', () => {
    expect(RespondAdvisoryInput.safeParse({ id: valid.agencyIds[0], status: 'mitigating' }).success).toBe(true);
    expect(RespondAdvisoryInput.safeParse({ id: valid.agencyIds[0], status: 'patched' }).success).toBe(false);
  });
});

describe('an advisory from an incident', () => {
  const incident = {
    agencyId: 'sedena',
    tlp: 'AMBER' as const,
    status: 'triaged' as const,
    title: 'Intrusión en VPN',
    severity: 4,
    observables: [
      { type: 'cve', value: 'CVE-2024-21762' },
      { type: 'ipv4', value: '203.0.113.7' },
    ],
  };

  it('carries the CVEs, the indicators, the severity and the TLP; RED-free audience', () => {
    const d = advisoryDraftFromIncident(incident, new Date('2026-12-01T00:00:00Z'));
    expect(d).toMatchObject({
      cves: ['CVE-2024-21762'],
      tlp: 'AMBER',
      severity: 4,
      allAgencies: false,
      agencyIds: ['sedena'],
      respondBy: '2026-12-04T00:00:00.000Z',
    });
    expect(d.body).toContain('- ipv4: 203.0.113.7');
  });

  it('never lowers the TLP nor reaches agencies the incident could not be shared with', () => {
    expect(sourceIncidentProblems(incident, { tlp: 'GREEN', allAgencies: false, agencyIds: ['semar'] })).toEqual({ tlp: ['advisory_tlp_below_incident'] });
    expect(sourceIncidentProblems(incident, { tlp: 'AMBER', allAgencies: false, agencyIds: ['semar'] })).toEqual({});
    const red = { ...incident, tlp: 'RED' as const };
    expect(sourceIncidentProblems(red, { tlp: 'RED', allAgencies: false, agencyIds: ['sedena'] })).toEqual({});
    expect(sourceIncidentProblems(red, { tlp: 'RED', allAgencies: false, agencyIds: ['sedena', 'semar'] })).toEqual({
      agencyIds: ['advisory_beyond_incident_readers'],
    });
    const green = { ...incident, tlp: 'GREEN' as const };
    expect(sourceIncidentProblems(green, { tlp: 'GREEN', allAgencies: true, agencyIds: [] })).toEqual({});
  });
});
