import { describe, expect, it } from 'vitest';
import { fieldErrorsFromIssues } from '../messages.ts';
import {
  AddKpiInput,
  CompleteMilestoneInput,
  CreateInitiativeInput,
  ListInitiativesInput,
  RecordKpiValueInput,
  TransitionInitiativeInput,
  UpdateInitiativeInput,
} from './initiatives.ts';

const lead = '0b0e8d5e-6c4e-4d4f-9c59-0c7a6f9c8e11';
const partner = '1b0e8d5e-6c4e-4d4f-9c59-0c7a6f9c8e12';
const good = {
  code: 'pn-2027-004',
  title: 'Centro de respuesta a incidentes del sector salud',
  objective: 'public_institutions',
  axes: ['critical_infrastructure', 'capacity_building', 'capacity_building'],
  leadAgencyId: lead,
  participantAgencyIds: [partner, partner],
  startDate: '2027-01-15',
  endDate: '2028-12-31',
  budgetMxn: '1,500,000.5',
};

const fieldOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) =>
  r.error?.issues.filter((i) => i.path.join('.') === field).map((i) => i.message);

describe('CreateInitiativeInput', () => {
  it('normalises code, axes, participants and budget (exactly, as text)', () => {
    const v = CreateInitiativeInput.parse(good);
    expect(v.code).toBe('PN-2027-004');
    expect(v.axes).toEqual(['capacity_building', 'critical_infrastructure']);
    expect(v.participantAgencyIds).toEqual([partner]);
    expect(v.budgetMxn).toBe('1500000.50');
    expect(v.description).toBe('');
    expect(CreateInitiativeInput.parse({ ...good, budgetMxn: '12345678901234.99' }).budgetMxn).toBe('12345678901234.99');
    expect(CreateInitiativeInput.parse({ ...good, budgetMxn: '0.01' }).budgetMxn).toBe('0.01');
  });

  it.each([
    ['a code in another format', { code: 'PN-27-4' }, 'code', 'invalid_initiative_code'],
    ['an empty code', { code: '' }, 'code', 'required'],
    ['an unknown objective', { objective: 'world_peace' }, 'objective', 'invalid_option'],
    ['an unknown axis', { axes: ['culture', 'space'] }, 'axes.1', 'invalid_option'],
    ['a date that does not exist', { startDate: '2027-02-30' }, 'startDate', 'invalid_date'],
    ['an end before the start', { endDate: '2027-01-14' }, 'endDate', 'end_before_start'],
    ['a budget with three decimals', { budgetMxn: '10.005' }, 'budgetMxn', 'invalid_money'],
    ['a budget as a JSON number', { budgetMxn: 1500000.5 }, 'budgetMxn', 'required'],
    ['a negative budget', { budgetMxn: '-5.00' }, 'budgetMxn', 'invalid_money'],
    ['a budget over the column size', { budgetMxn: '123456789012345.00' }, 'budgetMxn', 'invalid_money'],
  ])('refuses %s on that field', (_label, patch, field, key) => {
    const r = CreateInitiativeInput.safeParse({ ...good, ...patch });
    expect(r.success).toBe(false);
    expect(fieldOf(r, field)).toContain(key);
  });

  it('accepts a one-day initiative', () => {
    expect(CreateInitiativeInput.safeParse({ ...good, endDate: good.startDate }).success).toBe(true);
  });

  it('words its errors in both languages', () => {
    const r = CreateInitiativeInput.safeParse({ ...good, endDate: '2026-01-01' });
    expect(fieldErrorsFromIssues(r.error?.issues ?? [], 'es-MX').endDate).toEqual(['La fecha de término no puede ser anterior a la de inicio.']);
    expect(fieldErrorsFromIssues(r.error?.issues ?? [], 'en').endDate).toEqual(['The end date cannot be earlier than the start date.']);
  });
});

describe('the other inputs', () => {
  it('UpdateInitiativeInput takes any subset with the version, and checks dates given together', () => {
    expect(UpdateInitiativeInput.parse({ id: lead, version: 3, budgetMxn: '0.01' })).toEqual({ id: lead, version: 3, budgetMxn: '0.01' });
    expect(fieldOf(UpdateInitiativeInput.safeParse({ id: lead, version: 3, startDate: '2027-05-01', endDate: '2027-04-30' }), 'endDate')).toEqual([
      'end_before_start',
    ]);
    expect(UpdateInitiativeInput.safeParse({ id: lead, budgetMxn: '1.00' }).success).toBe(false);
  });

  it('TransitionInitiativeInput knows the statuses', () => {
    expect(TransitionInitiativeInput.safeParse({ id: lead, version: 1, to: 'approved' }).success).toBe(true);
    expect(fieldOf(TransitionInitiativeInput.safeParse({ id: lead, version: 1, to: 'rejected' }), 'to')).toEqual(['invalid_option']);
  });

  it('KPI decimals stay text with four places; a JSON number is refused', () => {
    expect(AddKpiInput.parse({ initiativeId: lead, name: 'Tiempo medio de parcheo', unit: 'días', baseline: '45', target: '15.5' })).toMatchObject({
      baseline: '45.0000',
      target: '15.5000',
    });
    expect(RecordKpiValueInput.parse({ kpiId: lead, value: '1,234.5678' }).value).toBe('1234.5678');
    expect(fieldOf(RecordKpiValueInput.safeParse({ kpiId: lead, value: '12.34567' }), 'value')).toEqual(['invalid_decimal']);
    expect(fieldOf(RecordKpiValueInput.safeParse({ kpiId: lead, value: 12.5 }), 'value')).toEqual(['invalid_decimal']);
    expect(fieldOf(RecordKpiValueInput.safeParse({ kpiId: lead, value: '' }), 'value')).toEqual(['required']);
    expect(fieldOf(RecordKpiValueInput.safeParse({ kpiId: lead, value: '1', at: '2027-01-01' }), 'at')).toEqual(['invalid_datetime']);
  });

  it('CompleteMilestoneInput takes an optional calendar day', () => {
    expect(CompleteMilestoneInput.safeParse({ milestoneId: lead }).success).toBe(true);
    expect(fieldOf(CompleteMilestoneInput.safeParse({ milestoneId: lead, doneDate: '31/01/2027' }), 'doneDate')).toEqual(['invalid_date']);
  });

  it('ListInitiativesInput has the list defaults and the filters', () => {
    expect(ListInitiativesInput.parse({})).toEqual({ limit: 25 });
    expect(ListInitiativesInput.parse({ objective: 'national_security', axis: 'culture', status: ['active', 'on_hold'], q: ' salud ' })).toMatchObject({
      q: 'salud',
    });
    expect(ListInitiativesInput.safeParse({ status: ['done'] }).success).toBe(false);
  });
});
