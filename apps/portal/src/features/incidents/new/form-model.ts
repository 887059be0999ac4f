/**
 * The "Nuevo reporte" form's values and how they become `CreateIncidentInput`: pure functions,
 * unit-tested without a browser. The form keeps what people type (wall-clock times, the pasted
 * indicators, the amount as written); `prepareIncidentInput` turns that into the schema's input,
 * so the form and the API check exactly the same thing.
 */
import {
  type CreateIncidentInput,
  type Locale,
  type MessageKey,
  MoneyMxn,
  type ObservableType,
  incidentDateProblems,
  messageFor,
  normalizeObservable,
  parseObservableLines,
  suspectedObservableType,
} from '@anc/domain';
import type { FormErrors } from '@mantine/form';
import { formatMxn } from '../../../lib/money.ts';
import { mexicoCityWallClockToIso } from '../../../lib/dates.ts';

export interface IncidentFormValues {
  /** Coordinators file on behalf of an agency; staff always for their own (not sent). */
  agencyId: string | null;
  title: string;
  description: string;
  affectedSystems: string;
  rsitClass: string | null;
  rsitType: string | null;
  /** '0'…'5': the segmented control speaks strings. */
  severity: string | null;
  tlp: string | null;
  impact: {
    personalData: boolean;
    /** Mantine's NumberInput gives '' when empty. */
    records: number | string;
    criticalService: boolean;
    crossBorder: boolean;
    /** As typed ("1,500,000.00"); the schema turns it into an exact decimal string. */
    estimatedLossMxn: string;
  };
  /** Mexico City wall-clock times from the pickers (`YYYY-MM-DD HH:mm:ss`). */
  detectedAt: string | null;
  awareAt: string | null;
  /** One indicator per line, as pasted. */
  observablesText: string;
  /** The type a person chose for a line instead of the detected one, by the line's text. */
  observableTypes: Record<string, ObservableType>;
}

export const initialIncidentValues = (): IncidentFormValues => ({
  agencyId: null,
  title: '',
  description: '',
  affectedSystems: '',
  rsitClass: null,
  rsitType: null,
  severity: null,
  tlp: null,
  impact: { personalData: false, records: '', criticalService: false, crossBorder: false, estimatedLossMxn: '' },
  detectedAt: null,
  awareAt: null,
  observablesText: '',
  observableTypes: {},
});

export interface IndicatorLine {
  /** Position in the `observables` array sent to the API (errors come back as `observables.<index>.value`). */
  index: number;
  /** 1-based line number in the textarea. */
  line: number;
  raw: string;
  detected: ObservableType;
  type: ObservableType;
  /** Canonical value, or null when the line is refused. */
  value: string | null;
  /** A catalogue key (`MessageKey`), or null. */
  error: MessageKey | null;
  /** The earlier line with the same indicator (stored once), or null. */
  duplicateOf: number | null;
  /**
   * For a line kept as free text: the known type it looks like a broken spelling of (a warning,
   * not a refusal; packages/domain/src/incidents/observables.ts `suspectedObservableType`), or null.
   */
  suspected: ObservableType | null;
}

/** Every non-empty line of the indicators box: detected type, the chosen one, and the outcome. */
export function analyseIndicators(text: string, chosenTypes: Readonly<Record<string, ObservableType>>): IndicatorLine[] {
  const seen = new Map<string, number>();
  return parseObservableLines(text).map((parsed, index) => {
    const chosen = chosenTypes[parsed.raw];
    let { value, error } = parsed;
    if (chosen && chosen !== parsed.type) {
      const result = normalizeObservable(chosen, parsed.raw);
      value = result.ok ? result.value : null;
      error = result.ok ? null : result.error;
    }
    const type = chosen ?? parsed.type;
    const key = value === null ? null : `${type}:${value}`;
    const duplicateOf = key === null ? null : (seen.get(key) ?? null);
    if (key !== null && duplicateOf === null) seen.set(key, parsed.line);
    const suspected = type === 'other' && error === null ? suspectedObservableType(parsed.raw) : null;
    return { index, line: parsed.line, raw: parsed.raw, detected: parsed.type, type, value, error, duplicateOf, suspected };
  });
}

export function indicatorCounts(lines: readonly IndicatorLine[]) {
  return {
    valid: lines.filter((l) => l.error === null).length,
    invalid: lines.filter((l) => l.error !== null).length,
    duplicates: lines.filter((l) => l.duplicateOf !== null).length,
    suspected: lines.filter((l) => l.suspected !== null).length,
  };
}

const blankToNull = (s: string) => (s.trim() === '' ? null : s);

/**
 * The schema's input. Indicators go as typed (with their type), one per line, so that the
 * schema's complaint about entry N is the complaint about line N.
 */
export function prepareIncidentInput(values: IncidentFormValues, options: { fileForAgency: boolean }): CreateIncidentInput {
  const { impact } = values;
  const records = impact.personalData && impact.records !== '' ? Number(impact.records) : null;
  const input = {
    title: values.title,
    description: values.description,
    affectedSystems: values.affectedSystems,
    rsitClass: values.rsitClass ?? undefined,
    rsitType: values.rsitType ?? null,
    severity: values.severity === null || values.severity === '' ? undefined : Number(values.severity),
    tlp: values.tlp ?? undefined,
    detectedAt: mexicoCityWallClockToIso(values.detectedAt),
    awareAt: mexicoCityWallClockToIso(values.awareAt),
    impact: {
      personalData: impact.personalData,
      records,
      criticalService: impact.criticalService,
      crossBorder: impact.crossBorder,
      estimatedLossMxn: blankToNull(impact.estimatedLossMxn),
    },
    observables: analyseIndicators(values.observablesText, values.observableTypes).map((l) => ({ type: l.type, value: l.raw })),
    ...(options.fileForAgency ? { agencyId: values.agencyId ?? undefined } : {}),
  };
  // Blank selects travel as `undefined`, which the schema reports as missing.
  return input as CreateIncidentInput;
}

/**
 * What the schema checks only once every field is valid (zod skips refinements after a field
 * error), checked now so the person sees it at once; plus the agency a coordinator must name.
 */
export function crossFieldErrors(values: IncidentFormValues, locale: Locale, options: { fileForAgency: boolean; now?: number }): FormErrors {
  const errors: FormErrors = {};
  if (options.fileForAgency && !values.agencyId) errors.agencyId = messageFor('agency_required', locale);
  const detectedAt = mexicoCityWallClockToIso(values.detectedAt);
  const awareAt = mexicoCityWallClockToIso(values.awareAt);
  if (detectedAt || awareAt) {
    // Each picked date is checked against the clock as soon as it is picked, even while the
    // other one is still empty (a time later today is refused, never replaced by "now"); the
    // order of the two only once both are there (the missing one stands in for itself).
    const problems = incidentDateProblems(detectedAt || awareAt, awareAt || detectedAt, options.now);
    for (const [path, keys] of Object.entries(problems)) {
      if ((path === 'detectedAt' && !detectedAt) || (path === 'awareAt' && !awareAt)) continue;
      if (keys[0]) errors[path] = messageFor(keys[0], locale);
    }
  }
  return errors;
}

/** "1,500,000.5" → "$1,500,000.50 MXN", as it will be stored; null while it is not an amount. */
export function formatLossPreview(typed: string): string | null {
  if (typed.trim() === '') return null;
  const parsed = MoneyMxn.safeParse(typed);
  return parsed.success ? formatMxn(parsed.data) : null;
}

/** The form's fields in reading order: the first one with an error takes the focus. */
export const FIELD_ORDER = [
  'agencyId',
  'title',
  'description',
  'affectedSystems',
  'rsitClass',
  'rsitType',
  'severity',
  'tlp',
  'impact.personalData',
  'impact.records',
  'impact.criticalService',
  'impact.crossBorder',
  'impact.estimatedLossMxn',
  'observables',
  'detectedAt',
  'awareAt',
] as const;
export type FieldPath = (typeof FIELD_ORDER)[number];

/** Which of FIELD_ORDER an error path belongs to (`observables.3.value` → `observables`). */
export function fieldOf(path: string): FieldPath | null {
  if (path === 'observables' || path.startsWith('observables.')) return 'observables';
  return (FIELD_ORDER as readonly string[]).includes(path) ? (path as FieldPath) : null;
}

/** The element id of a field, for labels, the error summary's links and focusing. */
export const fieldId = (field: FieldPath) => `incident-${field.replace('.', '-')}`;

/** The fields with an error, in reading order (each once). */
export function invalidFields(errors: FormErrors): FieldPath[] {
  const paths = new Set(
    Object.entries(errors)
      .filter(([, message]) => Boolean(message))
      .map(([path]) => fieldOf(path))
      .filter((f): f is FieldPath => f !== null),
  );
  return FIELD_ORDER.filter((f) => paths.has(f));
}

/** Every path the API may put a field error on, for `applyServerError`. */
export function serverErrorPaths(indicatorCount: number): string[] {
  return [
    ...FIELD_ORDER,
    ...Array.from({ length: indicatorCount }, (_, i) => `observables.${i}.value`),
    ...Array.from({ length: indicatorCount }, (_, i) => `observables.${i}.type`),
  ];
}
