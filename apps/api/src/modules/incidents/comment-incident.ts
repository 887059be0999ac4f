import { insertIncidentEvent, writeAudit } from '@anc/db';
import { assertIncidentCapability, noteNotificationKinds, noteVisibilityFor, type CommentIncidentInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { notifyIncident } from '../notifications/notify-incident.ts';
import { readableOr404 } from './incident-rules.ts';

/** A comment goes on the timeline; it does not change the incident, so it takes no version. */
export async function commentIncident(ctx: UseCaseContext, input: CommentIncidentInput) {
  await ctx.db.transaction(async (tx) => {
    const row = await readableOr404(tx, ctx.actor, input.id);
    assertIncidentCapability(ctx.actor, row, 'comment');
    const visibility = noteVisibilityFor(ctx.actor, input.visibility);
    const event = await insertIncidentEvent(tx, { incidentId: row.id, actorId: ctx.actor.userId, kind: 'comment', body: input.body, visibility });
    await notifyIncident(tx, {
      kinds: noteNotificationKinds(ctx.actor, visibility),
      incident: row,
      actorId: ctx.actor.userId,
      eventId: event.id,
      note: { body: input.body, visibility, authorId: ctx.actor.userId },
    });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'incident.comment',
      entityType: 'incident',
      entityId: row.id,
      diff: { comment: [null, input.body], visibility: [null, visibility] },
      origin: ctx.origin,
    });
  });
  return { ok: true as const };
}
