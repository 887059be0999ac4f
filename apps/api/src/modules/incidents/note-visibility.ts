import { readsNote, type Actor, type NoteVisibility } from '@anc/domain';

/**
 * Notes on the timeline (a comment, the reason given with a step) and the incident's
 * `statusReason`, cut to what the caller reads by the one rule of
 * packages/domain/src/incidents/visibility.ts. A hidden comment is left out; a step whose reason
 * is hidden stays (every reader sees the status change) without its text or visibility, so
 * nothing names the hidden note.
 */
interface EventLike {
  kind: string;
  body: string | null;
  visibility: NoteVisibility;
  actorId: string;
}

const isNote = (e: Pick<EventLike, 'kind' | 'body'>) => e.kind === 'comment' || (e.kind === 'status' && e.body !== null);

export function visibleTimelineEvents<E extends EventLike>(
  actor: Actor,
  incident: { agencyId: string },
  events: readonly E[],
): (Omit<E, 'visibility'> & { visibility: NoteVisibility | null })[] {
  return events.flatMap((e) => {
    if (!isNote(e)) return [{ ...e, visibility: null }];
    if (readsNote(actor, incident, { visibility: e.visibility, authorId: e.actorId })) return [e];
    return e.kind === 'comment' ? [] : [{ ...e, body: null, visibility: null }];
  });
}

/**
 * `statusReason` is the reason of the latest step (transition-incident.ts writes both together),
 * so it follows that step's visibility; a reason without its step on the timeline is `reporting`.
 */
export function visibleStatusReason(actor: Actor, incident: { agencyId: string; statusReason: string | null }, events: readonly EventLike[]): string | null {
  if (incident.statusReason === null) return null;
  const step = events.findLast((e) => e.kind === 'status');
  const note = step && step.body !== null ? { visibility: step.visibility, authorId: step.actorId } : { visibility: 'reporting' as const, authorId: '' };
  return readsNote(actor, incident, note) ? incident.statusReason : null;
}
