import { CreateInitiativeInput, UpdateInitiativeInput } from '@anc/domain';
import { describe, expect, it } from 'vitest';
import { EMPTY_INITIATIVE, type InitiativeFormValues, budgetPreview, toCreateInput, toUpdateInput } from './form-model.ts';

const LEAD = '7d0f5a52-4b1c-4f0e-9a53-2c1a1b7e9f10';
const OTHER = '0c7c4a4e-2f7e-4a39-8d4a-5d2b8f1e6a11';

const filled: InitiativeFormValues = {
  code: 'pn-2027-004',
  title: 'Centro de respuesta sectorial',
  description: '',
  objective: 'public_institutions',
  axes: ['standards', 'culture'],
  leadAgencyId: LEAD,
  participantAgencyIds: [LEAD, OTHER],
  startDate: '2027-01-01',
  endDate: '2027-12-31',
  budgetMxn: '1,234,567.89',
};

describe('initiative form model', () => {
  it('turns the form into the exact create input (code raised, budget to the cent, lead not a participant)', () => {
    const parsed = CreateInitiativeInput.parse(toCreateInput(filled));
    expect(parsed).toMatchObject({
      code: 'PN-2027-004',
      axes: ['culture', 'standards'],
      participantAgencyIds: [OTHER],
      budgetMxn: '1234567.89',
    });
  });

  it('names every missing field of an empty form', () => {
    const result = CreateInitiativeInput.safeParse(toCreateInput(EMPTY_INITIATIVE));
    expect(result.success).toBe(false);
    const paths = new Set(result.error?.issues.map((i) => i.path.join('.')));
    for (const field of ['code', 'title', 'objective', 'leadAgencyId', 'startDate', 'endDate', 'budgetMxn']) expect(paths.has(field), field).toBe(true);
  });

  it('sends only what changed in an edit', () => {
    const input = toUpdateInput('id-1', 3, filled, { ...filled, budgetMxn: '2000000', axes: ['culture', 'standards'] });
    expect(input).toEqual({ id: 'id-1', version: 3, budgetMxn: '2000000' });
    // Both dates changed and backwards: the same schema the API uses refuses it on the end date.
    const backwards = UpdateInitiativeInput.safeParse(toUpdateInput(LEAD, 3, filled, { ...filled, startDate: '2027-06-01', endDate: '2027-05-01' }));
    expect(backwards.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['endDate', 'end_before_start']]);
  });

  it('previews the budget exactly, or not at all', () => {
    expect(budgetPreview('1500000.5')).toBe('$1,500,000.50 MXN');
    expect(budgetPreview('12.345')).toBeNull();
    expect(budgetPreview('')).toBeNull();
  });
});
