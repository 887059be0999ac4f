import { z } from 'zod';
import { Id, ListInput } from './schemas/common.ts';
import type { Actor } from './actor.ts';
import { canReadIncident, seesEveryIncident, type IncidentScopeFacts } from './incidents/access.ts';
import { OBLIGATION_KINDS, type ObligationKind } from './incidents/obligations.ts';
import { readsNote, type NoteFacts, type NoteVisibility } from './incidents/visibility.ts';
import { isHiddenName, type HiddenName } from './naming.ts';
import type { Locale } from './roles.ts';
import { canReadTask } from './tasks/access.ts';
import { words, type NamedObligation, type NamedSubject } from './catalogue/index.ts';

/**
 * In-app notifications (issues 4 and 12). Who is told what — NOTIFICATION_AUDIENCE below is this
 * list as data, and the README's "Who is told what" mirrors it:
 * - task assigned / reassigned / returned / reopened / cancelled → the assignee agency's active staff;
 * - task sent for review, task blocked → the coordinator who created it;
 * - task overdue → the assignee agency's active staff and the creating coordinator, once per due date;
 * - incident filed → every active coordinator;
 * - incident shared with an agency → that agency's active staff (with every agency: every agency's
 *   staff that could not read it before);
 * - incident status changed → the reporting agency's active staff;
 * - a coordinator's note the reporting agency reads (visibility `reporting` or `all_readers`) →
 *   the reporting agency's active staff (an `anc` note tells nobody);
 * - a comment on an incident → the person who reported it, if they read the comment;
 * - a legal obligation due soon → the reporting agency's active staff; overdue → they and every
 *   active coordinator; once per recipient, obligation (kind and due date) and state;
 * - an incident given to a coordinator by someone else → that coordinator (its new owner);
 * - any other news of an incident that has an owner (a comment, a step, a share, a report, …) → its
 *   owner (`incident_owner_update`, unless another kind of the same event already tells them).
 * - an advisory published → the active staff of every addressed agency; its answer deadline passed
 *   without an answer of the agency → that agency's active staff, once per advisory and agency.
 * Never the one who made the change; never anyone who may not read, at the time it is written, the
 * task or incident (and the note) it is about; each person at most once per event.
 */
export const NOTIFICATION_KINDS = [
  'task_assigned',
  'task_reassigned',
  'task_returned',
  'task_reopened',
  'task_cancelled',
  'task_in_review',
  'task_overdue',
  'task_blocked',
  'incident_filed',
  'incident_shared',
  'incident_status_changed',
  'incident_note',
  'incident_comment',
  'obligation_due_soon',
  'obligation_overdue',
  'incident_assigned',
  'incident_owner_update',
  'advisory_published',
  'advisory_reminder',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * The parties a notification may go to. Task parties: `assigneeStaff` (active staff of the agency
 * the task is assigned to), `taskCreator`. Incident parties: `coordinators` (every active
 * coordinator), `reportingStaff` (active staff of the reporting agency), `sharedStaff` (active
 * staff of the agencies it was just shared with), `reporter` (the account that filed it), `owner`
 * (the coordinator in charge of it, incidents/owner.ts).
 */
export const NOTIFICATION_PARTIES = [
  'assigneeStaff',
  'taskCreator',
  'coordinators',
  'reportingStaff',
  'sharedStaff',
  'reporter',
  'owner',
  'advisoryStaff',
] as const;
export type NotificationParty = (typeof NOTIFICATION_PARTIES)[number];

/** What a notification is about: the portal page it links to, and whose read rule decides who may be told. */
export type NotificationSubject = 'task' | 'incident' | 'advisory';

interface AudienceRule {
  about: NotificationSubject;
  to: readonly NotificationParty[];
}

/** Who is told about each kind (the list in the comment above, as data). */
export const NOTIFICATION_AUDIENCE = {
  task_assigned: { about: 'task', to: ['assigneeStaff'] },
  task_reassigned: { about: 'task', to: ['assigneeStaff'] },
  task_returned: { about: 'task', to: ['assigneeStaff'] },
  task_reopened: { about: 'task', to: ['assigneeStaff'] },
  task_cancelled: { about: 'task', to: ['assigneeStaff'] },
  task_in_review: { about: 'task', to: ['taskCreator'] },
  task_overdue: { about: 'task', to: ['assigneeStaff', 'taskCreator'] },
  task_blocked: { about: 'task', to: ['taskCreator'] },
  incident_filed: { about: 'incident', to: ['coordinators'] },
  incident_shared: { about: 'incident', to: ['sharedStaff'] },
  incident_status_changed: { about: 'incident', to: ['reportingStaff'] },
  incident_note: { about: 'incident', to: ['reportingStaff'] },
  incident_comment: { about: 'incident', to: ['reporter'] },
  obligation_due_soon: { about: 'incident', to: ['reportingStaff'] },
  obligation_overdue: { about: 'incident', to: ['reportingStaff', 'coordinators'] },
  incident_assigned: { about: 'incident', to: ['owner'] },
  incident_owner_update: { about: 'incident', to: ['owner'] },
  // advisories: the active staff of the addressed agencies (`advisoryStaff`), at publication and,
  // once per advisory and agency, when respondBy passed without an answer
  advisory_published: { about: 'advisory', to: ['advisoryStaff'] },
  advisory_reminder: { about: 'advisory', to: ['advisoryStaff'] },
} as const satisfies Record<NotificationKind, AudienceRule>;

export type TaskNotificationKind = { [K in NotificationKind]: (typeof NOTIFICATION_AUDIENCE)[K]['about'] extends 'task' ? K : never }[NotificationKind];
export type AdvisoryNotificationKind = { [K in NotificationKind]: (typeof NOTIFICATION_AUDIENCE)[K]['about'] extends 'advisory' ? K : never }[NotificationKind];
export type IncidentNotificationKind = Exclude<NotificationKind, TaskNotificationKind | AdvisoryNotificationKind>;
export const OBLIGATION_NOTIFICATION_KINDS = ['obligation_due_soon', 'obligation_overdue'] as const satisfies readonly IncidentNotificationKind[];
export type ObligationNotificationKind = (typeof OBLIGATION_NOTIFICATION_KINDS)[number];

export const notificationSubject = (kind: NotificationKind): NotificationSubject => NOTIFICATION_AUDIENCE[kind].about;
export const isObligationNotificationKind = (kind: NotificationKind): kind is ObligationNotificationKind =>
  (OBLIGATION_NOTIFICATION_KINDS as readonly NotificationKind[]).includes(kind);

/** An active account that might be told: enough to ask the read rules about it. */
export interface NotifiedPerson {
  id: string;
  role: Actor['role'];
  agencyId: string;
}

/** Whether a person may read what a notification is about, now. */
export type ReadCheck = (person: NotifiedPerson) => boolean;

/** The task's readers (domain tasks/access.ts). */
export const taskReaders =
  (task: { assigneeAgencyId: string }): ReadCheck =>
  (person) =>
    canReadTask(person, task);

/** What the read rule of an incident needs, for every reader at once: the agencies it is shared with by name. */
export interface IncidentAudienceFacts extends IncidentScopeFacts {
  sharedAgencyIds: readonly string[];
  sharedWithAll: boolean;
}

/**
 * The incident's readers (`canReadIncident`, TLP included) and, for a note, the note's readers
 * (`readsNote`): a note with `anc` visibility reaches no agency.
 */
export const incidentReaders =
  (incident: IncidentAudienceFacts, note?: NoteFacts): ReadCheck =>
  (person) =>
    canReadIncident(person, incident, { named: incident.sharedAgencyIds.includes(person.agencyId), all: incident.sharedWithAll }) &&
    (!note || readsNote({ ...person, userId: person.id }, incident, note));

/**
 * The people a notification of this kind goes to: the parties of its audience (others given are
 * ignored), each once, only those `reads` allows, never the one who made the change.
 */
export function notificationRecipients(
  kind: NotificationKind,
  input: { people: Partial<Record<NotificationParty, readonly NotifiedPerson[]>>; actorId: string | null; reads: ReadCheck },
): string[] {
  const to = new Map<string, NotifiedPerson>();
  for (const party of NOTIFICATION_AUDIENCE[kind].to) for (const p of input.people[party] ?? []) to.set(p.id, p);
  return [...to.values()].filter((p) => p.id !== input.actorId && input.reads(p)).map((p) => p.id);
}

/**
 * Several kinds announcing one event (a coordinator's note is `incident_note` for the reporting
 * agency and `incident_comment` for its reporter): each person is told once, by the first kind
 * in `kinds` that reaches them.
 */
export function eventRecipients(
  kinds: readonly NotificationKind[],
  input: Parameters<typeof notificationRecipients>[1],
): { userId: string; kind: NotificationKind }[] {
  const told = new Map<string, NotificationKind>();
  for (const kind of kinds) for (const id of notificationRecipients(kind, input)) if (!told.has(id)) told.set(id, kind);
  return [...told].map(([userId, kind]) => ({ userId, kind }));
}

/**
 * The kinds a note on an incident's timeline is announced as: a coordinator's (or admin's) note
 * the reporting agency reads is `incident_note`; any note is `incident_comment` for the reporter
 * (who is then filtered by `readsNote`).
 */
export function noteNotificationKinds(author: Pick<Actor, 'role'>, visibility: NoteVisibility): IncidentNotificationKind[] {
  return seesEveryIncident(author) && visibility !== 'anc' ? ['incident_note', 'incident_comment'] : ['incident_comment'];
}

/**
 * The kinds an incident's event is announced as, with the owner's: an incident that has an owner
 * tells them of every event (after the event's own kinds, so someone those reach is told once, by them).
 */
export function withOwnerNews(kinds: readonly IncidentNotificationKind[], ownerId: string | null | undefined): IncidentNotificationKind[] {
  return ownerId && !kinds.includes('incident_owner_update') ? [...kinds, 'incident_owner_update'] : [...kinds];
}

/** The state of an obligation a reminder is sent for, and its kind. */
export const OBLIGATION_REMINDER = { due_soon: 'obligation_due_soon', overdue: 'obligation_overdue' } as const satisfies Record<
  'due_soon' | 'overdue',
  ObligationNotificationKind
>;

/**
 * The dedupe key of a legal-deadline reminder: once per recipient, incident, obligation (kind and
 * due date: a moved date is a new obligation) and state.
 */
export const obligationReminderKey = (obligation: ObligationKind, dueAt: Date, state: keyof typeof OBLIGATION_REMINDER) =>
  `obligation:${obligation}:${dueAt.toISOString()}:${state}`;

/** The dedupe key of a notification announcing one timeline entry (an incident event). */
export const eventDedupeKey = (eventId: number | string) => `event:${eventId}`;

export const isObligationKind = (v: unknown): v is ObligationKind => typeof v === 'string' && (OBLIGATION_KINDS as readonly string[]).includes(v);

export const ListNotificationsInput = ListInput.extend({ unreadOnly: z.boolean().optional() });
export type ListNotificationsInput = z.infer<typeof ListNotificationsInput>;

/** No ids = mark every unread notification of the caller as read. */
export const MarkNotificationsReadInput = z.object({ ids: z.array(Id).min(1).max(100, { error: 'too_many' }).optional() }).default({});
export type MarkNotificationsReadInput = z.infer<typeof MarkNotificationsReadInput>;

/** What the title of each kind is composed from (a reminder also names the obligation). */
export type NotificationTitleFacts<K extends NotificationKind = NotificationKind> = K extends ObligationNotificationKind ? NamedObligation : NamedSubject;

/**
 * What a notification says, in the reader's language, from its kind and the task or incident it
 * is about (the words: packages/domain/src/catalogue/notifications.ts). A task or incident its
 * reader may no longer read (reassigned away, unshared, raised to RED) is not named: no
 * reference, no title.
 */
export function notificationTitle<K extends NotificationKind>(kind: K, named: NotificationTitleFacts<K> | HiddenName, locale: Locale): string {
  const w = words(locale).notifications;
  if (isHiddenName(named)) return notificationSubject(kind) === 'task' ? w.hidden_task : w.hidden_incident;
  const compose = w[kind] as (facts: NotificationTitleFacts<K>) => string;
  return compose(named);
}

const storedText = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The title of a stored notification, from its kind and the facts written with it (`data`:
 * reference, title and, for a reminder, the obligation): what the bell and the e-mail both say.
 */
export function storedNotificationTitle(row: { kind: NotificationKind; data: Record<string, unknown> }, locale: Locale): string {
  const named = { reference: storedText(row.data.reference), title: storedText(row.data.title) };
  const obligation = row.data.obligation;
  return isObligationNotificationKind(row.kind)
    ? notificationTitle(row.kind, { ...named, obligation: isObligationKind(obligation) ? obligation : 'notification' }, locale)
    : notificationTitle(row.kind, named, locale);
}
