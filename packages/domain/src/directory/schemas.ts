import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { CalendarDate } from '../schemas/initiatives.ts';
import { Email, Id, PersonName, Str, text } from '../schemas/common.ts';
import { DESIGNATION_ROLES, DESIGNATION_STATES } from './clock.ts';

export const DesignationRoleSchema = z.enum(DESIGNATION_ROLES, { error: 'invalid_option' });
export const DesignationStateSchema = z.enum(DESIGNATION_STATES, { error: 'invalid_option' });

/** A Mexican phone number as libphonenumber-js reads it (national or +52), kept in E.164 (+525512345678). */
export function normalizeMxPhone(value: string): string | null {
  const parsed = parsePhoneNumberFromString(value, 'MX');
  if (!parsed || !parsed.isValid() || parsed.country !== 'MX') return null;
  return parsed.number;
}

/** How a stored number reads: `+52 55 1234 5678`. */
export function formatMxPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

export const MxPhone = Str()
  .trim()
  .min(1, { error: 'required' })
  .max(40, { error: 'too_long' })
  .refine((v) => normalizeMxPhone(v) !== null, { error: 'invalid_mx_phone' })
  .transform((v) => normalizeMxPhone(v) ?? v);

export const AgencyIdInput = z.object({ agencyId: Id });
export type AgencyIdInput = z.infer<typeof AgencyIdInput>;

/** The person designated to a role (the form's fields; `agencyId` and `role` come from the page). */
export const DesignationFields = z.object({
  name: PersonName,
  position: text(2, 200),
  email: Email,
  phone: MxPhone,
  /** The day of the designation (its official letter), a Mexico City day; not later than today (the API checks). */
  designatedAt: CalendarDate,
});

export const DesignateInput = DesignationFields.extend({ agencyId: Id, role: DesignationRoleSchema });
export type DesignateInput = z.infer<typeof DesignateInput>;

/** The 24/7 emergency contact: a person or a desk (e.g. "Mesa de guardia del CERT institucional"). */
export const EmergencyContactFields = z.object({
  name: text(2, 160),
  phone: MxPhone,
  email: Email,
});
export const SetEmergencyContactInput = EmergencyContactFields.extend({ agencyId: Id });
export type SetEmergencyContactInput = z.infer<typeof SetEmergencyContactInput>;

export const ListDirectoryInput = z.object({ state: DesignationStateSchema.optional() });
export type ListDirectoryInput = z.infer<typeof ListDirectoryInput>;

/** How many agencies `directory.list` answers at most: the federal bodies are a few hundred at the very most. */
export const DIRECTORY_LIST_MAX = 1000;

export const ContactsForInput = z.object({ id: Id });
