import { z } from 'zod';
import { AGENCY_KINDS, LOCALES, ROLES } from '../roles.ts';
import { Email, Id, ListInput, NewPassword, PersonName, Str } from './common.ts';

export const CreateUserInput = z.object({
  email: Email,
  name: PersonName,
  role: z.enum(ROLES, { error: 'invalid_option' }),
  agencyId: Id,
  password: NewPassword,
  locale: z.enum(LOCALES).default('es-MX'),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.object({
  id: Id,
  name: PersonName.optional(),
  role: z.enum(ROLES, { error: 'invalid_option' }).optional(),
  agencyId: Id.optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const ResetPasswordInput = z.object({ id: Id, password: NewPassword });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

export const ListUsersInput = ListInput.extend({
  agencyId: Id.optional(),
  role: z.enum(ROLES).optional(),
  q: Str().trim().max(100, { error: 'too_long' }).optional(),
  includeInactive: z.boolean().default(true),
});
export type ListUsersInput = z.infer<typeof ListUsersInput>;

export const UserDto = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES),
  active: z.boolean(),
  agency: z.object({ id: z.string(), code: z.string(), name: z.string(), nameEn: z.string(), kind: z.enum(AGENCY_KINDS) }),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserDto = z.infer<typeof UserDto>;
