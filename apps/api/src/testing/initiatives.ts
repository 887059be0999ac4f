// Helpers for the initiative API tests: a valid initiative to start from.
import type { CreateInitiativeInput } from '@anc/domain';
import { mexicoCityDate, addDays } from '@anc/domain';

let serial = 0;
/** A fresh code per call (PN-2030-001, PN-2030-002…): tests that reset share none. */
export const nextCode = () => `PN-2030-${String(++serial).padStart(3, '0')}`;

/** Today ± days, as the calendar day of Mexico City. */
export const day = (offset: number) => addDays(mexicoCityDate(new Date()), offset);

export function validInitiative(leadAgencyId: string, overrides: Partial<CreateInitiativeInput> = {}): CreateInitiativeInput {
  return {
    code: nextCode(),
    title: 'Centro de respuesta a incidentes del sector salud',
    description: 'Un CSIRT sectorial para hospitales públicos, con guardia 24/7.',
    objective: 'public_institutions',
    axes: ['critical_infrastructure', 'capacity_building'],
    leadAgencyId,
    participantAgencyIds: [],
    startDate: day(-30),
    endDate: day(365),
    budgetMxn: '1500000.00',
    ...overrides,
  };
}
