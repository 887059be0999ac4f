import { z } from 'zod';
import { Id, ListInput, Str } from './common.ts';

export const AuditListInput = ListInput.extend({
  entityType: Str().trim().max(50, { error: 'too_long' }).optional(),
  entityId: Str().trim().max(100, { error: 'too_long' }).optional(),
  actorId: Id.optional(),
});
export type AuditListInput = z.infer<typeof AuditListInput>;

export const AuditEventDto = z.object({
  id: z.string(),
  seq: z.number().int().nullable(),
  occurredAt: z.string(),
  actor: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** How people name the entity (a reference, a code, a name), or null (none, or gone). */
  entityName: z.string().nullable(),
  diff: z.unknown(),
  origin: z.unknown(),
  sealed: z.boolean(),
});
export type AuditEventDto = z.infer<typeof AuditEventDto>;

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  unsealed: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
