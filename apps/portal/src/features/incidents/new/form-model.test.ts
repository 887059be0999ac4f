import { CreateIncidentInput, messageFor } from '@anc/domain';
import { describe, expect, it } from 'vitest';
import { schemaValidator } from '../../../lib/forms.ts';
import {
  type IncidentFormValues,
  analyseIndicators,
  crossFieldErrors,
  fieldId,
  formatLossPreview,
  indicatorCounts,
  initialIncidentValues,
  invalidFields,
  prepareIncidentInput,
} from './form-model.ts';

const filled = (overrides: Partial<IncidentFormValues> = {}): IncidentFormValues => ({
  ...initialIncidentValues(),
  title: 'Acceso no autorizado al correo institucional',
  description: 'Se detectaron inicios de sesión desde direcciones externas.',
  rsitClass: 'intrusions',
  rsitType: 'unprivileged-account-compromise',
  severity: '3',
  tlp: 'AMBER',
  detectedAt: '2026-01-10 08:15:00',
  awareAt: '2026-01-10 09:30:00',
  observablesText: '203.0.113.10\nhxxps://phish[.]example/login\nCVE-2024-3094\n',
  ...overrides,
});

const validate = (fileForAgency = false) =>
  schemaValidator<IncidentFormValues>(CreateIncidentInput, () => 'es-MX', {
    prepare: (v) => prepareIncidentInput(v, { fileForAgency }),
    extra: (v, locale) => crossFieldErrors(v, locale, { fileForAgency }),
  });

describe('the new-report form model', () => {
  it('turns complete values into the API input: Mexico City offsets, exact money, canonical indicators', () => {
    const values = filled({ impact: { personalData: true, records: 1200, criticalService: true, crossBorder: false, estimatedLossMxn: '1,500,000.5' } });
    expect(validate()(values)).toEqual({});
    const parsed = CreateIncidentInput.parse(prepareIncidentInput(values, { fileForAgency: false }));
    expect(parsed.detectedAt).toBe('2026-01-10T08:15:00-06:00');
    expect(parsed.awareAt).toBe('2026-01-10T09:30:00-06:00');
    expect(parsed.severity).toBe(3);
    expect(parsed.impact).toEqual({ personalData: true, records: 1200, criticalService: true, crossBorder: false, estimatedLossMxn: '1500000.50' });
    expect(parsed.observables).toEqual([
      { type: 'ipv4', value: '203.0.113.10' },
      { type: 'url', value: 'https://phish.example/login' },
      { type: 'cve', value: 'CVE-2024-3094' },
    ]);
    expect(parsed).not.toHaveProperty('agencyId');
  });

  it('reports missing fields as required and nested problems under their own path', () => {
    const errors = validate()({
      ...initialIncidentValues(),
      impact: { personalData: false, records: '', criticalService: false, crossBorder: false, estimatedLossMxn: '1.500.000' },
      observablesText: '203.0.113.10\n999.1.1.1\nejemplo.gob.mx',
    });
    expect(errors.title).toBe('Este campo es obligatorio.');
    expect(errors.rsitClass).toBe('Este campo es obligatorio.');
    expect(errors.severity).toBe('Este campo es obligatorio.');
    expect(errors.tlp).toBe('Este campo es obligatorio.');
    expect(errors.detectedAt).toBe('Este campo es obligatorio.');
    expect(errors['impact.estimatedLossMxn']).toBe('Escribe un monto en pesos, p. ej. 1500000.00 (hasta dos decimales).');
    expect(errors['observables.1.value']).toMatch(/^No es una dirección IPv4 válida/);
    expect(errors['observables.0.value']).toBeUndefined();
    expect(errors['observables.2.value']).toBeUndefined();
    expect(invalidFields(errors)).toEqual([
      'title',
      'description',
      'rsitClass',
      'severity',
      'tlp',
      'impact.estimatedLossMxn',
      'observables',
      'detectedAt',
      'awareAt',
    ]);
  });

  it('checks the dates against each other and the clock before the rest is valid', () => {
    const errors = validate()(filled({ title: '', awareAt: '2026-01-10 07:00:00' }));
    expect(errors.title).toBe('Este campo es obligatorio.');
    expect(errors.awareAt).toBe('La fecha en que la dependencia tuvo conocimiento no puede ser anterior a la detección.');
    expect(validate()(filled({ detectedAt: '2999-01-01 00:00:00', awareAt: '2999-01-01 00:00:00' })).detectedAt).toBe('La fecha no puede estar en el futuro.');
  });

  it('refuses a date later today as soon as it is picked, even before the other date or fields', () => {
    const now = Date.parse('2026-11-20T16:00:00Z'); // 10:00 in Mexico City
    const only = (detectedAt: string | null, awareAt: string | null) =>
      crossFieldErrors({ ...initialIncidentValues(), detectedAt, awareAt }, 'es-MX', { fileForAgency: false, now });
    expect(only('2026-11-20 23:59:00', null)).toEqual({ detectedAt: 'La fecha no puede estar en el futuro.' });
    expect(only(null, '2026-11-20 23:59:00')).toEqual({ awareAt: 'La fecha no puede estar en el futuro.' });
    expect(only('2026-11-20 09:59:00', null)).toEqual({});
    expect(only(null, null)).toEqual({});
    expect(only('2026-11-20 09:00:00', '2026-11-20 08:00:00')).toEqual({
      awareAt: 'La fecha en que la dependencia tuvo conocimiento no puede ser anterior a la detección.',
    });
    expect(crossFieldErrors({ ...initialIncidentValues(), detectedAt: '2026-11-20 23:59:00' }, 'en', { fileForAgency: false, now }).detectedAt).toBe(
      messageFor('date_in_future', 'en'),
    );
  });

  it('asks a coordinator for the reporting agency, and sends it', () => {
    expect(validate(true)(filled()).agencyId).toBe('Elige la dependencia que reporta.');
    const agencyId = '0196f3d2-7a1b-7c3d-8e4f-5a6b7c8d9e0f';
    expect(validate(true)(filled({ agencyId }))).toEqual({});
    expect(prepareIncidentInput(filled({ agencyId }), { fileForAgency: true }).agencyId).toBe(agencyId);
  });

  it('drops the record estimate when personal data is not affected', () => {
    const input = prepareIncidentInput(filled({ impact: { ...initialIncidentValues().impact, personalData: false, records: 50 } }), { fileForAgency: false });
    expect(input.impact.records).toBeNull();
  });

  it('reads each indicator line with its detected type, a chosen type, and repeats', () => {
    const text = '  192.0.2.1  \n\nEJEMPLO.gob.mx\n192.0.2.1\nd41d8cd98f00b204e9800998ecf8427e\n010.1.1.1';
    const lines = analyseIndicators(text, {});
    expect(lines.map((l) => [l.line, l.type, l.value, l.error, l.duplicateOf])).toEqual([
      [1, 'ipv4', '192.0.2.1', null, null],
      [3, 'domain', 'ejemplo.gob.mx', null, null],
      [4, 'ipv4', '192.0.2.1', null, 1],
      [5, 'md5', 'd41d8cd98f00b204e9800998ecf8427e', null, null],
      [6, 'ipv4', null, 'invalid_ipv4', null],
    ]);
    expect(indicatorCounts(lines)).toEqual({ valid: 4, invalid: 1, duplicates: 1, suspected: 0 });

    // The person says the 32 hex digits are free text, and the broken address too.
    const chosen = analyseIndicators(text, { d41d8cd98f00b204e9800998ecf8427e: 'sha1', '010.1.1.1': 'other' });
    expect(chosen[3]).toMatchObject({ detected: 'md5', type: 'sha1', value: null, error: 'sha1_wrong_length' });
    expect(chosen[4]).toMatchObject({ detected: 'ipv4', type: 'other', value: '010.1.1.1', error: null });
    expect(indicatorCounts(chosen)).toEqual({ valid: 4, invalid: 1, duplicates: 1, suspected: 0 });
  });

  it('warns, without refusing, about free-text lines that look like broken indicators', () => {
    const text = 'http//roto\nnot a domain\nd41d8cd98f00b204e9800998ecf842\n-example.com\nGlobal\\MutexName';
    const lines = analyseIndicators(text, {});
    expect(lines.map((l) => [l.raw, l.type, l.error, l.suspected])).toEqual([
      ['http//roto', 'other', null, 'url'],
      ['not a domain', 'other', null, null],
      ['d41d8cd98f00b204e9800998ecf842', 'other', null, 'md5'],
      ['-example.com', 'domain', 'invalid_domain', null],
      ['Global\\MutexName', 'other', null, null],
    ]);
    expect(indicatorCounts(lines)).toEqual({ valid: 4, invalid: 1, duplicates: 0, suspected: 2 });
    // Still sent as free text: a warning is not an error.
    const input = prepareIncidentInput({ ...filled(), observablesText: 'http//roto' }, { fileForAgency: false });
    expect(CreateIncidentInput.parse(input).observables).toEqual([{ type: 'other', value: 'http//roto' }]);
    // Choosing the type it looks like turns the warning into that type's refusal.
    const chosen = analyseIndicators('http//roto', { 'http//roto': 'url' });
    expect(chosen[0]).toMatchObject({ type: 'url', error: 'invalid_url', suspected: null });
  });

  it('shows the amount as it will be stored, grouped, without going through a float', () => {
    expect(formatLossPreview('1500000')).toBe('$1,500,000.00 MXN');
    expect(formatLossPreview(' 12,345,678,901,234.5 ')).toBe('$12,345,678,901,234.50 MXN');
    expect(formatLossPreview('0.1')).toBe('$0.10 MXN');
    expect(formatLossPreview('1.500.000')).toBeNull();
    expect(formatLossPreview('')).toBeNull();
  });

  it('gives each field a stable element id', () => {
    expect(fieldId('impact.records')).toBe('incident-impact-records');
    expect(fieldId('title')).toBe('incident-title');
  });
});
