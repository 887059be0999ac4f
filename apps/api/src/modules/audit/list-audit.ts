import { auditEntityKey, auditEntityNames, listAudit } from '@anc/db';
import type { AuditEventDto, AuditListInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';

export async function listAuditEvents(ctx: UseCaseContext, input: AuditListInput) {
  const { rows, nextCursor } = await listAudit(ctx.db, input);
  const names = await auditEntityNames(
    ctx.db,
    rows.map(({ event }) => event),
  );
  const items: AuditEventDto[] = rows.map(({ event, actor }) => ({
    id: String(event.id),
    seq: event.seq,
    occurredAt: event.occurredAt.toISOString(),
    actor: actor?.id ? { id: actor.id, name: actor.name, email: actor.email } : null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    entityName: names.get(auditEntityKey(event.entityType, event.entityId)) ?? null,
    diff: event.diff,
    origin: event.origin,
    sealed: event.seq !== null,
  }));
  return { items, nextCursor };
}
