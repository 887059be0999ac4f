import { describe, expect, it } from 'vitest';
import { countInitiativeFilters, toInitiativeFilters, validateInitiativesSearch } from './search.ts';

const AGENCY = '7d0f5a52-4b1c-4f0e-9a53-2c1a1b7e9f10';

describe('validateInitiativesSearch', () => {
  it('keeps known values and drops the rest', () => {
    expect(
      validateInitiativesSearch({
        objective: 'public_security',
        axis: 'nope',
        status: ['active', 'bogus', 'proposed'],
        leadAgencyId: AGENCY.toUpperCase(),
        agencyId: 'not-a-uuid',
        q: '  PN-2027 ',
      }),
    ).toEqual({
      objective: 'public_security',
      axis: undefined,
      status: ['proposed', 'active'],
      leadAgencyId: AGENCY,
      agencyId: undefined,
      q: 'PN-2027',
    });
  });

  it('reads one status as a list', () => {
    expect(validateInitiativesSearch({ status: 'on_hold' }).status).toEqual(['on_hold']);
  });

  it('counts the filters and leaves absent ones out of the API input', () => {
    const search = validateInitiativesSearch({ axis: 'culture', agencyId: AGENCY });
    expect(countInitiativeFilters(search)).toBe(2);
    expect(toInitiativeFilters(search)).toEqual({ axis: 'culture', agencyId: AGENCY });
  });
});
