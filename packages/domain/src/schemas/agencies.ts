import { z } from 'zod';
import { AGENCY_KINDS, SECTORS } from '../roles.ts';
import { Id, Str } from './common.ts';

export const AgencyCode = Str()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9-]{1,15}$/, { error: 'invalid_agency_code' });

const AgencyName = Str().trim().min(3, { error: 'too_short' }).max(200, { error: 'too_long' });

export const AgencyFields = z.object({
  code: AgencyCode,
  name: AgencyName,
  nameEn: AgencyName,
  kind: z.enum(AGENCY_KINDS, { error: 'invalid_option' }),
  sector: z.enum(SECTORS, { error: 'invalid_option' }).nullable(),
});

// The default lives on create only: on update an absent field must mean "unchanged".
export const CreateAgencyInput = AgencyFields.extend({ sector: AgencyFields.shape.sector.default(null) });
export type CreateAgencyInput = z.infer<typeof CreateAgencyInput>;

export const UpdateAgencyInput = AgencyFields.partial().extend({ id: Id });
export type UpdateAgencyInput = z.infer<typeof UpdateAgencyInput>;

export const SetActiveInput = z.object({ id: Id, active: z.boolean() });
export type SetActiveInput = z.infer<typeof SetActiveInput>;

export const ListAgenciesInput = z.object({ includeInactive: z.boolean().default(false) }).default({ includeInactive: false });

export const AgencyDto = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(AGENCY_KINDS),
  sector: z.enum(SECTORS).nullable(),
  active: z.boolean(),
  userCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AgencyDto = z.infer<typeof AgencyDto>;
