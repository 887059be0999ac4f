import { z } from 'zod';
import { API_SCOPES } from '../api-clients.ts';
import { Id, text } from './common.ts';
import { Instant } from './incidents.ts';
import type { MessageKey } from '../catalogue/validation.ts';

/** docs/API.md "Callers that are not a browser": `apiClients.create/list/revoke` (admin). */
export const API_CLIENT_NAME_MIN = 3;
export const API_CLIENT_NAME_MAX = 100;

export const ApiClientName = text(API_CLIENT_NAME_MIN, API_CLIENT_NAME_MAX);
export const ApiScopeValue = z.enum(API_SCOPES, { error: 'invalid_option' });

/** At least one scope, each once. */
export const ApiScopes = z
  .array(ApiScopeValue, { error: 'scopes_required' })
  .min(1, { error: 'scopes_required' })
  .refine((scopes) => new Set(scopes).size === scopes.length, { error: 'scopes_repeated' });

/** Whether an expiry lies ahead of `now` (a malformed one is reported by `Instant` itself). */
export function expiryProblem(expiresAt: string, now: number = Date.now()): MessageKey | null {
  if (!Instant.safeParse(expiresAt).success) return null;
  return Date.parse(expiresAt) <= now ? 'expiry_in_past' : null;
}

/** An expiry that lies ahead: checked on the field, so it is reported with every other field's problem. */
export const FutureExpiry = Instant.refine((s) => expiryProblem(s) === null, { error: 'expiry_in_past' });

export const CreateApiClientInput = z.object({
  agencyId: Id,
  name: ApiClientName,
  scopes: ApiScopes,
  expiresAt: FutureExpiry.optional(),
});
export type CreateApiClientInput = z.infer<typeof CreateApiClientInput>;

export const ListApiClientsInput = z.object({ agencyId: Id.optional() });
export type ListApiClientsInput = z.infer<typeof ListApiClientsInput>;

export const RevokeApiClientInput = z.object({ id: Id });
export type RevokeApiClientInput = z.infer<typeof RevokeApiClientInput>;

export const API_CLIENT_STATUSES = ['active', 'expired', 'revoked'] as const;
export type ApiClientStatus = (typeof API_CLIENT_STATUSES)[number];

/** Revoked outranks expired: a revoked client stays revoked whatever its expiry. */
export function apiClientStatus(c: { revokedAt: string | Date | null; expiresAt: string | Date | null }, now: number = Date.now()): ApiClientStatus {
  if (c.revokedAt !== null) return 'revoked';
  if (c.expiresAt !== null && new Date(c.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}

/** What `apiClients.list` answers of a client, and `apiClients.create` besides the token: never the token nor its hash. */
export const ApiClientDto = z.object({
  id: z.string(),
  name: z.string(),
  agencyId: z.string(),
  agency: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }),
  scopes: z.array(z.enum(API_SCOPES)),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  status: z.enum(API_CLIENT_STATUSES),
});
export type ApiClientDto = z.infer<typeof ApiClientDto>;

/** `apiClients.create`: the token is in this answer only. */
export const CreatedApiClientDto = z.object({ client: ApiClientDto, token: z.string() });
export type CreatedApiClientDto = z.infer<typeof CreatedApiClientDto>;
