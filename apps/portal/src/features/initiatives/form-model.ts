/**
 * The initiative form's values and how they become `initiatives.create` / `initiatives.update`
 * input. Blank selects and dates travel as '' so the domain schema names what is missing; an edit
 * sends only what changed, with the version the page shows.
 */
import { MoneyMxn } from '@anc/domain';
import { formatMxn } from '../../lib/money.ts';

export interface InitiativeFormValues {
  code: string;
  title: string;
  description: string;
  objective: string | null;
  axes: string[];
  leadAgencyId: string | null;
  participantAgencyIds: string[];
  /** Calendar days "YYYY-MM-DD", as the date pickers speak. */
  startDate: string | null;
  endDate: string | null;
  /** As typed: "1,500,000.00" or "1500000". */
  budgetMxn: string;
}

export const INITIATIVE_FIELDS = [
  'code',
  'title',
  'description',
  'objective',
  'axes',
  'leadAgencyId',
  'participantAgencyIds',
  'startDate',
  'endDate',
  'budgetMxn',
] as const;
export type InitiativeField = (typeof INITIATIVE_FIELDS)[number];

export const EMPTY_INITIATIVE: InitiativeFormValues = {
  code: '',
  title: '',
  description: '',
  objective: null,
  axes: [],
  leadAgencyId: null,
  participantAgencyIds: [],
  startDate: null,
  endDate: null,
  budgetMxn: '',
};

/** Form values → `initiatives.create` input (before the schema's own trimming and normalising). */
export const toCreateInput = (v: InitiativeFormValues) => ({
  code: v.code,
  title: v.title,
  description: v.description,
  objective: v.objective ?? '',
  axes: v.axes,
  leadAgencyId: v.leadAgencyId ?? '',
  // The lead takes part by definition; the API drops it from this list too.
  participantAgencyIds: v.participantAgencyIds.filter((id) => id !== v.leadAgencyId),
  startDate: v.startDate ?? '',
  endDate: v.endDate ?? '',
  budgetMxn: v.budgetMxn,
});

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The changed fields as `initiatives.update` takes them, against the values the form started from. */
export function toUpdateInput(id: string, version: number, start: InitiativeFormValues, v: InitiativeFormValues) {
  const now = toCreateInput(v);
  const before = toCreateInput(start);
  const changed: Record<string, unknown> = {};
  for (const field of INITIATIVE_FIELDS) {
    const a = before[field];
    const b = now[field];
    const same = Array.isArray(a) && Array.isArray(b) ? sameSet(a, b) : a === b;
    if (!same) changed[field] = b;
  }
  return { id, version, ...changed };
}

/** "1500000" → "$1,500,000.00 MXN" exactly as it will be stored; null while it is not an amount. */
export function budgetPreview(typed: string): string | null {
  const parsed = MoneyMxn.safeParse(typed);
  return parsed.success ? formatMxn(parsed.data) : null;
}
