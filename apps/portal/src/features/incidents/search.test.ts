import { describe, expect, it } from 'vitest';
import { hasFilters, toIncidentFilters, validateIncidentsSearch } from './search.ts';
import { isoToMxWall, mxDayEnd, mxDayStart, mxWallToIso } from '../../lib/time.ts';

const AGENCY = '0b6f6f1e-5c9a-4f0e-9a57-1f2d3c4b5a69';

describe('incident list filters in the address', () => {
  it('keeps the known values and drops the rest', () => {
    expect(
      validateIncidentsSearch({
        status: ['triaged', 'nope', 'submitted'],
        severity: ['5', 3, 9],
        tlp: 'RED',
        rsitClass: ['fraud'],
        agencyId: AGENCY,
        q: '  phishing  ',
        from: '2026-11-01',
        to: '2026-02-31',
        obligation: 'overdue',
      }),
    ).toEqual({
      status: ['submitted', 'triaged'],
      severity: [3, 5],
      tlp: ['RED'],
      rsitClass: ['fraud'],
      agencyId: AGENCY,
      q: 'phishing',
      from: '2026-11-01',
      to: undefined,
      obligation: 'overdue',
    });
  });

  it('refuses a malformed agency id and an unknown obligation, and turns a backwards range around', () => {
    const search = validateIncidentsSearch({ agencyId: 'x', obligation: 'soon', from: '2026-11-20', to: '2026-11-01' });
    expect(search.agencyId).toBeUndefined();
    expect(search.obligation).toBeUndefined();
    expect([search.from, search.to]).toEqual(['2026-11-01', '2026-11-20']);
  });

  it('knows when nothing is filtered', () => {
    expect(hasFilters(validateIncidentsSearch({}))).toBe(false);
    expect(hasFilters(validateIncidentsSearch({ q: 'x' }))).toBe(true);
  });

  it('turns days into Mexico City instants, the last day included', () => {
    const filters = toIncidentFilters(validateIncidentsSearch({ from: '2026-11-01', to: '2026-11-20', agencyId: AGENCY }), { withAgency: false });
    expect(filters).toEqual({ from: '2026-11-01T00:00:00-06:00', to: '2026-11-21T00:00:00-06:00' });
    expect(toIncidentFilters({ agencyId: AGENCY }, { withAgency: true })).toEqual({ agencyId: AGENCY });
  });
});

describe('Mexico City wall time', () => {
  it('converts both ways, with the zone of the date (daylight saving until 2022)', () => {
    expect(mxWallToIso('2026-11-20 09:30')).toBe('2026-11-20T09:30:00-06:00');
    expect(mxWallToIso('2021-07-01 09:30:00')).toBe('2021-07-01T09:30:00-05:00');
    expect(isoToMxWall('2026-11-20T15:30:00Z')).toBe('2026-11-20 09:30:00');
  });

  it('refuses what is not a date', () => {
    expect(mxWallToIso('2026-02-30')).toBeNull();
    expect(mxWallToIso('yesterday')).toBeNull();
    expect(mxDayStart('2026-13-01')).toBeNull();
    expect(mxDayEnd('2026-12-31')).toBe('2027-01-01T00:00:00-06:00');
  });
});
