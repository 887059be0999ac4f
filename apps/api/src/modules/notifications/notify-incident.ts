import { activeCoordinators, activePeople, activeStaffExcept, activeStaffOf, incidentAudienceFacts, insertNotifications, type Db } from '@anc/db';
import {
  NOTIFICATION_AUDIENCE,
  eventDedupeKey,
  eventRecipients,
  incidentReaders,
  type IncidentNotificationKind,
  type NoteFacts,
  type NotificationParty,
  type NotifiedPerson,
  withOwnerNews,
} from '@anc/domain';

/** The facts about an incident a notification needs. */
export interface NotifiedIncident {
  id: string;
  reference: string;
  title: string;
  agencyId: string;
  reporterId: string;
  /** The coordinator in charge (domain incidents/owner.ts): told of every event (`incident_owner_update`). */
  ownerId?: string | null;
}

/** A note's text as a notification quotes it: the bell shows two lines. */
const EXCERPT = 280;
const excerpt = (body: string) => (body.length > EXCERPT ? `${body.slice(0, EXCERPT - 1)}…` : body);

export interface IncidentChange {
  /** What the event is announced as, in order: a person reached by several is told by the first. */
  kinds: readonly IncidentNotificationKind[];
  incident: NotifiedIncident;
  actorId: string;
  /** The timeline entry announced: its id is the dedupe key (once per event and person). */
  eventId: number;
  /** The event is this note: only its readers are told, and they read its text. */
  note?: NoteFacts & { body: string };
  /** The step's reason: everyone told reads the step, only the reason's readers its text. */
  reason?: (NoteFacts & { body: string }) | null;
  /** Who a share reaches: the agencies just named, and/or (shared with all) every agency but those listed. */
  shared?: { agencyIds: readonly string[]; allBut: readonly string[] | null };
}

/** The incident parties of the audience table, read only for the parties these kinds tell. */
async function incidentPeople(tx: Db, change: IncidentChange): Promise<Partial<Record<NotificationParty, NotifiedPerson[]>>> {
  const to = new Set<NotificationParty>(change.kinds.flatMap((k) => NOTIFICATION_AUDIENCE[k].to));
  const ownerId = change.incident.ownerId;
  const shared = change.shared;
  return {
    coordinators: to.has('coordinators') ? await activeCoordinators(tx) : [],
    reportingStaff: to.has('reportingStaff') ? await activeStaffOf(tx, [change.incident.agencyId]) : [],
    reporter: to.has('reporter') ? await activePeople(tx, [change.incident.reporterId]) : [],
    owner: to.has('owner') && ownerId ? await activePeople(tx, [ownerId]) : [],
    sharedStaff:
      to.has('sharedStaff') && shared
        ? [...(shared.allBut ? await activeStaffExcept(tx, shared.allBut) : []), ...(await activeStaffOf(tx, shared.agencyIds))]
        : [],
  };
}

/**
 * Tells the right people about a change to an incident, inside the change's transaction: who
 * they are is the domain's table (NOTIFICATION_AUDIENCE via `eventRecipients`), checked against
 * who may read the incident — and the note — as the change leaves it (`incidentReaders`, the
 * domain mirror of the SQL read scope). Each person once per event (`event:<id>`), never the actor.
 * An incident's owner is told of every event (`withOwnerNews`).
 */
export async function notifyIncident(tx: Db, given: IncidentChange): Promise<number> {
  const change = { ...given, kinds: withOwnerNews(given.kinds, given.incident.ownerId) };
  const audience = (await incidentAudienceFacts(tx, [change.incident.id])).get(change.incident.id);
  if (!audience) return 0;
  const people = await incidentPeople(tx, change);
  const told = eventRecipients(change.kinds, { people, actorId: change.actorId, reads: incidentReaders(audience, change.note) });
  const byId = new Map(Object.values(people).flatMap((list) => list.map((p) => [p.id, p] as const)));
  const text = change.note ?? change.reason ?? null;
  const readsText = text ? incidentReaders(audience, text) : () => false;
  const base = { reference: change.incident.reference, title: change.incident.title };
  return insertNotifications(
    tx,
    told.map(({ userId, kind }) => {
      const person = byId.get(userId);
      const comment = text && person && readsText(person) ? { comment: excerpt(text.body) } : {};
      return { userId, kind, incidentId: change.incident.id, data: { ...base, ...comment }, dedupeKey: eventDedupeKey(change.eventId) };
    }),
  );
}
