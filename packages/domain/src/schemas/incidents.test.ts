import { describe, expect, it } from 'vitest';
import { fieldErrorsFromIssues } from '../messages.ts';
import {
  CommentIncidentInput,
  CreateIncidentInput,
  IncidentFilters,
  TransitionIncidentInput,
  MoneyMxn,
  incidentDateProblems,
  incidentFiltersFromSearchParams,
  incidentFiltersToSearchParams,
} from './incidents.ts';

const valid = {
  title: 'Acceso no autorizado al correo institucional',
  description: 'Se detectaron inicios de sesión desde direcciones desconocidas.',
  rsitClass: 'intrusions',
  rsitType: 'unprivileged-account-compromise',
  severity: 3,
  tlp: 'AMBER',
  detectedAt: '2026-11-20T09:30:00-06:00',
  awareAt: '2026-11-20T10:00:00-06:00',
  impact: { personalData: false, criticalService: false, crossBorder: false },
  observables: [
    { type: 'ipv4', value: '192.0.2.10' },
    { type: 'domain', value: 'Correo-Falso.example.' },
  ],
};

const errorsOf = (input: unknown) => {
  const r = CreateIncidentInput.safeParse(input);
  return r.success ? {} : fieldErrorsFromIssues(r.error.issues, 'en');
};

describe('CreateIncidentInput', () => {
  it('accepts a complete report and normalises it', () => {
    const r = CreateIncidentInput.parse(valid);
    expect(r.observables).toEqual([
      { type: 'ipv4', value: '192.0.2.10' },
      { type: 'domain', value: 'correo-falso.example' },
    ]);
    expect(r.impact).toEqual({ personalData: false, records: null, criticalService: false, crossBorder: false, estimatedLossMxn: null });
    expect(r.affectedSystems).toBe('');
  });

  it('names every bad field', () => {
    const errors = errorsOf({
      ...valid,
      title: 'x'.repeat(201),
      description: '',
      rsitClass: 'hacking',
      severity: 6,
      tlp: 'WHITE',
      detectedAt: '20/11/2026',
      impact: { ...valid.impact, estimatedLossMxn: '12.345' },
      observables: [{ type: 'ipv4', value: '999.1.1.1' }],
    });
    expect(Object.keys(errors).sort()).toEqual([
      'description',
      'detectedAt',
      'impact.estimatedLossMxn',
      'observables.0.value',
      'rsitClass',
      'severity',
      'title',
      'tlp',
    ]);
    expect(errors.severity).toEqual(['Choose a severity level from 0 to 5.']);
  });

  it('refuses a type of another class, awareness before detection, future dates and records without personal data', () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(errorsOf({ ...valid, rsitType: 'phishing' })).toEqual({ rsitType: ['That type does not belong to the chosen class.'] });
    expect(Object.keys(errorsOf({ ...valid, awareAt: '2026-11-20T09:00:00-06:00' }))).toEqual(['awareAt']);
    expect(Object.keys(errorsOf({ ...valid, detectedAt: future, awareAt: future }))).toEqual(['detectedAt', 'awareAt']);
    expect(Object.keys(errorsOf({ ...valid, impact: { ...valid.impact, records: 10 } }))).toEqual(['impact.records']);
  });

  it('refuses 501 indicators', () => {
    const observables = Array.from({ length: 501 }, (_, i) => ({ type: 'ipv4', value: `10.0.${Math.floor(i / 256)}.${i % 256}` }));
    expect(Object.keys(errorsOf({ ...valid, observables }))).toEqual(['observables']);
  });

  it('tolerates five minutes of clock skew, not more', () => {
    const now = Date.parse('2026-11-21T00:00:00Z');
    expect(incidentDateProblems('2026-11-21T00:04:59Z', '2026-11-21T00:04:59Z', now)).toEqual({});
    expect(incidentDateProblems('2026-11-21T00:05:01Z', '2026-11-21T00:05:01Z', now)).toEqual({ detectedAt: ['date_in_future'], awareAt: ['date_in_future'] });
  });
});

describe('MoneyMxn', () => {
  it.each([
    ['1500000', '1500000.00'],
    ['1,500,000.5', '1500000.50'],
    ['0.07', '0.07'],
    ['007.10', '7.10'],
    ['99999999999999.99', '99999999999999.99'],
  ])('%s → %s (exact, as a string)', (input, out) => {
    expect(MoneyMxn.parse(input)).toBe(out);
  });
  it.each(['1.234', '-5', 'abc', '1e6', '', '100000000000000'])('refuses %j', (input) => {
    expect(MoneyMxn.safeParse(input).success).toBe(false);
  });
});

describe('filters as a query string', () => {
  it('round-trips through URLSearchParams', () => {
    const filters = IncidentFilters.parse({
      status: ['submitted', 'triaged'],
      severity: [3, 4],
      tlp: ['AMBER+STRICT'],
      q: 'fuga de correos',
      obligation: 'overdue',
    });
    const params = incidentFiltersToSearchParams(filters);
    expect(params.toString()).toBe('status=submitted&status=triaged&severity=3&severity=4&tlp=AMBER%2BSTRICT&q=fuga+de+correos&obligation=overdue');
    expect(IncidentFilters.parse(incidentFiltersFromSearchParams(new URLSearchParams(params.toString())))).toEqual(filters);
  });
  it('refuses unknown values field by field', () => {
    const r = IncidentFilters.safeParse(incidentFiltersFromSearchParams(new URLSearchParams('status=open&severity=9&severity=x')));
    expect(r.success ? [] : Object.keys(fieldErrorsFromIssues(r.error.issues, 'es-MX')).sort()).toEqual(['severity.0', 'severity.1', 'status.0']);
  });
});

describe('note visibility on comments and steps', () => {
  const id = '00000000-0000-4000-8000-000000000001';
  it('is optional and one of anc, reporting, all_readers', () => {
    expect(CommentIncidentInput.parse({ id, body: 'Nota' }).visibility).toBeUndefined();
    expect(CommentIncidentInput.parse({ id, body: 'Nota', visibility: 'anc' }).visibility).toBe('anc');
    expect(TransitionIncidentInput.parse({ id, version: 1, to: 'triaged', reason: 'Motivo', visibility: 'all_readers' }).visibility).toBe('all_readers');
  });
  it('refuses any other value under its field', () => {
    const r = CommentIncidentInput.safeParse({ id, body: 'Nota', visibility: 'everyone' });
    expect(r.success ? {} : fieldErrorsFromIssues(r.error.issues, 'es-MX')).toEqual({ visibility: ['Elige una de las opciones de la lista.'] });
  });
});
